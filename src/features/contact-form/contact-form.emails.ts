/** The mail that carries a visitor's message to an item's contact person (P06). */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export interface ContactMailInput {
  lang: Lang
  recipientName: string | null
  itemTitle: string
  itemUrl: string
  wijkName: string
  visitorName: string
  visitorEmail: string
  message: string
}

export function contactMessageMail(config: Config, m: ContactMailInput): RenderedMail {
  const { t, site, base } = mailFrame(config.operator.name, { lang: m.lang, firstName: m.recipientName }, (t, site) => [t('contact-form.mail.footer', { site })])
  return composeMail({
    ...base,
    template: 'contact-form.message',
    subject: t('contact-form.mail.subject', { title: m.itemTitle, site }),
    paragraphs: [
      t('contact-form.mail.intro', { name: m.visitorName, email: m.visitorEmail, title: m.itemTitle, wijk: m.wijkName, site }),
      t('contact-form.mail.messageHeading'),
      ...paragraphsOf(m.message),
      t('contact-form.mail.reply', { name: m.visitorName }),
    ],
    action: { label: t('contact-form.mail.itemLink'), url: m.itemUrl },
  })
}

/** The mail that carries a visitor's message to an item's contact person (P06). */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
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
  const t = translator(m.lang)
  const site = t('site.name')
  const paragraphs = m.message
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return composeMail({
    template: 'contact-form.message',
    lang: m.lang,
    subject: t('contact-form.mail.subject', { title: m.itemTitle, site }),
    greeting: m.recipientName ? t('contact-form.mail.greeting', { name: m.recipientName }) : t('contact-form.mail.greetingAnon'),
    paragraphs: [
      t('contact-form.mail.intro', { name: m.visitorName, email: m.visitorEmail, title: m.itemTitle, wijk: m.wijkName, site }),
      t('contact-form.mail.messageHeading'),
      ...paragraphs,
      t('contact-form.mail.reply', { name: m.visitorName }),
    ],
    action: { label: t('contact-form.mail.itemLink'), url: m.itemUrl },
    signature: t('contact-form.mail.signature', { operator: config.operator.name }),
    footer: [t('contact-form.mail.footer', { site })],
  })
}

/**
 * The mails of the help feature, in the recipient's language. A notice to managers names the
 * kind of request and, for content, the public item; never who sent it or what they wrote: that
 * is read in /beheer, where viewing it is recorded in the person's access log.
 */
import type { Config } from '../../config/env.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

type Kind = 'question' | 'content-problem' | 'cancellation'


export function newRequestMail(
  config: Config,
  to: { firstName: string; lang: Lang },
  request: { id: number; kind: Kind; item: { title: string; wijkName: string } | null },
): RenderedMail {
  const { t, site, base } = mailFrame(config.operator.name, to, (t, site) => [t('help.mail.new.footer', { site })])
  const kind = t(`help.kind.${request.kind}`)
  return composeMail({
    ...base,
    template: 'help.new-request',
    subject: t('help.mail.new.subject', { id: request.id, kind }),
    paragraphs: [
      t('help.mail.new.body', { site, kind: kind.toLowerCase() }),
      ...(request.item ? [t('help.mail.new.item', { title: request.item.title, wijk: request.item.wijkName })] : []),
      t('help.mail.new.where'),
    ],
    action: { label: t('help.mail.new.action'), url: `${config.publicBaseUrl}/beheer/hulpvragen/${request.id}` },
  })
}

/** The answer to the person who asked, with their own message quoted above it. */
export function answerMail(config: Config, to: { firstName: string; lang: Lang }, request: { createdAt: Date; message: string; answer: string }): RenderedMail {
  const { t, site, base } = mailFrame(config.operator.name, to, (t, site) => [t('accounts.mail.footer', { site })])
  return composeMail({
    ...base,
    template: 'help.answer',
    subject: t('help.mail.answer.subject'),
    paragraphs: [
      t('help.mail.answer.intro', { date: formatDate(request.createdAt, to.lang), site }),
      ...paragraphsOf(request.message).map((p) => `> ${p}`),
      t('help.mail.answer.ours'),
      ...paragraphsOf(request.answer),
      t('help.mail.answer.more'),
    ],
  })
}

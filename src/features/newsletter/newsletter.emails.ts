/** The confirmation mail of a visitor's subscription (double opt-in), in the visitor's language. */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export const CONFIRM_PATH = '/nieuwsbrief/bevestigen'
export const UNSUBSCRIBE_PATH = '/nieuwsbrief/afmelden'

export function linkUrl(config: Pick<Config, 'publicBaseUrl'>, path: string, token: string): string {
  return `${config.publicBaseUrl}${path}/${token}`
}

export function confirmSubscriptionMail(config: Pick<Config, 'publicBaseUrl' | 'operator'>, to: { lang: Lang; firstName: string; wijkName: string }, token: string): RenderedMail {
  const { t, base } = mailFrame(config.operator.name, to)
  return composeMail({
    ...base,
    template: 'newsletter.confirm',
    subject: t('newsletter.mail.confirm.subject', { wijk: to.wijkName }),
    paragraphs: [t('newsletter.mail.confirm.body', { wijk: to.wijkName }), t('newsletter.mail.confirm.notYou')],
    action: { label: t('newsletter.mail.confirm.action'), url: linkUrl(config, CONFIRM_PATH, token) },
  })
}

/** The confirmation mail of a visitor's subscription (double opt-in), in the visitor's language. */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export const CONFIRM_PATH = '/nieuwsbrief/bevestigen'
export const UNSUBSCRIBE_PATH = '/nieuwsbrief/afmelden'

export function linkUrl(config: Pick<Config, 'publicBaseUrl'>, path: string, token: string): string {
  return `${config.publicBaseUrl}${path}/${token}`
}

export function confirmSubscriptionMail(config: Pick<Config, 'publicBaseUrl' | 'operator'>, to: { lang: Lang; firstName: string; wijkName: string }, token: string): RenderedMail {
  const t = translator(to.lang)
  return composeMail({
    template: 'newsletter.confirm',
    lang: to.lang,
    subject: t('newsletter.mail.confirm.subject', { wijk: to.wijkName }),
    greeting: t('newsletter.mail.greeting', { name: to.firstName }),
    paragraphs: [t('newsletter.mail.confirm.body', { wijk: to.wijkName }), t('newsletter.mail.confirm.notYou')],
    action: { label: t('newsletter.mail.confirm.action'), url: linkUrl(config, CONFIRM_PATH, token) },
    signature: t('newsletter.mail.signature', { operator: config.operator.name }),
  })
}

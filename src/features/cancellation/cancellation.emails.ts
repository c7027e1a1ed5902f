/** The mails of cancellation and restore, in the account holder's language (composeMail). */
import type { Config } from '../../config/env.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'
import { accountUrl } from '../accounts/accounts.emails.js'

export interface Recipient {
  firstName: string
  lang: Lang
}

/** Greeting, signature and why this mail came (the footer). */
function frame(config: Config, to: Recipient) {
  return mailFrame(config.operator.name, to, (t, site) => [t('accounts.mail.footer', { site })])
}

/** Confirms a cancellation and says plainly what happens next and how to come back. */
export function accountCancelledMail(config: Config, to: Recipient, opts: { byAdmin: boolean; purgeAfter: Date }): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'cancellation.confirmed',
    subject: t('cancellation.mail.cancelled.subject', { site }),
    paragraphs: [
      t(opts.byAdmin ? 'cancellation.mail.cancelled.byAdmin' : 'cancellation.mail.cancelled.body', { site }),
      t('cancellation.mail.cancelled.now'),
      t('cancellation.mail.cancelled.erase'),
      t('cancellation.mail.cancelled.archive', { date: formatDate(opts.purgeAfter, to.lang), email: config.operator.email }),
      t('cancellation.mail.cancelled.notYou', { email: config.operator.email }),
    ],
  })
}

/** After a restore: the link to choose a new password (the reset-password token flow). */
export function accountRestoredMail(config: Config, to: Recipient, token: string, validHours: number): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'cancellation.restored',
    subject: t('cancellation.mail.restored.subject', { site }),
    paragraphs: [
      t('cancellation.mail.restored.body', { site }),
      t('cancellation.mail.restored.drafts'),
      t('cancellation.mail.restored.link', { hours: validHours, forgotUrl: accountUrl(config, '/account/wachtwoord-vergeten') }),
    ],
    action: { label: t('accounts.mail.reset.action'), url: accountUrl(config, '/account/wachtwoord-herstellen', token) },
  })
}

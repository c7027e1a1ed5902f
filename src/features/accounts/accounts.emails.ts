/**
 * The mails of the accounts feature, one function each, in the recipient's language, as text and
 * HTML (composeMail). Links are absolute (PUBLIC_BASE_URL); the signature names the operator.
 */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export interface Recipient {
  firstName: string
  lang: Lang
}

export function accountUrl(config: Pick<Config, 'publicBaseUrl'>, path: string, token?: string): string {
  return `${config.publicBaseUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/** Greeting, signature and why this mail came (the footer). */
function frame(config: Config, to: Recipient) {
  return mailFrame(config.operator.name, to, (t, site) => [t('accounts.mail.footer', { site })])
}

/** "Confirm your address": the link that verifies a new account. */
export function verifyEmailMail(config: Config, to: Recipient, token: string): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.verify',
    subject: t('accounts.mail.verify.subject'),
    paragraphs: [t('accounts.mail.verify.body', { site }), t('accounts.mail.notYou')],
    action: { label: t('accounts.mail.verify.action'), url: accountUrl(config, '/account/bevestigen', token) },
  })
}

/** To an existing account holder when someone signs up again with their address. */
export function signupAttemptMail(config: Config, to: Recipient): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.signup-attempt',
    subject: t('accounts.mail.exists.subject'),
    paragraphs: [
      t('accounts.mail.exists.body', { site }),
      t('accounts.mail.exists.help', { resetUrl: accountUrl(config, '/account/wachtwoord-vergeten') }),
      t('accounts.mail.notYou'),
    ],
    action: { label: t('accounts.mail.exists.action'), url: accountUrl(config, '/account/inloggen') },
  })
}

export function resetPasswordMail(config: Config, to: Recipient, token: string): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.reset',
    subject: t('accounts.mail.reset.subject'),
    paragraphs: [t('accounts.mail.reset.body', { site }), t('accounts.mail.notYou')],
    action: { label: t('accounts.mail.reset.action'), url: accountUrl(config, '/account/wachtwoord-herstellen', token) },
  })
}

/** A security notice after a password change or reset (ASVS 6.3.7). */
export function passwordChangedMail(config: Config, to: Recipient): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.password-changed',
    subject: t('accounts.mail.passwordChanged.subject'),
    paragraphs: [
      t('accounts.mail.passwordChanged.body', { site }),
      t('accounts.mail.passwordChanged.notYou', {
        resetUrl: accountUrl(config, '/account/wachtwoord-vergeten'),
        contactUrl: accountUrl(config, '/contact'),
      }),
    ],
  })
}

/** To the NEW address: the link that makes the switch. */
export function confirmNewEmailMail(config: Config, to: Recipient, token: string): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.confirm-email',
    subject: t('accounts.mail.confirmEmail.subject'),
    paragraphs: [t('accounts.mail.confirmEmail.body', { site }), t('accounts.mail.notYou')],
    action: { label: t('accounts.mail.confirmEmail.action'), url: accountUrl(config, '/account/email-bevestigen', token) },
  })
}

/** To the OLD address: someone asked to move the account to another (partly hidden) address. */
export function emailChangeNoticeMail(config: Config, to: Recipient, newEmail: string): RenderedMail {
  const { t, site, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'accounts.email-change-notice',
    subject: t('accounts.mail.emailNotice.subject'),
    paragraphs: [
      t('accounts.mail.emailNotice.body', { site, masked: maskEmail(newEmail) }),
      t('accounts.mail.emailNotice.notYou', { resetUrl: accountUrl(config, '/account/wachtwoord-vergeten') }),
    ],
  })
}

/** "anna@example.nl" → "a***@example.nl": recognisable to the owner, useless to a snooper. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

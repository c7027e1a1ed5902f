/**
 * Mails about a person's second factors: one after every change (so a change they did not make
 * is noticed), and the one reminder during a grace period. They name what changed and when,
 * never a secret or a code.
 */
import type { Config } from '../../config/env.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export const SETUP_PATH = '/mijn-gegevens/tweede-factor'

export type FactorChange =
  | { kind: 'totp.enable' }
  | { kind: 'totp.disable' }
  | { kind: 'passkey.add'; passkeyName: string }
  | { kind: 'passkey.remove'; passkeyName: string }
  | { kind: 'recovery.regenerate' }
  | { kind: 'recovery.use'; unusedLeft: number }
  | { kind: 'reset' }

interface Recipient {
  firstName: string
  lang: Lang
}

/** Greeting, signature and why this mail came (the footer). */
function frame(config: Config, to: Recipient) {
  return mailFrame(config.operator.name, to, (t, site) => [t('twoFactor.mail.footer', { site })])
}

export function factorChangedMail(config: Config, to: Recipient, change: FactorChange, at: Date): RenderedMail {
  const { t, base } = frame(config, to)
  const when = formatDate(at, to.lang, 'dateTime')
  const what = (() => {
    switch (change.kind) {
      case 'totp.enable':
        return t('twoFactor.mail.change.totpEnable')
      case 'totp.disable':
        return t('twoFactor.mail.change.totpDisable')
      case 'passkey.add':
        return t('twoFactor.mail.change.passkeyAdd', { name: change.passkeyName })
      case 'passkey.remove':
        return t('twoFactor.mail.change.passkeyRemove', { name: change.passkeyName })
      case 'recovery.regenerate':
        return t('twoFactor.mail.change.recoveryRegenerate')
      case 'recovery.use':
        return t('twoFactor.mail.change.recoveryUse', { count: change.unusedLeft })
      case 'reset':
        return t('twoFactor.mail.change.reset')
    }
  })()
  return composeMail({
    ...base,
    template: `two-factor.${change.kind}`,
    subject: t('twoFactor.mail.change.subject'),
    paragraphs: [t('twoFactor.mail.change.body', { what, when }), t('twoFactor.mail.change.notYou')],
    action: { label: t('twoFactor.mail.change.action'), url: `${config.publicBaseUrl}${SETUP_PATH}` },
  })
}

export function graceReminderMail(config: Config, to: Recipient, daysLeft: number): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'two-factor.reminder',
    subject: daysLeft > 0 ? t('twoFactor.mail.reminder.subject', { days: daysLeft }) : t('twoFactor.mail.reminder.subjectWithheld'),
    paragraphs: [daysLeft > 0 ? t('twoFactor.mail.reminder.body', { days: daysLeft }) : t('twoFactor.mail.reminder.bodyWithheld'), t('twoFactor.mail.reminder.how')],
    action: { label: t('twoFactor.mail.reminder.action'), url: `${config.publicBaseUrl}${SETUP_PATH}` },
  })
}

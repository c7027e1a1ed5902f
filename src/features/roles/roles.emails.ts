/** The mails about a role: appointed, or the role ended. Written in the recipient's language. */
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import type { Config } from '../../config/env.js'
import type { Role } from '../../kernel/policy/actor.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

interface RoleMail {
  lang: Lang
  firstName: string
  role: Role
  wijkName: string | null
  config: Pick<Config, 'publicBaseUrl' | 'operator'>
}

function common(p: RoleMail) {
  const { t, base } = mailFrame(p.config.operator.name, p, (t) => [t('roles.mail.why', { contact: new URL('/contact', p.config.publicBaseUrl).toString() })])
  return { t, base, role: t(`roles.role.${p.role}`).toLowerCase() }
}

export function roleAppointedMail(p: RoleMail): RenderedMail {
  const { t, base, role } = common(p)
  return composeMail({
    ...base,
    template: 'roles.appointed',
    subject: t('roles.mail.appointed.subject', { role }),
    paragraphs: [p.wijkName ? t('roles.mail.appointed.wijk', { role, wijk: p.wijkName }) : t('roles.mail.appointed.platform', { role })],
    action: { label: t('roles.mail.appointed.button'), url: new URL('/beheer', p.config.publicBaseUrl).toString() },
  })
}

export function roleRevokedMail(p: RoleMail): RenderedMail {
  const { t, base, role } = common(p)
  return composeMail({
    ...base,
    template: 'roles.revoked',
    subject: t('roles.mail.revoked.subject', { role }),
    paragraphs: [p.wijkName ? t('roles.mail.revoked.wijk', { role, wijk: p.wijkName }) : t('roles.mail.revoked.platform', { role })],
  })
}

/**
 * To an address without an account: who invites, to which role, and the link (valid `days`).
 * In Dutch, the platform's language: there is no account whose language we could know.
 */
export function roleInvitationMail(p: {
  inviterName: string
  role: Role
  wijkName: string | null
  days: number
  token: string
  config: Pick<Config, 'publicBaseUrl' | 'operator'>
}): RenderedMail {
  const { t, base } = mailFrame(p.config.operator.name, { lang: 'nl' }, (t) => [t('roles.mail.invite.why', { contact: new URL('/contact', p.config.publicBaseUrl).toString() })])
  const role = t(`roles.role.${p.role}`).toLowerCase()
  return composeMail({
    ...base,
    template: 'roles.invitation',
    subject: p.wijkName ? t('roles.mail.invite.subjectWijk', { role, wijk: p.wijkName }) : t('roles.mail.invite.subject', { role }),
    paragraphs: [
      p.wijkName ? t('roles.mail.invite.wijk', { name: p.inviterName, role, wijk: p.wijkName }) : t('roles.mail.invite.platform', { name: p.inviterName, role }),
      t('roles.mail.invite.account'),
      t('roles.mail.invite.expiry', { days: p.days }),
      t('roles.mail.invite.notYou'),
    ],
    action: { label: t('roles.mail.invite.button'), url: new URL(`/rol-uitnodiging/${encodeURIComponent(p.token)}`, p.config.publicBaseUrl).toString() },
  })
}

/**
 * Mails of the owner side: an invitation to co-manage, and the Prikbord expiry reminder. Links
 * are absolute (PUBLIC_BASE_URL); the text never carries more than the item's title.
 */
import type { Config } from '../../config/env.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

/** Greeting, signature and why this mail came (the footer). */
function frame(config: Pick<Config, 'operator'>, to: { lang: Lang; firstName?: string }) {
  return mailFrame(config.operator.name, to, (t, site) => [t('my-content.mail.footer', { site })])
}

/** To the invited address: who invites, for which item, and the link (valid INVITATION_DAYS). */
export function invitationMail(config: Config, p: { lang: Lang; inviterName: string; title: string; days: number }, token: string): RenderedMail {
  const { t, base } = frame(config, p)
  return composeMail({
    ...base,
    template: 'my-content.invitation',
    subject: t('my-content.mail.invite.subject', { title: p.title }),
    paragraphs: [t('my-content.mail.invite.body', { name: p.inviterName, title: p.title }), t('my-content.mail.invite.expiry', { days: p.days }), t('my-content.mail.invite.notYou')],
    action: { label: t('my-content.mail.invite.action'), url: `${config.publicBaseUrl}/uitnodiging/${encodeURIComponent(token)}` },
  })
}

/** To the owner, three days before a Prikbord item leaves the site. */
export function expiryReminderMail(config: Config, to: { firstName: string; lang: Lang }, item: { id: number; title: string; expiresAt: Date }): RenderedMail {
  const { t, base } = frame(config, to)
  return composeMail({
    ...base,
    template: 'my-content.expiry-reminder',
    subject: t('my-content.mail.expiry.subject', { title: item.title }),
    paragraphs: [t('my-content.mail.expiry.body', { title: item.title, date: formatDate(item.expiresAt, to.lang, 'dateTime') }), t('my-content.mail.expiry.how')],
    action: { label: t('my-content.mail.expiry.action'), url: `${config.publicBaseUrl}/mijn-content/${item.id}/verlengen` },
  })
}

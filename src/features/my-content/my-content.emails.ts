/**
 * Mails of the owner side: an invitation to co-manage, and the Prikbord expiry reminder. Links
 * are absolute (PUBLIC_BASE_URL); the text never carries more than the item's title.
 */
import type { Config } from '../../config/env.js'
import { formatDate, translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

function frame(config: Config, lang: Lang) {
  const t = translator(lang)
  return { t, signature: t('my-content.mail.signature', { operator: config.operator.name }), footer: [t('my-content.mail.footer', { site: t('site.name') })] }
}

/** To the invited address: who invites, for which item, and the link (valid INVITATION_DAYS). */
export function invitationMail(config: Config, p: { lang: Lang; inviterName: string; title: string; days: number }, token: string): RenderedMail {
  const { t, signature, footer } = frame(config, p.lang)
  return composeMail({
    template: 'my-content.invitation',
    lang: p.lang,
    subject: t('my-content.mail.invite.subject', { title: p.title }),
    paragraphs: [t('my-content.mail.invite.body', { name: p.inviterName, title: p.title }), t('my-content.mail.invite.expiry', { days: p.days }), t('my-content.mail.invite.notYou')],
    action: { label: t('my-content.mail.invite.action'), url: `${config.publicBaseUrl}/uitnodiging/${encodeURIComponent(token)}` },
    signature,
    footer,
  })
}

/** To the owner, three days before a Prikbord item leaves the site. */
export function expiryReminderMail(config: Config, to: { firstName: string; lang: Lang }, item: { id: number; title: string; expiresAt: Date }): RenderedMail {
  const { t, signature, footer } = frame(config, to.lang)
  return composeMail({
    template: 'my-content.expiry-reminder',
    lang: to.lang,
    subject: t('my-content.mail.expiry.subject', { title: item.title }),
    greeting: t('my-content.mail.greeting', { name: to.firstName }),
    paragraphs: [t('my-content.mail.expiry.body', { title: item.title, date: formatDate(item.expiresAt, to.lang, 'dateTime') }), t('my-content.mail.expiry.how')],
    action: { label: t('my-content.mail.expiry.action'), url: `${config.publicBaseUrl}/mijn-content/${item.id}/verlengen` },
    signature,
    footer,
  })
}

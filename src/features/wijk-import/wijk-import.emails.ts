/**
 * The claim invitation: the wijk team asks an organisation to take over the entry it imported.
 * The link is the co-manager invitation's link (/uitnodiging/<token>); accepting makes the
 * account the owner. The text carries only the entry's title and the wijk's name.
 */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export function claimInvitationMail(config: Config, p: { lang: Lang; wijkName: string; inviterName: string; title: string; days: number }, token: string): RenderedMail {
  const t = translator(p.lang)
  return composeMail({
    template: 'wijk-import.claim',
    lang: p.lang,
    subject: t('wijk-import.mail.claim.subject', { title: p.title }),
    paragraphs: [
      t('wijk-import.mail.claim.body', { wijk: p.wijkName, title: p.title, name: p.inviterName }),
      t('wijk-import.mail.claim.owner'),
      t('wijk-import.mail.claim.expiry', { days: p.days }),
      t('wijk-import.mail.claim.notYou'),
    ],
    action: { label: t('wijk-import.mail.claim.action'), url: `${config.publicBaseUrl}/uitnodiging/${encodeURIComponent(token)}` },
    signature: t('wijk-import.mail.claim.signature', { wijk: p.wijkName }),
    footer: [t('wijk-import.mail.claim.footer', { site: t('site.name') })],
  })
}

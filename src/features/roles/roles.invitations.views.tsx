/** Pages and parts for role invitations: the open ones on the management pages, and the offer. Pure views. */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable } from '../../kernel/ui/components.js'
import type { OpenInvitationRow } from './roles.queries.js'

/** The open invitations with a cancel button each; nothing at all when there are none. */
export function OpenInvitations(p: { t: T; lang: Lang; csrfToken: string; rows: OpenInvitationRow[]; cancelBase: string; showRole: boolean }) {
  const { t } = p
  if (p.rows.length === 0) return null
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('roles.invitations.title')}</h2>
      <p>{t('roles.invitations.intro')}</p>
      <DataTable
        head={[
          t('roles.col.email'),
          p.showRole && t('roles.col.role'),
          p.showRole && t('roles.col.wijk'),
          t('roles.invitations.col.validUntil'),
          t('roles.col.actions'),
        ]}
      >
        {p.rows.map((r) => (
          <tr>
            <td>{r.email}</td>
            {p.showRole && <td>{t(`roles.role.${r.role}`)}</td>}
            {p.showRole && <td>{r.wijkName ?? t('roles.platformWide')}</td>}
            <td>{formatDate(r.expiresAt, p.lang)}</td>
            <td>
              <form method="post" action={`${p.cancelBase}/${r.id}/intrekken`}>
                <CsrfField token={p.csrfToken} />
                <button type="submit" class="secondary" aria-label={t('roles.invitations.cancelLabel', { email: r.email })}>
                  {t('roles.invitations.cancel')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}

/** What the mailed link offers, and the button that accepts it. */
export function InvitationOfferPage(p: { t: T; csrfToken: string; invitation: Pick<OpenInvitationRow, 'role' | 'wijkName'>; action: string }) {
  const { t } = p
  const role = t(`roles.role.${p.invitation.role}`).toLowerCase()
  return (
    <>
      <h1>{t('roles.invitation.title')}</h1>
      <p>{p.invitation.wijkName ? t('roles.invitation.offerWijk', { role, wijk: p.invitation.wijkName }) : t('roles.invitation.offerPlatform', { role })}</p>
      <p>{t('roles.invitation.what')}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <button type="submit">{t('roles.invitation.accept')}</button>
      </form>
    </>
  )
}

/** Why a link does not work (404) or is not for this account (403). */
export function InvitationRefusedPage(p: { t: T; heading: string; message: string }) {
  return (
    <>
      <h1>{p.heading}</h1>
      <p>{p.message}</p>
    </>
  )
}

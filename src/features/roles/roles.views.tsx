/** Pages for role appointments. Pure views. */
import type { Child } from 'hono/jsx'
import type { T } from '../../kernel/i18n/i18n.js'
import type { FormState } from '../../kernel/ui/components.js'
import { CsrfField, DataTable, ErrorSummary, Field, Select } from '../../kernel/ui/components.js'
import type { AssignmentRow } from './roles.queries.js'
import { ROLES } from './roles.schema.js'

function fullName(r: AssignmentRow): string {
  return r.lastName ? `${r.firstName} ${r.lastName}` : r.firstName
}

function AssignmentTable(p: { t: T; csrfToken: string; rows: AssignmentRow[]; revokeBase: string; showWijk: boolean }) {
  const { t } = p
  return (
    <DataTable head={[t('roles.col.name'), t('roles.col.email'), t('roles.col.role'), p.showWijk && t('roles.col.wijk'), t('roles.col.actions')]}>
      {p.rows.map((r) => (
        <tr>
          <td>{fullName(r)}</td>
          <td>{r.email}</td>
          <td>{t(`roles.role.${r.role}`)}</td>
          {p.showWijk && <td>{r.wijkName ?? t('roles.platformWide')}</td>}
          <td>
            <form method="post" action={`${p.revokeBase}/${r.id}/intrekken`}>
              <CsrfField token={p.csrfToken} />
              <button type="submit" class="secondary" aria-label={t('roles.revokeLabel', { name: fullName(r), role: t(`roles.role.${r.role}`) })}>
                {t('roles.revoke')}
              </button>
            </form>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

export function RolesPage(p: {
  t: T
  csrfToken: string
  rows: AssignmentRow[]
  wijken: Array<{ id: number; name: string; cityName: string }>
  state?: FormState
  notice?: Child
  /** The open invitations (roles.invitations.views.tsx), shown below the current roles. */
  invitations?: Child
}) {
  const { t } = p
  return (
    <>
      <p>
        <a href="/beheer">{t('beheer.back')}</a>
      </p>
      <h1>{t('roles.title')}</h1>
      <p>{t('roles.intro')}</p>
      {p.notice}
      <section aria-labelledby="current-title">
        <h2 id="current-title">{t('roles.current')}</h2>
        {p.rows.length === 0 ? <p>{t('roles.none')}</p> : <AssignmentTable t={t} csrfToken={p.csrfToken} rows={p.rows} revokeBase="/beheer/rollen" showWijk />}
      </section>
      {p.invitations}
      <section aria-labelledby="appoint-title">
        <h2 id="appoint-title">{t('roles.appoint.title')}</h2>
        <ErrorSummary errors={p.state?.errors} t={t} />
        <form method="post" action="/beheer/rollen" class="stack">
          <CsrfField token={p.csrfToken} />
          <Field name="email" type="email" label={t('roles.appoint.email')} state={p.state} required autocomplete="off" t={t} />
          <Select
            name="role"
            label={t('roles.appoint.role')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.role.${r}`) }))}
            value="wijkbeheerder"
            state={p.state}
            required
            t={t}
          />
          <Select
            name="wijkId"
            label={t('roles.appoint.wijk')}
            hint={t('roles.appoint.wijkHint')}
            options={[{ value: '', label: t('roles.appoint.noWijk') }, ...p.wijken.map((w) => ({ value: String(w.id), label: `${w.name} (${w.cityName})` }))]}
            state={p.state}
            t={t}
          />
          <div>
            <button type="submit">{t('roles.appoint.submit')}</button>
          </div>
        </form>
      </section>
    </>
  )
}

/** An ambassadeur's page for the wijkbeheerders of their own wijk. */
export function WijkbeheerdersPage(p: {
  t: T
  csrfToken: string
  wijk: { id: number; name: string }
  rows: AssignmentRow[]
  state?: FormState
  notice?: Child
  invitations?: Child
}) {
  const { t } = p
  const base = `/beheer/wijken/${p.wijk.id}/wijkbeheerders`
  return (
    <>
      <p>
        <a href="/beheer">{t('beheer.back')}</a>
      </p>
      <h1>{t('roles.wijkbeheerders.title', { wijk: p.wijk.name })}</h1>
      <p>{t('roles.wijkbeheerders.intro')}</p>
      {p.notice}
      <section aria-labelledby="current-title">
        <h2 id="current-title">{t('roles.current')}</h2>
        {p.rows.length === 0 ? (
          <p>{t('roles.wijkbeheerders.none')}</p>
        ) : (
          <AssignmentTable t={t} csrfToken={p.csrfToken} rows={p.rows} revokeBase={base} showWijk={false} />
        )}
      </section>
      {p.invitations}
      <section aria-labelledby="appoint-title">
        <h2 id="appoint-title">{t('roles.appoint.title')}</h2>
        <ErrorSummary errors={p.state?.errors} t={t} />
        <form method="post" action={base} class="stack">
          <CsrfField token={p.csrfToken} />
          <Field name="email" type="email" label={t('roles.appoint.email')} state={p.state} required autocomplete="off" t={t} />
          <div>
            <button type="submit">{t('roles.appoint.submit')}</button>
          </div>
        </form>
      </section>
    </>
  )
}

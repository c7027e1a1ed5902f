/**
 * Role appointments: the platform admin's overview (/beheer/rollen), and an ambassadeur's page
 * for the wijkbeheerders of their own wijk (/beheer/wijken/:id/wijkbeheerders). An address
 * without an account gets an invitation instead (roles.invitations.ts), listed on the same page
 * until it is accepted, cancelled or expired. Mounted inside beheerRoutes.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { render } from '../../kernel/ui/render.js'
import { Notice } from '../../kernel/ui/components.js'
import { listWijken, findWijkForEdit } from '../places/places.queries.js'
import { appointSchema, appointWijkbeheerderSchema } from './roles.schema.js'
import { listAssignments, listOpenInvitations } from './roles.queries.js'
import { revokeRole, roleCount, type RevokeResult } from './roles.service.js'
import { appointOrInvite, revokeRoleInvitation, type AppointOrInviteResult } from './roles.invitations.js'
import { RolesPage, WijkbeheerdersPage } from './roles.views.js'
import { OpenInvitations } from './roles.invitations.views.js'
import { roleInvitationRoutes } from './roles.invitations.routes.js'

function translate(c: AppContext, errors: Record<string, MessageKey>): FieldErrors {
  const t = c.get('t')
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))
}

async function rolesPage(c: AppContext, opts: { values?: FormValues; errors?: FieldErrors; notice?: MessageKey; status?: 200 | 409 | 422 } = {}) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const [rows, wijken, invitations] = await Promise.all([listAssignments(db), listWijken(db), listOpenInvitations(db, c.get('deps').clock.now())])
  return render(
    c,
    <RolesPage
      t={t}
      csrfToken={c.get('csrfToken')}
      rows={rows}
      wijken={wijken}
      state={{ values: opts.values, errors: opts.errors }}
      notice={opts.notice && <Notice kind="error">{t(opts.notice)}</Notice>}
      invitations={<OpenInvitations t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} rows={invitations} cancelBase="/beheer/rollen/uitnodigingen" showRole />}
    />,
    { title: t('roles.title'), status: opts.status ?? 200 },
  )
}

async function wijkbeheerdersPage(c: AppContext, opts: { values?: FormValues; errors?: FieldErrors; notice?: MessageKey; status?: 200 | 422 } = {}) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const wijk = await findWijkForEdit(db, idParam(c))
  if (!wijk) throw notFound()
  const [rows, invitations] = await Promise.all([
    listAssignments(db, { wijkId: wijk.id, role: 'wijkbeheerder' }),
    listOpenInvitations(db, c.get('deps').clock.now(), { wijkId: wijk.id, role: 'wijkbeheerder' }),
  ])
  return render(
    c,
    <WijkbeheerdersPage
      t={t}
      csrfToken={c.get('csrfToken')}
      wijk={wijk}
      rows={rows}
      state={{ values: opts.values, errors: opts.errors }}
      notice={opts.notice && <Notice kind="error">{t(opts.notice)}</Notice>}
      invitations={
        <OpenInvitations t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} rows={invitations} cancelBase={`/beheer/wijken/${wijk.id}/wijkbeheerders/uitnodigingen`} showRole={false} />
      }
    />,
    { title: t('roles.wijkbeheerders.title', { wijk: wijk.name }), status: opts.status ?? 200 },
  )
}

/** After a revoke: someone who just gave up their last role cannot come back to this page. */
async function afterRevoke(c: AppContext, result: Extract<RevokeResult, { ok: true }>, backTo: string) {
  const actorId = c.get('actor').user!.id
  if (result.userId === actorId && (await roleCount(c.get('deps'), actorId)) === 0) return c.redirect('/?melding=flash.roles.revoked', 303)
  return c.redirect(`${backTo}?melding=flash.roles.revoked`, 303)
}

const wijkScope = (c: AppContext) => ({ wijkId: idParam(c) })

/** Who appoints or invites: the logged-in actor. */
const inviter = (c: AppContext) => ({ id: c.get('actor').user!.id, firstName: c.get('actor').user!.firstName })

/** Where the page goes after an appointment or an invitation, with the matching confirmation. */
const doneUrl = (base: string, result: Extract<AppointOrInviteResult, { ok: true }>) =>
  `${base}?melding=${result.kind === 'invited' ? 'flash.roles.invited' : 'flash.roles.appointed'}`

export const rolesRoutes = new Hono<AppEnv>()
  .get('/beheer/rollen', guard('role.manage'), (c) => rolesPage(c))
  .post('/beheer/rollen', guard('role.manage'), async (c) => {
    const form = await readForm(c, appointSchema)
    if (!form.ok) return rolesPage(c, { values: form.values, errors: form.errors, status: 422 })
    const result = await appointOrInvite(c.get('deps'), { ...form.data, actor: inviter(c) })
    if (!result.ok) return rolesPage(c, { values: form.values, errors: translate(c, result.errors), status: 422 })
    return c.redirect(doneUrl('/beheer/rollen', result), 303)
  })
  .post('/beheer/rollen/:id{[0-9]{1,9}}/intrekken', guard('role.manage'), async (c) => {
    const result = await revokeRole(c.get('deps'), { actorUserId: c.get('actor').user!.id, assignmentId: idParam(c) })
    if (!result.ok) {
      if (result.error === 'notFound') throw notFound()
      return rolesPage(c, { notice: 'roles.error.lastAdmin', status: 409 })
    }
    return afterRevoke(c, result, '/beheer/rollen')
  })
  .post('/beheer/rollen/uitnodigingen/:invitationId{[0-9]{1,9}}/intrekken', guard('role.manage'), async (c) => {
    if (!(await revokeRoleInvitation(c.get('deps'), { actorUserId: c.get('actor').user!.id, invitationId: idParam(c, 'invitationId') }))) throw notFound()
    return c.redirect('/beheer/rollen?melding=flash.roles.invitationRevoked', 303)
  })

  .get('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders', guard('wijkbeheerder.manage', wijkScope), (c) => wijkbeheerdersPage(c))
  .post('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders', guard('wijkbeheerder.manage', wijkScope), async (c) => {
    const wijkId = idParam(c)
    const form = await readForm(c, appointWijkbeheerderSchema)
    if (!form.ok) return wijkbeheerdersPage(c, { values: form.values, errors: form.errors, status: 422 })
    const result = await appointOrInvite(c.get('deps'), { email: form.data.email, role: 'wijkbeheerder', wijkId, actor: inviter(c) })
    if (!result.ok) return wijkbeheerdersPage(c, { values: form.values, errors: translate(c, result.errors), status: 422 })
    return c.redirect(doneUrl(`/beheer/wijken/${wijkId}/wijkbeheerders`, result), 303)
  })
  .post('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders/:rid{[0-9]{1,9}}/intrekken', guard('wijkbeheerder.manage', wijkScope), async (c) => {
    const wijkId = idParam(c)
    const result = await revokeRole(c.get('deps'), { actorUserId: c.get('actor').user!.id, assignmentId: idParam(c, 'rid'), onlyWijkId: wijkId })
    if (!result.ok) throw notFound()
    return afterRevoke(c, result, `/beheer/wijken/${wijkId}/wijkbeheerders`)
  })
  .post('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders/uitnodigingen/:invitationId{[0-9]{1,9}}/intrekken', guard('wijkbeheerder.manage', wijkScope), async (c) => {
    const wijkId = idParam(c)
    const found = await revokeRoleInvitation(c.get('deps'), { actorUserId: c.get('actor').user!.id, invitationId: idParam(c, 'invitationId'), onlyWijkId: wijkId })
    if (!found) throw notFound()
    return c.redirect(`/beheer/wijken/${wijkId}/wijkbeheerders?melding=flash.roles.invitationRevoked`, 303)
  })

  .route('/', roleInvitationRoutes)

/**
 * Role appointments: the platform admin's overview (/beheer/rollen), and an ambassadeur's page
 * for the wijkbeheerders of their own wijk (/beheer/wijken/:id/wijkbeheerders).
 * Mounted inside beheerRoutes.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import type { MessageKey } from '../../kernel/i18n/messages.js'
import { render } from '../../kernel/ui/render.js'
import { Notice } from '../../kernel/ui/components.js'
import { listWijken, findWijkForEdit } from '../places/places.queries.js'
import { appointSchema, appointWijkbeheerderSchema } from './roles.schema.js'
import { listAssignments } from './roles.queries.js'
import { appointRole, revokeRole, roleCount, type RevokeResult } from './roles.service.js'
import { RolesPage, WijkbeheerdersPage } from './roles.views.js'

const idParam = (c: AppContext, name = 'id') => Number(c.req.param(name))

function translate(c: AppContext, errors: Record<string, MessageKey>): FieldErrors {
  const t = c.get('t')
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))
}

async function rolesPage(c: AppContext, opts: { values?: FormValues; errors?: FieldErrors; notice?: MessageKey; status?: 200 | 409 | 422 } = {}) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const [rows, wijken] = await Promise.all([listAssignments(db), listWijken(db)])
  return render(
    c,
    <RolesPage
      t={t}
      csrf={c.get('csrfToken')}
      rows={rows}
      wijken={wijken}
      state={{ values: opts.values, errors: opts.errors }}
      notice={opts.notice && <Notice kind="error">{t(opts.notice)}</Notice>}
    />,
    { title: t('roles.title'), status: opts.status ?? 200 },
  )
}

async function wijkbeheerdersPage(c: AppContext, opts: { values?: FormValues; errors?: FieldErrors; notice?: MessageKey; status?: 200 | 422 } = {}) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const wijk = await findWijkForEdit(db, idParam(c))
  if (!wijk) throw notFound()
  const rows = await listAssignments(db, { wijkId: wijk.id, role: 'wijkbeheerder' })
  return render(
    c,
    <WijkbeheerdersPage
      t={t}
      csrf={c.get('csrfToken')}
      wijk={wijk}
      rows={rows}
      state={{ values: opts.values, errors: opts.errors }}
      notice={opts.notice && <Notice kind="error">{t(opts.notice)}</Notice>}
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

export const rolesRoutes = new Hono<AppEnv>()
  .get('/beheer/rollen', guard('role.manage'), (c) => rolesPage(c))
  .post('/beheer/rollen', guard('role.manage'), async (c) => {
    const form = await readForm(c, appointSchema)
    if (!form.ok) return rolesPage(c, { values: form.values, errors: form.errors, status: 422 })
    const result = await appointRole(c.get('deps'), { ...form.data, actorUserId: c.get('actor').user!.id })
    if (!result.ok) return rolesPage(c, { values: form.values, errors: translate(c, result.errors), status: 422 })
    return c.redirect('/beheer/rollen?melding=flash.roles.appointed', 303)
  })
  .post('/beheer/rollen/:id{[0-9]{1,9}}/intrekken', guard('role.manage'), async (c) => {
    const result = await revokeRole(c.get('deps'), { actorUserId: c.get('actor').user!.id, assignmentId: idParam(c) })
    if (!result.ok) {
      if (result.error === 'notFound') throw notFound()
      return rolesPage(c, { notice: 'roles.error.lastAdmin', status: 409 })
    }
    return afterRevoke(c, result, '/beheer/rollen')
  })

  .get('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders', guard('wijkbeheerder.manage', wijkScope), (c) => wijkbeheerdersPage(c))
  .post('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders', guard('wijkbeheerder.manage', wijkScope), async (c) => {
    const wijkId = idParam(c)
    const form = await readForm(c, appointWijkbeheerderSchema)
    if (!form.ok) return wijkbeheerdersPage(c, { values: form.values, errors: form.errors, status: 422 })
    const result = await appointRole(c.get('deps'), { email: form.data.email, role: 'wijkbeheerder', wijkId, actorUserId: c.get('actor').user!.id })
    if (!result.ok) return wijkbeheerdersPage(c, { values: form.values, errors: translate(c, result.errors), status: 422 })
    return c.redirect(`/beheer/wijken/${wijkId}/wijkbeheerders?melding=flash.roles.appointed`, 303)
  })
  .post('/beheer/wijken/:id{[0-9]{1,9}}/wijkbeheerders/:rid{[0-9]{1,9}}/intrekken', guard('wijkbeheerder.manage', wijkScope), async (c) => {
    const wijkId = idParam(c)
    const result = await revokeRole(c.get('deps'), { actorUserId: c.get('actor').user!.id, assignmentId: idParam(c, 'rid'), onlyWijkId: wijkId })
    if (!result.ok) throw notFound()
    return afterRevoke(c, result, `/beheer/wijken/${wijkId}/wijkbeheerders`)
  })

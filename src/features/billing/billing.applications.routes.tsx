/**
 * /beheer/aanvragen (platform admin): applications for packages and to become ambassadeur of a
 * new wijk, each decided once. A second decision on a decided application is a 409 with the page
 * as it now is, never a second subscription or wijk (billing.decide.service.ts). Approving an
 * ambassadeur application takes the wijk's name and address, as proposed or adjusted.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { readForm, text, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { findApplication, listApplications, type ApplicationDetail } from './billing.applications.queries.js'
import { approveApplication, declineApplication, type DecideResult } from './billing.decide.service.js'
import { approveAmbassadeurApplication } from './billing.ambassadeur.service.js'
import { approveWijkSchema } from './billing.ambassadeur.schema.js'
import { APPLICATIONS_ADMIN, ApplicationDetailPage, ApplicationListPage, applicationPath } from './billing.applications.views.js'

const oneApplication = rowLoader(async (c) => {
  const found = await findApplication(c.get('deps').db, idParam(c))
  return found && { row: found, resource: {} }
})

const declineSchema = z.object({ reason: text(2000) })

async function detailPage(c: AppContext, d: ApplicationDetail, opts: { values?: FormValues; errors?: FieldErrors; status?: 200 | 409 | 422; notice?: string } = {}) {
  const t = c.get('t')
  return render(c, <ApplicationDetailPage t={t} lang={c.get('lang')} d={d} csrfToken={c.get('csrfToken')} state={{ values: opts.values, errors: opts.errors }} notice={opts.notice} />, {
    title: t('billing.applications.detailTitle', { organisation: d.customer.organisationName }),
    status: opts.status ?? 200,
  })
}

/** The application was decided meanwhile (another tab, another admin): show it as it now is. */
async function alreadyDecided(c: AppContext, id: number) {
  const now = (await findApplication(c.get('deps').db, id))!
  return detailPage(c, now, { status: 409, notice: c.get('t')('billing.applications.alreadyDecided') })
}

const decide = guard('package.application.decide', oneApplication)

export const billingApplicationsRoutes = new Hono<AppEnv>()
  .get(APPLICATIONS_ADMIN, guard('package.application.decide'), async (c) => {
    const t = c.get('t')
    const rows = await listApplications(c.get('deps').db)
    return render(c, <ApplicationListPage t={t} lang={c.get('lang')} rows={rows} />, { title: t('billing.applications.title') })
  })

  .get(`${APPLICATIONS_ADMIN}/:id{[0-9]+}`, decide, async (c) => {
    const d = oneApplication.row(c)
    const { db, clock } = c.get('deps')
    // The applicant's and contact person's details: an access the applicant sees on Mijn gegevens.
    await recordAudit(db, clock.now(), { actorUserId: c.get('actor').user!.id, action: 'billing.application.view', subjectUserId: d.application.userId, targetType: 'billing_application', targetId: String(d.application.id) })
    return detailPage(c, d)
  })

  .post(`${APPLICATIONS_ADMIN}/:id{[0-9]+}/goedkeuren`, decide, async (c) => {
    const d = oneApplication.row(c)
    const actorId = c.get('actor').user!.id
    let result: DecideResult
    if (d.proposal) {
      if (d.application.status !== 'pending') return alreadyDecided(c, d.application.id)
      const form = await readForm(c, approveWijkSchema)
      if (!form.ok) return detailPage(c, d, { values: form.values, errors: form.errors, status: 422 })
      result = await approveAmbassadeurApplication(c.get('deps'), actorId, d, form.data)
      if (!result.ok && result.reason === 'refused') {
        const t = c.get('t')
        const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key)]))
        return detailPage(c, d, { values: form.values, errors, status: 409 })
      }
    } else {
      result = await approveApplication(c.get('deps'), actorId, d)
    }
    if (!result.ok) return alreadyDecided(c, d.application.id)
    return c.redirect(`${applicationPath(d.application.id)}?melding=flash.billing.approved`, 303)
  })

  .post(`${APPLICATIONS_ADMIN}/:id{[0-9]+}/afwijzen`, decide, async (c) => {
    const d = oneApplication.row(c)
    if (d.application.status !== 'pending') return alreadyDecided(c, d.application.id)
    const form = await readForm(c, declineSchema)
    if (!form.ok) return detailPage(c, d, { values: form.values, errors: form.errors, status: 422 })
    const result = await declineApplication(c.get('deps'), c.get('actor').user!.id, d, form.data.reason)
    if (!result.ok) return alreadyDecided(c, d.application.id)
    return c.redirect(`${applicationPath(d.application.id)}?melding=flash.billing.declined`, 303)
  })

/**
 * /ambassadeur-worden (issue 14): an organisation applies to start a new wijk. Everyone reads what
 * it means and what the ambassadeur fee costs; a visitor is asked to log in or sign up, an account
 * holder (policy action ambassadeur.apply) gets the form. Without an ambassadeur fee on offer the
 * page says so and takes no application. The admin decides at /beheer/aanvragen.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, loginUrl } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { readBody, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { listCities } from '../places/places.queries.js'
import { ambassadeurFeePackage, type Package } from './billing.packages.queries.js'
import { currentAgreement, readApplication } from './billing.apply.form.js'
import { ambassadeurSchema } from './billing.ambassadeur.schema.js'
import { proposalRefusals, submitAmbassadeurApplication } from './billing.ambassadeur.service.js'
import { AMBASSADEUR_APPLY, AmbassadeurPage, type AmbassadeurPageMode } from './billing.ambassadeur.views.js'

async function page(c: AppContext, fee: Package | null, mode: AmbassadeurPageMode, status: 200 | 409 | 422 | 429 = 200) {
  const t = c.get('t')
  return render(c, <AmbassadeurPage t={t} lang={c.get('lang')} fee={fee} mode={mode} />, {
    title: t('billing.ambassadeur.title'),
    description: t('billing.ambassadeur.description'),
    status,
  })
}

async function formPage(c: AppContext, fee: Package, values: FormValues, errors?: FieldErrors, status?: 422 | 429) {
  const cities = await listCities(c.get('deps').db)
  const agreement = await currentAgreement(c, 'ambassadeur')
  return page(c, fee, { kind: 'form', csrfToken: c.get('csrfToken'), cities, agreement, state: { values, errors } }, status ?? (errors ? 422 : 200))
}

export const billingAmbassadeurRoutes = new Hono<AppEnv>()
  .get(AMBASSADEUR_APPLY, guard('page.view'), async (c) => {
    const fee = await ambassadeurFeePackage(c.get('deps').db)
    if (!fee) return page(c, null, { kind: 'unavailable' })
    if (!can(c.get('actor'), 'ambassadeur.apply')) {
      const next = `?volgende=${encodeURIComponent(AMBASSADEUR_APPLY)}`
      return page(c, fee, { kind: 'login', loginHref: loginUrl(c), registerHref: `/account/registreren${next}` })
    }
    return formPage(c, fee, { country: 'NL', paymentMethod: 'transfer' })
  })

  .post(AMBASSADEUR_APPLY, guard('ambassadeur.apply'), async (c) => {
    const deps = c.get('deps')
    const fee = await ambassadeurFeePackage(deps.db)
    // Withdrawn while the form was open: said politely, nothing stored.
    if (!fee) return page(c, null, { kind: 'unavailable' }, 409)
    const read = await readApplication(c, await readBody(c, { report: true }), ambassadeurSchema, 'ambassadeur', (values) => proposalRefusals(deps.db, values))
    if (!read.ok) return formPage(c, fee, read.shown, read.errors, read.status)
    await submitAmbassadeurApplication(deps, { userId: c.get('actor').user!.id, packageId: fee.id, agreement: read.agreement, input: read.data, directDebit: read.directDebit })
    return c.redirect('/mijn-pakket?melding=flash.billing.ambassadeurApplied', 303)
  })

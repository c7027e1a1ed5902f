/**
 * Applying for a package at /pakketten/<slug>/aanvragen (P09, P02): a logged-in account holder
 * gives the organisation's billing details, chooses transfer or direct debit and signs the
 * current package agreement. A package not on offer (withdrawn, or the ambassadeur fee, which
 * /ambassadeur-worden takes) is a 404; the form is read by billing.apply.form.ts.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readBody, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { packageBySlug, type Package } from './billing.packages.queries.js'
import { packageName } from './billing.packages.views.js'
import { applicationSchema } from './billing.apply.schema.js'
import { submitApplication } from './billing.apply.service.js'
import { currentAgreement, readApplication } from './billing.apply.form.js'
import { ApplyPage } from './billing.apply.views.js'

async function offered(c: AppContext): Promise<Package> {
  const pkg = await packageBySlug(c.get('deps').db, c.req.param('slug') ?? '')
  if (!pkg || !pkg.active || pkg.ambassadeurFee) throw notFound()
  return pkg
}

async function formPage(c: AppContext, pkg: Package, values: FormValues, errors?: FieldErrors, status?: 422 | 429) {
  const t = c.get('t')
  const agreement = await currentAgreement(c, 'package')
  return render(c, <ApplyPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} pkg={pkg} agreement={agreement} state={{ values, errors }} />, {
    title: t('billing.apply.title', { name: packageName(pkg, c.get('lang')) }),
    status: status ?? (errors ? 422 : 200),
  })
}

export const billingApplyRoutes = new Hono<AppEnv>()
  .get('/pakketten/:slug{[a-z0-9-]+}/aanvragen', guard('package.apply'), async (c) => {
    const pkg = await offered(c)
    return formPage(c, pkg, { country: 'NL', paymentMethod: 'transfer' })
  })

  .post('/pakketten/:slug{[a-z0-9-]+}/aanvragen', guard('package.apply'), async (c) => {
    const pkg = await offered(c)
    const read = await readApplication(c, await readBody(c, { report: true }), applicationSchema, 'package')
    if (!read.ok) return formPage(c, pkg, read.shown, read.errors, read.status)
    await submitApplication(c.get('deps'), { kind: 'package', userId: c.get('actor').user!.id, packageId: pkg.id, agreement: read.agreement, input: read.data, directDebit: read.directDebit })
    return c.redirect('/mijn-pakket?melding=flash.billing.applied', 303)
  })

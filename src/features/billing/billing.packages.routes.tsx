/**
 * Packages (P09, P10): the public price list at /pakketten, and /beheer/pakketten where the
 * platform admin sets name, price excluding VAT, VAT rate, period and entitlements. /pakketten
 * is a cached public page; the packages table moves the public version (migration 0024).
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { fieldError, readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { findPackage, listPackages, offeredPackages, type Package } from './billing.packages.queries.js'
import { packageSchema } from './billing.packages.schema.js'
import { createPackage, updatePackage } from './billing.packages.service.js'
import { PACKAGES_ADMIN, PACKAGES_PUBLIC, PackageFormPage, PackageListPage, PublicPackagesPage, packageEditPath, packageFormValues, packageName } from './billing.packages.views.js'

const onePackage = rowLoader(async (c) => {
  const found = await findPackage(c.get('deps').db, idParam(c))
  return found && { row: found, resource: {} }
})

function formPage(c: AppContext, opts: { editing?: Package; values: FormValues; errors?: FieldErrors; status?: 200 | 409 | 422 }) {
  const t = c.get('t')
  const action = opts.editing ? packageEditPath(opts.editing.id) : `${PACKAGES_ADMIN}/nieuw`
  return render(c, <PackageFormPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} action={action} state={{ values: opts.values, errors: opts.errors }} editing={opts.editing} />, {
    title: opts.editing ? t('billing.form.editTitle', { name: packageName(opts.editing, c.get('lang')) }) : t('billing.form.newTitle'),
    status: opts.status ?? (opts.errors ? 422 : 200),
  })
}

/** A taken slug is the only refusal the database can give; it goes next to its field. */
function slugTaken(c: AppContext, values: FormValues, editing?: Package) {
  return formPage(c, { editing, values, errors: fieldError(c.get('t'), 'slug', 'billing.error.slugTaken'), status: 409 })
}

export const billingPackagesRoutes = new Hono<AppEnv>()
  .get(PACKAGES_PUBLIC, guard('page.view'), async (c) => {
    const t = c.get('t')
    const offered = await offeredPackages(c.get('deps').db)
    return render(c, <PublicPackagesPage t={t} lang={c.get('lang')} packages={offered} />, { title: t('billing.public.title'), description: t('billing.public.description') })
  })

  .get(PACKAGES_ADMIN, guard('package.manage'), async (c) => {
    const t = c.get('t')
    const all = await listPackages(c.get('deps').db)
    return render(c, <PackageListPage t={t} lang={c.get('lang')} packages={all} />, { title: t('billing.admin.title') })
  })

  .get(`${PACKAGES_ADMIN}/nieuw`, guard('package.manage'), (c) => formPage(c, { values: { vatRate: '2100', period: 'jaar', active: 'on' } }))

  .post(`${PACKAGES_ADMIN}/nieuw`, guard('package.manage'), async (c) => {
    const form = await readForm(c, packageSchema)
    if (!form.ok) return formPage(c, { values: form.values, errors: form.errors })
    const result = await createPackage(c.get('deps'), c.get('actor').user!.id, form.data)
    if (!result.ok) return slugTaken(c, form.values)
    return c.redirect(`${PACKAGES_ADMIN}?melding=flash.billing.packageCreated`, 303)
  })

  .get(`${PACKAGES_ADMIN}/:id{[0-9]+}/bewerken`, guard('package.manage', onePackage), (c) => {
    const editing = onePackage.row(c)
    return formPage(c, { editing, values: packageFormValues(editing) })
  })

  .post(`${PACKAGES_ADMIN}/:id{[0-9]+}/bewerken`, guard('package.manage', onePackage), async (c) => {
    const editing = onePackage.row(c)
    const form = await readForm(c, packageSchema)
    if (!form.ok) return formPage(c, { editing, values: form.values, errors: form.errors })
    const result = await updatePackage(c.get('deps'), c.get('actor').user!.id, editing, form.data)
    if (!result.ok) return slugTaken(c, form.values, editing)
    return c.redirect(`${PACKAGES_ADMIN}?melding=flash.billing.packageSaved`, 303)
  })

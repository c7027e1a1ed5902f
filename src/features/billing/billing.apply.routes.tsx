/**
 * Applying for a package at /pakketten/<slug>/aanvragen (P09, P02): a logged-in account holder
 * gives the organisation's billing details, chooses transfer or direct debit and signs the
 * current package agreement. A package not on offer is a 404; a refused form keeps everything
 * typed except the IBAN, which is asked again (see valuesToShow).
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { checkForm, readBody, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { HOUR } from '../../kernel/clock.js'
import { hitRateLimit, limitedMinutes, rateKey } from '../../kernel/http/rate-limit.js'
import { render } from '../../kernel/ui/render.js'
import { findCurrentVersion } from '../documents/documents.queries.js'
import { documentHtml } from '../documents/documents.text.js'
import { packageBySlug, type Package } from './billing.packages.queries.js'
import { packageName } from './billing.packages.views.js'
import { applicationSchema, readDirectDebit, valuesToShow } from './billing.apply.schema.js'
import { directDebitAvailable, submitApplication } from './billing.apply.service.js'
import { ApplyPage, type AgreementShown } from './billing.apply.views.js'
import { maskIban, readIban } from './billing.iban.js'

export const APPLY_LIMIT = { max: 10, windowMs: HOUR }

async function offered(c: AppContext): Promise<Package> {
  const pkg = await packageBySlug(c.get('deps').db, c.req.param('slug') ?? '')
  if (!pkg || !pkg.active) throw notFound()
  return pkg
}

async function currentAgreement(c: AppContext): Promise<AgreementShown> {
  const { db, config } = c.get('deps')
  const doc = await findCurrentVersion(db, 'package')
  // ensureDefaultDocuments publishes version 1 at start, so there always is one.
  if (!doc) throw new Error('no published package agreement')
  return { id: doc.id, version: doc.version, html: documentHtml(c.get('lang') === 'nl' ? doc.bodyNl : doc.bodyEn, config.operator) }
}

async function formPage(c: AppContext, pkg: Package, values: FormValues, errors?: FieldErrors, status?: 422 | 429) {
  const t = c.get('t')
  const agreement = await currentAgreement(c)
  return render(c, <ApplyPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} pkg={pkg} agreement={agreement} state={{ values, errors }} />, {
    title: t('billing.apply.title', { name: packageName(pkg, c.get('lang')) }),
    status: status ?? (errors ? 422 : 200),
  })
}

/**
 * The errors of a refused application. The IBAN is never shown back: when one was typed it is
 * asked again, naming its masked form when it was a valid number, so the person knows which.
 */
function ibanAgain(c: AppContext, values: FormValues, errors: FieldErrors): FieldErrors {
  if (values.paymentMethod !== 'direct-debit' || errors.iban || !(values.iban ?? '').trim()) return errors
  const iban = readIban(values.iban!)
  const t = c.get('t')
  return { ...errors, iban: iban.ok ? t('billing.apply.error.ibanAgainMasked', { masked: maskIban(iban.iban) }) : t('billing.apply.error.ibanAgain') }
}

export const billingApplyRoutes = new Hono<AppEnv>()
  .get('/pakketten/:slug{[a-z0-9-]+}/aanvragen', guard('package.apply'), async (c) => {
    const pkg = await offered(c)
    return formPage(c, pkg, { country: 'NL', paymentMethod: 'transfer' })
  })

  .post('/pakketten/:slug{[a-z0-9-]+}/aanvragen', guard('package.apply'), async (c) => {
    const pkg = await offered(c)
    const deps = c.get('deps')
    const t = c.get('t')
    const user = c.get('actor').user!
    const body = await readBody(c, { report: true })
    const shown = valuesToShow(body.values)

    const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'billing-apply', user.id), APPLY_LIMIT, deps.clock.now())
    if (!limited.allowed) return formPage(c, pkg, shown, { _form: t('error.rateLimited', { minutes: limitedMinutes(c, limited) }) }, 429)

    const form = checkForm(body, applicationSchema, t)
    const debit = readDirectDebit(body.values)
    const errors: FieldErrors = form.ok ? {} : { ...form.errors }
    // The agreement's id travels in a hidden field: a problem with it is told at the checkbox.
    if (errors.documentId) {
      errors.accept ??= t('billing.apply.error.accept')
      delete errors.documentId
    }
    if (!debit.ok) for (const [field, key] of Object.entries(debit.errors)) errors[field] = t(key)
    if (body.values.paymentMethod === 'direct-debit' && !directDebitAvailable(deps)) errors.paymentMethod = t('billing.apply.error.directDebitUnavailable')
    const agreement = await findCurrentVersion(deps.db, 'package')
    if (form.ok && agreement && form.data.documentId !== agreement.id) {
      // A newer version was published while the form was open: it must be read and ticked anew.
      errors.accept = t('billing.apply.error.agreementChanged', { version: agreement.version })
      delete shown.accept
    }
    if (!form.ok || !debit.ok || Object.keys(errors).length > 0 || !agreement) return formPage(c, pkg, shown, ibanAgain(c, body.values, errors))

    await submitApplication(deps, { userId: user.id, packageId: pkg.id, agreement: { id: agreement.id, version: agreement.version }, input: form.data, directDebit: debit.data })
    return c.redirect('/mijn-pakket?melding=flash.billing.applied', 303)
  })

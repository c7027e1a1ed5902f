/**
 * The one reading of an application form, for both kinds (/pakketten/<slug>/aanvragen and
 * /ambassadeur-worden): the rate limit, the billing details, the bank account only for direct
 * debit, and the signed agreement, which must be the version published now. A refusal keeps
 * everything typed except the IBAN, which is asked again (named masked when it was valid).
 */
import type { z } from 'zod'
import type { AppContext } from '../../kernel/context.js'
import { HOUR } from '../../kernel/clock.js'
import { checkForm, type Body, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { hitRateLimit, limitedMinutes, rateKey } from '../../kernel/http/rate-limit.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { findCurrentVersion } from '../documents/documents.queries.js'
import { documentHtml } from '../documents/documents.text.js'
import type { ApplicationKind } from './billing.applications.tables.js'
import { readDirectDebit, valuesToShow, type DirectDebitInput } from './billing.apply.schema.js'
import { directDebitAvailable } from './billing.apply.service.js'
import { maskIban, readIban } from './billing.iban.js'

/** Per account, over both kinds of application. */
export const APPLY_LIMIT = { max: 10, windowMs: HOUR }

/** The agreement each kind of application signs (documents: its versioned kind). */
export const AGREEMENT_KIND = { package: 'package', ambassadeur: 'ambassadeur' } as const satisfies Record<ApplicationKind, string>

/** What is said about the agreement, per kind of application. */
export const AGREEMENT_TEXT: Record<ApplicationKind, { legend: MessageKey; intro: MessageKey; read: MessageKey; accept: MessageKey; acceptError: MessageKey; changed: MessageKey }> = {
  package: {
    legend: 'billing.apply.agreement',
    intro: 'billing.apply.agreement.intro',
    read: 'billing.apply.agreement.read',
    accept: 'billing.apply.accept',
    acceptError: 'billing.apply.error.accept',
    changed: 'billing.apply.error.agreementChanged',
  },
  ambassadeur: {
    legend: 'billing.ambassadeur.agreement',
    intro: 'billing.ambassadeur.agreement.intro',
    read: 'billing.ambassadeur.agreement.read',
    accept: 'billing.ambassadeur.accept',
    acceptError: 'billing.ambassadeur.error.accept',
    changed: 'billing.ambassadeur.error.agreementChanged',
  },
}

export interface AgreementShown {
  kind: ApplicationKind
  id: number
  version: number
  html: string
}

/** The version of the kind's agreement published now, to read and sign. */
export async function currentAgreement(c: AppContext, kind: ApplicationKind): Promise<AgreementShown> {
  const { db, config } = c.get('deps')
  const doc = await findCurrentVersion(db, AGREEMENT_KIND[kind])
  // ensureDefaultDocuments publishes version 1 at start, so there always is one.
  if (!doc) throw new Error(`no published ${kind} agreement`)
  return { kind, id: doc.id, version: doc.version, html: documentHtml(c.get('lang') === 'nl' ? doc.bodyNl : doc.bodyEn, config.operator) }
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

export type ApplicationRead<T> =
  | { ok: true; data: T; directDebit: DirectDebitInput | null; agreement: { id: number; version: number } }
  | { ok: false; shown: FormValues; errors: FieldErrors; status: 422 | 429 }

/**
 * Reads a submitted application. `more` adds the refusals only this kind knows and the database
 * decides (a wijk name that is taken), from the values as typed, beside any other mistake.
 */
export async function readApplication<S extends z.ZodType<{ documentId: number }>>(
  c: AppContext,
  body: Body,
  schema: S,
  kind: ApplicationKind,
  more?: (values: FormValues) => Promise<Record<string, MessageKey>>,
): Promise<ApplicationRead<z.output<S>>> {
  const deps = c.get('deps')
  const t = c.get('t')
  const shown = valuesToShow(body.values)
  const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'billing-apply', c.get('actor').user!.id), APPLY_LIMIT, deps.clock.now())
  if (!limited.allowed) return { ok: false, shown, errors: { _form: t('error.rateLimited', { minutes: limitedMinutes(c, limited) }) }, status: 429 }

  const form = checkForm(body, schema, t)
  const debit = readDirectDebit(body.values)
  const text = AGREEMENT_TEXT[kind]
  const errors: FieldErrors = form.ok ? {} : { ...form.errors }
  // The agreement's id travels in a hidden field: a problem with it is told at the checkbox.
  if (errors.documentId || errors.accept) {
    errors.accept = t(text.acceptError)
    delete errors.documentId
  }
  if (!debit.ok) for (const [field, key] of Object.entries(debit.errors)) errors[field] = t(key)
  if (body.values.paymentMethod === 'direct-debit' && !directDebitAvailable(deps)) errors.paymentMethod = t('billing.apply.error.directDebitUnavailable')
  const agreement = await findCurrentVersion(deps.db, AGREEMENT_KIND[kind])
  if (form.ok && agreement && form.data.documentId !== agreement.id) {
    // A newer version was published while the form was open: it must be read and ticked anew.
    errors.accept = t(text.changed, { version: agreement.version })
    delete shown.accept
  }
  if (more) for (const [field, key] of Object.entries(await more(body.values))) errors[field] ??= t(key)
  if (!form.ok || !debit.ok || Object.keys(errors).length > 0 || !agreement) return { ok: false, shown, errors: ibanAgain(c, body.values, errors), status: 422 }
  return { ok: true, data: form.data, directDebit: debit.data, agreement: { id: agreement.id, version: agreement.version } }
}

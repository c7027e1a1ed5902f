/**
 * The application form of /pakketten/<slug>/aanvragen. The bank account is read apart
 * (readDirectDebit), and only when direct debit is chosen: with a transfer the IBAN fields are
 * ignored whatever they hold, so nothing typed there can reach the database.
 */
import { z } from 'zod'
import { checkbox, email, text, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { PAYMENT_METHODS } from './billing.ledger.tables.js'
import { readIban, type IbanProblem } from './billing.iban.js'

/** The countries a billing address may be in (SEPA members near the platform's users). */
export const BILLING_COUNTRIES = ['NL', 'BE', 'DE', 'LU'] as const

const compact = (v: string) => v.replace(/[\s.-]/g, '').toUpperCase()

/** Optional: empty is null; otherwise without spaces and dots, checked against `pattern`. */
const optionalCode = (pattern: RegExp, message: MessageKey) =>
  z
    .string()
    .optional()
    .transform((v) => compact(v ?? ''))
    .refine((v) => v === '' || pattern.test(v), { message })
    .transform((v) => (v === '' ? null : v))

/**
 * What every application asks, whatever it is for: the organisation's billing details, the
 * contact person (asked here and nowhere else, P02), the payment method and the signed agreement.
 */
export const billingDetailsSchema = z.object({
  organisationName: text(120),
  kvkNumber: optionalCode(/^\d{8}$/, 'billing.apply.error.kvk'),
  vatNumber: optionalCode(/^NL\d{9}B\d{2}$/, 'billing.apply.error.vat'),
  street: text(120),
  houseNumber: text(20),
  postalCode: z.string({ message: 'error.required' }).trim().min(1, { message: 'error.required' }).max(12),
  place: text(80),
  country: z.enum(BILLING_COUNTRIES, { message: 'billing.apply.error.country' }),
  billingEmail: email(),
  contactName: text(120),
  paymentMethod: z.enum(PAYMENT_METHODS, { message: 'billing.apply.error.paymentMethod' }),
  documentId: z.coerce.number().int().positive(),
  accept: checkbox().refine((v) => v, { message: 'billing.apply.error.accept' }),
  signerName: text(120),
})

type Addressed = { country: string; postalCode: string }

/**
 * An application form: the billing details, extended with what this kind of application asks
 * besides (the proposed wijk of /ambassadeur-worden). A Dutch postcode is checked and written
 * "1234 AB".
 */
export function applicationFormSchema<T extends Addressed>(details: z.ZodType<T>) {
  return details
    .superRefine((v, ctx) => {
      if (v.country === 'NL' && !/^[1-9]\d{3}\s?[A-Z]{2}$/i.test(v.postalCode)) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'billing.apply.error.postalCode' })
    })
    .transform((v): T => ({ ...v, postalCode: v.country === 'NL' ? `${v.postalCode.slice(0, 4)} ${v.postalCode.slice(-2).toUpperCase()}` : v.postalCode }))
}

export const applicationSchema = applicationFormSchema(billingDetailsSchema)
export type ApplicationInput = z.output<typeof applicationSchema>

const IBAN_PROBLEM_KEY: Record<IbanProblem, MessageKey> = {
  missing: 'billing.apply.error.ibanMissing',
  country: 'billing.apply.error.ibanCountry',
  length: 'billing.apply.error.ibanLength',
  format: 'billing.apply.error.ibanFormat',
  checksum: 'billing.apply.error.ibanChecksum',
  notSepa: 'billing.apply.error.ibanNotSepa',
}

export interface DirectDebitInput {
  iban: string
  accountHolder: string
}

/**
 * The bank account for a direct debit, or the problems with it. Message keys, translated by
 * the caller. Nothing is read when another payment method was chosen.
 */
export function readDirectDebit(values: FormValues): { ok: true; data: DirectDebitInput | null } | { ok: false; errors: Record<string, MessageKey> } {
  if (values.paymentMethod !== 'direct-debit') return { ok: true, data: null }
  const errors: Record<string, MessageKey> = {}
  const iban = readIban(values.iban ?? '')
  if (!iban.ok) errors.iban = IBAN_PROBLEM_KEY[iban.problem]
  const accountHolder = (values.accountHolder ?? '').trim()
  if (accountHolder === '') errors.accountHolder = 'error.required'
  else if (accountHolder.length > 70) errors.accountHolder = 'billing.apply.error.accountHolderLength'
  if (!iban.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { iban: iban.iban, accountHolder } }
}

/** What the form shows again after a refusal: every typed value except the bank account number. */
export function valuesToShow(values: FormValues): FormValues {
  const { iban: _iban, ...rest } = values
  return rest
}

export type ApplyErrors = FieldErrors

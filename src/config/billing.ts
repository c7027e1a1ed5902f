/**
 * The operator as the seller on invoices (art. 35a Wet OB) and as the creditor of direct debits:
 * BILLING_OPERATOR_*, BILLING_IBAN, BILLING_BIC, BILLING_CREDITOR_ID, BILLING_PAYMENT_TERM_DAYS,
 * BILLING_REMINDER_DAYS and BILLING_PAIN008_VERSION.
 * Name, KvK number and email fall back to OPERATOR_*, which production requires anyway. Production
 * with BILLING_ENABLED=1 refuses to start without the rest; elsewhere a clearly fake operator
 * stands in, so invoices can be tried in demo mode.
 */
import { z } from 'zod'
import { isValidBIC } from 'ibantools'
// The kernel reads this configuration, so it names no feature but this leaf module, which needs
// only ibantools: the IBAN is checked exactly as the direct-debit form checks it.
import { isCreditorId, readIban } from '../features/billing/billing.iban.js'

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

/** Upper case without spaces or dots, as IBANs, VAT numbers and identifiers are compared. */
const compact = (v: string | undefined) => v?.replace(/[\s.]/g, '').toUpperCase()

/**
 * The versions of the direct-debit file (ISO 20022 pain.008.001.xx) the platform can write: 02 (2009,
 * what every Dutch bank takes) and 08 (2019). decisions/019-sepa-direct-debit.md.
 */
export const PAIN_008_VERSIONS = ['02', '08'] as const
export type Pain008Version = (typeof PAIN_008_VERSIONS)[number]

export const billingEnvShape = {
  BILLING_OPERATOR_NAME: optional,
  /** Street and house number, one line: "Oudegracht 231". */
  BILLING_OPERATOR_STREET: optional,
  BILLING_OPERATOR_POSTCODE: optional,
  BILLING_OPERATOR_CITY: optional,
  BILLING_OPERATOR_COUNTRY: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as NL')
    .default('NL'),
  BILLING_OPERATOR_KVK: optional.pipe(z.string().regex(/^\d{8}$/, 'must be 8 digits').optional()),
  BILLING_OPERATOR_VAT: optional
    .transform(compact)
    .pipe(z.string().regex(/^NL\d{9}B\d{2}$/, 'must be a Dutch VAT number: NL, 9 digits, B, 2 digits (NL123456789B01)').optional()),
  BILLING_OPERATOR_EMAIL: optional.pipe(z.email().optional()),
  BILLING_IBAN: optional.transform(compact).pipe(
    z
      .string()
      .refine((v) => readIban(v).ok, 'must be a valid IBAN of a SEPA country (check digits and length)')
      .optional(),
  ),
  BILLING_BIC: optional.transform(compact).pipe(
    z
      .string()
      .refine((v) => isValidBIC(v), 'must be a BIC of 8 or 11 characters, such as ABNANL2A')
      .optional(),
  ),
  /** The Incassant-ID the bank gave for SEPA direct debit, e.g. NL69ZZZ123456780000. */
  BILLING_CREDITOR_ID: optional.transform(compact).pipe(
    z
      .string()
      .refine((v) => isCreditorId(v), 'must be a SEPA creditor identifier (Incassant-ID) with valid check digits, such as NL69ZZZ123456780000')
      .optional(),
  ),
  /** Which pain.008 version the direct-debit files are written in; 02 unless the bank asks for 08. */
  BILLING_PAIN008_VERSION: z
    .string()
    .trim()
    .default('02')
    .pipe(z.enum(PAIN_008_VERSIONS, { message: 'must be 02 (pain.008.001.02) or 08 (pain.008.001.08)' })),
  /** Days between the invoice date and the due date of a bank transfer. */
  BILLING_PAYMENT_TERM_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /**
   * Days after the due date on which an unpaid transfer invoice is reminded: at most two, rising,
   * "7,21" by default; empty for no reminders.
   */
  BILLING_REMINDER_DAYS: z
    .string()
    .default('7,21')
    .transform((v) => v.split(',').map((d) => d.trim()).filter((d) => d !== ''))
    .pipe(
      z
        .array(z.string().regex(/^\d{1,3}$/, 'must be whole days, such as 7,21').transform(Number))
        .max(2, 'at most two reminders, such as 7,21')
        .refine((days) => days.every((d, i) => d > 0 && (i === 0 || d > days[i - 1]!)), 'must be rising numbers of days after the due date, such as 7,21'),
    ),
}

type BillingEnv = z.infer<z.ZodObject<typeof billingEnvShape>> & {
  OPERATOR_NAME?: string
  OPERATOR_KVK?: string
  OPERATOR_EMAIL?: string
}

/** The seller on every invoice (InvoiceSeller in billing.invoice-document.ts), and the creditor of every direct debit. */
export interface BillingOperator {
  name: string
  /** Street and house number, as one line: "Oudegracht 231". */
  street: string
  postcode: string
  city: string
  /** ISO 3166-1 alpha-2, "NL". */
  countryCode: string
  /** Kamer van Koophandel number, 8 digits. */
  kvk: string
  /** "NL123456789B01". */
  vatNumber: string
  email: string
  /** The account transfers are paid to. */
  iban: string
  bic: string
  /** Incassant-ID: the SEPA creditor identifier. */
  creditorId: string
}

/** Each operator detail, the variables it may come from, and a stand-in outside production. */
const DETAILS: Array<[keyof BillingOperator, Array<keyof BillingEnv>, string, string]> = [
  ['name', ['BILLING_OPERATOR_NAME', 'OPERATOR_NAME'], 'WijkConnect demo (no real invoices)', 'name of the operator on invoices'],
  ['street', ['BILLING_OPERATOR_STREET'], 'Voorbeeldstraat 1', 'street and house number of the operator'],
  ['postcode', ['BILLING_OPERATOR_POSTCODE'], '1234 AB', 'postcode of the operator'],
  ['city', ['BILLING_OPERATOR_CITY'], 'Voorbeeldstad', 'city of the operator'],
  ['countryCode', ['BILLING_OPERATOR_COUNTRY'], 'NL', 'country of the operator'],
  ['kvk', ['BILLING_OPERATOR_KVK', 'OPERATOR_KVK'], '00000000', 'KvK number of the operator'],
  ['vatNumber', ['BILLING_OPERATOR_VAT'], 'NL000000000B00', 'VAT number of the operator'],
  ['email', ['BILLING_OPERATOR_EMAIL', 'OPERATOR_EMAIL'], 'facturen@wijkconnect.localhost', 'email address for questions about invoices'],
  ['iban', ['BILLING_IBAN'], 'NL02ABNA0123456789', 'bank account (IBAN) that transfers are paid to'],
  ['bic', ['BILLING_BIC'], 'ABNANL2A', 'BIC of that bank account'],
  ['creditorId', ['BILLING_CREDITOR_ID'], 'NL22ZZZ000000000000', 'Incassant-ID (SEPA creditor identifier) for direct debit'],
]

export type BillingOperatorResult = { operator: BillingOperator; problems: string[]; placeholders: boolean }

/**
 * The operator from the environment. `problems` names each missing detail when production has
 * billing switched on; `placeholders` tells that a development stand-in filled a gap.
 */
export function billingOperator(e: BillingEnv, opts: { isProduction: boolean; enabled: boolean }): BillingOperatorResult {
  const operator = {} as BillingOperator
  const problems: string[] = []
  let placeholders = false
  for (const [field, sources, standIn, what] of DETAILS) {
    const value = sources.map((key) => e[key]).find((v): v is string => typeof v === 'string' && v !== '')
    if (value !== undefined) {
      operator[field] = value
      continue
    }
    if (opts.isProduction && opts.enabled) problems.push(`${sources[0]} is required in production when BILLING_ENABLED=1 (${what})`)
    operator[field] = standIn
    placeholders = true
  }
  return { operator, problems, placeholders }
}

/** The admin's forms on an invoice: a payment received, a collection returned or rejected; the list's query. */
import { z } from 'zod'
import { MAX_PRICE_CENTS } from './billing.packages.schema.js'
import { parseEuros } from './billing.money.js'
import { returnReasonSchema } from './billing.mandate-rules.js'
import { LEDGER_VIEWS } from './billing.finance.queries.js'
import { PAYMENT_METHODS } from './billing.ledger.tables.js'

const day = z.string({ message: 'error.required' }).trim().pipe(z.iso.date({ message: 'billing.error.date' }))

const amount = z
  .string({ message: 'error.required' })
  .trim()
  .min(1, { message: 'error.required' })
  .transform((v, ctx) => {
    const cents = parseEuros(v)
    if (cents === null || cents === 0 || cents > MAX_PRICE_CENTS * 10) {
      ctx.addIssue({ code: 'custom', message: 'billing.error.amount' })
      return z.NEVER
    }
    return cents
  })

export const paymentSchema = z.object({
  amount,
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS, { message: 'billing.error.method' }),
})

/**
 * What the bank reports of a collection that came back: returned (storno, after settlement) or
 * rejected (reject, before settlement: no money moved). The admin chooses; there is no default,
 * since the two differ for the mandate's next debit (decisions/019-sepa-direct-debit.md).
 */
export const RETURN_KINDS = ['returned', 'rejected'] as const

export const returnSchema = z.object({
  kind: z.enum(RETURN_KINDS, { message: 'billing.error.returnKind' }),
  reason: returnReasonSchema,
  receivedOn: day,
})

export const ledgerQuerySchema = z.object({
  weergave: z.enum(LEDGER_VIEWS).default('open'),
  jaar: z.coerce.number().int().min(2000).max(2200).optional(),
})

/** Without a year, the journal of this year. */
export const journalQuerySchema = z.object({ jaar: z.coerce.number().int().min(2000).max(2200).optional() })

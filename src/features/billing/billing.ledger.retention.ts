/**
 * Billing's retention rules. The fiscal ledger is kept 7 years after the end of the year each
 * record belongs to (art. 52 AWR) and destroyed after that: invoices and credit notes with their
 * lines, payments, reminders and direct debit runs, and the customer details printed on them.
 * Cancelling an account does not shorten this.
 *
 * The bank account number of an ended mandate is kept 13 months, the time in which the debtor may
 * dispute an unauthorised collection with their bank (SEPA rulebook), so a dispute can still be
 * answered; then the sealed number is destroyed and only its masked form stays.
 */
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { invoices } from './billing.ledger.tables.js'
import { mandates } from './billing.customers.tables.js'
import { directDebitRuns } from './billing.debit-runs.tables.js'
import { LEDGER_YEARS } from './billing.ledger.js'
import { amsterdamDay } from './billing.dates.js'

/** Months a debtor may dispute an unauthorised collection with their bank. */
export const IBAN_DISPUTE_MONTHS = 13

export const billingRetentionRules: RetentionRule[] = [
  {
    name: 'billing.ledger',
    everyMs: DAY,
    describe: {
      nl: {
        what: 'Facturen en creditnota’s met hun regels, betalingen, incasso’s en de klantgegevens erop (fiscale bewaarplicht)',
        period: `${LEDGER_YEARS} jaar na het einde van het boekjaar`,
      },
      en: {
        what: 'Invoices and credit notes with their lines, payments, direct debit runs and the customer details on them (fiscal record-keeping duty)',
        period: `${LEDGER_YEARS} years after the end of the financial year`,
      },
    },
    purge: async ({ db, clock }) => {
      // Lines, payments and collections go with their invoice (foreign keys cascade). A run is kept
      // until the end of its own year's term, never before its invoices (made on or after them).
      const today = amsterdamDay(clock.now())
      const gone = await db.delete(invoices).where(lt(invoices.retainUntil, today)).returning({ id: invoices.id })
      const runs = await db.delete(directDebitRuns).where(lt(directDebitRuns.retainUntil, today)).returning({ id: directDebitRuns.id })
      return gone.length + runs.length
    },
  },
  {
    name: 'billing.mandate-iban',
    everyMs: DAY,
    describe: {
      nl: {
        what: 'Het rekeningnummer (IBAN) van een beëindigde incassomachtiging; het gemaskeerde nummer blijft',
        period: `${IBAN_DISPUTE_MONTHS} maanden na het einde van de machtiging (de termijn waarin een incasso betwist kan worden)`,
      },
      en: {
        what: 'The bank account number (IBAN) of an ended direct-debit mandate; the masked number stays',
        period: `${IBAN_DISPUTE_MONTHS} months after the mandate ended (the time in which a collection can be disputed)`,
      },
    },
    purge: async ({ db, clock }) => {
      const destroyed = await db
        .update(mandates)
        .set({ ibanSealed: null })
        .where(and(eq(mandates.status, 'ended'), isNotNull(mandates.ibanSealed), lt(mandates.endedAt, sql`${clock.now()}::timestamptz - make_interval(months => ${IBAN_DISPUTE_MONTHS})`)))
        .returning({ id: mandates.id })
      return destroyed.length
    },
  },
]

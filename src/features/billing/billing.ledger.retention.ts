/**
 * The fiscal ledger is kept 7 years after the end of the year each record belongs to (art. 52
 * AWR) and destroyed after that: invoices and credit notes with their lines, payments and direct
 * debit runs, and the customer details printed on them. Cancelling an account does not shorten this.
 */
import { lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { invoices } from './billing.ledger.tables.js'
import { directDebitRuns } from './billing.debit-runs.tables.js'
import { LEDGER_YEARS } from './billing.ledger.js'
import { amsterdamDay } from './billing.dates.js'

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
]

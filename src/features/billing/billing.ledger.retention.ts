/**
 * The fiscal ledger is kept 7 years after the end of the year each record belongs to (art. 52
 * AWR) and destroyed after that: invoices and credit notes with their lines and payments, and the
 * customer details printed on them. Cancelling an account does not shorten this.
 */
import { lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { invoices } from './billing.ledger.tables.js'
import { LEDGER_YEARS } from './billing.ledger.js'
import { dayInAmsterdam } from './billing.dates.js'

export const billingRetentionRules: RetentionRule[] = [
  {
    name: 'billing.ledger',
    everyMs: DAY,
    describe: {
      nl: {
        what: 'Facturen en creditnota’s met hun regels, betalingen en de klantgegevens erop (fiscale bewaarplicht)',
        period: `${LEDGER_YEARS} jaar na het einde van het boekjaar`,
      },
      en: {
        what: 'Invoices and credit notes with their lines, payments and the customer details on them (fiscal record-keeping duty)',
        period: `${LEDGER_YEARS} years after the end of the financial year`,
      },
    },
    purge: async ({ db, clock }) => {
      // Lines and payments go with their invoice (foreign keys cascade).
      const gone = await db.delete(invoices).where(lt(invoices.retainUntil, dayInAmsterdam(clock.now()))).returning({ id: invoices.id })
      return gone.length
    },
  },
]

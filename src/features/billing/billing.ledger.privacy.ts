/**
 * The fiscal ledger (P10, P24): the person sees and exports every invoice and credit note made out
 * to them, but erasing the account does not erase the ledger. The law keeps it for 7 years after
 * the year's end (retention rule billing.ledger); erasure only loosens the link to the account.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import type { ExportSections } from '../my-data/export.schema.js'
import { invoiceLines, invoicePayments, invoiceReminders, invoices } from './billing.ledger.tables.js'
import { directDebitCollections, directDebitRuns } from './billing.debit-runs.tables.js'

const FISCAL_DUTY = 'Fiscal records must be kept 7 years after the end of their year (art. 52 AWR), with the customer details printed on them; the retention rule destroys them then.'

export const billingLedgerPrivacy: PrivacyModule<ExportSections> = {
  feature: 'billing',
  tables: [
    {
      table: invoices,
      export: ['invoices'],
      erase: 'anonymise',
      why: `account_id becomes null when the account is erased (foreign key), so no account sees them any more. ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
    {
      table: invoiceLines,
      export: ['invoices'],
      erase: 'keep',
      why: `Part of the invoice as issued. ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
    {
      table: invoicePayments,
      export: { none: 'What was received against an invoice; the invoice’s status and payment date in the export say it.' },
      erase: 'keep',
      why: `Part of the books. ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
    {
      table: invoiceReminders,
      export: { none: 'Only which reminder was sent on which day, for the admin; the invoice itself is in the invoices section.' },
      erase: 'keep',
      why: `Holds no personal data of its own: an invoice id, a number and a day. Goes with its invoice. ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
    {
      table: directDebitCollections,
      export: { none: 'How an invoice was collected: its mandate reference, amount and day, which the invoice in the export already names (payment method, mandate reference, status). It holds no IBAN: the file for the bank is made again from the sealed one.' },
      erase: 'anonymise',
      why: `mandate_id becomes null when the mandate is erased with the account (foreign key); the mandate reference stays, as on the invoice. ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
    {
      table: directDebitRuns,
      export: { none: 'A run is the admin’s act, not data about the customer; who made it is the only person in it.' },
      erase: 'anonymise',
      why: `created_by_user_id becomes null when the admin’s account is erased (foreign key). ${FISCAL_DUTY}`,
      retention: ['billing.ledger'],
    },
  ],

  async exportFor({ db, person }) {
    const rows = await db.select().from(invoices).where(eq(invoices.accountId, person.id)).orderBy(asc(invoices.issuedOn), asc(invoices.id))
    const ids = rows.map((r) => r.id)
    const lines = ids.length ? await db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, ids)).orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position)) : []
    const numberOf = new Map(rows.map((r) => [r.id, r.number]))
    return {
      sections: {
        invoices: rows.map((r) => ({
          number: r.number,
          kind: r.kind,
          corrects: r.correctsId === null ? null : (numberOf.get(r.correctsId) ?? null),
          issuedOn: r.issuedOn,
          dueOn: r.dueOn,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          customer: { ...r.customer, kvk: r.customer.kvk ?? null, vatNumber: r.customer.vatNumber ?? null },
          lines: lines.filter((l) => l.invoiceId === r.id).map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, vatRate: l.vatRate, netCents: l.netCents })),
          netCents: r.netCents,
          vatCents: r.vatCents,
          totalCents: r.totalCents,
          paymentMethod: r.paymentMethod,
          mandateReference: r.mandateReference,
          status: r.status,
          paidOn: r.paidOn,
          keptUntil: r.retainUntil,
        })),
      },
    }
  },
}

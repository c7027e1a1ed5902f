/**
 * /beheer/facturen (platform admin, P10): the ledger's open, overdue and paid invoices per year,
 * totals per month, one invoice with its payments, recording a payment or a collection that came
 * back (returned or rejected),
 * and the journal as CSV for the bookkeeper.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { fieldError, readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { csvDocument, csvHeaders } from '../../kernel/http/csv.js'
import { render } from '../../kernel/ui/render.js'
import { amsterdamDay } from './billing.dates.js'
import { findLedgerEntry, journalRows, ledgerPerMonth, ledgerSummary, listLedger } from './billing.finance.queries.js'
import { journalQuerySchema, ledgerQuerySchema, paymentSchema, returnSchema } from './billing.finance.schema.js'
import { registerPayment, registerReturn, type Refusal } from './billing.finance.service.js'
import { FORMAT_PARAM, invoiceDownload } from './billing.invoice-download.js'
import type { InvoiceFormat } from './billing.invoice-document.js'
import { FINANCE, LedgerEntryPage, LedgerPage, ledgerEntryPath } from './billing.finance.views.js'

const oneInvoice = rowLoader(async (c) => {
  const entry = await findLedgerEntry(c.get('deps').db, idParam(c))
  return entry && { row: entry, resource: {} }
})

const today = (c: AppContext) => amsterdamDay(c.get('deps').clock.now())

type Failed = { form: 'payment' | 'returned'; values: FormValues; errors?: FieldErrors; status: 409 | 422 }

function entryPage(c: AppContext, failed?: Failed) {
  const t = c.get('t')
  const entry = oneInvoice.row(c)
  const state = failed && { values: failed.values, errors: failed.errors }
  return render(
    c,
    <LedgerEntryPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} entry={entry} today={today(c)} payment={failed?.form === 'payment' ? state : undefined} returned={failed?.form === 'returned' ? state : undefined} />,
    { title: t(entry.invoice.kind === 'credit-note' ? 'billing.finance.creditNote' : 'billing.finance.invoice', { number: entry.invoice.number }), status: failed?.status ?? 200 },
  )
}

function refused(c: AppContext, form: Failed['form'], values: FormValues, refusal: Refusal) {
  return entryPage(c, { form, values, errors: fieldError(c.get('t'), refusal.field, refusal.message), status: 409 })
}

/** The journal's columns, in the bookkeeper's words (Dutch: it goes to a Dutch administration). */
const JOURNAL_COLUMNS = ['datum', 'nummer', 'soort', 'corrigeert', 'klant', 'kvk', 'btw-nummer', 'omzet 21%', 'btw 21%', 'omzet 9%', 'btw 9%', 'omzet 0%', 'totaal', 'betaalwijze', 'status', 'betaald op']
const euros = (cents: number) => (cents / 100).toFixed(2)

export const billingFinanceRoutes = new Hono<AppEnv>()
  .get(FINANCE, guard('invoice.manage'), async (c) => {
    const t = c.get('t')
    const { db } = c.get('deps')
    const now = today(c)
    const thisYear = Number(now.slice(0, 4))
    const q = readQuery(c, ledgerQuerySchema)
    const year = q.jaar ?? thisYear
    const [summary, rows, months] = await Promise.all([ledgerSummary(db, year, now), listLedger(db, q.weergave, year, now), ledgerPerMonth(db, year)])
    const years = Array.from({ length: 8 }, (_, i) => thisYear - i)
    if (!years.includes(year)) years.push(year)
    return render(c, <LedgerPage t={t} lang={c.get('lang')} view={q.weergave} year={year} years={years} today={now} summary={summary} rows={rows} months={months} />, { title: t('billing.finance.title', { year }) })
  })

  .get(`${FINANCE}/journaal.csv`, guard('invoice.manage'), async (c) => {
    const jaar = readQuery(c, journalQuerySchema).jaar ?? Number(today(c).slice(0, 4))
    const rows = await journalRows(c.get('deps').db, jaar)
    const csv = csvDocument(
      JOURNAL_COLUMNS,
      rows.map((r) => {
        const i = r.invoice
        return [i.issuedOn, i.number, i.kind === 'credit-note' ? 'creditnota' : 'factuur', r.corrects, i.customer.organisation, i.customer.kvk ?? null, i.customer.vatNumber ?? null, euros(r.net21), euros(r.vat21), euros(r.net9), euros(r.vat9), euros(r.net0), euros(r.total), i.paymentMethod === 'direct-debit' ? 'incasso' : 'overmaking', i.status, i.paidOn]
      }),
    )
    return c.body(csv, 200, csvHeaders(`journaal-${jaar}.csv`))
  })

  .get(`${FINANCE}/:id{[0-9]+}`, guard('invoice.manage', oneInvoice), (c) => entryPage(c))

  .get(`${FINANCE}/:id{[0-9]+}/${FORMAT_PARAM}`, guard('invoice.manage', oneInvoice), (c) => invoiceDownload(c, oneInvoice.row(c), c.req.param('format') as InvoiceFormat))

  .post(`${FINANCE}/:id{[0-9]+}/betaling`, guard('invoice.manage', oneInvoice), async (c) => {
    const form = await readForm(c, paymentSchema)
    if (!form.ok) return entryPage(c, { form: 'payment', values: form.values, errors: form.errors, status: 422 })
    const result = await registerPayment(c.get('deps'), c.get('actor').user!.id, oneInvoice.row(c), form.data)
    if (!result.ok) return refused(c, 'payment', form.values, result)
    return c.redirect(`${ledgerEntryPath(oneInvoice.row(c).invoice.id)}?melding=flash.billing.paymentRecorded`, 303)
  })

  .post(`${FINANCE}/:id{[0-9]+}/storno`, guard('invoice.manage', oneInvoice), async (c) => {
    const form = await readForm(c, returnSchema)
    if (!form.ok) return entryPage(c, { form: 'returned', values: form.values, errors: form.errors, status: 422 })
    const result = await registerReturn(c.get('deps'), c.get('actor').user!.id, oneInvoice.row(c), form.data)
    if (!result.ok) return refused(c, 'returned', form.values, result)
    return c.redirect(`${ledgerEntryPath(oneInvoice.row(c).invoice.id)}?melding=${form.data.kind === 'rejected' ? 'flash.billing.rejectRecorded' : 'flash.billing.returnRecorded'}`, 303)
  })

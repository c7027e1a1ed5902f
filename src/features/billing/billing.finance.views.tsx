/**
 * The admin's finance pages: /beheer/facturen (what is open, overdue and paid, per month, and the
 * journal for the bookkeeper) and one invoice with its lines, payments and the forms to record a
 * payment or a collection that came back (returned or rejected). Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Field, RadioChoice, Select, type FormState } from '../../kernel/ui/components.js'
import { euro, ratePercent } from './billing.money.js'
import { ledgerTotals } from './billing.ledger.js'
import { RETURN_REASONS, returnReasonMessage, type ReturnReason } from './billing.mandate-rules.js'
import type { PaymentMethod } from './billing.ledger.tables.js'
import { invoiceStatusLabel } from './billing.labels.js'
import { RETURN_KINDS } from './billing.finance.schema.js'
import { LEDGER_VIEWS, type LedgerEntry, type LedgerListRow, type LedgerView } from './billing.finance.queries.js'

export const FINANCE = '/beheer/facturen'
export const ledgerEntryPath = (id: number) => `${FINANCE}/${id}`

const METHOD_KEY: Record<PaymentMethod, MessageKey> = { transfer: 'billing.method.transfer', 'direct-debit': 'billing.method.direct-debit' }
const VIEW_KEY: Record<LedgerView, MessageKey> = { open: 'billing.view.open', achterstallig: 'billing.view.overdue', betaald: 'billing.view.paid', alle: 'billing.view.all' }

/** A date kept as YYYY-MM-DD, shown in the page's language (noon UTC: the same day in Amsterdam). */
export const day = (value: string, lang: Lang) => formatDate(new Date(`${value}T12:00:00Z`), lang)


interface Summary {
  openCount: number
  openCents: number
  overdueCount: number
  overdueCents: number
  paidCount: number
  paidCents: number
}
interface MonthRow {
  month: string
  count: number
  netCents: number
  vatCents: number
  totalCents: number
  paidCents: number
}

export function LedgerPage(p: { t: T; lang: Lang; view: LedgerView; year: number; years: number[]; today: string; summary: Summary; rows: LedgerListRow[]; months: MonthRow[] }) {
  const { t, lang, summary } = p
  const href = (view: LedgerView) => `${FINANCE}?weergave=${view}&jaar=${p.year}`
  return (
    <>
      <h1>{t('billing.finance.title', { year: p.year })}</h1>
      <p class="prose">{t('billing.finance.intro')}</p>
      <dl class="figures">
        <div>
          <dt>{t('billing.finance.open', { count: summary.openCount })}</dt>
          <dd>{euro(summary.openCents, lang)}</dd>
        </div>
        <div>
          <dt>{t('billing.finance.overdue', { count: summary.overdueCount })}</dt>
          <dd>{euro(summary.overdueCents, lang)}</dd>
        </div>
        <div>
          <dt>{t('billing.finance.paid', { count: summary.paidCount })}</dt>
          <dd>{euro(summary.paidCents, lang)}</dd>
        </div>
      </dl>
      <form method="get" action={FINANCE} class="inline-form">
        <input type="hidden" name="weergave" value={p.view} />
        <Select name="jaar" label={t('billing.finance.year')} options={p.years.map((y) => ({ value: String(y), label: String(y) }))} value={String(p.year)} required t={t} />
        <button type="submit" class="secondary">
          {t('billing.finance.show')}
        </button>
      </form>
      <nav class="filters" aria-label={t('billing.finance.views')}>
        <ul>
          {LEDGER_VIEWS.map((v) => (
            <li>
              <a href={href(v)} aria-current={v === p.view ? 'page' : undefined}>
                {t(VIEW_KEY[v])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.rows.length === 0 ? (
        <p>{t('billing.finance.none')}</p>
      ) : (
        <DataTable caption={t(VIEW_KEY[p.view])} head={[t('billing.col.number'), t('billing.col.customer'), t('billing.col.issued'), t('billing.col.due'), { label: t('billing.col.total'), class: 'num' }, t('billing.col.state')]}>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={ledgerEntryPath(r.id)}>{r.number}</a>
              </th>
              <td>{r.organisation}</td>
              <td>{day(r.issuedOn, lang)}</td>
              <td>{day(r.dueOn, lang)}</td>
              <td class="num">{euro(r.kind === 'credit-note' ? -r.totalCents : r.totalCents, lang)}</td>
              <td>{invoiceStatusLabel(t, r, p.today)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('billing.finance.perMonth')}</h2>
      {p.months.length === 0 ? (
        <p>{t('billing.finance.none')}</p>
      ) : (
        <DataTable caption={t('billing.finance.perMonth')} head={[t('billing.col.month'), { label: t('billing.col.count'), class: 'num' }, { label: t('billing.col.net'), class: 'num' }, { label: t('billing.col.vatAmount'), class: 'num' }, { label: t('billing.col.total'), class: 'num' }, { label: t('billing.col.paid'), class: 'num' }]}>
          {p.months.map((m) => (
            <tr>
              <th scope="row">{m.month}</th>
              <td class="num">{m.count}</td>
              <td class="num">{euro(m.netCents, lang)}</td>
              <td class="num">{euro(m.vatCents, lang)}</td>
              <td class="num">{euro(m.totalCents, lang)}</td>
              <td class="num">{euro(m.paidCents, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        <a href={`${FINANCE}/journaal.csv?jaar=${p.year}`}>{t('billing.finance.journal', { year: p.year })}</a>
      </p>
    </>
  )
}

function PaymentForm(p: { t: T; csrfToken: string; id: number; state?: FormState; today: string }) {
  const { t } = p
  return (
    <form method="post" action={`${ledgerEntryPath(p.id)}/betaling`} class="stack" novalidate aria-labelledby="payment-title">
      <h2 id="payment-title">{t('billing.finance.recordPayment')}</h2>
      <CsrfField token={p.csrfToken} />
      <Field name="amount" label={t('billing.field.amount')} hint={t('billing.field.amount.hint')} inputmode="decimal" state={p.state} required t={t} />
      <Field name="receivedOn" type="date" label={t('billing.field.receivedOn')} state={p.state} value={p.today} required t={t} />
      <Select name="method" label={t('billing.field.method')} options={Object.entries(METHOD_KEY).map(([value, key]) => ({ value, label: t(key) }))} state={p.state} required t={t} />
      <button type="submit">{t('billing.finance.recordPayment')}</button>
    </form>
  )
}

const RETURN_KIND_KEY = { returned: 'billing.returnKind.returned', rejected: 'billing.returnKind.rejected' } as const satisfies Record<(typeof RETURN_KINDS)[number], MessageKey>

function ReturnForm(p: { t: T; csrfToken: string; id: number; state?: FormState; today: string }) {
  const { t } = p
  const codes = Object.keys(RETURN_REASONS) as ReturnReason[]
  return (
    <form method="post" action={`${ledgerEntryPath(p.id)}/storno`} class="stack" novalidate aria-labelledby="return-title">
      <h2 id="return-title">{t('billing.finance.recordReturn')}</h2>
      <CsrfField token={p.csrfToken} />
      <p>{t('billing.finance.recordReturn.intro')}</p>
      {/* No default: the two differ for the mandate's next debit. */}
      <RadioChoice name="kind" legend={t('billing.field.returnKind')} options={RETURN_KINDS.map((kind) => ({ value: kind, label: t(RETURN_KIND_KEY[kind]) }))} state={p.state} />
      <Select name="reason" label={t('billing.field.reason')} options={[{ value: '', label: t('billing.field.reason.choose') }, ...codes.map((code) => ({ value: code, label: `${code}: ${t(returnReasonMessage(code))}` }))]} state={p.state} required t={t} />
      <Field name="receivedOn" type="date" label={t('billing.field.returnedOn')} state={p.state} value={p.today} required t={t} />
      <button type="submit" class="secondary">
        {t('billing.finance.recordReturn')}
      </button>
    </form>
  )
}

export function LedgerEntryPage(p: { t: T; lang: Lang; csrfToken: string; entry: LedgerEntry; today: string; payment?: FormState; returned?: FormState }) {
  const { t, lang, entry } = p
  const { invoice } = entry
  const c = invoice.customer
  const totals = ledgerTotals(entry.lines)
  return (
    <>
      <p>
        <a href={FINANCE}>{t('billing.finance.back')}</a>
      </p>
      <h1>{t(invoice.kind === 'credit-note' ? 'billing.finance.creditNote' : 'billing.finance.invoice', { number: invoice.number })}</h1>
      <ErrorSummary errors={p.payment?.errors ?? p.returned?.errors} t={t} />
      <p>
        <a href={`${ledgerEntryPath(invoice.id)}/pdf`} download>
          {t('billing.my.invoices.pdf')}
        </a>{' '}
        <a href={`${ledgerEntryPath(invoice.id)}/ubl`} download>
          {t('billing.my.invoices.ubl')}
        </a>
      </p>
      <dl class="facts">
        <dt>{t('billing.col.customer')}</dt>
        <dd>
          {c.organisation}, {t('billing.finance.attn', { name: c.contactName })}
          <br />
          {c.street} {c.houseNumber}, {c.postcode} {c.place} ({c.country})
          {c.kvk && <br />}
          {c.kvk && `KvK ${c.kvk}`}
          {c.vatNumber && ` · ${t('billing.finance.vatNumber')} ${c.vatNumber}`}
        </dd>
        {entry.corrects && (
          <>
            <dt>{t('billing.finance.corrects')}</dt>
            <dd>
              <a href={ledgerEntryPath(entry.corrects.id)}>{entry.corrects.number}</a>
            </dd>
          </>
        )}
        <dt>{t('billing.col.issued')}</dt>
        <dd>{day(invoice.issuedOn, lang)}</dd>
        <dt>{t('billing.finance.period')}</dt>
        <dd>
          {day(invoice.periodStart, lang)} – {day(invoice.periodEnd, lang)}
        </dd>
        <dt>{t('billing.col.due')}</dt>
        <dd>{day(invoice.dueOn, lang)}</dd>
        <dt>{t('billing.field.method')}</dt>
        <dd>
          {t(METHOD_KEY[invoice.paymentMethod])}
          {invoice.mandateReference && ` · ${t('billing.finance.mandate', { reference: invoice.mandateReference })}`}
          {invoice.collectionOn && ` · ${t('billing.finance.collectionOn', { date: day(invoice.collectionOn, lang) })}`}
        </dd>
        <dt>{t('billing.col.state')}</dt>
        <dd>{invoiceStatusLabel(t, invoice, p.today)}</dd>
        {entry.reminders.length > 0 && (
          <>
            <dt>{t('billing.finance.reminders')}</dt>
            <dd>{entry.reminders.map((r) => t('billing.finance.reminderSent', { number: r.number, date: day(r.sentOn, lang) })).join('; ')}</dd>
          </>
        )}
      </dl>
      <DataTable caption={t('billing.finance.lines')} head={[t('billing.col.description'), { label: t('billing.col.quantity'), class: 'num' }, { label: t('billing.col.unitPrice'), class: 'num' }, t('billing.col.vat'), { label: t('billing.col.net'), class: 'num' }]}>
        {entry.lines.map((l) => (
          <tr>
            <th scope="row">{l.description}</th>
            <td class="num">{l.quantity}</td>
            <td class="num">{euro(l.unitPriceCents, lang)}</td>
            <td>{ratePercent(l.vatRate, lang)}</td>
            <td class="num">{euro(l.netCents, lang)}</td>
          </tr>
        ))}
      </DataTable>
      <dl class="totals">
        <dt>{t('billing.col.net')}</dt>
        <dd>{euro(invoice.netCents, lang)}</dd>
        {totals.rates.map((r) => (
          <>
            <dt>{t('billing.finance.vatAt', { rate: ratePercent(r.vatRate, lang), base: euro(r.netCents, lang) })}</dt>
            <dd>{euro(r.vatCents, lang)}</dd>
          </>
        ))}
        <dt>{t('billing.col.total')}</dt>
        <dd>{euro(invoice.totalCents, lang)}</dd>
      </dl>
      <h2>{t('billing.finance.payments')}</h2>
      {entry.payments.length === 0 ? (
        <p>{t('billing.finance.noPayments')}</p>
      ) : (
        <DataTable caption={t('billing.finance.payments')} head={[t('billing.field.receivedOn'), t('billing.field.method'), { label: t('billing.field.amount'), class: 'num' }, t('billing.field.reason')]}>
          {entry.payments.map((pay) => (
            <tr>
              <td>{day(pay.receivedOn, lang)}</td>
              <td>{t(METHOD_KEY[pay.method])}</td>
              <td class="num">{euro(pay.amountCents, lang)}</td>
              <td>{pay.returnReason ? `${pay.returnReason}: ${t(returnReasonMessage(pay.returnReason as ReturnReason))}` : ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {invoice.kind === 'invoice' && invoice.status !== 'paid' && invoice.status !== 'credited' && <PaymentForm t={t} csrfToken={p.csrfToken} id={invoice.id} state={p.payment} today={p.today} />}
      {/* Also after a refusal (it came back already), so the reason stands beside the choice it concerns. */}
      {invoice.paymentMethod === 'direct-debit' && (invoice.status === 'paid' || p.returned !== undefined) && <ReturnForm t={t} csrfToken={p.csrfToken} id={invoice.id} state={p.returned} today={p.today} />}
    </>
  )
}

/**
 * Mijn pakket: each package of the organisations this person applied for, with its period, the
 * next invoice date, how it is paid (an IBAN only masked) and cancelling at the end of the period;
 * applications still waiting or declined; and the printable mandate page.
 */
import { formatDate, type Lang, type T } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, Notice } from '../../kernel/ui/components.js'
import type { MandateView, OwnApplication, OwnInvoice, OwnSubscription } from './billing.account.queries.js'
import { invoiceStatusLabel, APPLICATION_STATUS_KEY, MANDATE_STATUS_KEY, PAYMENT_KEY, SCHEME_KEY, SUBSCRIPTION_STATUS_KEY } from './billing.labels.js'
import { PACKAGES_PUBLIC, PriceLines } from './billing.packages.views.js'
import { dayAsDate } from './billing.dates.js'
import { euro } from './billing.money.js'
import { INVOICE_FORMATS, type InvoiceFormat } from './billing.invoice-document.js'

export const MY_PACKAGE = '/mijn-pakket'
export const mandatePath = (id: number) => `${MY_PACKAGE}/machtiging/${id}`
export const ownInvoicePath = (id: number, format: InvoiceFormat) => `${MY_PACKAGE}/facturen/${id}/${format}`

const day = (d: string, lang: Lang) => formatDate(dayAsDate(d), lang)
const nameIn = (pkg: { nameNl: string; nameEn: string }, lang: Lang) => (lang === 'nl' ? pkg.nameNl : pkg.nameEn)

function CancelForm({ t, lang, s, csrfToken }: { t: T; lang: Lang; s: OwnSubscription; csrfToken: string }) {
  if (s.status === 'ended') return null
  const ending = s.status === 'ending'
  return (
    <form method="post" action={`${MY_PACKAGE}/${s.id}/${ending ? 'opzegging-intrekken' : 'opzeggen'}`} class="stack">
      <CsrfField token={csrfToken} />
      <p class="hint">{ending ? t('billing.my.ending.hint', { end: day(s.currentPeriodEnd, lang) }) : t('billing.my.cancel.hint', { end: day(s.currentPeriodEnd, lang) })}</p>
      <p>
        <button type="submit" class="secondary">
          {ending ? t('billing.my.undo') : t('billing.my.cancel')}
        </button>
      </p>
    </form>
  )
}

function SubscriptionCard({ t, lang, s, csrfToken }: { t: T; lang: Lang; s: OwnSubscription; csrfToken: string }) {
  const headingId = `pakket-${s.id}`
  return (
    <article class="package my-package" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('billing.my.packageFor', { name: nameIn(s.pkg, lang), organisation: s.organisationName })}</h2>
      <dl class="facts">
        <dt>{t('billing.col.state')}</dt>
        <dd>{t(SUBSCRIPTION_STATUS_KEY[s.status])}</dd>
        <dt>{t('billing.my.period')}</dt>
        <dd>{t('billing.my.periodRange', { start: day(s.currentPeriodStart, lang), end: day(s.currentPeriodEnd, lang) })}</dd>
        <dt>{t('billing.my.nextInvoice')}</dt>
        <dd>{s.status === 'active' ? day(s.currentPeriodEnd, lang) : t('billing.my.noNextInvoice')}</dd>
        <dt>{t('billing.apply.payment')}</dt>
        <dd>{t(PAYMENT_KEY[s.paymentMethod])}</dd>
        {s.mandate?.id && (
          <>
            <dt>{t('billing.field.iban')}</dt>
            <dd>{s.mandate.ibanMasked}</dd>
            <dt>{t('billing.mandate.reference')}</dt>
            <dd>
              {s.mandate.reference} <a href={mandatePath(s.mandate.id)}>{t('billing.my.mandateLink')}</a>
            </dd>
          </>
        )}
      </dl>
      <PriceLines t={t} lang={lang} pkg={s.pkg} />
      <CancelForm t={t} lang={lang} s={s} csrfToken={csrfToken} />
    </article>
  )
}

function Applications({ t, lang, rows }: { t: T; lang: Lang; rows: OwnApplication[] }) {
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="aanvragen">
      <h2 id="aanvragen">{t('billing.my.applications')}</h2>
      <ul>
        {rows.map((a) => (
          <li>
            {t('billing.my.applicationLine', { name: nameIn(a.pkg, lang), organisation: a.organisationName, date: formatDate(a.createdAt, lang) })}: <strong>{t(APPLICATION_STATUS_KEY[a.status])}</strong>
            {a.status === 'pending' && <p class="hint">{t('billing.my.pending.hint')}</p>}
            {a.declineReason && <p class="hint">{t('billing.my.declineReason', { reason: a.declineReason })}</p>}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Every invoice and credit note issued to this account, each downloadable as PDF and as e-invoice. */
function Invoices({ t, lang, rows, today }: { t: T; lang: Lang; rows: OwnInvoice[]; today: string }) {
  return (
    <section aria-labelledby="facturen">
      <h2 id="facturen">{t('billing.my.invoices')}</h2>
      {rows.length === 0 ? (
        <p>{t('billing.my.invoices.none')}</p>
      ) : (
        <DataTable caption={t('billing.my.invoices.caption')} head={[t('billing.col.number'), t('billing.my.invoices.period'), t('billing.col.issued'), { label: t('billing.col.total'), class: 'num' }, t('billing.col.state'), t('billing.my.invoices.files')]}>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.number}</th>
              <td>{t('billing.my.periodRange', { start: day(r.periodStart, lang), end: day(r.periodEnd, lang) })}</td>
              <td>{day(r.issuedOn, lang)}</td>
              <td class="num">{euro(r.kind === 'credit-note' ? -r.totalCents : r.totalCents, lang)}</td>
              <td>{invoiceStatusLabel(t, r, today)}</td>
              <td>
                {INVOICE_FORMATS.map((format) => (
                  <>
                    <a href={ownInvoicePath(r.id, format)} download>
                      {t(format === 'pdf' ? 'billing.my.invoices.pdf' : 'billing.my.invoices.ubl')}
                      <span class="visually-hidden"> {t('billing.my.invoices.of', { number: r.number })}</span>
                    </a>{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}

export function MyPackagePage(p: { t: T; lang: Lang; csrfToken: string; today: string; subscriptions: OwnSubscription[]; applications: OwnApplication[]; invoices: OwnInvoice[] }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('billing.my.title')}</h1>
      {p.subscriptions.length === 0 && p.applications.length === 0 && (
        <p>
          {t('billing.my.none')} <a href={PACKAGES_PUBLIC}>{t('billing.my.toPackages')}</a>
        </p>
      )}
      <Applications t={t} lang={lang} rows={p.applications} />
      {p.subscriptions.map((s) => (
        <SubscriptionCard t={t} lang={lang} s={s} csrfToken={p.csrfToken} />
      ))}
      {(p.subscriptions.length > 0 || p.invoices.length > 0) && <Invoices t={t} lang={lang} rows={p.invoices} today={p.today} />}
    </>
  )
}

/** The packages part of Mijn gegevens: what there is, in one line each, and the way to Mijn pakket. */
export function MyPackagesSection({ t, lang, own }: { t: T; lang: Lang; own: { subscriptions: OwnSubscription[]; applications: OwnApplication[] } }) {
  const lines = [
    ...own.subscriptions.map((s) => `${t('billing.my.packageFor', { name: nameIn(s.pkg, lang), organisation: s.organisationName })}: ${t(SUBSCRIPTION_STATUS_KEY[s.status])}`),
    ...own.applications.map((a) => `${t('billing.my.packageFor', { name: nameIn(a.pkg, lang), organisation: a.organisationName })}: ${t(APPLICATION_STATUS_KEY[a.status])}`),
  ]
  return (
    <section aria-labelledby="pakketten-heading" id="pakketten">
      <h2 id="pakketten-heading">{t('billing.my.title')}</h2>
      {lines.length === 0 ? <p>{t('billing.my.none')}</p> : <ul>{lines.map((line) => <li>{line}</li>)}</ul>}
      <p>
        <a href={lines.length === 0 ? PACKAGES_PUBLIC : MY_PACKAGE}>{lines.length === 0 ? t('billing.my.toPackages') : t('billing.my.open')}</a>
      </p>
    </section>
  )
}

/** The mandate as a page to print or keep: reference, scheme, creditor, debtor and signer. */
export function MandatePage(p: { t: T; lang: Lang; m: MandateView; creditor: { name: string; address: string } }) {
  const { t, lang, m } = p
  return (
    <>
      <p class="no-print">
        <a href={MY_PACKAGE}>{t('billing.my.back')}</a>
      </p>
      <h1>{t('billing.mandate.title')}</h1>
      {m.status !== 'active' && <Notice kind="info">{t(MANDATE_STATUS_KEY[m.status])}</Notice>}
      <dl class="facts">
        <dt>{t('billing.mandate.reference')}</dt>
        <dd>{m.reference}</dd>
        <dt>{t('billing.mandate.scheme')}</dt>
        <dd>{t(SCHEME_KEY[m.scheme])}</dd>
        <dt>{t('billing.mandate.creditor')}</dt>
        <dd>
          {p.creditor.name}, {p.creditor.address}
        </dd>
        <dt>{t('billing.mandate.debtor')}</dt>
        <dd>
          {m.organisationName}, {m.address}
        </dd>
        <dt>{t('billing.field.accountHolder')}</dt>
        <dd>{m.accountHolderName}</dd>
        <dt>{t('billing.field.iban')}</dt>
        <dd>{m.ibanMasked}</dd>
        <dt>{t('billing.mandate.signed')}</dt>
        <dd>{t('billing.mandate.signedLine', { name: m.signerName, place: m.signedPlace, date: day(m.signedOn, lang) })}</dd>
      </dl>
      <h2>{t('billing.mandate.consentHeading')}</h2>
      <p class="prose">{t(m.scheme === 'B2B' ? 'billing.mandate.consentB2b' : 'billing.mandate.consentCore', { creditor: p.creditor.name })}</p>
    </>
  )
}

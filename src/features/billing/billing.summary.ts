/**
 * The billing part of overzicht.html, the readable page in the data export: what the person gave
 * for their organisations' packages, as tables (headings and cells) for my-data.summary.tsx to
 * draw. The IBAN is in full here, as in gegevens.json: this export is for the person only.
 */
import { formatDate, type Lang, type T } from '../../kernel/i18n/i18n.js'
import type { DataExport } from '../my-data/export.schema.js'
import { APPLICATION_STATUS_KEY, MANDATE_STATUS_KEY, PAYMENT_KEY, SUBSCRIPTION_STATUS_KEY } from './billing.labels.js'
import { dayAsDate } from './billing.dates.js'

export interface SummaryTable {
  title: string
  head: string[]
  rows: string[][]
}

export function billingCount(b: DataExport['billing']): number {
  return b.customers.length + b.applications.length + b.subscriptions.length + b.mandates.length
}

export function billingTables(b: DataExport['billing'], t: T, lang: Lang): SummaryTable[] {
  const day = (d: string) => formatDate(dayAsDate(d), lang)
  const time = (d: string) => formatDate(new Date(d), lang, 'dateTime')
  const tables: SummaryTable[] = [
    {
      title: t('billing.summary.customers'),
      head: [t('billing.field.organisationName'), t('billing.field.kvkNumber'), t('billing.field.vatNumber'), t('billing.apply.address'), t('billing.field.billingEmail'), t('billing.field.contactName')],
      rows: b.customers.map((c) => [c.organisationName, c.kvkNumber ?? '', c.vatNumber ?? '', `${c.street} ${c.houseNumber}, ${c.postalCode} ${c.place}, ${c.country}`, c.billingEmail, c.contactName]),
    },
    {
      title: t('billing.summary.applications'),
      head: [t('billing.col.name'), t('billing.col.received'), t('billing.col.state'), t('billing.apply.payment'), t('billing.apply.agreement')],
      rows: b.applications.map((a) => [
        a.wijk ? `${a.package.name}: ${a.wijk.name} (${a.wijk.city}; ${a.wijk.postcodes.join(', ')}). ${a.wijk.motivation}` : a.package.name,
        time(a.createdAt),
        t(APPLICATION_STATUS_KEY[a.status]) + (a.declineReason ? `: ${a.declineReason}` : ''),
        t(PAYMENT_KEY[a.paymentMethod]),
        t('billing.applications.signed', { version: a.agreementVersion, name: a.signerName, date: time(a.acceptedAt) }),
      ]),
    },
    {
      title: t('billing.summary.subscriptions'),
      head: [t('billing.col.name'), t('billing.col.state'), t('billing.my.period'), t('billing.apply.payment')],
      rows: b.subscriptions.map((s) => [s.package.name, t(SUBSCRIPTION_STATUS_KEY[s.status]), t('billing.my.periodRange', { start: day(s.currentPeriodStart), end: day(s.currentPeriodEnd) }), t(PAYMENT_KEY[s.paymentMethod])]),
    },
    {
      title: t('billing.summary.mandates'),
      head: [t('billing.mandate.reference'), t('billing.field.iban'), t('billing.field.accountHolder'), t('billing.mandate.signed'), t('billing.col.state')],
      rows: b.mandates.map((m) => [
        `${m.reference} (${m.scheme})`,
        m.iban ?? t('billing.summary.ibanDestroyed'),
        m.accountHolderName,
        t('billing.mandate.signedLine', { name: m.signerName, place: m.signedPlace, date: day(m.signedOn) }),
        m.status === 'active' ? t('billing.mandate.active') : t(MANDATE_STATUS_KEY[m.status]),
      ]),
    },
  ]
  return tables.filter((table) => table.rows.length > 0)
}

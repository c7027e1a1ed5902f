/**
 * The mails that bring an invoice, and remind of an unpaid one: to the billing address the organisation gave, in its language,
 * saying what to pay and when (or when it is collected: the invoice is the pre-notification of a
 * direct debit), with the PDF and the e-invoice attached by the caller.
 */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'
import { euro } from './billing.money.js'
import { printedDate as day, type InvoiceDocument } from './billing.invoice-document.js'
import type { Package } from './billing.packages.queries.js'
import type { invoices } from './billing.ledger.tables.js'

/** "Wijkpartner, 1 maart 2026 t/m 31 maart 2026": what an invoice line bills. */
export function lineDescription(pkg: Pick<Package, 'nameNl' | 'nameEn'>, lang: Lang, from: string, to: string): string {
  return translator(lang)('billing.invoice.lineText', { name: lang === 'nl' ? pkg.nameNl : pkg.nameEn, from: day(from, lang), to: day(to, lang) })
}

export function invoiceMail(config: Pick<Config, 'operator' | 'publicBaseUrl'>, doc: InvoiceDocument, row: Pick<typeof invoices.$inferSelect, 'totalCents'>): RenderedMail {
  const lang = doc.language
  const { t, base } = mailFrame(config.operator.name, { lang, firstName: doc.buyer.contactName })
  const amount = euro(row.totalCents, lang)
  const payment =
    doc.kind === 'credit-note'
      ? t('billing.invoiceMail.credit', { corrects: doc.corrects.number })
      : doc.payment.method === 'direct-debit'
        ? t('billing.invoiceMail.collected', { amount, date: day(doc.payment.collectionDate, lang), reference: doc.payment.mandateReference, iban: doc.payment.debtorIbanMasked })
        : t('billing.invoiceMail.transfer', { amount, date: day(doc.payment.dueDate, lang), iban: doc.payment.iban, number: doc.number })
  return composeMail({
    ...base,
    template: doc.kind === 'credit-note' ? 'billing.credit-note' : 'billing.invoice',
    subject: t(doc.kind === 'credit-note' ? 'billing.invoiceMail.creditSubject' : 'billing.invoiceMail.subject', { number: doc.number, operator: doc.seller.name }),
    paragraphs: [t('billing.invoiceMail.attached', { number: doc.number }), payment],
    action: { label: t('billing.invoiceMail.toPackage'), url: `${config.publicBaseUrl}/mijn-pakket` },
  })
}

/** A reminder (1 or 2) of an unpaid transfer invoice: what, how much, since when, and where to pay. */
export function reminderMail(config: Pick<Config, 'operator' | 'publicBaseUrl'>, doc: InvoiceDocument, row: Pick<typeof invoices.$inferSelect, 'totalCents'>, number: number): RenderedMail {
  const lang = doc.language
  const { t, base } = mailFrame(config.operator.name, { lang, firstName: doc.buyer.contactName })
  if (doc.kind !== 'invoice' || doc.payment.method !== 'transfer') throw new Error(`only transfer invoices are reminded (${doc.number})`)
  const amount = euro(row.totalCents, lang)
  return composeMail({
    ...base,
    template: 'billing.reminder',
    subject: t(number === 1 ? 'billing.reminderMail.subject' : 'billing.reminderMail.secondSubject', { number: doc.number, operator: doc.seller.name }),
    paragraphs: [
      t('billing.reminderMail.open', { number: doc.number, amount, date: day(doc.payment.dueDate, lang) }),
      t('billing.reminderMail.pay', { amount, iban: doc.payment.iban, number: doc.number }),
      t('billing.reminderMail.crossed'),
    ],
    action: { label: t('billing.invoiceMail.toPackage'), url: `${config.publicBaseUrl}/mijn-pakket` },
  })
}

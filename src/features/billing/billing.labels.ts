/** Words for the states and choices of applications, subscriptions and mandates. */
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { ApplicationStatus } from './billing.applications.tables.js'
import type { MandateStatus } from './billing.customers.tables.js'
import type { T } from '../../kernel/i18n/i18n.js'
import type { InvoiceStatus, LedgerKind, PaymentMethod } from './billing.ledger.tables.js'
import type { MandateScheme } from './billing.mandate-rules.js'
import type { SubscriptionStatus } from './billing.subscriptions.tables.js'

export const PAYMENT_KEY: Record<PaymentMethod, MessageKey> = {
  transfer: 'billing.payment.transfer',
  'direct-debit': 'billing.payment.directDebit',
}

export const APPLICATION_STATUS_KEY: Record<ApplicationStatus, MessageKey> = {
  pending: 'billing.application.pending',
  approved: 'billing.application.approved',
  declined: 'billing.application.declined',
}

export const SUBSCRIPTION_STATUS_KEY: Record<SubscriptionStatus, MessageKey> = {
  active: 'billing.subscription.active',
  ending: 'billing.subscription.ending',
  ended: 'billing.subscription.ended',
}

export const MANDATE_STATUS_KEY: Record<MandateStatus, MessageKey> = {
  pending: 'billing.mandate.pending',
  active: 'billing.mandate.active',
  ended: 'billing.mandate.ended',
}

export const SCHEME_KEY: Record<MandateScheme, MessageKey> = {
  CORE: 'billing.mandate.scheme.CORE',
  B2B: 'billing.mandate.scheme.B2B',
}

const INVOICE_STATUS_KEY: Record<InvoiceStatus, MessageKey> = {
  open: 'billing.status.open',
  paid: 'billing.status.paid',
  returned: 'billing.status.returned',
  credited: 'billing.status.credited',
}

/** A credit note has no payment state of its own; an unpaid invoice past its due date is overdue. */
export function invoiceStatusLabel(t: T, r: { kind: LedgerKind; status: InvoiceStatus; dueOn: string }, today: string): string {
  if (r.kind === 'credit-note') return t('billing.status.creditNote')
  if ((r.status === 'open' || r.status === 'returned') && r.dueOn < today) return t('billing.status.overdue')
  return t(INVOICE_STATUS_KEY[r.status])
}

/** Words for the states and choices of applications, subscriptions and mandates. */
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { ApplicationStatus } from './billing.applications.tables.js'
import type { MandateStatus } from './billing.customers.tables.js'
import type { PaymentMethod } from './billing.ledger.tables.js'
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

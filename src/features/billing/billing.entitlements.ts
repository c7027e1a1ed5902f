/**
 * What a package can give, from a fixed list the code enforces (through the policy module): a
 * package's admin ticks these, and a feature asks whether an organisation holds one.
 * - etalage.extra: more Etalage items than the free number;
 * - featured: "uitgelicht" on the wijk home;
 * - organisation.verified: a logo and the verified mark on the organisation's page;
 * - wijk.host: for ambassadeurs, their wijk on its own host name.
 */
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export const ENTITLEMENTS = ['etalage.extra', 'featured', 'organisation.verified', 'wijk.host'] as const
export type Entitlement = (typeof ENTITLEMENTS)[number]

export const ENTITLEMENT_KEY: Record<Entitlement, MessageKey> = {
  'etalage.extra': 'billing.entitlement.etalageExtra',
  featured: 'billing.entitlement.featured',
  'organisation.verified': 'billing.entitlement.organisationVerified',
  'wijk.host': 'billing.entitlement.wijkHost',
}

/**
 * What a package can give. The fixed list lives with the policy that enforces it
 * (kernel/policy/entitlements.ts); a package's admin ticks these, and each has a label here.
 * - etalage.extra: more Etalage items than the free number;
 * - featured: "uitgelicht" on the wijk home;
 * - organisation.verified: a logo and the verified mark on the organisation's page;
 * - wijk.host: for ambassadeurs, their wijk on its own host name.
 */
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { Entitlement } from '../../kernel/policy/entitlements.js'

export { ENTITLEMENTS, type Entitlement } from '../../kernel/policy/entitlements.js'

export const ENTITLEMENT_KEY: Record<Entitlement, MessageKey> = {
  'etalage.extra': 'billing.entitlement.etalageExtra',
  featured: 'billing.entitlement.featured',
  'organisation.verified': 'billing.entitlement.organisationVerified',
  'wijk.host': 'billing.entitlement.wijkHost',
}

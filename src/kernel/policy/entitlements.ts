/**
 * What a paid package can give, from a fixed list that the policy enforces (issue 14). The kernel
 * owns the list because the policy decides on it; it does not know where an account's
 * entitlements come from. It names what it asks (`AccountEntitlements`), features/billing answers
 * from the subscriptions in force, and the wiring hands that in as `deps.entitlements`
 * (decisions/021, like `SessionPeople`).
 */
import type { SQL } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import type { Instant } from '../db/instant.js'

export const ENTITLEMENTS = ['etalage.extra', 'featured', 'organisation.verified', 'wijk.host'] as const
export type Entitlement = (typeof ENTITLEMENTS)[number]

export interface AccountEntitlements {
  /**
   * The entitlements each of these accounts holds at `now`; an account that holds none is absent
   * from the map. One read for all of them: ask only where an answer is needed (never for every
   * page view).
   */
  of(db: Db, userIds: readonly string[], now: Date): Promise<ReadonlyMap<string, readonly Entitlement[]>>
  /**
   * A subquery of the accounts (user ids) that hold `entitlement` at `now`, for a read that must
   * decide on many owners inside its own one query (`owner_id in (…)`), such as the wijk home's
   * Uitgelicht section: no second read, and never stale.
   *
   * `now` may be an expression (a prepared statement's placeholder, kernel/db/instant.ts): the
   * subquery then finds the day itself.
   *
   * @example db.select().from(items).where(sql`${items.ownerId} in (${deps.entitlements.holders('featured', now)})`)
   */
  holders(entitlement: Entitlement, now: Instant): SQL
}

/** The entitlements of one account at `now` (none when it holds none). */
export async function entitlementsOfAccount(source: AccountEntitlements, db: Db, userId: string, now: Date): Promise<readonly Entitlement[]> {
  return (await source.of(db, [userId], now)).get(userId) ?? []
}

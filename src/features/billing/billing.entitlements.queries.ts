/**
 * Which entitlements an account holds: those of the packages of its organisations' subscriptions
 * in force — active or ending (cancelled, but paid up to the end of the period) and with today
 * inside the current period, which runs up to, not including, its end. The kernel asks through
 * `accountEntitlements` (AccountEntitlements in kernel/policy/entitlements.ts), wired in boot.ts.
 */
import { and, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { QueryBuilder } from 'drizzle-orm/pg-core'
import type { Db } from '../../kernel/db/client.js'
import { amsterdamDateOf } from '../../kernel/db/instant.js'
import { ENTITLEMENTS, type AccountEntitlements, type Entitlement } from '../../kernel/policy/entitlements.js'
import { amsterdamDay } from './billing.dates.js'
import { billingCustomers } from './billing.customers.tables.js'
import { packages } from './billing.packages.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'

/** A subscription in force on `today`: active or ending, with today inside its current period. */
function inForce(today: string | SQL): SQL {
  return and(
    inArray(subscriptions.status, ['active', 'ending']),
    lte(subscriptions.currentPeriodStart, today),
    gt(subscriptions.currentPeriodEnd, today),
  )!
}

/** Each account's entitlements on `today` (Amsterdam "YYYY-MM-DD"); accounts holding none are absent. */
export async function entitlementsOfAccounts(db: Db, userIds: readonly string[], today: string): Promise<Map<string, Entitlement[]>> {
  const held = new Map<string, Entitlement[]>()
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return held
  const rows = await db
    .select({ userId: billingCustomers.userId, entitlements: packages.entitlements })
    .from(subscriptions)
    .innerJoin(billingCustomers, eq(billingCustomers.id, subscriptions.customerId))
    .innerJoin(packages, eq(packages.id, subscriptions.packageId))
    .where(
      and(inArray(billingCustomers.userId, ids), inForce(today)),
    )
  for (const { userId, entitlements } of rows) {
    if (!userId) continue
    const mine = new Set([...(held.get(userId) ?? []), ...entitlements])
    // A package stored before an entitlement left the list gives nothing the code no longer knows.
    held.set(userId, ENTITLEMENTS.filter((e) => mine.has(e)))
  }
  return held
}

/** One account's entitlements on `today`. */
export async function entitlementsOf(db: Db, userId: string, today: string): Promise<Entitlement[]> {
  return (await entitlementsOfAccounts(db, [userId], today)).get(userId) ?? []
}

/** The accounts holding `entitlement` on `today` (a day, or a date expression), as a subquery of user ids (the same conditions as above). */
export function holdersOf(entitlement: Entitlement, today: string | SQL): SQL {
  return new QueryBuilder()
    .select({ userId: billingCustomers.userId })
    .from(subscriptions)
    .innerJoin(billingCustomers, eq(billingCustomers.id, subscriptions.customerId))
    .innerJoin(packages, eq(packages.id, subscriptions.packageId))
    .where(and(inForce(today), sql`${packages.entitlements} @> ${JSON.stringify([entitlement])}::jsonb`))
    .getSQL()
}

/** The kernel's questions, answered for the day `now` is in the Netherlands. */
export const accountEntitlements: AccountEntitlements = {
  of: (db, userIds, now) => entitlementsOfAccounts(db, userIds, amsterdamDay(now)),
  holders: (entitlement, now) => holdersOf(entitlement, now instanceof Date ? amsterdamDay(now) : amsterdamDateOf(now)),
}

/**
 * Cancelling a package at the end of its period, and taking that back while the period runs.
 * Only the state a change starts from is updated, so a double click changes nothing twice.
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import type { SubscriptionRef } from './billing.account.queries.js'

type AccountDeps = Pick<Deps, 'db' | 'clock'>

async function move(deps: AccountDeps, userId: string, sub: SubscriptionRef, to: 'ending' | 'active'): Promise<boolean> {
  const now = deps.clock.now()
  const from = to === 'ending' ? 'active' : 'ending'
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(subscriptions)
      .set({ status: to, cancelAtPeriodEnd: to === 'ending', updatedAt: now })
      .where(and(eq(subscriptions.id, sub.id), eq(subscriptions.status, from)))
      .returning({ id: subscriptions.id })
    if (rows.length === 0) return false
    await recordAudit(tx, now, {
      actorUserId: userId,
      action: to === 'ending' ? 'billing.subscription.cancel' : 'billing.subscription.resume',
      subjectUserId: userId,
      targetType: 'billing_subscription',
      targetId: String(sub.id),
    })
    return true
  })
}

export const cancelAtPeriodEnd = (deps: AccountDeps, userId: string, sub: SubscriptionRef) => move(deps, userId, sub, 'ending')
export const undoCancel = (deps: AccountDeps, userId: string, sub: SubscriptionRef) => move(deps, userId, sub, 'active')

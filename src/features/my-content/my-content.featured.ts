/**
 * "Uitgelicht op de voorpagina van de wijk" (issue 14): the owner of an item whose package gives
 * `featured` marks it, and the wijk home shows it in its Uitgelicht section. Marking is decided by
 * the policy (`content.featureOnHome`) here, in the service, so no route can skip it; taking the
 * mark off is always allowed. The home reads the marks and the packages in force in one query
 * (wijk-site.queries.ts `featuredIn`), so an item of a package that ended stays marked but is no
 * longer shown, and shows again when a package gives `featured` again (decisions/021).
 */
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Actor } from '../../kernel/policy/actor.js'
import { can } from '../../kernel/policy/policy.js'
import { entitlementsOfAccount } from '../../kernel/policy/entitlements.js'
import { users } from '../accounts/accounts.tables.js'
import { contentItems } from '../content/content.tables.js'

/** Items one account may have uitgelicht at a time (published or draft): the home stays the wijk's own. */
export const MAX_FEATURED_ITEMS = 3

export type FeatureResult = { ok: true } | { ok: false; refused: 'package' | 'full' }

type FeatureDeps = Pick<Deps, 'db' | 'clock' | 'entitlements'>

/** Marks `itemId` (owned by `actor`) uitgelicht, or takes the mark off. */
export async function setFeatured(deps: FeatureDeps, actor: Actor, item: { id: number; featuredAt: Date | null }, featured: boolean): Promise<FeatureResult> {
  const user = actor.user
  if (!user) throw new Error('setFeatured needs a logged-in actor')
  if (!featured) {
    await deps.db.update(contentItems).set({ featuredAt: null }).where(eq(contentItems.id, item.id))
    return { ok: true }
  }
  if (item.featuredAt) return { ok: true }
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const entitlements = await entitlementsOfAccount(deps.entitlements, tx, user.id, now)
    if (!can(actor, 'content.featureOnHome', { ownerId: user.id, entitlements })) return { ok: false, refused: 'package' } as const
    // The owner's row, locked, serialises two marks at once, so both cannot pass the count.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update')
    const [row] = await tx
      .select({ n: count() })
      .from(contentItems)
      .where(and(eq(contentItems.ownerId, user.id), isNotNull(contentItems.featuredAt), inArray(contentItems.status, ['published', 'draft'])))
    if ((row?.n ?? 0) >= MAX_FEATURED_ITEMS) return { ok: false, refused: 'full' } as const
    await tx.update(contentItems).set({ featuredAt: now }).where(eq(contentItems.id, item.id))
    return { ok: true } as const
  })
}

/**
 * Which organisations show the "Geverifieerd" mark: those whose owner's package gives
 * `organisation.verified` (issue 14), as the policy decides (`organisation.verifiedMark`). Only
 * pages that show organisations ask, in one read of owners and one of entitlements for all of
 * them; the pages are cached, and a subscription that starts or ends moves the public version
 * (migration 0032), so no cached page keeps a mark that is no longer true.
 */
import { inArray, isNotNull, and } from 'drizzle-orm'
import type { AppContext } from '../../kernel/context.js'
import { can } from '../../kernel/policy/policy.js'
import { contentItems, type ContentType } from '../content/content.tables.js'

/** The ids among `items` of organisations that carry the verified mark. */
export async function verifiedOrganisations(c: AppContext, items: ReadonlyArray<{ id: number; type: ContentType }>): Promise<Set<number>> {
  const ids = items.filter((i) => i.type === 'organisation').map((i) => i.id)
  if (ids.length === 0) return new Set()
  const { db, clock, entitlements } = c.get('deps')
  const owners = await db
    .select({ id: contentItems.id, ownerId: contentItems.ownerId })
    .from(contentItems)
    .where(and(inArray(contentItems.id, ids), isNotNull(contentItems.ownerId)))
  if (owners.length === 0) return new Set()
  const held = await entitlements.of(db, owners.map((o) => o.ownerId!), clock.now())
  const actor = c.get('actor')
  return new Set(owners.filter((o) => can(actor, 'organisation.verifiedMark', { ownerId: o.ownerId!, entitlements: held.get(o.ownerId!) })).map((o) => o.id))
}

/** The cards with whether each carries the verified mark. */
export async function withVerified<C extends { id: number; type: ContentType }>(c: AppContext, cards: C[]): Promise<Array<C & { verified: boolean }>> {
  const verified = await verifiedOrganisations(c, cards)
  return cards.map((card) => ({ ...card, verified: verified.has(card.id) }))
}

/**
 * Which organisations show the "Geverifieerd" mark: those whose owner's package gives
 * `organisation.verified` (issue 14), as the policy decides (`organisation.verifiedMark`, which
 * everyone sees alike, so it is asked for a visitor).
 *
 * The marked organisations of a wijk are read once and remembered while the wijk and the platform
 * are unchanged (rememberForWijk): a subscription or package that changes moves the platform's
 * version (migrations 0024, 0032), and a period that ends with time alone is covered by the memo's
 * minute of business time, as for the cached page. Before, every page that showed organisations
 * made two more round trips for it (owners, then their packages).
 */
import { and, eq, sql } from 'drizzle-orm'
import type { AppContext, Deps } from '../../kernel/context.js'
import { can } from '../../kernel/policy/policy.js'
import { VISITOR } from '../../kernel/policy/actor.js'
import { rememberForWijk } from '../places/places.cache.js'
import { contentItems as ci, type ContentType } from '../content/content.tables.js'

interface Shown {
  id: number
  type: ContentType
  wijkId: number
}

/** The ids of a wijk's organisations that carry the mark: its owners that hold the entitlement, then the policy. */
async function markedIn(deps: Deps, wijkId: number): Promise<number[]> {
  const { db, clock, entitlements } = deps
  const now = clock.now()
  const owned = await db
    .select({ id: ci.id, ownerId: ci.ownerId })
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), eq(ci.type, 'organisation'), sql`${ci.ownerId} in (${entitlements.holders('organisation.verified', now)})`))
  if (owned.length === 0) return []
  const held = await entitlements.of(db, owned.map((o) => o.ownerId!), now)
  return owned.filter((o) => can(VISITOR, 'organisation.verifiedMark', { ownerId: o.ownerId!, entitlements: held.get(o.ownerId!) })).map((o) => o.id)
}

/** The ids among `items` of organisations that carry the verified mark. */
export async function verifiedOrganisations(c: AppContext, items: ReadonlyArray<Shown>): Promise<Set<number>> {
  const organisations = items.filter((i) => i.type === 'organisation')
  if (organisations.length === 0) return new Set()
  const wijkIds = [...new Set(organisations.map((o) => o.wijkId))]
  const marked = await Promise.all(wijkIds.map((wijkId) => rememberForWijk(c, wijkId, 'verified-organisations', () => markedIn(c.get('deps'), wijkId))))
  const anyMarked = new Set(marked.flat())
  return new Set(organisations.filter((o) => anyMarked.has(o.id)).map((o) => o.id))
}

/** The cards with whether each carries the verified mark. */
export async function withVerified<C extends Shown>(c: AppContext, cards: C[]): Promise<Array<C & { verified: boolean }>> {
  const verified = await verifiedOrganisations(c, cards)
  return cards.map((card) => ({ ...card, verified: verified.has(card.id) }))
}

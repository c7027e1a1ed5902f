/**
 * A wijk that is not launched yet (issue 14: an approved ambassadeur's new wijk, or one an admin
 * prepares) exists for its team and the platform admins only. Every page that takes a wijk from
 * its URL asks `wijkSeen` here; lists of wijken filter on `launchedWijken` (places.queries.ts)
 * and items on the public projection (content.public.ts), so no route decides for itself.
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { AppContext, Deps } from '../../kernel/context.js'
import type { Actor } from '../../kernel/policy/actor.js'
import { can } from '../../kernel/policy/policy.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import type { Db } from '../../kernel/db/client.js'
import { findWijkBySlug, listWijken, type WijkHome, type WijkPreview, type WijkSummary } from './places.queries.js'
import { wijken } from './places.tables.js'
import { pageShowsWijken, rememberPlatformWide } from './places.cache.js'

/** Launched, or this actor is on the wijk's team or a platform admin. */
export function wijkSeen(actor: Actor, wijk: { id: number; launchedAt: Date | null }): boolean {
  return wijk.launchedAt !== null || can(actor, 'wijk.preview', { wijkId: wijk.id })
}

/**
 * A wijk as this actor may see it. `preview` is set while the wijk is not launched and the actor
 * is on its team or an admin: reads of that wijk's items pass it on (publiclyVisible), so the team
 * sees the agenda, the Prikbord and every item as the public will after the launch.
 */
export type SeenWijk = WijkHome & { preview?: WijkPreview }

/** The preview of an unlaunched wijk for this actor; none for a launched wijk or an outsider. */
export function previewFor(actor: Actor, wijk: { id: number; launchedAt: Date | null }): WijkPreview | undefined {
  return wijk.launchedAt === null && can(actor, 'wijk.preview', { wijkId: wijk.id }) ? { wijkId: wijk.id } : undefined
}

/**
 * The wijk a URL names, or null when there is none or this actor may not see it yet: an
 * unlaunched wijk answers 404 to everyone outside its team, the same as a wijk that does not exist.
 * Every page of a wijk takes it from here, so here the page tells the page cache that it shows
 * this wijk (and what is platform-wide): a change in another wijk leaves it cached.
 */
export async function findSeenWijkBySlug(c: AppContext, slug: string): Promise<SeenWijk | null> {
  const wijk = await rememberPlatformWide(c, `wijk-by-slug:${slug}`, () => findWijkBySlug(c.get('deps').db, slug))
  if (!wijk || !wijkSeen(c.get('actor'), wijk)) return null
  pageShowsWijken(c, [wijk.id])
  const preview = previewFor(c.get('actor'), wijk)
  return preview ? { ...wijk, preview } : wijk
}

/** The wijken this actor may choose from (home wijk, help, alerts, new content): launched ones and their team's. */
export async function listWijkenSeenBy(db: Db, actor: Actor): Promise<WijkSummary[]> {
  return (await listWijken(db)).filter((w) => wijkSeen(actor, w))
}

/**
 * Makes the wijk public. Launching a launched wijk changes nothing and is not audited again, so a
 * second click (or two team members at once) is harmless. The wijken trigger bumps the public
 * version, so cached pages that left the wijk out are rendered anew.
 */
export async function launchWijk(deps: Pick<Deps, 'db' | 'clock'>, wijkId: number, actorUserId: string): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const launched = await tx
      .update(wijken)
      .set({ launchedAt: now, updatedAt: now })
      .where(and(eq(wijken.id, wijkId), isNull(wijken.launchedAt)))
      .returning({ id: wijken.id })
    if (launched.length === 0) return false
    await recordAudit(tx, now, { actorUserId, action: 'wijk.launch', targetType: 'wijk', targetId: String(wijkId) })
    return true
  })
}

/** The wijken whose logo or cover photo this is, whether launched or not (for the media routes). */
export function wijkenShowingImage(deps: Pick<Deps, 'db'>, key: { logo: string } | { cover: string }) {
  return deps.db
    .select({ id: wijken.id, launchedAt: wijken.launchedAt })
    .from(wijken)
    .where('logo' in key ? eq(wijken.logoPath, key.logo) : eq(wijken.coverKey, key.cover))
}

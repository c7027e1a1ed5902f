/**
 * Reads of the help feature, with explicit columns: the items a user may report (public ones
 * only, through the public projection's visibility rule), the support requests for /beheer, and
 * who is told about a new request.
 */
import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { WijkHosts } from '../../kernel/context.js'
import { users } from '../accounts/accounts.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { wijken } from '../places/places.tables.js'
import { contentItems, type ContentType } from '../content/content.tables.js'
import { findPublicItem, publiclyVisible } from '../content/content.public.js'
import { idFromItemParam, isModule, moduleOf } from '../content/content.urls.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { supportRequests } from './help.tables.js'

/** How many items the "choose the item" list shows; beyond that, the page address is the way. */
export const ITEM_CHOICES = 200

export interface ItemChoice {
  id: number
  title: string
  type: ContentType
}

/** The newest public items of a wijk, for the "choose the item" list. */
export async function listWijkItems(db: Db, wijkId: number, now: Date): Promise<ItemChoice[]> {
  return db
    .select({ id: contentItems.id, title: contentItems.title, type: contentItems.type })
    .from(contentItems)
    .where(and(eq(contentItems.wijkId, wijkId), publiclyVisible(now)))
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.id))
    .limit(ITEM_CHOICES)
}

/** A public item and its wijk, or null when the id is not (or no longer) public. */
export async function publicItemRef(db: Db, id: number, now: Date): Promise<{ itemId: number; wijkId: number } | null> {
  const item = await findPublicItem(db, id, now)
  return item ? { itemId: item.id, wijkId: item.wijkId } : null
}

/**
 * The public item a pasted page address points at: "/<wijk>/<module>/<id>-<slug>" on the
 * platform (with or without its host, and also the item's contact page), or
 * "/<module>/<id>-<slug>" on a wijk's own host name. Null when it is not a public item page.
 */
export async function resolveItemAddress(db: Db, hostMap: WijkHosts, baseUrl: string, address: string, now: Date): Promise<{ itemId: number; wijkId: number } | null> {
  let url: URL
  try {
    url = new URL(address.includes('://') || address.startsWith('/') ? address : `https://${address}`, baseUrl)
  } catch {
    return null
  }
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s).toLowerCase())
  const hostWijk = hostMap.lookup(url.host)
  const path = hostWijk ? [hostWijk.slug, ...segments] : segments
  const [wijkSlug, module, itemParam] = path
  if (!wijkSlug || !module || !itemParam || !SLUG_PATTERN.test(wijkSlug) || !isModule(module)) return null
  const id = idFromItemParam(itemParam)
  if (id === null) return null
  const item = await findPublicItem(db, id, now)
  if (!item || moduleOf(item.type) !== module) return null
  const [wijk] = await db.select({ id: wijken.id }).from(wijken).where(eq(wijken.slug, wijkSlug)).limit(1)
  if (!wijk || wijk.id !== item.wijkId) return null
  return { itemId: item.id, wijkId: item.wijkId }
}

export interface RequestRow {
  id: number
  kind: 'question' | 'content-problem' | 'cancellation'
  status: 'open' | 'closed'
  wijkId: number | null
  wijkName: string | null
  itemTitle: string | null
  createdAt: Date
  closedAt: Date | null
}

/**
 * Requests with one status, newest first. `wijkIds` narrows to content problems of those wijken
 * (for a wijk team); 'all' is for whoever may handle every request. The caller still checks
 * each row with the policy.
 */
export async function listRequests(db: Db, status: 'open' | 'closed', wijkIds: number[] | 'all', limit = 500): Promise<RequestRow[]> {
  if (wijkIds !== 'all' && wijkIds.length === 0) return []
  return db
    .select({
      id: supportRequests.id,
      kind: supportRequests.kind,
      status: supportRequests.status,
      wijkId: supportRequests.wijkId,
      wijkName: wijken.name,
      itemTitle: contentItems.title,
      createdAt: supportRequests.createdAt,
      closedAt: supportRequests.closedAt,
    })
    .from(supportRequests)
    .leftJoin(wijken, eq(wijken.id, supportRequests.wijkId))
    .leftJoin(contentItems, eq(contentItems.id, supportRequests.contentItemId))
    .where(
      and(
        eq(supportRequests.status, status),
        wijkIds === 'all' ? undefined : and(eq(supportRequests.kind, 'content-problem'), inArray(supportRequests.wijkId, wijkIds)),
      ),
    )
    .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
    .limit(limit)
}

/** One request with its requester (name, email, language), wijk and item; null when unknown. */
export async function findRequest(db: Db, id: number) {
  const [row] = await db
    .select({
      id: supportRequests.id,
      kind: supportRequests.kind,
      status: supportRequests.status,
      message: supportRequests.message,
      answer: supportRequests.answer,
      createdAt: supportRequests.createdAt,
      closedAt: supportRequests.closedAt,
      wijkId: supportRequests.wijkId,
      wijkName: wijken.name,
      wijkSlug: wijken.slug,
      item: { id: contentItems.id, title: contentItems.title, slug: contentItems.slug, type: contentItems.type, status: contentItems.status },
      requester: { id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, lang: users.lang, status: users.status },
    })
    .from(supportRequests)
    .leftJoin(wijken, eq(wijken.id, supportRequests.wijkId))
    .leftJoin(contentItems, eq(contentItems.id, supportRequests.contentItemId))
    .leftJoin(users, eq(users.id, supportRequests.userId))
    .where(eq(supportRequests.id, id))
    .limit(1)
  if (!row) return null
  return { ...row, item: row.item?.id ? row.item : null, requester: row.requester?.id ? row.requester : null }
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof findRequest>>>

/**
 * Who is told about a new request: every active platform admin, and for a problem with content
 * the ambassadeur and wijkbeheerders of its wijk. Never the person who asked.
 */
export async function requestRecipients(db: Db, wijkId: number | null, requesterId: string) {
  const rows = await db
    .selectDistinct({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(users.status, 'active'),
        ne(users.id, requesterId),
        or(
          and(eq(roleAssignments.role, 'admin'), isNull(roleAssignments.wijkId)),
          wijkId === null ? undefined : and(inArray(roleAssignments.role, ['ambassadeur', 'wijkbeheerder']), eq(roleAssignments.wijkId, wijkId)),
        ),
      ),
    )
  return rows
}

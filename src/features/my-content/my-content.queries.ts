/**
 * Owner-side reads. A full item is read for a guard's rowLoader together with its policy resource,
 * and reaches a handler only once the guard allowed it (or through a caller that has authorised the
 * actor); lists are scoped to what the actor owns or co-manages in the query.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentItems, contentImages, contentInvitations, contentManagers, contentThemes } from '../content/content.tables.js'
import { publicColumns, publiclyVisible } from '../content/content.public.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import type { Resource } from '../../kernel/policy/policy.js'

const ci = contentItems

/** What the policy needs to decide about one item: its wijk, owner and co-managers. */
export async function contentResource(db: Db, id: number): Promise<(Resource & { wijkId: number }) | null> {
  const [[item], managerIds] = await Promise.all([db.select({ wijkId: ci.wijkId, ownerId: ci.ownerId }).from(ci).where(eq(ci.id, id)).limit(1), managerIdsOf(db, id)])
  return item ? itemResource(item, managerIds) : null
}

/** The policy's view of an item already read, given its co-managers. */
export function itemResource(item: { wijkId: number; ownerId: string | null }, managerIds: string[]): Resource & { wijkId: number } {
  return { wijkId: item.wijkId, ownerId: item.ownerId ?? undefined, managerIds }
}

/** The accounts that co-manage an item. */
export async function managerIdsOf(db: Db, contentId: number): Promise<string[]> {
  const managers = await db.select({ userId: contentManagers.userId }).from(contentManagers).where(eq(contentManagers.contentId, contentId))
  return managers.map((m) => m.userId)
}

export type EditableItem = typeof contentItems.$inferSelect

/** The full item with its themes, for its owner or a co-manager (see the module comment). */
export async function findItemForEdit(db: Db, id: number): Promise<{ item: EditableItem; themeIds: number[] } | null> {
  const [item] = await db.select().from(ci).where(eq(ci.id, id)).limit(1)
  if (!item) return null
  const themes = await db.select({ themeId: contentThemes.themeId }).from(contentThemes).where(eq(contentThemes.contentId, id))
  return { item, themeIds: themes.map((t) => t.themeId) }
}

export interface MyItem {
  id: number
  type: EditableItem['type']
  title: string
  slug: string
  status: EditableItem['status']
  expiresAt: Date | null
  updatedAt: Date
  wijkId: number
  wijkSlug: string
  wijkName: string
  isOwner: boolean
  hiddenKind: EditableItem['hiddenKind']
  hiddenReason: string | null
  republishRequestedAt: Date | null
  sharedWithPartners: boolean
  /** Since when it is uitgelicht on the wijk home (my-content.featured.ts); null when not. */
  featuredAt: Date | null
}

/** Everything the user owns or co-manages, newest change first; expired items included. */
export async function listMyItems(db: Db, userId: string): Promise<MyItem[]> {
  const managed = db.select({ id: contentManagers.contentId }).from(contentManagers).where(eq(contentManagers.userId, userId))
  return db
    .select({
      id: ci.id,
      type: ci.type,
      title: ci.title,
      slug: ci.slug,
      status: ci.status,
      expiresAt: ci.expiresAt,
      updatedAt: ci.updatedAt,
      wijkId: ci.wijkId,
      wijkSlug: wijken.slug,
      wijkName: wijken.name,
      isOwner: sql<boolean>`coalesce(${ci.ownerId} = ${userId}, false)`,
      hiddenKind: ci.hiddenKind,
      hiddenReason: ci.hiddenReason,
      republishRequestedAt: ci.republishRequestedAt,
      sharedWithPartners: ci.sharedWithPartners,
      featuredAt: ci.featuredAt,
    })
    .from(ci)
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .where(or(eq(ci.ownerId, userId), inArray(ci.id, managed)))
    .orderBy(desc(ci.updatedAt), desc(ci.id))
}

/** Organisations of a wijk as places an activity can be at: public ones, plus the user's own. */
export async function locationChoices(db: Db, wijkId: number, userId: string | null, now: Date): Promise<Array<{ id: number; title: string }>> {
  const publicOnes = await db
    .select({ id: publicColumns.id, title: publicColumns.title })
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), eq(ci.type, 'organisation'), publiclyVisible(now)))
    .orderBy(asc(ci.title))
    .limit(500)
  const own = await managedOrganisations(db, wijkId, userId)
  const seen = new Set(publicOnes.map((o) => o.id))
  return [...publicOnes, ...own.filter((o) => !seen.has(o.id))]
}

/** The wijk's organisations (businesses) that the user owns or co-manages; none for no user (an item of the wijk itself). */
export async function managedOrganisations(db: Db, wijkId: number, userId: string | null): Promise<Array<{ id: number; title: string }>> {
  if (userId === null) return []
  const managed = db.select({ id: contentManagers.contentId }).from(contentManagers).where(eq(contentManagers.userId, userId))
  return db
    .select({ id: ci.id, title: ci.title })
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), eq(ci.type, 'organisation'), or(eq(ci.ownerId, userId), inArray(ci.id, managed))))
    .orderBy(asc(ci.title))
}

export interface ItemImage {
  id: number
  fileKey: string
  widths: number[]
  width: number
  height: number
  alt: string
}

export async function listImages(db: Db, contentId: number): Promise<ItemImage[]> {
  return db
    .select({ id: contentImages.id, fileKey: contentImages.fileKey, widths: contentImages.widths, width: contentImages.width, height: contentImages.height, alt: contentImages.alt })
    .from(contentImages)
    .where(eq(contentImages.contentId, contentId))
    .orderBy(asc(contentImages.position), asc(contentImages.id))
}

/**
 * The items that show an image with this key, each with whether the public may see it now, and
 * its wijk (whose team may preview it before the launch).
 */
export async function itemsShowingImage(
  db: Db,
  fileKey: string,
  now: Date,
): Promise<Array<{ contentId: number; visible: boolean; wijk: { id: number; launchedAt: Date | null } }>> {
  return db
    .select({ contentId: contentImages.contentId, visible: sql<boolean>`coalesce(${publiclyVisible(now)}, false)`, wijk: { id: wijken.id, launchedAt: wijken.launchedAt } })
    .from(contentImages)
    .innerJoin(ci, eq(ci.id, contentImages.contentId))
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .where(eq(contentImages.fileKey, fileKey))
}

export interface Managers {
  managers: Array<{ userId: string; firstName: string; lastName: string | null; email: string }>
  pending: Array<{ id: number; email: string; expiresAt: Date }>
}

/** Co-managers and open invitations of an item, for its owner. */
export async function listManagers(db: Db, contentId: number, now: Date): Promise<Managers> {
  const managers = await db
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(contentManagers)
    .innerJoin(users, eq(users.id, contentManagers.userId))
    .where(eq(contentManagers.contentId, contentId))
    .orderBy(asc(users.firstName))
  const pending = await db
    .select({ id: contentInvitations.id, email: contentInvitations.email, expiresAt: contentInvitations.expiresAt })
    .from(contentInvitations)
    .where(
      and(
        eq(contentInvitations.contentId, contentId),
        isNull(contentInvitations.acceptedAt),
        isNull(contentInvitations.revokedAt),
        sql`${contentInvitations.expiresAt} > ${now}`,
      ),
    )
    .orderBy(asc(contentInvitations.createdAt))
  return { managers, pending }
}

/** An invitation by its token hash, with the item's title. */
export async function findInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: contentInvitations.id,
      contentId: contentInvitations.contentId,
      email: contentInvitations.email,
      purpose: contentInvitations.purpose,
      invitedBy: contentInvitations.invitedBy,
      expiresAt: contentInvitations.expiresAt,
      acceptedAt: contentInvitations.acceptedAt,
      revokedAt: contentInvitations.revokedAt,
      title: ci.title,
    })
    .from(contentInvitations)
    .innerJoin(ci, eq(ci.id, contentInvitations.contentId))
    .where(eq(contentInvitations.tokenHash, tokenHash))
    .limit(1)
  return row ?? null
}


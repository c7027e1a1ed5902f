/**
 * What goes into the encrypted archive of a cancelled account (P26), and how it comes back.
 *
 * The payload holds the account (never its password hash), its consents, and the content it
 * owned with themes, co-managers and images (the image bytes themselves, base64), so a restore
 * needs nothing from the live database that erasure removed. Roles are deliberately left out:
 * a restored account starts without any management rights, which an admin grants again if needed.
 * Newsletter subscriptions are left out too: cancelling stopped them, and nobody is re-subscribed
 * without asking.
 */
import { and, eq, getTableColumns, inArray } from 'drizzle-orm'
import { gzipSync, gunzipSync } from 'node:zlib'
import type { Db } from '../../kernel/db/client.js'
import type { FileStore } from '../../kernel/files/store.js'
import type { Logger } from '../../kernel/log.js'
import { users } from '../accounts/accounts.tables.js'
import { consents, legalDocuments } from '../documents/documents.tables.js'
import { contentImages, contentItems, contentManagers, contentThemes, wijkThemes } from '../content/content.tables.js'
import { wijken } from '../places/places.tables.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'

/** Dates travel as ISO strings inside the JSON. */
type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] }

const { search: _search, ...contentColumns } = getTableColumns(contentItems)
type ContentRow = { [K in keyof typeof contentColumns]: (typeof contentItems.$inferSelect)[K] }

const accountColumns = {
  id: users.id,
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  firstName: users.firstName,
  lastName: users.lastName,
  homeWijkId: users.homeWijkId,
  lang: users.lang,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
  cancelledAt: users.cancelledAt,
}

export interface ArchivedImage {
  position: number
  fileKey: string
  widths: number[]
  width: number
  height: number
  alt: string
  createdAt: string
  /** The stored WebP files, base64, by width. */
  files: Array<{ width: number; data: string }>
}

export interface ArchivedItem {
  item: Jsonified<ContentRow>
  themes: Array<{ id: number; slug: string }>
  managerIds: string[]
  images: ArchivedImage[]
}

export interface ArchivePayload {
  /** Format version, so a later release can still read archives written years before. */
  format: 1
  account: Jsonified<{ [K in keyof typeof accountColumns]: (typeof users.$inferSelect)[K] }>
  consents: Array<{ documentId: number; kind: string; version: number; channel: 'signup' | 'renewal' | 'paper'; givenAt: string }>
  items: ArchivedItem[]
}

/** Reads everything the archive keeps about one account; null when the account does not exist. */
export async function collectArchive(deps: { db: Db; files: FileStore; log: Logger }, userId: string): Promise<ArchivePayload | null> {
  const { db, files, log } = deps
  const [account] = await db.select(accountColumns).from(users).where(eq(users.id, userId)).limit(1)
  if (!account) return null
  const consentRows = await db
    .select({ documentId: consents.documentId, kind: legalDocuments.kind, version: legalDocuments.version, channel: consents.channel, givenAt: consents.givenAt })
    .from(consents)
    .innerJoin(legalDocuments, eq(legalDocuments.id, consents.documentId))
    .where(eq(consents.userId, userId))
  const items = (await db.select(contentColumns).from(contentItems).where(eq(contentItems.ownerId, userId))) as ContentRow[]
  const ids = items.map((i) => i.id)
  const themes = ids.length
    ? await db
        .select({ contentId: contentThemes.contentId, id: wijkThemes.id, slug: wijkThemes.slug })
        .from(contentThemes)
        .innerJoin(wijkThemes, eq(wijkThemes.id, contentThemes.themeId))
        .where(inArray(contentThemes.contentId, ids))
    : []
  const managers = ids.length ? await db.select({ contentId: contentManagers.contentId, userId: contentManagers.userId }).from(contentManagers).where(inArray(contentManagers.contentId, ids)) : []
  const images = ids.length ? await db.select().from(contentImages).where(inArray(contentImages.contentId, ids)) : []

  const archivedItems: ArchivedItem[] = []
  for (const item of items) {
    const archivedImages: ArchivedImage[] = []
    for (const image of images.filter((i) => i.contentId === item.id)) {
      const stored: ArchivedImage['files'] = []
      for (const width of image.widths) {
        const data = await files.get(`${image.fileKey}-${width}.webp`)
        if (data) stored.push({ width, data: data.toString('base64') })
        else log.warn({ event: 'archive.image-missing', contentId: item.id, imageId: image.id }, 'an image file was missing when archiving')
      }
      archivedImages.push({
        position: image.position,
        fileKey: image.fileKey,
        widths: stored.map((f) => f.width),
        width: image.width,
        height: image.height,
        alt: image.alt,
        createdAt: image.createdAt.toISOString(),
        files: stored,
      })
    }
    archivedItems.push({
      item: JSON.parse(JSON.stringify(item)) as Jsonified<ContentRow>,
      themes: themes.filter((th) => th.contentId === item.id).map((th) => ({ id: th.id, slug: th.slug })),
      managerIds: managers.filter((m) => m.contentId === item.id).map((m) => m.userId),
      images: archivedImages.filter((i) => i.files.length > 0),
    })
  }
  return {
    format: 1,
    account: JSON.parse(JSON.stringify(account)) as ArchivePayload['account'],
    consents: consentRows.map((c) => ({ ...c, givenAt: c.givenAt.toISOString() })),
    items: archivedItems,
  }
}

/** JSON, gzipped: image bytes as base64 compress back to about their own size. */
export function encodePayload(payload: ArchivePayload): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(payload), 'utf8'))
}

export function decodePayload(bytes: Buffer): ArchivePayload {
  const payload = JSON.parse(gunzipSync(bytes).toString('utf8')) as ArchivePayload
  // Authenticated by GCM, so written by this platform; the version says how to read it.
  if (payload.format !== 1) throw new Error(`unknown archive format ${String(payload.format)}`)
  return payload
}

const date = (v: string | null | undefined): Date | null => (v ? new Date(v) : null)

/** Puts the archived image files back into the file store (content-addressed: same bytes, same key). */
export async function restoreImageFiles(files: FileStore, payload: ArchivePayload): Promise<void> {
  for (const item of payload.items) {
    for (const image of item.images) {
      for (const file of image.files) await files.put(`${image.fileKey}-${file.width}.webp`, Buffer.from(file.data, 'base64'))
    }
  }
}

/**
 * Recreates the owned content of a restored account, inside the restore transaction. Every item
 * comes back unpublished: as a draft, or still hidden when a wijkbeheerder had hidden it (so a
 * restore never undoes moderation). Items of a wijk that no longer exists are left out; themes
 * are matched by slug in the item's wijk; co-managers come back when their account is active.
 * Returns how many items and images came back.
 */
export async function restoreContent(tx: Db, payload: ArchivePayload, ownerId: string, now: Date): Promise<{ items: number; images: number }> {
  const wijkIds = [...new Set(payload.items.map((i) => i.item.wijkId))]
  const liveWijken = new Set(wijkIds.length ? (await tx.select({ id: wijken.id }).from(wijken).where(inArray(wijken.id, wijkIds))).map((w) => w.id) : [])
  const restorable = payload.items.filter((i) => liveWijken.has(i.item.wijkId))
  const restoredIds = new Set(restorable.map((i) => i.item.id))
  let images = 0
  for (const { item, themes, managerIds, images: itemImages } of restorable) {
    // The original id: URLs and references between this account's own items stay as they were
    // (ids come from a sequence and are never handed out twice).
    await tx.insert(contentItems).values({
      ...item,
      ownerId,
      status: item.status === 'hidden' ? 'hidden' : 'draft',
      publishedAt: null,
      reminderSentAt: null,
      // Uitgelicht again only when the owner marks it again (under a package in force then).
      featuredAt: null,
      locationOrgId: null,
      businessId: null,
      createdAt: new Date(item.createdAt),
      updatedAt: now,
      startsAt: date(item.startsAt),
      endsAt: date(item.endsAt),
      expiresAt: date(item.expiresAt),
      hiddenAt: date(item.hiddenAt),
      republishRequestedAt: null,
      offlineParticipantId: null,
    })
    if (themes.length) {
      const current = await tx
        .select({ id: wijkThemes.id })
        .from(wijkThemes)
        .where(and(eq(wijkThemes.wijkId, item.wijkId), inArray(wijkThemes.slug, themes.map((th) => th.slug))))
      if (current.length) await tx.insert(contentThemes).values(current.map((th) => ({ contentId: item.id, themeId: th.id })))
    }
    const others = managerIds.filter((id) => id !== ownerId)
    if (others.length) {
      const active = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, others), eq(users.status, 'active')))
      if (active.length) await tx.insert(contentManagers).values(active.map((u) => ({ contentId: item.id, userId: u.id, invitedBy: null, addedAt: now })))
    }
    if (itemImages.length) {
      await tx.insert(contentImages).values(
        itemImages.map((img) => ({
          contentId: item.id,
          position: img.position,
          fileKey: img.fileKey,
          widths: img.widths,
          width: img.width,
          height: img.height,
          alt: img.alt,
          createdAt: new Date(img.createdAt),
        })),
      )
      images += itemImages.length
    }
  }
  // References between this account's own items (an activity at its own organisation, a product
  // of its own business) come back once both ends exist; references to others' items do not.
  for (const { item } of restorable) {
    const locationOrgId = item.locationOrgId !== null && restoredIds.has(item.locationOrgId) ? item.locationOrgId : null
    const businessId = item.businessId !== null && restoredIds.has(item.businessId) ? item.businessId : null
    if (locationOrgId !== null || businessId !== null) await tx.update(contentItems).set({ locationOrgId, businessId }).where(eq(contentItems.id, item.id))
    await rebuildOccurrences(tx, item.id, now)
  }
  return { items: restorable.length, images }
}

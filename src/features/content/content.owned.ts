/**
 * What one person owns or co-manages, with every field: for Mijn gegevens and the data export.
 * Scoped to the user id given (the logged-in user or the export's owner).
 */
import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { cities, wijken } from '../places/places.tables.js'
import { contentImages, contentItems, contentManagers } from './content.tables.js'

const ci = contentItems

/** Everything the user owns or co-manages, with every field, newest change first. */
export async function listMyContent(db: Db, userId: string) {
  const managed = db.select({ id: contentManagers.contentId }).from(contentManagers).where(eq(contentManagers.userId, userId))
  return db
    .select({
      id: ci.id,
      type: ci.type,
      status: ci.status,
      title: ci.title,
      slug: ci.slug,
      summary: ci.summary,
      body: ci.body,
      isOwner: sql<boolean>`coalesce(${ci.ownerId} = ${userId}, false)`,
      wijkId: ci.wijkId,
      wijkSlug: wijken.slug,
      wijkName: wijken.name,
      cityName: cities.name,
      createdAt: ci.createdAt,
      updatedAt: ci.updatedAt,
      publishedAt: ci.publishedAt,
      expiresAt: ci.expiresAt,
      contactName: ci.contactName,
      contactNamePublic: ci.contactNamePublic,
      contactEmail: ci.contactEmail,
      contactEmailPublic: ci.contactEmailPublic,
      contactPhone: ci.contactPhone,
      contactPhonePublic: ci.contactPhonePublic,
      contactAddress: ci.contactAddress,
      contactAddressPublic: ci.contactAddressPublic,
      startsAt: ci.startsAt,
      endsAt: ci.endsAt,
      allDay: ci.allDay,
      recurrence: ci.recurrence,
      locationText: ci.locationText,
      costCents: ci.costCents,
      joinInfo: ci.joinInfo,
      offers: ci.offers,
      openingHours: ci.openingHours,
      website: ci.website,
      category: ci.category,
      priceCents: ci.priceCents,
    })
    .from(ci)
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(or(eq(ci.ownerId, userId), inArray(ci.id, managed)))
    .orderBy(desc(ci.updatedAt), desc(ci.id))
}

export type MyContentRow = Awaited<ReturnType<typeof listMyContent>>[number]

/** Images of the given items, in their order. */
export async function listImagesOf(db: Db, contentIds: number[]) {
  if (contentIds.length === 0) return []
  return db
    .select({ id: contentImages.id, contentId: contentImages.contentId, fileKey: contentImages.fileKey, widths: contentImages.widths, width: contentImages.width, height: contentImages.height, alt: contentImages.alt })
    .from(contentImages)
    .where(inArray(contentImages.contentId, contentIds))
    .orderBy(asc(contentImages.contentId), asc(contentImages.position), asc(contentImages.id))
}

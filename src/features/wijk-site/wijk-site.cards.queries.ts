/**
 * What cards need beyond the card columns: each item's first image, as its thumbnail. Only for
 * items already read through the public projection; their images are served publicly anyway
 * (/media/content/…, see my-content.routes.tsx).
 */
import { asc, inArray } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentImages } from '../content/content.tables.js'
import type { ImageRef } from './wijk-site.queries.js'

/** The first image (by position) of each of these items that has one. */
export async function thumbnailsOf(db: Db, ids: number[]): Promise<Map<number, ImageRef>> {
  const result = new Map<number, ImageRef>()
  if (ids.length === 0) return result
  const rows = await db
    .selectDistinctOn([contentImages.contentId], {
      contentId: contentImages.contentId,
      fileKey: contentImages.fileKey,
      widths: contentImages.widths,
      width: contentImages.width,
      height: contentImages.height,
      alt: contentImages.alt,
    })
    .from(contentImages)
    .where(inArray(contentImages.contentId, [...new Set(ids)]))
    .orderBy(asc(contentImages.contentId), asc(contentImages.position), asc(contentImages.id))
  for (const { contentId, ...image } of rows) result.set(contentId, image)
  return result
}

/** Each card with its thumbnail from `thumbs`, or null when the item has no image. */
export function attachThumbnails<C extends { id: number }>(cards: C[], thumbs: Map<number, ImageRef>): Array<C & { thumb: ImageRef | null }> {
  return cards.map((card) => ({ ...card, thumb: thumbs.get(card.id) ?? null }))
}

/** The cards with their thumbnails, in one query for all. */
export async function withThumbnails<C extends { id: number }>(db: Db, cards: C[]): Promise<Array<C & { thumb: ImageRef | null }>> {
  return attachThumbnails(cards, await thumbnailsOf(db, cards.map((card) => card.id)))
}

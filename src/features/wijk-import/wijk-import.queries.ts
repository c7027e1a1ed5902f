/**
 * Reads of the bulk import. Every read of a batch or an entry names the wijk from the URL as
 * well as the id, so an id of another wijk (guessed or seen) finds nothing: 404.
 */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentInvitations, contentItems } from '../content/content.tables.js'
import { importBatches } from './wijk-import.tables.js'
import { sameKey } from './wijk-import.check.js'
import type { ImportKind } from './wijk-import.mapping.js'

export type ImportBatch = typeof importBatches.$inferSelect

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function findBatch(db: Db, wijkId: number, id: string): Promise<ImportBatch | null> {
  if (!UUID.test(id)) return null
  const [row] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), eq(importBatches.wijkId, wijkId)))
    .limit(1)
  return row ?? null
}

export interface BatchSummary {
  id: string
  fileName: string
  kind: ImportKind
  status: ImportBatch['status']
  rowCount: number
  createdCount: number
  createdAt: Date
}

/** The wijk's recent imports (the raw rows stay in the database). */
export async function listBatches(db: Db, wijkId: number): Promise<BatchSummary[]> {
  return db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      kind: importBatches.kind,
      status: importBatches.status,
      rowCount: sql<number>`jsonb_array_length(${importBatches.rows})`.mapWith(Number),
      createdCount: importBatches.createdCount,
      createdAt: importBatches.createdAt,
    })
    .from(importBatches)
    .where(eq(importBatches.wijkId, wijkId))
    .orderBy(desc(importBatches.createdAt))
    .limit(20)
}

/** Keys (sameKey) of the wijk's items of this kind, whatever their status, for spotting doubles. */
export async function existingKeys(db: Db, wijkId: number, kind: ImportKind): Promise<Set<string>> {
  const rows = await db
    .select({ title: contentItems.title, startsAt: contentItems.startsAt })
    .from(contentItems)
    .where(and(eq(contentItems.wijkId, wijkId), eq(contentItems.type, kind)))
  return new Set(rows.map((r) => sameKey(r.title, kind === 'activity' ? r.startsAt : null)))
}

export interface ClaimableEntry {
  id: number
  title: string
  slug: string
  contactEmail: string | null
  pendingEmail: string | null
  pendingUntil: Date | null
}

/**
 * Organisations that belong to the wijk (imported, not claimed yet), with their open claim
 * invitation if any. Items placed for offline participants are theirs, not claimable.
 */
export async function claimableEntries(db: Db, wijkId: number, now: Date): Promise<ClaimableEntry[]> {
  const items = await db
    .select({ id: contentItems.id, title: contentItems.title, slug: contentItems.slug, contactEmail: contentItems.contactEmail })
    .from(contentItems)
    .where(claimable(wijkId))
    .orderBy(asc(contentItems.title), asc(contentItems.id))
    .limit(2000)
  const pending = await db
    .select({ contentId: contentInvitations.contentId, email: contentInvitations.email, expiresAt: contentInvitations.expiresAt })
    .from(contentInvitations)
    .innerJoin(contentItems, eq(contentItems.id, contentInvitations.contentId))
    .where(
      and(
        claimable(wijkId),
        eq(contentInvitations.purpose, 'claim'),
        isNull(contentInvitations.acceptedAt),
        isNull(contentInvitations.revokedAt),
        gt(contentInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(contentInvitations.createdAt))
  const latest = new Map(pending.map((p) => [p.contentId, p]))
  return items.map((i) => ({ ...i, pendingEmail: latest.get(i.id)?.email ?? null, pendingUntil: latest.get(i.id)?.expiresAt ?? null }))
}

export async function findClaimable(db: Db, wijkId: number, id: number): Promise<{ id: number; title: string; contactEmail: string | null } | null> {
  const [row] = await db
    .select({ id: contentItems.id, title: contentItems.title, contactEmail: contentItems.contactEmail })
    .from(contentItems)
    .where(and(eq(contentItems.id, id), claimable(wijkId)))
    .limit(1)
  return row ?? null
}

function claimable(wijkId: number) {
  return and(eq(contentItems.wijkId, wijkId), eq(contentItems.type, 'organisation'), isNull(contentItems.ownerId), isNull(contentItems.offlineParticipantId))
}

/**
 * Versioned legal documents and consent records (P03, P04).
 */
import { and, desc, eq, isNotNull, inArray } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Deps } from '../../kernel/context.js'
import { legalDocuments, consents } from './documents.tables.js'
import { DEFAULT_DOCUMENTS } from './defaults/index.js'

export type DocumentKind = 'privacy' | 'terms'
export const DOCUMENT_KINDS: DocumentKind[] = ['privacy', 'terms']

export interface PublishedDocument {
  id: number
  kind: DocumentKind
  version: number
  publishedAt: Date
}

/** The newest published version of each kind. */
export async function currentDocuments(db: Db): Promise<Record<DocumentKind, PublishedDocument | undefined>> {
  const rows = await db
    .select({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(isNotNull(legalDocuments.publishedAt))
    .orderBy(desc(legalDocuments.version))
  const pick = (kind: DocumentKind) => {
    const row = rows.find((r) => r.kind === kind)
    return row ? { ...row, kind, publishedAt: row.publishedAt! } : undefined
  }
  return { privacy: pick('privacy'), terms: pick('terms') }
}

/** Records that a user agreed to (or took note of) these exact document versions. */
export async function recordConsent(
  db: Db,
  userId: string,
  documentIds: number[],
  channel: 'signup' | 'renewal' | 'paper',
  now: Date,
): Promise<void> {
  if (documentIds.length === 0) return
  await db.insert(consents).values(documentIds.map((documentId) => ({ userId, documentId, channel, givenAt: now })))
}

/** The current documents this user has not yet consented to (empty when up to date). */
export async function missingConsents(db: Db, userId: string): Promise<PublishedDocument[]> {
  const current = Object.values(await currentDocuments(db)).filter((d): d is PublishedDocument => d !== undefined)
  if (current.length === 0) return []
  const given = await db
    .select({ documentId: consents.documentId })
    .from(consents)
    .where(and(eq(consents.userId, userId), inArray(consents.documentId, current.map((d) => d.id))))
  const have = new Set(given.map((g) => g.documentId))
  return current.filter((d) => !have.has(d.id))
}

/** Publishes the shipped privacy statement and terms when none exist yet (first start). */
export async function ensureDefaultDocuments(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const { db, clock } = deps
  const existing = await db.select({ kind: legalDocuments.kind }).from(legalDocuments).limit(10)
  const now = clock.now()
  for (const kind of DOCUMENT_KINDS) {
    if (existing.some((e) => e.kind === kind)) continue
    const text = DEFAULT_DOCUMENTS[kind]
    await db
      .insert(legalDocuments)
      .values({ kind, version: 1, bodyNl: text.nl, bodyEn: text.en, changeNote: '', publishedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
  }
}

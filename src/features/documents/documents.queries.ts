/**
 * Reads of legal documents and consents, with explicit columns.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { legalDocuments, consents, CONSENT_KINDS, DOCUMENT_KINDS, type ConsentKind, type DocumentKind } from './documents.tables.js'

/** URL segment of each kind: /privacy, /voorwaarden, /deelovereenkomst, /pakketovereenkomst, /ambassadeursovereenkomst. */
export const KIND_SLUG: Record<DocumentKind, string> = {
  privacy: 'privacy',
  terms: 'voorwaarden',
  sharing: 'deelovereenkomst',
  package: 'pakketovereenkomst',
  ambassadeur: 'ambassadeursovereenkomst',
}

export function kindFromSlug(slug: string | undefined): DocumentKind | null {
  return DOCUMENT_KINDS.find((kind) => KIND_SLUG[kind] === slug) ?? null
}

/** Where anyone can read one published version. */
export function versionPath(kind: DocumentKind, version: number): string {
  return `/${KIND_SLUG[kind]}/versie/${version}`
}

const fullColumns = {
  id: legalDocuments.id,
  kind: legalDocuments.kind,
  version: legalDocuments.version,
  bodyNl: legalDocuments.bodyNl,
  bodyEn: legalDocuments.bodyEn,
  changeNote: legalDocuments.changeNote,
  publishedAt: legalDocuments.publishedAt,
  createdAt: legalDocuments.createdAt,
  updatedAt: legalDocuments.updatedAt,
}

export type LegalDocument = NonNullable<Awaited<ReturnType<typeof findDocument>>>

export interface VersionSummary {
  id: number
  kind: DocumentKind
  version: number
  changeNote: string
  publishedAt: Date | null
  updatedAt: Date
}

export async function findDocument(db: Db, id: number) {
  const [row] = await db.select(fullColumns).from(legalDocuments).where(eq(legalDocuments.id, id)).limit(1)
  return row ?? null
}

/** One published version of a kind; drafts are never public. */
export async function findPublishedVersion(db: Db, kind: DocumentKind, version: number) {
  const [row] = await db
    .select(fullColumns)
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), eq(legalDocuments.version, version), isNotNull(legalDocuments.publishedAt)))
    .limit(1)
  return row ? { ...row, publishedAt: row.publishedAt! } : null
}

/** The newest published version of a kind, with its text. */
export async function findCurrentVersion(db: Db, kind: DocumentKind) {
  const [row] = await db
    .select(fullColumns)
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), isNotNull(legalDocuments.publishedAt)))
    .orderBy(desc(legalDocuments.version))
    .limit(1)
  return row ? { ...row, publishedAt: row.publishedAt! } : null
}

/** Every published version of a kind, newest first (the public history). */
export async function publishedVersions(db: Db, kind: DocumentKind) {
  const rows = await db
    .select({ id: legalDocuments.id, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt, changeNote: legalDocuments.changeNote })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), isNotNull(legalDocuments.publishedAt)))
    .orderBy(desc(legalDocuments.version))
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }))
}

/** Every version of every kind, drafts included (the admin overview). */
export async function allVersions(db: Db): Promise<VersionSummary[]> {
  return db
    .select({
      id: legalDocuments.id,
      kind: legalDocuments.kind,
      version: legalDocuments.version,
      changeNote: legalDocuments.changeNote,
      publishedAt: legalDocuments.publishedAt,
      updatedAt: legalDocuments.updatedAt,
    })
    .from(legalDocuments)
    .orderBy(asc(legalDocuments.kind), desc(legalDocuments.version))
}

export interface GateDocument {
  id: number
  kind: ConsentKind
  version: number
  publishedAt: Date
  consented: boolean
}

/**
 * The current version of each kind and whether this user has agreed to (or taken note of) it.
 * Runs on every request of a logged-in user, so it is one query: the documents table is tiny
 * and the consent lookup uses consents_user_idx.
 */
export async function consentStatus(db: Db, userId: string): Promise<GateDocument[]> {
  // A join, not a correlated subquery: Drizzle leaves columns unqualified in single-table
  // queries, which inside a subquery would silently bind to the wrong table.
  const rows = await db
    .selectDistinctOn([legalDocuments.kind], {
      id: legalDocuments.id,
      kind: legalDocuments.kind,
      version: legalDocuments.version,
      publishedAt: legalDocuments.publishedAt,
      consented: sql<boolean>`${consents.id} is not null`,
    })
    .from(legalDocuments)
    .leftJoin(consents, and(eq(consents.documentId, legalDocuments.id), eq(consents.userId, userId)))
    // Only what people are asked about: an agreement with organisations is nobody's consent.
    .where(and(isNotNull(legalDocuments.publishedAt), inArray(legalDocuments.kind, CONSENT_KINDS)))
    .orderBy(legalDocuments.kind, desc(legalDocuments.version))
  return rows.map((r) => ({ ...r, kind: r.kind as ConsentKind, publishedAt: r.publishedAt!, consented: r.consented === true }))
}

/** The current versions this user has not yet agreed to or taken note of, with what changed. */
export async function pendingDocuments(db: Db, userId: string) {
  const ids = (await consentStatus(db, userId)).filter((d) => !d.consented).map((d) => d.id)
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt, changeNote: legalDocuments.changeNote })
    .from(legalDocuments)
    .where(inArray(legalDocuments.id, ids))
  return rows.map((r) => ({ ...r, kind: r.kind as ConsentKind, publishedAt: r.publishedAt! }))
}

/** The consents this user gave, newest first, with the exact document versions (P03). */
export async function listConsents(db: Db, userId: string) {
  const rows = await db
    .select({ kind: legalDocuments.kind, version: legalDocuments.version, givenAt: consents.givenAt, channel: consents.channel })
    .from(consents)
    .innerJoin(legalDocuments, eq(legalDocuments.id, consents.documentId))
    .where(and(eq(consents.userId, userId), inArray(legalDocuments.kind, CONSENT_KINDS)))
    .orderBy(desc(consents.givenAt), desc(consents.id))
  return rows.map((r) => ({ ...r, kind: r.kind as ConsentKind }))
}

export type ConsentView = Awaited<ReturnType<typeof listConsents>>[number]

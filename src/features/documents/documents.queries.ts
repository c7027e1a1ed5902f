/**
 * Reads of legal documents and consents, with explicit columns.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { legalDocuments, consents, type DocumentKind } from './documents.tables.js'

/** URL segment of each kind: /privacy and /voorwaarden. */
export const KIND_SLUG: Record<DocumentKind, string> = { privacy: 'privacy', terms: 'voorwaarden' }

export function kindFromSlug(slug: string | undefined): DocumentKind | null {
  if (slug === 'privacy') return 'privacy'
  if (slug === 'voorwaarden') return 'terms'
  return null
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

/** Every version of both kinds, drafts included (the admin overview). */
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
  kind: DocumentKind
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
    .where(isNotNull(legalDocuments.publishedAt))
    .orderBy(legalDocuments.kind, desc(legalDocuments.version))
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt!, consented: r.consented === true }))
}

/** The current versions this user has not yet agreed to or taken note of, with what changed. */
export async function pendingDocuments(db: Db, userId: string) {
  const ids = (await consentStatus(db, userId)).filter((d) => !d.consented).map((d) => d.id)
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt, changeNote: legalDocuments.changeNote })
    .from(legalDocuments)
    .where(inArray(legalDocuments.id, ids))
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }))
}

/** The consents this user gave, newest first, with the exact document versions (P03). */
export async function listConsents(db: Db, userId: string) {
  return db
    .select({ kind: legalDocuments.kind, version: legalDocuments.version, givenAt: consents.givenAt, channel: consents.channel })
    .from(consents)
    .innerJoin(legalDocuments, eq(legalDocuments.id, consents.documentId))
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.givenAt), desc(consents.id))
}

export type ConsentView = Awaited<ReturnType<typeof listConsents>>[number]

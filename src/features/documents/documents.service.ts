/**
 * Versioned legal documents and consent records (P03, P04).
 */
import { and, desc, eq, isNotNull, isNull, max } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Deps } from '../../kernel/context.js'
import { legalDocuments, consents, CONSENT_KINDS, DOCUMENT_KINDS, type ConsentKind, type DocumentKind } from './documents.tables.js'
import { DEFAULT_DOCUMENTS } from './defaults/index.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { findCurrentVersion } from './documents.queries.js'
import type { DraftInput } from './documents.schema.js'
import type { SignupSteps } from '../accounts/accounts.steps.js'

export interface PublishedDocument {
  id: number
  kind: DocumentKind
  version: number
  publishedAt: Date
}

/** The newest published version of each kind. */
export async function currentDocuments(db: Db): Promise<Partial<Record<DocumentKind, PublishedDocument>>> {
  const rows = await db
    .select({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(isNotNull(legalDocuments.publishedAt))
    .orderBy(desc(legalDocuments.version))
  const current: Partial<Record<DocumentKind, PublishedDocument>> = {}
  for (const row of rows) current[row.kind] ??= { ...row, publishedAt: row.publishedAt! }
  return current
}

/** The ids of the current versions a new account agrees to at signup: the consent kinds only. */
export async function signupDocumentIds(db: Db): Promise<number[]> {
  const current = await currentDocuments(db)
  return CONSENT_KINDS.flatMap((kind: ConsentKind) => (current[kind] ? [current[kind].id] : []))
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

/** Signing up agrees to the current versions of the consent kinds (accounts' SignupSteps, wired in app.tsx). */
export const signupConsent = {
  consentDocuments: signupDocumentIds,
  recordConsent: (tx: Db, userId: string, documentIds: number[], now: Date) => recordConsent(tx, userId, documentIds, 'signup', now),
} satisfies Pick<SignupSteps, 'consentDocuments' | 'recordConsent'>

/**
 * Publishes the shipped text of each kind that has no version yet (first start, and the first
 * start after a kind is added).
 */
export async function ensureDefaultDocuments(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const { db, clock } = deps
  const existing = new Set((await db.selectDistinct({ kind: legalDocuments.kind }).from(legalDocuments)).map((e) => e.kind))
  const now = clock.now()
  for (const kind of DOCUMENT_KINDS) {
    if (existing.has(kind)) continue
    const text = DEFAULT_DOCUMENTS[kind]
    await db
      .insert(legalDocuments)
      .values({ kind, version: 1, bodyNl: text.nl, bodyEn: text.en, changeNote: '', publishedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
  }
}

export type DraftResult = { ok: true; id: number } | { ok: false; reason: 'published' | 'missing' | 'conflict' }

/**
 * Starts a new version of a kind as a draft, copied from the current version so the admin edits
 * rather than retypes. When a draft already exists, that one is returned: one draft per kind.
 */
export async function createDraft(deps: Pick<Deps, 'db' | 'clock'>, actorId: string, kind: DocumentKind): Promise<DraftResult> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ id: legalDocuments.id })
      .from(legalDocuments)
      .where(and(eq(legalDocuments.kind, kind), isNull(legalDocuments.publishedAt)))
      .limit(1)
    if (draft) return { ok: true, id: draft.id } as const
    const current = await findCurrentVersion(tx, kind)
    const [top] = await tx.select({ version: max(legalDocuments.version) }).from(legalDocuments).where(eq(legalDocuments.kind, kind))
    const source = current ?? { bodyNl: DEFAULT_DOCUMENTS[kind].nl, bodyEn: DEFAULT_DOCUMENTS[kind].en }
    const [row] = await tx
      .insert(legalDocuments)
      .values({
        kind,
        version: (top?.version ?? 0) + 1,
        bodyNl: source.bodyNl,
        bodyEn: source.bodyEn,
        changeNote: '',
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        createdBy: actorId,
      })
      // Two admins at once: the second gets the first one's draft on a retry, not an error page.
      .onConflictDoNothing()
      .returning({ id: legalDocuments.id, version: legalDocuments.version })
    if (!row) return { ok: false, reason: 'conflict' } as const
    await recordAudit(tx, now, { actorUserId: actorId, action: 'document.create', targetType: 'legal_document', targetId: String(row.id), details: { kind, version: row.version } })
    return { ok: true, id: row.id } as const
  })
}

/** Saves the texts of a draft. A published version is never changed (consents point at it). */
export async function saveDraft(deps: Pick<Deps, 'db' | 'clock'>, actorId: string, id: number, input: DraftInput): Promise<DraftResult> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(legalDocuments)
      .set({ bodyNl: input.bodyNl, bodyEn: input.bodyEn, changeNote: input.changeNote, updatedAt: now })
      .where(and(eq(legalDocuments.id, id), isNull(legalDocuments.publishedAt)))
      .returning({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version })
    if (!row) return draftFailure(tx, id)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'document.edit', targetType: 'legal_document', targetId: String(id), details: { kind: row.kind, version: row.version } })
    return { ok: true, id } as const
  })
}

/**
 * Publishes a draft: from now on it is the current version, and users are asked about it on
 * their next visit (P04). The caller has checked that every text is filled in.
 */
export async function publishDraft(deps: Pick<Deps, 'db' | 'clock'>, actorId: string, id: number): Promise<DraftResult> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(legalDocuments)
      .set({ publishedAt: now, updatedAt: now })
      .where(and(eq(legalDocuments.id, id), isNull(legalDocuments.publishedAt)))
      .returning({ id: legalDocuments.id, kind: legalDocuments.kind, version: legalDocuments.version })
    if (!row) return draftFailure(tx, id)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'document.publish', targetType: 'legal_document', targetId: String(id), details: { kind: row.kind, version: row.version } })
    return { ok: true, id } as const
  })
}

async function draftFailure(db: Db, id: number): Promise<DraftResult> {
  const [row] = await db.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.id, id)).limit(1)
  return { ok: false, reason: row ? 'published' : 'missing' }
}

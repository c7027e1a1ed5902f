/**
 * Bulk import for launching a wijk: upload → column mapping → dry run → import job. The job
 * creates the good rows as published items owned by the wijk (ownerId null), contact fields
 * private unless the wijk team chose to show a column publicly (the batch's publicFields), in chunks; each chunk and the batch's counters share a transaction, so a retried job
 * continues where it stopped and never creates a row twice. Rows with errors are listed.
 * Imported organisations can be claimed: a claim invitation (content_invitations, purpose
 * 'claim') makes whoever accepts it the owner (my-content's acceptInvitation).
 */
import { and, eq, inArray, lt, or, isNotNull } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { enqueue, reportProgress } from '../../kernel/jobs/queue.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { users } from '../accounts/accounts.tables.js'
import { contentInvitations } from '../content/content.tables.js'
import { createItem, INVITATION_DAYS } from '../my-content/my-content.service.js'
import { importBatches, type ImportRowProblem } from './wijk-import.tables.js'
import { checkRows } from './wijk-import.check.js'
import type { ColumnMapping, ImportKind } from './wijk-import.mapping.js'
import type { ParsedFile } from './wijk-import.parse.js'
import { existingKeys, type ImportBatch } from './wijk-import.queries.js'
import { claimInvitationMail } from './wijk-import.emails.js'

export const IMPORT_JOB = 'wijk-import.run'
export const IMPORT_JOB_ATTEMPTS = 3
/** Rows per transaction: short locks, and a progress bar that moves. */
export const IMPORT_CHUNK = 50
/** Batches hold the raw rows (contact details included): kept this long after finishing. */
export const BATCH_RETENTION_DAYS = 30

export async function createBatch(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { wijkId: number; userId: string; fileName: string; kind: ImportKind; file: ParsedFile; mapping: ColumnMapping; publicFields?: string[] },
): Promise<string> {
  const [row] = await deps.db
    .insert(importBatches)
    .values({
      wijkId: input.wijkId,
      createdBy: input.userId,
      fileName: input.fileName.slice(0, 200),
      format: input.file.format,
      kind: input.kind,
      headers: input.file.headers,
      rows: input.file.rows,
      mapping: input.mapping,
      publicFields: input.publicFields ?? [],
      createdAt: deps.clock.now(),
    })
    .returning({ id: importBatches.id })
  return row!.id
}

/** Stores the mapping, the public choice and the dry run's problems; the batch is then ready to import. */
export async function saveDryRun(db: Db, batch: ImportBatch, mapping: ColumnMapping, publicFields: string[], problems: ImportRowProblem[]): Promise<void> {
  await db
    .update(importBatches)
    .set({ mapping, publicFields, problems, status: 'checked' })
    .where(and(eq(importBatches.id, batch.id), inArray(importBatches.status, ['uploaded', 'checked'])))
}

/** Checked → importing, with its job. False when it was started already (a double click). */
export async function startImport(deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>, batch: ImportBatch, actor: { id: string; lang: Lang }): Promise<boolean> {
  const now = deps.clock.now()
  const started = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(importBatches)
      .set({ status: 'importing', progress: 0, problems: [], createdCount: 0 })
      .where(and(eq(importBatches.id, batch.id), eq(importBatches.status, 'checked')))
      .returning({ id: importBatches.id })
    if (rows.length === 0) return false
    await enqueue(tx, now, { type: IMPORT_JOB, key: `${IMPORT_JOB}:${batch.id}`, payload: { batchId: batch.id, lang: actor.lang }, maxAttempts: IMPORT_JOB_ATTEMPTS })
    await recordAudit(tx, now, { actorUserId: actor.id, action: 'wijk.import.start', targetType: 'wijk', targetId: String(batch.wijkId), details: { batchId: batch.id, rows: batch.rows.length, publicFields: batch.publicFields } })
    return true
  })
  if (started) deps.wakeJobs()
  return started
}

/**
 * The job. The rows are checked again now (the wijk may have changed since the dry run), with
 * the same rules. The cursor is created + skipped so far, stored with each chunk.
 */
export async function runImport(deps: Deps, jobId: number, batchId: string, lang: Lang): Promise<void> {
  const { db, clock } = deps
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId)).limit(1)
  if (!batch || batch.status !== 'importing') return
  const verdicts = checkRows(translator(lang), batch.kind, batch.mapping, batch.rows, await existingKeys(db, batch.wijkId, batch.kind), batch.publicFields)
  for (;;) {
    const now = clock.now()
    const state = await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: importBatches.status, createdCount: importBatches.createdCount, problems: importBatches.problems })
        .from(importBatches)
        .where(eq(importBatches.id, batchId))
        .for('update')
      if (!current || current.status !== 'importing') return { finished: true, progress: 100 }
      const cursor = current.createdCount + current.problems.length
      const chunk = verdicts.slice(cursor, cursor + IMPORT_CHUNK)
      let created = 0
      const problems = [...current.problems]
      for (const verdict of chunk) {
        if (verdict.ok && verdict.columns) {
          await createItem({ db: tx, clock }, { ownerId: null, wijkId: batch.wijkId, type: batch.kind, columns: verdict.columns, themeIds: [], publish: true })
          created++
        } else {
          problems.push({ row: verdict.row, errors: verdict.errors })
        }
      }
      const processed = cursor + chunk.length
      const finished = processed >= verdicts.length
      const progress = verdicts.length === 0 ? 100 : Math.floor((processed * 100) / verdicts.length)
      await tx
        .update(importBatches)
        .set({ createdCount: current.createdCount + created, problems, progress, status: finished ? 'done' : 'importing', finishedAt: finished ? now : null })
        .where(eq(importBatches.id, batchId))
      return { finished, progress }
    })
    await reportProgress(db, jobId, state.progress)
    if (state.finished) return
  }
}

/**
 * What the wijk team may see of an error: a database error's SQLSTATE, or else the error's class
 * name. Never the message: a failed insert's message quotes the row's values (names, addresses).
 */
export function safeFailure(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `database ${code}`
  }
  const name = err instanceof Error ? err.name : ''
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error'
}

/**
 * Called when the job's last attempt failed: the batch shows "mislukt" with a safe code instead of
 * "bezig" forever. It counts as finished, so the retention rule removes its raw rows in time.
 */
export async function markImportFailed(deps: Pick<Deps, 'db' | 'clock'>, batchId: string, failure: string): Promise<void> {
  await deps.db
    .update(importBatches)
    .set({ status: 'failed', failure, finishedAt: deps.clock.now() })
    .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'importing')))
}

/**
 * Failed → importing again, with a new job. It continues where the failed one stopped: the rows
 * created so far are counted in the batch, so none is created twice. False unless it had failed.
 */
export async function retryImport(deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>, batch: ImportBatch, actor: { id: string; lang: Lang }): Promise<boolean> {
  const now = deps.clock.now()
  const restarted = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(importBatches)
      .set({ status: 'importing', failure: null, finishedAt: null })
      .where(and(eq(importBatches.id, batch.id), eq(importBatches.status, 'failed')))
      .returning({ id: importBatches.id })
    if (rows.length === 0) return false
    // The first job's key is taken (jobs are created once per key): each retry gets its own.
    await enqueue(tx, now, { type: IMPORT_JOB, key: `${IMPORT_JOB}:${batch.id}:retry:${now.getTime()}`, payload: { batchId: batch.id, lang: actor.lang }, maxAttempts: IMPORT_JOB_ATTEMPTS })
    await recordAudit(tx, now, { actorUserId: actor.id, action: 'wijk.import.retry', targetType: 'wijk', targetId: String(batch.wijkId), details: { batchId: batch.id } })
    return true
  })
  if (restarted) deps.wakeJobs()
  return restarted
}

/** Finished batches 30 days after finishing; abandoned ones (never imported) 30 days after upload. */
export async function purgeOldBatches(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -BATCH_RETENTION_DAYS * DAY)
  const rows = await db
    .delete(importBatches)
    .where(or(and(isNotNull(importBatches.finishedAt), lt(importBatches.finishedAt, before)), and(inArray(importBatches.status, ['uploaded', 'checked']), lt(importBatches.createdAt, before))))
    .returning({ id: importBatches.id })
  return rows.length
}

/**
 * Mails a claim link for an entry of the wijk, through the co-manager invitation's token and
 * accept page. The mail is in the invitee's language when the address has an account.
 */
export async function inviteClaim(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>,
  input: { wijkId: number; wijkName: string; item: { id: number; title: string }; email: string; inviter: { id: string; firstName: string; lang: Lang } },
): Promise<void> {
  const now = deps.clock.now()
  const token = randomToken()
  await deps.db.transaction(async (tx) => {
    const [invitee] = await tx.select({ id: users.id, lang: users.lang }).from(users).where(eq(users.email, input.email)).limit(1)
    const [row] = await tx
      .insert(contentInvitations)
      .values({
        tokenHash: hashToken(token),
        contentId: input.item.id,
        email: input.email,
        purpose: 'claim',
        invitedBy: input.inviter.id,
        createdAt: now,
        expiresAt: addMs(now, INVITATION_DAYS * DAY),
      })
      .returning({ id: contentInvitations.id })
    await queueMail(tx, now, {
      key: `wijk-import.claim:${row!.id}`,
      to: input.email,
      userId: invitee?.id ?? null,
      ...claimInvitationMail(deps.config, { lang: invitee?.lang ?? input.inviter.lang, wijkName: input.wijkName, inviterName: input.inviter.firstName, title: input.item.title, days: INVITATION_DAYS }, token),
    })
    // Ids only: the address itself is in the invitation row, not in the audit log.
    await recordAudit(tx, now, { actorUserId: input.inviter.id, action: 'wijk.import.claimInvite', targetType: 'content', targetId: String(input.item.id), details: { wijkId: input.wijkId, invitationId: row!.id } })
  })
  deps.wakeJobs()
}

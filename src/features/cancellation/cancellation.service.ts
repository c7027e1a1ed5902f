/**
 * Cancellation (P24) and the 5-year archive (P26), in three steps:
 *
 * 1. cancelAccount: in ONE transaction the account is marked cancelled (the public projection
 *    and session loading treat it as gone from that moment), every privacy module stops what must
 *    stop at once (sessions, newsletters, alerts, second factors: their cancelFor), a confirmation
 *    mail is queued and the erase job is enqueued.
 * 2. eraseAccount (the job, minutes later; an hourly retention rule is the safety net): writes the
 *    encrypted archive, then runs every privacy module's eraseFor in the order of src/privacy.ts,
 *    the last of which deletes the account row, all in one transaction, so there is never a moment
 *    with neither; foreign keys cascade to the tables declared `cascade`. Files go after the commit.
 *
 * This file names no other feature's tables for erasure: what each table holds and what happens
 * to it is declared in its feature's <feature>.privacy.ts (ADR 012). The archive's contents and
 * the restore are the archive format's own (cancellation.archive.ts).
 * 3. restoreArchive (an admin, on request, within 5 years): recreates the account under the same
 *    id with its content as drafts, mails a link to choose a password, and deletes the archive.
 *
 * The audit log keeps only ids. Rows whose subject is an erased account stay: they prove what
 * administrators did (GDPR art. 5(2)), and a random id says nothing about a person once the
 * account is gone; after a restore under the same id, the person's access log is whole again.
 */
import { and, eq, inArray, isNull, lt, ne, notInArray, or, sql, count } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { users, accountTokens } from '../accounts/accounts.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { consents, legalDocuments } from '../documents/documents.tables.js'
import { contentItems } from '../content/content.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { wijken } from '../places/places.tables.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { cancelInModules, eraseInModules } from '../../kernel/privacy/privacy.js'
import { hashPassword } from '../../kernel/auth/password.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { uniqueViolation } from '../../kernel/db/unique-violation.js'
import { HOUR, addMs } from '../../kernel/clock.js'
import { PRIVACY_MODULES } from '../../privacy.js'
import { accountArchives } from './cancellation.tables.js'
import {
  archiveKeyring,
  emailLookup,
  emailLookups,
  openArchive,
  sealArchive,
  ArchiveAuthenticationError,
  ArchiveKeyMissingError,
} from './cancellation.crypto.js'
import { collectArchive, decodePayload, encodePayload, restoreContent, restoreImageFiles, type ArchivePayload } from './cancellation.archive.js'
import { accountCancelledMail, accountRestoredMail } from './cancellation.emails.js'

/** The job that erases one cancelled account: a public contract, never rename. */
export const ERASE_JOB = 'account.erase'
export const ARCHIVE_YEARS = 5
/** The promise: gone from the live database within this time (P24). */
export const ERASE_WITHIN_MS = 48 * HOUR
/** The hourly safety net erases a cancelled account its job has not erased after this long. */
export const ERASE_OVERDUE_MS = HOUR
/** How long the "choose a password" link after a restore works: the person may read it a day later. */
export const RESTORE_LINK_HOURS = 48

/** cancelled_at + 5 calendar years. */
export function purgeAfterOf(cancelledAt: Date): Date {
  const d = new Date(cancelledAt)
  d.setUTCFullYear(d.getUTCFullYear() + ARCHIVE_YEARS)
  return d
}

/** Additional data bound to an archive's ciphertext: it opens only in its own row. */
function archiveAad(archiveId: string, originalUserId: string): string {
  return `wijkconnect-archive:v1:${archiveId}:${originalUserId}`
}

// -- 1. Cancel --------------------------------------------------------------------------------

export type CancelBy = { kind: 'self' } | { kind: 'admin'; adminId: string; reason: string }
export type CancelResult = { ok: true; cancelledAt: Date } | { ok: false; reason: 'notActive' | 'lastAdmin' }

/**
 * Cancels an account at once (see the file comment). Refused for the last active platform admin:
 * nobody would be left to handle requests or restore archives.
 */
export async function cancelAccount(deps: Deps, userId: string, by: CancelBy): Promise<CancelResult> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  const result = await db.transaction(async (tx): Promise<CancelResult> => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang, status: users.status })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
      .limit(1)
    if (!user || user.status !== 'active') return { ok: false, reason: 'notActive' }
    if (await isLastAdmin(tx, userId)) return { ok: false, reason: 'lastAdmin' }

    await tx.update(users).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(users.id, userId))
    // What stops at once: sessions, newsletters, alerts, second factors (each module's cancelFor).
    await cancelInModules(PRIVACY_MODULES, tx, { id: userId, email: user.email }, now)
    // Without userId: erasure deletes the account's pending mail, but this one must still arrive.
    await queueMail(tx, now, {
      key: `cancellation.confirmed:${userId}:${now.getTime()}`,
      to: user.email,
      userId: null,
      ...accountCancelledMail(config, user, { byAdmin: by.kind === 'admin', purgeAfter: purgeAfterOf(now) }),
    })
    // The key carries the cancellation time: after a restore, a later cancellation gets its own job.
    await enqueue(tx, now, { type: ERASE_JOB, payload: { userId }, key: `${ERASE_JOB}:${userId}:${now.getTime()}`, maxAttempts: 10 })

    if (by.kind === 'admin') {
      const [request] = await tx
        .insert(supportRequests)
        .values({ kind: 'cancellation', userId, message: by.reason, status: 'closed', handledBy: by.adminId, createdAt: now, closedAt: now })
        .returning({ id: supportRequests.id })
      await recordAudit(tx, now, {
        actorUserId: by.adminId,
        action: 'account.cancel.onBehalf',
        subjectUserId: userId,
        targetType: 'support_request',
        targetId: String(request!.id),
      })
    } else {
      await recordAudit(tx, now, { actorUserId: userId, action: 'account.cancel', subjectUserId: userId, targetType: 'user', targetId: userId })
    }
    return { ok: true, cancelledAt: now }
  })
  if (result.ok) {
    deps.wakeJobs()
    log.info({ event: 'account.cancelled', userId, by: by.kind }, 'account cancelled')
  }
  return result
}

async function isLastAdmin(tx: Db, userId: string): Promise<boolean> {
  const [own] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'admin')))
    .limit(1)
  if (!own) return false
  const [others] = await tx
    .select({ n: count() })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'admin'), ne(roleAssignments.userId, userId), eq(users.status, 'active')))
  return (others?.n ?? 0) === 0
}

/** The account an admin may cancel on someone's behalf: active, found by its address (or id, on confirm). */
export async function findActiveAccount(db: Db, by: { email: string } | { id: string }) {
  const [row] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, createdAt: users.createdAt })
    .from(users)
    .where(and('email' in by ? eq(users.email, by.email) : eq(users.id, by.id), eq(users.status, 'active')))
    .limit(1)
  if (!row) return null
  const [owned] = await db.select({ n: count() }).from(contentItems).where(eq(contentItems.ownerId, row.id))
  return { ...row, itemCount: owned?.n ?? 0 }
}

/** Records that an admin looked an account up to cancel it (its name and email were shown). */
export async function auditCancelLookup(deps: Pick<Deps, 'db' | 'clock'>, adminId: string, userId: string): Promise<void> {
  await recordAudit(deps.db, deps.clock.now(), {
    actorUserId: adminId,
    action: 'account.cancel.lookup',
    subjectUserId: userId,
    targetType: 'user',
    targetId: userId,
    details: { fields: ['firstName', 'lastName', 'email', 'createdAt', 'itemCount'] },
  })
}

// -- 2. Erase ---------------------------------------------------------------------------------

/**
 * Archives and erases one cancelled account; false when there is nothing to do (already erased,
 * restored, or never cancelled), so the job may run any number of times.
 */
export async function eraseAccount(deps: Deps, userId: string): Promise<boolean> {
  const { db, clock, config, files, log } = deps
  const now = clock.now()
  const keyring = archiveKeyring(config)
  const removed = await db.transaction(async (tx) => {
    // The row lock makes a second run (job and safety net at once) wait, then find nothing.
    const [user] = await tx
      .select({ id: users.id, email: users.email, status: users.status, cancelledAt: users.cancelledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
      .limit(1)
    if (!user || user.status !== 'cancelled') return null
    const cancelledAt = user.cancelledAt ?? now
    const payload = await collectArchive({ db: tx, files, log }, userId)
    if (!payload) return null

    const archiveId = randomUUID()
    const sealed = sealArchive(keyring, encodePayload(payload), archiveAad(archiveId, userId))
    await tx.insert(accountArchives).values({
      id: archiveId,
      originalUserId: userId,
      emailLookup: emailLookup(keyring.current.key, user.email),
      ...sealed,
      cancelledAt,
      archivedAt: now,
      purgeAfter: purgeAfterOf(cancelledAt),
    })

    // Each module erases what its foreign keys do not (mail, invitations by address) and notes
    // the files to delete after the commit; the last one deletes the users row, which cascades.
    const erased = await eraseInModules(PRIVACY_MODULES, { tx, now, person: { id: userId, email: user.email } })
    await recordAudit(tx, now, {
      actorUserId: null,
      action: 'account.erase',
      subjectUserId: userId,
      targetType: 'account_archive',
      targetId: archiveId,
      details: { items: payload.items.length, ...erased.counts },
    })
    return { archiveId, afterCommit: erased.afterCommit }
  })
  if (!removed) return false
  for (const work of removed.afterCommit) await work({ db, files, log })
  log.info({ event: 'account.erased', userId, archiveId: removed.archiveId }, 'cancelled account archived and erased')
  return true
}

/** The safety net: erases every cancelled account its job has not erased within the hour. */
export async function eraseOverdueAccounts(deps: Deps): Promise<number> {
  const { db, clock } = deps
  const overdue = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'cancelled'), or(isNull(users.cancelledAt), lt(users.cancelledAt, addMs(clock.now(), -ERASE_OVERDUE_MS)))))
  let erased = 0
  for (const { id } of overdue) if (await eraseAccount(deps, id)) erased++
  return erased
}

// -- 3. Find and restore ----------------------------------------------------------------------

export interface ArchiveSummary {
  id: string
  cancelledAt: Date
  archivedAt: Date
  purgeAfter: Date
  keyId: string
}

/**
 * Archives of an address (under every configured key), and whether an account with that address
 * is cancelled but not archived yet. Shows dates only: nothing is decrypted before a restore.
 */
export async function findArchives(deps: Pick<Deps, 'db' | 'config'>, email: string): Promise<{ archives: ArchiveSummary[]; pendingErasure: boolean }> {
  const { db, config } = deps
  const archives = await db
    .select({ id: accountArchives.id, cancelledAt: accountArchives.cancelledAt, archivedAt: accountArchives.archivedAt, purgeAfter: accountArchives.purgeAfter, keyId: accountArchives.keyId })
    .from(accountArchives)
    .where(inArray(accountArchives.emailLookup, emailLookups(archiveKeyring(config), email)))
    .orderBy(sql`${accountArchives.archivedAt} desc`)
  const [pending] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, 'cancelled')))
    .limit(1)
  return { archives, pendingErasure: pending !== undefined }
}

export async function findArchive(db: Db, id: string) {
  const [row] = await db.select().from(accountArchives).where(eq(accountArchives.id, id)).limit(1)
  return row ?? null
}

/** Decrypts one archive row; throws ArchiveKeyMissingError or ArchiveAuthenticationError. */
export function decryptArchive(config: Deps['config'], row: typeof accountArchives.$inferSelect): ArchivePayload {
  return decodePayload(openArchive(archiveKeyring(config), row, archiveAad(row.id, row.originalUserId)))
}

export type RestoreResult =
  | { ok: true; userId: string; items: number; images: number }
  | { ok: false; reason: 'notFound' | 'emailTaken' | 'keyMissing' | 'undecryptable'; keyId?: string }

/**
 * Brings an archived account back: same id, status active, a random password nobody knows (the
 * person chooses one through the mailed link), address confirmed, content unpublished. The
 * archive row is deleted in the same transaction: the data is live again, and a second copy
 * would outlive a new cancellation. Refused while another account uses the address.
 */
export async function restoreArchive(deps: Deps, archiveId: string, adminId: string): Promise<RestoreResult> {
  const { db, clock, config, files, log } = deps
  const row = await findArchive(db, archiveId)
  if (!row) return { ok: false, reason: 'notFound' }
  let payload: ArchivePayload
  try {
    payload = decryptArchive(config, row)
  } catch (err) {
    if (err instanceof ArchiveKeyMissingError) return { ok: false, reason: 'keyMissing', keyId: err.keyId }
    if (err instanceof ArchiveAuthenticationError) return { ok: false, reason: 'undecryptable' }
    throw err
  }
  const account = payload.account
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.email, account.email), eq(users.id, row.originalUserId)))
    .limit(1)
  if (taken) return { ok: false, reason: 'emailTaken' }

  // Files first: a restored row never points at a missing file (same bytes, same key).
  await restoreImageFiles(files, payload)
  const passwordHash = await hashPassword(randomToken())
  const now = clock.now()
  const token = randomToken()
  try {
    const restored = await db.transaction(async (tx) => {
      const [gone] = await tx.delete(accountArchives).where(eq(accountArchives.id, archiveId)).returning({ id: accountArchives.id })
      if (!gone) return null
      const [homeWijk] = account.homeWijkId === null ? [] : await tx.select({ id: wijken.id }).from(wijken).where(eq(wijken.id, account.homeWijkId)).limit(1)
      await tx.insert(users).values({
        id: row.originalUserId,
        email: account.email,
        emailVerifiedAt: now,
        passwordHash,
        firstName: account.firstName,
        lastName: account.lastName,
        homeWijkId: homeWijk?.id ?? null,
        lang: account.lang,
        status: 'active',
        cancelledAt: null,
        createdAt: new Date(account.createdAt),
        updatedAt: now,
      })
      const documentIds = payload.consents.map((c) => c.documentId)
      const liveDocs = new Set(documentIds.length ? (await tx.select({ id: legalDocuments.id }).from(legalDocuments).where(inArray(legalDocuments.id, documentIds))).map((d) => d.id) : [])
      const kept = payload.consents.filter((c) => liveDocs.has(c.documentId))
      if (kept.length) await tx.insert(consents).values(kept.map((c) => ({ userId: row.originalUserId, documentId: c.documentId, channel: c.channel, givenAt: new Date(c.givenAt) })))
      const content = await restoreContent(tx, payload, row.originalUserId, now)

      // The password-reset flow of the accounts feature, with a longer-lived link (see RESTORE_LINK_HOURS).
      const tokenHash = hashToken(token)
      await tx.insert(accountTokens).values({ tokenHash, userId: row.originalUserId, purpose: 'reset-password', createdAt: now, expiresAt: addMs(now, RESTORE_LINK_HOURS * HOUR) })
      await queueMail(tx, now, {
        key: `archive.restored:${archiveId}`,
        to: account.email,
        userId: row.originalUserId,
        ...accountRestoredMail(config, { firstName: account.firstName, lang: account.lang }, token, RESTORE_LINK_HOURS),
      })
      await recordAudit(tx, now, {
        actorUserId: adminId,
        action: 'archive.restore',
        subjectUserId: row.originalUserId,
        targetType: 'account_archive',
        targetId: archiveId,
        details: content,
      })
      return content
    })
    if (!restored) return { ok: false, reason: 'notFound' }
    deps.wakeJobs()
    log.info({ event: 'archive.restored', userId: row.originalUserId, archiveId }, 'account restored from the archive')
    return { ok: true, userId: row.originalUserId, ...restored }
  } catch (err) {
    // Someone took the address between the check and the insert.
    if (uniqueViolation(err) !== null) return { ok: false, reason: 'emailTaken' }
    throw err
  }
}

/** Records an admin's search of the archive (ids only). */
export async function auditArchiveSearch(deps: Pick<Deps, 'db' | 'clock'>, adminId: string, found: ArchiveSummary[]): Promise<void> {
  await recordAudit(deps.db, deps.clock.now(), { actorUserId: adminId, action: 'archive.search', targetType: 'account_archive', details: { found: found.map((a) => a.id) } })
}

/** The daily rule: destroys every archive past purge_after (P26). */
export async function purgeExpiredArchives(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(accountArchives)
      .where(lt(accountArchives.purgeAfter, now))
      .returning({ id: accountArchives.id, originalUserId: accountArchives.originalUserId })
    for (const archive of gone) {
      await recordAudit(tx, now, { actorUserId: null, action: 'archive.purge', subjectUserId: archive.originalUserId, targetType: 'account_archive', targetId: archive.id })
    }
    return gone.length
  })
}

/** Ids of archive rows whose key is not configured any more (for a warning on the archive page). */
export async function archivesWithUnknownKeys(deps: Pick<Deps, 'db' | 'config'>): Promise<number> {
  const keyring = archiveKeyring(deps.config)
  const known = [keyring.current.id, ...keyring.previous.keys()]
  const [row] = await deps.db.select({ n: count() }).from(accountArchives).where(notInArray(accountArchives.keyId, known))
  return row?.n ?? 0
}

/**
 * Writes of the owner side: items, publication, renewal, deletion, co-managers. Callers have
 * authorised the actor through the policy (guard with contentResource).
 */
import { and, count, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { contentItems, contentImages, contentInvitations, contentManagers, contentThemes, type ContentType } from '../content/content.tables.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { users } from '../accounts/accounts.tables.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { DAY, addMs } from '../../kernel/clock.js'
import type { ItemColumns } from './my-content.form.js'
import { DEFAULT_EXPIRY_DAYS } from './my-content.schema.js'
import { invitationMail, expiryReminderMail } from './my-content.emails.js'
import type { ProcessedImage } from './my-content.images.js'

export const INVITATION_DAYS = 14
export const REMINDER_DAYS_BEFORE = 3
export const MAX_IMAGES = 6

async function setThemes(tx: Db, contentId: number, themeIds: number[]): Promise<void> {
  await tx.delete(contentThemes).where(eq(contentThemes.contentId, contentId))
  if (themeIds.length) await tx.insert(contentThemes).values(themeIds.map((themeId) => ({ contentId, themeId })))
}

/**
 * A new item, a draft: publishing is a separate step after the preview (P27). Only the wijk's bulk
 * import (wijk-import) creates items published at once, owned by the wijk (ownerId null), after
 * the wijk team checked every row in its dry run.
 */
export async function createItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { ownerId: string | null; wijkId: number; type: ContentType; columns: ItemColumns; themeIds: number[]; publish?: boolean },
): Promise<number> {
  const now = deps.clock.now()
  const status = input.publish ? { status: 'published' as const, publishedAt: input.columns.publishedAt ?? now } : { status: 'draft' as const }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contentItems)
      .values({ title: '', slug: '', ...input.columns, wijkId: input.wijkId, type: input.type, ownerId: input.ownerId, ...status, createdAt: now, updatedAt: now })
      .returning({ id: contentItems.id })
    await setThemes(tx, row!.id, input.themeIds)
    await rebuildOccurrences(tx, row!.id, now)
    return row!.id
  })
}

/** Saves an edit; the status stays as it was (a published item stays published). */
export async function updateItem(deps: Pick<Deps, 'db' | 'clock'>, id: number, columns: ItemColumns, themeIds: number[]): Promise<string[]> {
  const now = deps.clock.now()
  return deps.db.transaction((tx) => updateItemIn(tx, now, id, columns, themeIds))
}

/** Columns that follow from others and say nothing new to the owner. */
const DERIVED = new Set(['slug', 'updatedAt', 'reminderSentAt'])

function sameValue(a: unknown, b: unknown): boolean {
  const x = a ?? null
  const y = b ?? null
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime()
  if (typeof x === 'object' || typeof y === 'object') return stableJson(x) === stableJson(y)
  return x === y
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}

/**
 * The edit itself, inside the caller's transaction (the wijk team's edit also queues a mail
 * and an audit row with it). Returns the names of the columns that changed ('themes' for the
 * themes), so the owner can be told what someone else changed.
 */
export async function updateItemIn(tx: Db, now: Date, id: number, columns: ItemColumns, themeIds: number[]): Promise<string[]> {
  const [before] = await tx.select().from(contentItems).where(eq(contentItems.id, id)).for('update').limit(1)
  if (!before) return []
  const themesBefore = await tx.select({ themeId: contentThemes.themeId }).from(contentThemes).where(eq(contentThemes.contentId, id))
  const changed = Object.entries(columns)
    .filter(([key, value]) => !DERIVED.has(key) && !sameValue((before as Record<string, unknown>)[key], value))
    .map(([key]) => key)
  const oldThemes = themesBefore.map((t) => t.themeId).sort((a, b) => a - b)
  if (JSON.stringify(oldThemes) !== JSON.stringify([...themeIds].sort((a, b) => a - b))) changed.push('themes')
  // A different expiry date deserves a new reminder; an unchanged one keeps the sent mark.
  const reset = columns.expiresAt
    ? { reminderSentAt: sql<Date | null>`case when ${contentItems.expiresAt} is distinct from ${columns.expiresAt} then null else ${contentItems.reminderSentAt} end` }
    : {}
  await tx.update(contentItems).set({ ...columns, ...reset, updatedAt: now }).where(eq(contentItems.id, id))
  await setThemes(tx, id, themeIds)
  await rebuildOccurrences(tx, id, now)
  return changed
}

/** Draft → published. An item a wijkbeheerder hid stays hidden (returns false). */
export async function publishItem(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<boolean> {
  const now = deps.clock.now()
  const rows = await deps.db
    .update(contentItems)
    .set({ status: 'published', publishedAt: sql`coalesce(${contentItems.publishedAt}, ${now})`, updatedAt: now })
    .where(and(eq(contentItems.id, id), eq(contentItems.status, 'draft')))
    .returning({ id: contentItems.id })
  return rows.length > 0
}

/**
 * The owner (or a co-manager) has fixed an item the wijk team hid and asks them to publish it
 * again; it shows up in the team's content list. Only a hidden item can be asked about.
 */
export async function requestRepublish(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<boolean> {
  const rows = await deps.db
    .update(contentItems)
    .set({ republishRequestedAt: deps.clock.now() })
    .where(and(eq(contentItems.id, id), eq(contentItems.status, 'hidden')))
    .returning({ id: contentItems.id })
  return rows.length > 0
}

/** Back to draft: off the public site, kept for the owner. */
export async function unpublishItem(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<void> {
  await deps.db
    .update(contentItems)
    .set({ status: 'draft', updatedAt: deps.clock.now() })
    .where(and(eq(contentItems.id, id), eq(contentItems.status, 'published')))
}

/** Another 30 days on the Prikbord, from now; also for an item that has already expired. */
export async function renewItem(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<boolean> {
  const now = deps.clock.now()
  const rows = await deps.db
    .update(contentItems)
    .set({ expiresAt: addMs(now, DEFAULT_EXPIRY_DAYS * DAY), reminderSentAt: null, updatedAt: now })
    .where(and(eq(contentItems.id, id), inArray(contentItems.type, ['request', 'offer'])))
    .returning({ id: contentItems.id })
  return rows.length > 0
}

/** Deletes the item (rows cascade) and then the image files no other item uses. */
export async function deleteItem(deps: Pick<Deps, 'db' | 'files' | 'log'>, id: number): Promise<void> {
  const images = await deps.db.select({ fileKey: contentImages.fileKey, widths: contentImages.widths }).from(contentImages).where(eq(contentImages.contentId, id))
  await deps.db.delete(contentItems).where(eq(contentItems.id, id))
  await removeUnusedFiles(deps, images)
}

async function removeUnusedFiles(deps: Pick<Deps, 'db' | 'files' | 'log'>, images: Array<{ fileKey: string; widths: number[] }>): Promise<void> {
  for (const image of images) {
    const [used] = await deps.db.select({ n: count() }).from(contentImages).where(eq(contentImages.fileKey, image.fileKey))
    if ((used?.n ?? 0) > 0) continue
    for (const w of image.widths) {
      try {
        await deps.files.delete(`${image.fileKey}-${w}.webp`)
      } catch (error) {
        deps.log.warn({ err: error }, 'could not delete an image file')
      }
    }
  }
}

// -- Images ---------------------------------------------------------------------------------

/** Stores the processed files and the row; false when the item already has the maximum. */
export async function addImage(deps: Pick<Deps, 'db' | 'clock' | 'files'>, contentId: number, image: ProcessedImage, alt: string): Promise<boolean> {
  const now = deps.clock.now()
  const [existing] = await deps.db.select({ n: count() }).from(contentImages).where(eq(contentImages.contentId, contentId))
  if ((existing?.n ?? 0) >= MAX_IMAGES) return false
  // Files first: a row never points at a file that is not there. Same content, same key.
  for (const file of image.files) await deps.files.put(`${image.key}-${file.width}.webp`, file.data)
  await deps.db.transaction(async (tx) => {
    const [n] = await tx.select({ n: count(), max: sql<number>`coalesce(max(${contentImages.position}), -1)` }).from(contentImages).where(eq(contentImages.contentId, contentId))
    await tx.insert(contentImages).values({
      contentId,
      position: Number(n?.max ?? -1) + 1,
      fileKey: image.key,
      widths: image.files.map((f) => f.width),
      width: image.width,
      height: image.height,
      alt,
      createdAt: now,
    })
    await tx.update(contentItems).set({ updatedAt: now }).where(eq(contentItems.id, contentId))
  })
  return true
}

export async function deleteImage(deps: Pick<Deps, 'db' | 'clock' | 'files' | 'log'>, contentId: number, imageId: number): Promise<void> {
  const rows = await deps.db
    .delete(contentImages)
    .where(and(eq(contentImages.id, imageId), eq(contentImages.contentId, contentId)))
    .returning({ fileKey: contentImages.fileKey, widths: contentImages.widths })
  await removeUnusedFiles(deps, rows)
}

// -- Co-managers ----------------------------------------------------------------------------

export type InviteResult = { ok: true } | { ok: false; error: 'self' }

/**
 * Mails an invitation link. The answer is the same whether or not the address has an account;
 * the mail is in the language of that account, or the inviter's.
 */
export async function inviteManager(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>,
  input: { contentId: number; title: string; email: string; inviter: { id: string; email: string; firstName: string; lang: 'nl' | 'en' } },
): Promise<InviteResult> {
  if (input.email === input.inviter.email.toLowerCase()) return { ok: false, error: 'self' }
  const now = deps.clock.now()
  const token = randomToken()
  await deps.db.transaction(async (tx) => {
    const [invitee] = await tx.select({ id: users.id, lang: users.lang, firstName: users.firstName }).from(users).where(eq(users.email, input.email)).limit(1)
    const [row] = await tx
      .insert(contentInvitations)
      .values({ tokenHash: hashToken(token), contentId: input.contentId, email: input.email, invitedBy: input.inviter.id, createdAt: now, expiresAt: addMs(now, INVITATION_DAYS * DAY) })
      .returning({ id: contentInvitations.id })
    const lang = invitee?.lang ?? input.inviter.lang
    await queueMail(tx, now, {
      key: `content.invite:${row!.id}`,
      to: input.email,
      userId: invitee?.id ?? null,
      ...invitationMail(deps.config, { lang, inviterName: input.inviter.firstName, title: input.title, days: INVITATION_DAYS }, token),
    })
  })
  deps.wakeJobs()
  return { ok: true }
}

export type AcceptResult = { ok: true; contentId: number; purpose: 'co-manage' | 'claim' } | { ok: false; reason: 'invalid' | 'otherAccount' | 'owner' }

/**
 * The logged-in account accepts; it must be the invited address (the link could be forwarded).
 * A co-manage invitation adds a co-manager (P07). A claim invitation (wijk-import) makes the
 * account the OWNER of an entry that belonged to the wijk; once claimed, other claim links for it
 * stop working.
 */
export async function acceptInvitation(deps: Pick<Deps, 'db' | 'clock'>, tokenHash: string, user: { id: string; email: string }): Promise<AcceptResult> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [inv] = await tx
      .select({ id: contentInvitations.id, contentId: contentInvitations.contentId, email: contentInvitations.email, purpose: contentInvitations.purpose, ownerId: contentItems.ownerId })
      .from(contentInvitations)
      .innerJoin(contentItems, eq(contentItems.id, contentInvitations.contentId))
      .where(and(eq(contentInvitations.tokenHash, tokenHash), isNull(contentInvitations.acceptedAt), isNull(contentInvitations.revokedAt), gt(contentInvitations.expiresAt, now)))
      .for('update')
      .limit(1)
    if (!inv) return { ok: false, reason: 'invalid' }
    if (inv.email.toLowerCase() !== user.email.toLowerCase()) return { ok: false, reason: 'otherAccount' }
    if (inv.ownerId === user.id) return { ok: false, reason: 'owner' }
    if (inv.purpose === 'claim') {
      const claimed = await tx
        .update(contentItems)
        .set({ ownerId: user.id, updatedAt: now })
        .where(and(eq(contentItems.id, inv.contentId), isNull(contentItems.ownerId)))
        .returning({ id: contentItems.id })
      if (claimed.length === 0) return { ok: false, reason: 'invalid' }
      // The owner is more than a co-manager; open claim links for the entry are spent.
      await tx.delete(contentManagers).where(and(eq(contentManagers.contentId, inv.contentId), eq(contentManagers.userId, user.id)))
      await tx
        .update(contentInvitations)
        .set({ revokedAt: now })
        .where(and(eq(contentInvitations.contentId, inv.contentId), eq(contentInvitations.purpose, 'claim'), isNull(contentInvitations.acceptedAt), isNull(contentInvitations.revokedAt)))
    } else {
      await tx.insert(contentManagers).values({ contentId: inv.contentId, userId: user.id, invitedBy: null, addedAt: now }).onConflictDoNothing()
    }
    await tx.update(contentInvitations).set({ acceptedAt: now, acceptedBy: user.id, revokedAt: null }).where(eq(contentInvitations.id, inv.id))
    return { ok: true, contentId: inv.contentId, purpose: inv.purpose }
  })
}

export async function revokeManager(deps: Pick<Deps, 'db'>, contentId: number, userId: string): Promise<void> {
  await deps.db.delete(contentManagers).where(and(eq(contentManagers.contentId, contentId), eq(contentManagers.userId, userId)))
}

/** Revokes an open invitation of this item; false when the item has no invitation with that id. */
export async function revokeInvitation(deps: Pick<Deps, 'db' | 'clock'>, contentId: number, invitationId: number): Promise<boolean> {
  const ofItem = and(eq(contentInvitations.id, invitationId), eq(contentInvitations.contentId, contentId))
  const [found] = await deps.db.select({ id: contentInvitations.id }).from(contentInvitations).where(ofItem)
  if (!found) return false
  await deps.db
    .update(contentInvitations)
    .set({ revokedAt: deps.clock.now() })
    .where(and(ofItem, isNull(contentInvitations.acceptedAt)))
  return true
}

/**
 * Invitations carry an email address that may belong to nobody on the platform: they are
 * deleted 30 days after they expired, were used or were cancelled.
 */
export async function purgeOldInvitations(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -30 * DAY)
  const rows = await db
    .delete(contentInvitations)
    .where(or(lt(contentInvitations.expiresAt, before), lt(contentInvitations.acceptedAt, before), lt(contentInvitations.revokedAt, before)))
    .returning({ id: contentInvitations.id })
  return rows.length
}

// -- Expiry reminders -------------------------------------------------------------------------

/**
 * Mails the owner of every published Prikbord item that expires within three days, once
 * (reminderSentAt). The claim and the mail share a transaction; the mail key makes a retry harmless.
 */
export async function sendExpiryReminders(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>): Promise<number> {
  const now = deps.clock.now()
  const due = await deps.db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(
      and(
        inArray(contentItems.type, ['request', 'offer']),
        eq(contentItems.status, 'published'),
        isNull(contentItems.reminderSentAt),
        isNotNull(contentItems.ownerId),
        gt(contentItems.expiresAt, now),
        lte(contentItems.expiresAt, addMs(now, REMINDER_DAYS_BEFORE * DAY)),
      ),
    )
    .limit(1000)
  let sent = 0
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      const [item] = await tx
        .update(contentItems)
        .set({ reminderSentAt: now })
        .where(and(eq(contentItems.id, id), isNull(contentItems.reminderSentAt)))
        .returning({ title: contentItems.title, expiresAt: contentItems.expiresAt, ownerId: contentItems.ownerId })
      if (!item?.ownerId || !item.expiresAt) return
      const [owner] = await tx
        .select({ email: users.email, firstName: users.firstName, lang: users.lang, status: users.status })
        .from(users)
        .where(eq(users.id, item.ownerId))
        .limit(1)
      if (!owner || owner.status !== 'active') return
      await queueMail(tx, now, {
        key: `content.expiry:${id}:${item.expiresAt.toISOString()}`,
        to: owner.email,
        userId: item.ownerId,
        ...expiryReminderMail(deps.config, { firstName: owner.firstName, lang: owner.lang }, { id, title: item.title, expiresAt: item.expiresAt }),
      })
      sent++
    })
  }
  if (sent) deps.wakeJobs()
  return sent
}

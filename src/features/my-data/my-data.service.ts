/**
 * The changes a user makes from Mijn gegevens: newsletters, sessions, the public switch of each
 * contact field, and asking for an export. Each is about the logged-in user only; the routes
 * pass that user's id, never one from the request.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { newsletterSubscriptions } from '../newsletter/newsletter.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { contentItems } from '../content/content.tables.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { addMs } from '../../kernel/clock.js'
import { dataExports } from './my-data.tables.js'
import { myNewsletterRows } from './my-data.queries.js'
import { EXPORT_JOB, EXPORT_JOB_ATTEMPTS, EXPORT_LIFETIME_MS } from './my-data.jobs.js'

type User = { id: string; email: string }

/**
 * Subscribes the account to a wijk's newsletter, confirmed at once: the account's address is
 * verified already. A subscription for the same address made earlier without an account is
 * replaced by this one, so the person gets the newsletter once.
 */
export async function subscribeNewsletter(deps: Pick<Deps, 'db' | 'clock'>, user: User, wijkId: number): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx
      .delete(newsletterSubscriptions)
      .where(and(eq(newsletterSubscriptions.wijkId, wijkId), isNull(newsletterSubscriptions.userId), eq(newsletterSubscriptions.email, user.email)))
    await tx
      .insert(newsletterSubscriptions)
      .values({
        wijkId,
        userId: user.id,
        status: 'confirmed',
        // The token itself is not kept: one-click unsubscribe links get a fresh one when mailed.
        tokenHash: hashToken(randomToken()),
        createdAt: now,
        confirmedAt: now,
      })
      .onConflictDoNothing()
  })
}

/** Ends one of the user's subscriptions; false when it is not theirs (or already gone). */
export async function unsubscribeNewsletter(deps: Pick<Deps, 'db'>, user: User, subscriptionId: number): Promise<boolean> {
  const gone = await deps.db
    .delete(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.id, subscriptionId), myNewsletterRows(user)))
    .returning({ id: newsletterSubscriptions.id })
  return gone.length > 0
}

/** Ends one session of the user by its handle; says whether it was the one making the request. */
export async function endSession(deps: Pick<Deps, 'db'>, userId: string, handle: string, currentSessionId: string | null): Promise<{ ended: boolean; wasCurrent: boolean }> {
  const gone = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.handle, handle), eq(sessions.userId, userId)))
    .returning({ tokenHash: sessions.tokenHash })
  return { ended: gone.length > 0, wasCurrent: gone.some((s) => s.tokenHash === currentSessionId) }
}

export const CONTACT_FIELDS = ['name', 'email', 'phone', 'address'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

const SWITCH = {
  name: 'contactNamePublic',
  email: 'contactEmailPublic',
  phone: 'contactPhonePublic',
  address: 'contactAddressPublic',
} as const satisfies Record<ContactField, keyof typeof contentItems.$inferSelect>

/**
 * Shows or hides one contact field of an item on the public site. The caller has authorised
 * 'content.edit' for the item. Sets the value rather than flipping it, so a double click or a
 * repeated request cannot undo the user's choice.
 */
export async function setContactVisibility(deps: Pick<Deps, 'db' | 'clock'>, contentId: number, field: ContactField, visible: boolean): Promise<void> {
  const values: Partial<typeof contentItems.$inferInsert> = { updatedAt: deps.clock.now() }
  values[SWITCH[field]] = visible
  await deps.db.update(contentItems).set(values).where(eq(contentItems.id, contentId))
}

/** An export of this user that is still queued or being made, if any (asking twice gives the same one). */
export async function unfinishedExport(deps: Pick<Deps, 'db' | 'clock'>, userId: string): Promise<string | null> {
  const rows = await deps.db
    .select({ id: dataExports.id, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), inArray(dataExports.status, ['queued', 'running'])))
  return rows.find((r) => r.expiresAt > deps.clock.now())?.id ?? null
}

/** Records the request and queues the job that makes the ZIP, in one transaction. */
export async function requestExport(deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>, userId: string): Promise<string> {
  const now = deps.clock.now()
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataExports)
      .values({ userId, requestedAt: now, expiresAt: addMs(now, EXPORT_LIFETIME_MS) })
      .returning({ id: dataExports.id })
    await enqueue(tx, now, { type: EXPORT_JOB, payload: { exportId: row!.id }, key: `${EXPORT_JOB}:${row!.id}`, maxAttempts: EXPORT_JOB_ATTEMPTS })
    return row!.id
  })
  deps.wakeJobs()
  return id
}

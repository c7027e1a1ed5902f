/**
 * Subscriptions without an account (double opt-in) and the mailed links: confirm and one-click
 * unsubscribe. Subscribing answers the same whatever the address's state, so the form never tells
 * whether someone is subscribed already; the confirmation mail is the only way to learn anything,
 * and it goes to the address itself.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { HOUR } from '../../kernel/clock.js'
import { users } from '../accounts/accounts.tables.js'
import { newsletterSubscriptions } from './newsletter.tables.js'
import { linkToken } from './newsletter.tokens.js'
import { confirmSubscriptionMail } from './newsletter.emails.js'
import type { SubscribeInput } from './newsletter.schema.js'

type SubscribeDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'log' | 'wakeJobs'>

/**
 * A visitor's sign-up, in the language of the page they signed up on (kept for every later mail
 * and link page). New: a pending row and a confirmation mail. Still pending: the mail again
 * (at most one an hour). Confirmed already, or subscribed with an account: nothing happens.
 */
export async function subscribeVisitor(deps: SubscribeDeps, wijk: { id: number; name: string }, input: SubscribeInput, lang: Lang): Promise<void> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  const mailed = await db.transaction(async (tx) => {
    const [viaAccount] = await tx
      .select({ id: newsletterSubscriptions.id })
      .from(newsletterSubscriptions)
      .innerJoin(users, eq(users.id, newsletterSubscriptions.userId))
      .where(and(eq(newsletterSubscriptions.wijkId, wijk.id), eq(users.email, input.email)))
      .limit(1)
    if (viaAccount) return false
    const createdAt = now
    const token = linkToken(config.sessionSecret, { wijkId: wijk.id, userId: null, email: input.email, createdAt })
    await tx
      .insert(newsletterSubscriptions)
      .values({ wijkId: wijk.id, email: input.email, firstName: input.firstName, lastName: input.lastName, lang, status: 'pending', tokenHash: hashToken(token), createdAt })
      .onConflictDoNothing()
    const [row] = await tx
      .select()
      .from(newsletterSubscriptions)
      .where(and(eq(newsletterSubscriptions.wijkId, wijk.id), isNull(newsletterSubscriptions.userId), eq(newsletterSubscriptions.email, input.email)))
      .limit(1)
    if (!row || row.status !== 'pending') return false
    // Still unconfirmed: the latest name typed (and page language) is the one to greet with once confirmed.
    if (row.firstName !== input.firstName || row.lastName !== input.lastName || row.lang !== lang) {
      await tx.update(newsletterSubscriptions).set({ firstName: input.firstName, lastName: input.lastName, lang }).where(eq(newsletterSubscriptions.id, row.id))
    }
    const rowToken = linkToken(config.sessionSecret, row)
    await queueMail(tx, now, {
      key: `newsletter.confirm:${row.id}:${Math.floor(now.getTime() / HOUR)}`,
      to: input.email,
      ...confirmSubscriptionMail(config, { lang, firstName: input.firstName, wijkName: wijk.name }, rowToken),
    })
    return true
  })
  log.info({ event: 'newsletter.subscribe', wijkId: wijk.id, mailed }, 'newsletter sign-up')
  if (mailed) deps.wakeJobs()
}

/** Confirms a subscription by the secret of its link (again is harmless); false for an unknown secret. */
export async function confirmSubscription(deps: Pick<Deps, 'db' | 'clock' | 'log'>, token: string): Promise<boolean> {
  const now = deps.clock.now()
  const [row] = await deps.db
    .update(newsletterSubscriptions)
    .set({ status: 'confirmed', confirmedAt: sql`coalesce(${newsletterSubscriptions.confirmedAt}, ${now})` })
    .where(eq(newsletterSubscriptions.tokenHash, hashToken(token)))
    .returning({ id: newsletterSubscriptions.id })
  if (!row) return false
  deps.log.info({ event: 'newsletter.confirm', subscriptionId: row.id }, 'newsletter subscription confirmed')
  return true
}

/** Ends the subscription a link's secret belongs to; false when there is none (any more). */
export async function unsubscribeByToken(deps: Pick<Deps, 'db' | 'log'>, token: string): Promise<boolean> {
  const gone = await deps.db.delete(newsletterSubscriptions).where(eq(newsletterSubscriptions.tokenHash, hashToken(token))).returning({ id: newsletterSubscriptions.id, wijkId: newsletterSubscriptions.wijkId })
  if (gone[0]) deps.log.info({ event: 'newsletter.unsubscribe', subscriptionId: gone[0].id, wijkId: gone[0].wijkId }, 'newsletter unsubscribed')
  return gone.length > 0
}

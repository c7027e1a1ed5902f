/**
 * Sending a newsletter. Starting fixes the issue (rendered once, stored as the archive copy),
 * writes one newsletter_deliveries row per confirmed subscriber of the wijk ('queued') and a job.
 * The job queues one mail per subscriber through the outbox in batches, marks each row 'sent' and
 * reports progress. Both steps are idempotent: a subscription is queued once per newsletter, and
 * the mail's key `newsletter:<newsletterId>:<subscriptionId>` keeps a retried batch from mailing
 * anyone twice.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { queueMails, type OutgoingMail } from '../../kernel/mail/outbox.js'
import { mailInBatches } from '../../kernel/mail/batches.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { absoluteWijkUrl } from '../wijk-site/wijk-site.site.js'
import { newsletterDeliveries, newsletters, newsletterSubscriptions } from './newsletter.tables.js'
import { collectBlocks, listHeaders, newsletterMail, renderIssue } from './newsletter.compose.js'
import { linkToken } from './newsletter.tokens.js'
import { linkUrl, UNSUBSCRIBE_PATH } from './newsletter.emails.js'
import { deliveryProgress } from './newsletter.admin.queries.js'

export const SEND_JOB = 'newsletter.send'
/**
 * Subscribers per transaction: short locks, quick progress. A batch is a few statements whatever
 * its size (batches of 10 measured worse overall).
 */
export const SEND_BATCH = 50
/**
 * Mails rendered per statement within a batch: rendering is the send's own work in the serving
 * thread, so it comes in slices of a few milliseconds with a database round trip between them.
 */
const MAIL_CHUNK = 10

/**
 * The confirmed subscriptions of a wijk that get the newsletter: account holders with an active,
 * verified account, and subscribers without an account, except an address that also subscribed
 * with an account (so nobody gets it twice).
 */
export function recipientCondition(wijkId: number) {
  const s = newsletterSubscriptions
  return and(
    eq(s.wijkId, wijkId),
    eq(s.status, 'confirmed'),
    sql`(
      (${s.userId} is not null and exists (select 1 from ${users} u where u.id = ${s.userId} and u.status = 'active' and u.email_verified_at is not null))
      or (${s.userId} is null and not exists (
        select 1 from ${users} u join newsletter_subscriptions s2 on s2.user_id = u.id
        where s2.wijk_id = ${s.wijkId} and u.email = ${s.email} and u.status = 'active'))
    )`,
  )
}

export async function countRecipients(db: Db, wijkId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(newsletterSubscriptions).where(recipientCondition(wijkId))
  return Number(row?.n ?? 0)
}

/** Starts sending a draft; false when it is not a draft of this wijk (any more). */
export async function startSending(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs' | 'hostMap'>, actorId: string, wijkId: number, newsletterId: number): Promise<boolean> {
  const { db, clock } = deps
  const now = clock.now()
  const [wijk] = await db.select().from(wijken).where(eq(wijken.id, wijkId)).limit(1)
  if (!wijk) return false
  const started = await db.transaction(async (tx) => {
    const [n] = await tx
      .update(newsletters)
      .set({ status: 'sending', sentBy: actorId, sentAt: now, updatedAt: now })
      .where(and(eq(newsletters.id, newsletterId), eq(newsletters.wijkId, wijkId), eq(newsletters.status, 'draft')))
      .returning()
    if (!n) return false
    // The issue is fixed now, in the wijk's language of the site (Dutch first).
    const issue = renderIssue(n, await collectBlocks(tx, deps, wijk, n, now, 'nl'), 'nl')
    // One INSERT … SELECT: the database copies the list, however long, instead of JavaScript
    // building a statement with a value per subscriber (a second of main-thread work at 1,000).
    await tx.execute(sql`
      insert into ${newsletterDeliveries} (newsletter_id, subscription_id, status, queued_at)
      select ${newsletterId}::integer, ${newsletterSubscriptions.id}, 'queued', ${now.toISOString()}::timestamptz
      from ${newsletterSubscriptions} where ${recipientCondition(wijkId)}
      on conflict do nothing`)
    const { total: recipients } = await deliveryProgress(tx, newsletterId)
    await tx.update(newsletters).set({ archivedHtml: issue.html, archivedText: issue.text, recipients }).where(eq(newsletters.id, newsletterId))
    await enqueue(tx, now, { type: SEND_JOB, payload: { newsletterId }, key: `newsletter-send:${newsletterId}` })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'newsletter.send', targetType: 'newsletter', targetId: String(newsletterId), details: { wijkId, recipients } })
    return true
  })
  if (started) deps.wakeJobs()
  return started
}

/** The job: mails every queued subscriber of this newsletter, a batch per transaction. */
export async function runSending(deps: Deps, jobId: number, newsletterId: number): Promise<void> {
  const { db, config, log } = deps
  const [n] = await db.select().from(newsletters).innerJoin(wijken, eq(wijken.id, newsletters.wijkId)).where(eq(newsletters.id, newsletterId)).limit(1)
  if (!n || n.newsletters.status === 'draft' || n.newsletters.archivedHtml === null) return
  const issue = { html: n.newsletters.archivedHtml, text: n.newsletters.archivedText ?? '' }
  const wijk = n.wijken
  const archiveUrl = absoluteWijkUrl(deps, wijk, `/nieuwsbrieven/${newsletterId}`)
  const progress = await mailInBatches(deps, jobId, {
    batchSize: SEND_BATCH,
    // Whoever unsubscribed (or was erased) before their turn is not mailed.
    beforeBatch: () => db.delete(newsletterDeliveries).where(and(eq(newsletterDeliveries.newsletterId, newsletterId), eq(newsletterDeliveries.status, 'queued'), isNull(newsletterDeliveries.subscriptionId))),
    mailBatch: async (tx, now) => {
      const batch = await tx
        .select({
          id: newsletterDeliveries.id,
          sub: newsletterSubscriptions,
          accountEmail: users.email,
          accountFirstName: users.firstName,
          accountLang: users.lang,
        })
        .from(newsletterDeliveries)
        .innerJoin(newsletterSubscriptions, eq(newsletterSubscriptions.id, newsletterDeliveries.subscriptionId))
        .leftJoin(users, eq(users.id, newsletterSubscriptions.userId))
        .where(and(eq(newsletterDeliveries.newsletterId, newsletterId), eq(newsletterDeliveries.status, 'queued')))
        .orderBy(asc(newsletterDeliveries.id))
        .limit(SEND_BATCH)
        .for('update', { of: newsletterDeliveries, skipLocked: true })
      const renewedTokens: { id: number; tokenHash: string }[] = []
      // Rendered and stored a few at a time, so that visitors are served between the slices.
      for (let i = 0; i < batch.length; i += MAIL_CHUNK) {
        const mails: OutgoingMail[] = []
        for (const r of batch.slice(i, i + MAIL_CHUNK)) {
          const to = r.sub.userId ? r.accountEmail : r.sub.email
          if (!to) continue
          const token = linkToken(config.sessionSecret, r.sub)
          // An account's subscription made elsewhere holds an unused secret: from now on, this one.
          if (hashToken(token) !== r.sub.tokenHash) renewedTokens.push({ id: r.sub.id, tokenHash: hashToken(token) })
          const mail = newsletterMail(config, {
            subject: n.newsletters.subject,
            issue,
            wijkName: wijk.name,
            archiveUrl,
            to: { firstName: r.sub.userId ? r.accountFirstName : r.sub.firstName, lang: r.sub.userId ? (r.accountLang ?? r.sub.lang) : r.sub.lang },
            unsubscribeUrl: linkUrl(config, UNSUBSCRIBE_PATH, token),
          })
          mails.push({ key: `newsletter:${newsletterId}:${r.sub.id}`, to, userId: r.sub.userId, headers: listHeaders(config, wijk, token), ...mail })
        }
        await queueMails(tx, now, mails)
      }
      await renewTokenHashes(tx, renewedTokens)
      if (batch.length) await tx.update(newsletterDeliveries).set({ status: 'sent', sentAt: now }).where(inArray(newsletterDeliveries.id, batch.map((b) => b.id)))
      return batch.length
    },
    afterBatch: async (tx) => {
      const counts = await deliveryProgress(tx, newsletterId)
      await tx
        .update(newsletters)
        .set({ delivered: counts.sent, ...(counts.sent >= counts.total ? { status: 'sent' as const } : {}) })
        .where(eq(newsletters.id, newsletterId))
    },
    // deliveryProgress already counts an empty list as 100%.
    progress: () => deliveryProgress(db, newsletterId),
  })
  log.info({ newsletterId, sent: progress.sent, total: progress.total }, 'newsletter sending done')
}

/** Stores the link secrets' new hashes in one statement. */
async function renewTokenHashes(tx: Db, renewed: { id: number; tokenHash: string }[]): Promise<void> {
  if (renewed.length === 0) return
  const values = sql.join(
    renewed.map((r) => sql`(${r.id}::integer, ${r.tokenHash})`),
    sql`, `,
  )
  await tx.execute(sql`update ${newsletterSubscriptions} set token_hash = v.token_hash from (values ${values}) as v(id, token_hash) where ${newsletterSubscriptions.id} = v.id`)
}

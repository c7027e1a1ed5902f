/**
 * Writes of the help feature: a new support request with its notices to managers (queued in the
 * same transaction), an answer mailed to the requester, closing. Callers have authorised the
 * actor through the policy (account.manage to ask; support.handle on the request to handle it).
 */
import { eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { HOUR } from '../../kernel/clock.js'
import { contentItems } from '../content/content.tables.js'
import { wijken } from '../places/places.tables.js'
import { supportRequests } from './help.tables.js'
import { requestRecipients, type RequestDetail } from './help.queries.js'
import { answerMail, newRequestMail } from './help.emails.js'

/** Requests per account: enough for anyone with a real problem, not enough to flood the managers. */
export const HELP_LIMIT: Limit = { max: 10, windowMs: HOUR }

export async function helpLimited(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string): Promise<number | null> {
  const r = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'help-user', userId), HELP_LIMIT, deps.clock.now())
  return r.allowed ? null : r.retryAfterSeconds
}

export type NewRequest =
  | { kind: 'question'; userId: string; message: string }
  | { kind: 'content-problem'; userId: string; message: string; itemId: number; wijkId: number }

/** Stores the request and queues a notice to each manager who may handle it; returns its id. */
export async function createRequest(deps: Deps, input: NewRequest): Promise<number> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  const wijkId = input.kind === 'content-problem' ? input.wijkId : null
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportRequests)
      .values({
        kind: input.kind,
        userId: input.userId,
        wijkId,
        contentItemId: input.kind === 'content-problem' ? input.itemId : null,
        message: input.message,
        createdAt: now,
      })
      .returning({ id: supportRequests.id })
    const requestId = row!.id
    let item: { title: string; wijkName: string } | null = null
    if (input.kind === 'content-problem') {
      const [found] = await tx
        .select({ title: contentItems.title, wijkName: wijken.name })
        .from(contentItems)
        .innerJoin(wijken, eq(wijken.id, contentItems.wijkId))
        .where(eq(contentItems.id, input.itemId))
        .limit(1)
      item = found ?? null
    }
    for (const to of await requestRecipients(tx, wijkId, input.userId)) {
      await queueMail(tx, now, {
        key: `help.new:${requestId}:${to.id}`,
        to: to.email,
        userId: to.id,
        ...newRequestMail(config, to, { id: requestId, kind: input.kind, item }),
      })
    }
    return requestId
  })
  deps.wakeJobs()
  log.info({ event: 'support.request', requestId: id, kind: input.kind }, 'support request received')
  return id
}

/** Mails the answer to the requester in their language and keeps it on the request. */
export async function answerRequest(deps: Deps, request: RequestDetail, handlerId: string, answer: string): Promise<boolean> {
  const { db, clock, config } = deps
  const requester = request.requester
  if (!requester || requester.status !== 'active') return false
  const now = clock.now()
  await db.transaction(async (tx) => {
    await tx.update(supportRequests).set({ answer, handledBy: handlerId }).where(eq(supportRequests.id, request.id))
    await queueMail(tx, now, {
      key: `help.answer:${request.id}:${now.getTime()}`,
      to: requester.email,
      userId: requester.id,
      ...answerMail(config, requester, { createdAt: request.createdAt, message: request.message, answer }),
    })
    await recordAudit(tx, now, { actorUserId: handlerId, action: 'support.answer', subjectUserId: requester.id, targetType: 'support_request', targetId: String(request.id) })
  })
  deps.wakeJobs()
  return true
}

export async function closeRequest(deps: Pick<Deps, 'db' | 'clock'>, request: RequestDetail, handlerId: string): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(supportRequests).set({ status: 'closed', closedAt: now, handledBy: handlerId }).where(eq(supportRequests.id, request.id))
    await recordAudit(tx, now, { actorUserId: handlerId, action: 'support.close', subjectUserId: request.requester?.id ?? null, targetType: 'support_request', targetId: String(request.id) })
  })
}

/** Records that a manager opened a request and so saw the requester's name and email. */
export async function recordRequestView(deps: Pick<Deps, 'db' | 'clock'>, request: RequestDetail, viewerId: string): Promise<void> {
  if (!request.requester || request.requester.id === viewerId) return
  await recordAudit(deps.db, deps.clock.now(), {
    actorUserId: viewerId,
    action: 'support.view',
    subjectUserId: request.requester.id,
    targetType: 'support_request',
    targetId: String(request.id),
    details: { fields: ['firstName', 'lastName', 'email', 'message'] },
  })
}

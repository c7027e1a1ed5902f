/**
 * The admin's decision on an application, once. Approving starts the subscription today (the
 * first period from the package's period) and activates the mandate; declining ends the mandate
 * and destroys its IBAN at once (never collected, so nothing to dispute). Both mail the applicant
 * in their language and are audited. A decided application is refused twice over: the update
 * only takes a pending row, and subscriptions.application_id is unique. An ambassadeur
 * application's approval also makes its wijk, in the same transaction (billing.ambassadeur.service.ts).
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { INVOICING_JOB } from './billing.invoicing.js'
import { packageApplications } from './billing.applications.tables.js'
import { mandates } from './billing.customers.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { addPeriod } from './billing.periods.js'
import { amsterdamDay } from './billing.dates.js'
import type { ApplicationDetail } from './billing.applications.queries.js'
import { ambassadeurApprovedMail, approvedMail, declinedMail, type ApprovedWijk } from './billing.emails.js'

export type DecideDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>
export type DecideResult = { ok: true } | { ok: false; reason: 'decided' } | { ok: false; reason: 'refused'; errors: Record<string, MessageKey> }

/**
 * What approving this kind of application does besides starting the subscription, in the same
 * transaction, after the application was taken. Throwing ApprovalRefused undoes the approval.
 */
export type ApprovalStep = (tx: Db) => Promise<ApprovedWijk>

export class ApprovalRefused extends Error {
  constructor(readonly errors: Record<string, MessageKey>) {
    super('approval refused')
  }
}

export async function approveApplication(deps: DecideDeps, actorId: string, d: ApplicationDetail, step?: ApprovalStep): Promise<DecideResult> {
  try {
    return await approveInTransaction(deps, actorId, d, step)
  } catch (err) {
    if (err instanceof ApprovalRefused) return { ok: false, reason: 'refused', errors: err.errors }
    throw err
  }
}

async function approveInTransaction(deps: DecideDeps, actorId: string, d: ApplicationDetail, step?: ApprovalStep): Promise<DecideResult> {
  const now = deps.clock.now()
  const today = amsterdamDay(now)
  const periodEnd = addPeriod(today, d.pkg.period)
  const result = await deps.db.transaction(async (tx) => {
    const [taken] = await tx
      .update(packageApplications)
      .set({ status: 'approved', decidedBy: actorId, decidedAt: now })
      .where(and(eq(packageApplications.id, d.application.id), eq(packageApplications.status, 'pending')))
      .returning({ id: packageApplications.id })
    if (!taken) return { ok: false, reason: 'decided' } as const
    const wijk = step ? await step(tx) : null
    const [sub] = await tx
      .insert(subscriptions)
      .values({
        customerId: d.customer.id,
        packageId: d.pkg.id,
        applicationId: d.application.id,
        startedOn: today,
        currentPeriodStart: today,
        currentPeriodEnd: periodEnd,
        paymentMethod: d.application.paymentMethod,
        mandateId: d.application.mandateId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: subscriptions.id })
    if (d.application.mandateId) await tx.update(mandates).set({ status: 'active' }).where(eq(mandates.id, d.application.mandateId))
    await recordAudit(tx, now, {
      actorUserId: actorId,
      action: 'billing.application.approve',
      subjectUserId: d.application.userId,
      targetType: 'billing_application',
      targetId: String(d.application.id),
      details: { subscriptionId: sub!.id, packageId: d.pkg.id, ...(wijk ? { wijkId: wijk.id } : {}) },
    })
    const period = { startedOn: today, periodEnd }
    await queueMail(tx, now, {
      key: `billing.approved:${d.application.id}`,
      to: d.applicant.email,
      userId: d.application.userId,
      ...(wijk ? ambassadeurApprovedMail(deps.config, d, period, wijk) : approvedMail(deps.config, d, period)),
    })
    // The first invoice goes out now rather than at the next hourly run.
    await enqueue(tx, now, { type: INVOICING_JOB, key: `billing.invoicing:approved:${d.application.id}` })
    return { ok: true } as const
  })
  if (result.ok) deps.wakeJobs()
  return result
}

export async function declineApplication(deps: DecideDeps, actorId: string, d: ApplicationDetail, reason: string): Promise<DecideResult> {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx) => {
    const [taken] = await tx
      .update(packageApplications)
      .set({ status: 'declined', decidedBy: actorId, decidedAt: now, declineReason: reason })
      .where(and(eq(packageApplications.id, d.application.id), eq(packageApplications.status, 'pending')))
      .returning({ id: packageApplications.id })
    if (!taken) return { ok: false, reason: 'decided' } as const
    if (d.application.mandateId) await tx.update(mandates).set({ status: 'ended', endedAt: now, ibanSealed: null }).where(eq(mandates.id, d.application.mandateId))
    await recordAudit(tx, now, {
      actorUserId: actorId,
      action: 'billing.application.decline',
      subjectUserId: d.application.userId,
      targetType: 'billing_application',
      targetId: String(d.application.id),
      details: { packageId: d.pkg.id },
    })
    await queueMail(tx, now, { key: `billing.declined:${d.application.id}`, to: d.applicant.email, userId: d.application.userId, ...declinedMail(deps.config, d, reason) })
    return { ok: true } as const
  })
  if (result.ok) deps.wakeJobs()
  return result
}

/**
 * The admin's decision on an application, once. Approving starts the subscription today (the
 * first period from the package's period) and activates the mandate; declining ends the mandate
 * and destroys its IBAN at once (never collected, so nothing to dispute). Both mail the applicant
 * in their language and are audited. A decided application is refused twice over: the update
 * only takes a pending row, and subscriptions.application_id is unique.
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
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
import { approvedMail, declinedMail } from './billing.emails.js'

type DecideDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>
export type DecideResult = { ok: true } | { ok: false; reason: 'decided' }

export async function approveApplication(deps: DecideDeps, actorId: string, d: ApplicationDetail): Promise<DecideResult> {
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
      details: { subscriptionId: sub!.id, packageId: d.pkg.id },
    })
    await queueMail(tx, now, {
      key: `billing.approved:${d.application.id}`,
      to: d.applicant.email,
      userId: d.application.userId,
      ...approvedMail(deps.config, d, { startedOn: today, periodEnd }),
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

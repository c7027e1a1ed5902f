/**
 * Appointing and revoking roles. Each change is audited and mailed to the person concerned, in
 * the same transaction (the outbox delivers the mail after commit).
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { Role } from '../../kernel/policy/actor.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { roleAssignments } from './roles.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { uniqueViolation } from '../../kernel/db/unique-violation.js'
import { roleAppointedMail, roleRevokedMail } from './roles.emails.js'

type RoleDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>

export type AppointResult = { ok: true; assignmentId: number } | { ok: false; errors: Record<string, MessageKey> }

class Refused extends Error {
  constructor(readonly errors: Record<string, MessageKey>) {
    super('refused')
  }
}

export interface AppointInput {
  actorUserId: string | null
  email: string
  role: Role
  wijkId: number | null
  /** Set when the appointment comes from an accepted invitation, for the audit row. */
  invitationId?: number
}

export async function appointRole(deps: RoleDeps, input: AppointInput & { actorUserId: string }): Promise<AppointResult> {
  try {
    const assignmentId = await deps.db.transaction((tx) => appointInTransaction(tx, deps, input))
    deps.wakeJobs()
    return { ok: true, assignmentId }
  } catch (err) {
    return refusal(err)
  }
}

/** A refusal thrown inside appointInTransaction as an answer; anything else is rethrown. */
export function refusal(err: unknown): Extract<AppointResult, { ok: false }> {
  if (err instanceof Refused) return { ok: false, errors: err.errors }
  if (uniqueViolation(err) !== null) return { ok: false, errors: { email: 'roles.error.duplicate' } }
  throw err
}

/**
 * The one code path that gives a role: the row, the audit entry and the mail, in the caller's
 * transaction (an accepted invitation is marked used in the same one). Throws a refusal, which
 * rolls the transaction back; `refusal()` turns it into an answer.
 */
export async function appointInTransaction(tx: Db, deps: Pick<RoleDeps, 'clock' | 'config'>, input: AppointInput): Promise<number> {
  const now = deps.clock.now()
  const wijkId = input.role === 'admin' ? null : input.wijkId
  const [user] = await tx
    .select({ id: users.id, firstName: users.firstName, lang: users.lang, email: users.email })
    .from(users)
    .where(and(eq(users.email, input.email), eq(users.status, 'active')))
    .limit(1)
  if (!user) throw new Refused({ email: 'roles.error.noAccount' })
  let wijkName: string | null = null
  if (wijkId !== null) {
    const [wijk] = await tx.select({ name: wijken.name }).from(wijken).where(eq(wijken.id, wijkId)).limit(1)
    if (!wijk) throw new Refused({ wijkId: 'roles.error.wijkRequired' })
    wijkName = wijk.name
  }
  const [row] = await tx
    .insert(roleAssignments)
    .values({ userId: user.id, role: input.role, wijkId, createdAt: now, createdBy: input.actorUserId })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id })
  if (!row) throw new Refused({ email: 'roles.error.duplicate' })
  await recordAudit(tx, now, {
    actorUserId: input.actorUserId,
    action: 'role.appoint',
    subjectUserId: user.id,
    targetType: wijkId === null ? 'platform' : 'wijk',
    targetId: wijkId === null ? undefined : String(wijkId),
    details: { role: input.role, assignmentId: row.id, ...(input.invitationId === undefined ? {} : { invitationId: input.invitationId }) },
  })
  await queueMail(tx, now, {
    key: `role.appointed:${row.id}`,
    to: user.email,
    userId: user.id,
    ...roleAppointedMail({ lang: user.lang, firstName: user.firstName, role: input.role, wijkName, config: deps.config }),
  })
  return row.id
}

export type RevokeResult = { ok: true; userId: string } | { ok: false; error: 'notFound' | 'lastAdmin' }

/**
 * Ends an appointment. The platform always keeps at least one admin: the admin rows are locked
 * first, so two admins revoking each other at the same moment cannot both succeed.
 */
export async function revokeRole(deps: RoleDeps, input: { actorUserId: string; assignmentId: number; onlyWijkId?: number }): Promise<RevokeResult> {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx): Promise<RevokeResult> => {
    const admins = await tx.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.role, 'admin')).for('update')
    const [row] = await tx
      .select({
        id: roleAssignments.id,
        role: roleAssignments.role,
        wijkId: roleAssignments.wijkId,
        userId: users.id,
        firstName: users.firstName,
        lang: users.lang,
        email: users.email,
        wijkName: wijken.name,
      })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .leftJoin(wijken, eq(wijken.id, roleAssignments.wijkId))
      .where(eq(roleAssignments.id, input.assignmentId))
      .for('update', { of: roleAssignments })
    if (!row) return { ok: false, error: 'notFound' }
    // An ambassadeur revokes only wijkbeheerders of their own wijk.
    if (input.onlyWijkId !== undefined && (row.wijkId !== input.onlyWijkId || row.role !== 'wijkbeheerder')) return { ok: false, error: 'notFound' }
    if (row.role === 'admin' && admins.length <= 1) return { ok: false, error: 'lastAdmin' }
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, row.id))
    await recordAudit(tx, now, {
      actorUserId: input.actorUserId,
      action: 'role.revoke',
      subjectUserId: row.userId,
      targetType: row.wijkId === null ? 'platform' : 'wijk',
      targetId: row.wijkId === null ? undefined : String(row.wijkId),
      details: { role: row.role, assignmentId: row.id },
    })
    await queueMail(tx, now, {
      key: `role.revoked:${row.id}`,
      to: row.email,
      userId: row.userId,
      ...roleRevokedMail({ lang: row.lang, firstName: row.firstName, role: row.role, wijkName: row.wijkName, config: deps.config }),
    })
    return { ok: true, userId: row.userId }
  })
  if (result.ok) deps.wakeJobs()
  return result
}

/** How many roles a user holds (after a revoke: may they still enter beheer?). */
export async function roleCount(deps: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(roleAssignments).where(eq(roleAssignments.userId, userId))
  return row?.n ?? 0
}

/**
 * Invitations to a role for an address without an account (issue 5). The person signs up with
 * that address, opens the mailed link and accepts; the role is then given through the same code
 * path as a direct appointment (appointInTransaction).
 */
import { and, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { Role } from '../../kernel/policy/actor.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { inBatches } from '../../kernel/retention/retention.js'
import { wijken } from '../places/places.tables.js'
import { roleInvitations } from './roles.tables.js'
import { roleInvitationMail } from './roles.emails.js'
import { appointInTransaction, appointRole, refusal } from './roles.service.js'

type RoleDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>

export const ROLE_INVITATION_DAYS = 14
/** Used, cancelled and expired invitations still hold an address; they go this long after. */
export const ROLE_INVITATION_RETENTION_MS = 30 * DAY

export type AppointOrInviteResult = { ok: true; kind: 'appointed' | 'invited' } | { ok: false; errors: Record<string, MessageKey> }

/** Appoints the account with this address, or, when there is none, mails it an invitation. */
export async function appointOrInvite(
  deps: RoleDeps,
  input: { actor: { id: string; firstName: string }; email: string; role: Role; wijkId: number | null },
): Promise<AppointOrInviteResult> {
  const appointed = await appointRole(deps, { actorUserId: input.actor.id, email: input.email, role: input.role, wijkId: input.wijkId })
  if (appointed.ok) return { ok: true, kind: 'appointed' }
  if (appointed.errors.email !== 'roles.error.noAccount') return appointed
  return inviteToRole(deps, input)
}

async function inviteToRole(
  deps: RoleDeps,
  input: { actor: { id: string; firstName: string }; email: string; role: Role; wijkId: number | null },
): Promise<AppointOrInviteResult> {
  const now = deps.clock.now()
  const wijkId = input.role === 'admin' ? null : input.wijkId
  const email = input.email.toLowerCase()
  const token = randomToken()
  const result = await deps.db.transaction(async (tx): Promise<AppointOrInviteResult> => {
    let wijkName: string | null = null
    if (wijkId !== null) {
      const [wijk] = await tx.select({ name: wijken.name }).from(wijken).where(eq(wijken.id, wijkId)).limit(1)
      if (!wijk) return { ok: false, errors: { wijkId: 'roles.error.wijkRequired' } }
      wijkName = wijk.name
    }
    const same = and(eq(roleInvitations.email, email), eq(roleInvitations.role, input.role), wijkId === null ? isNull(roleInvitations.wijkId) : eq(roleInvitations.wijkId, wijkId))
    // An expired invitation no longer blocks a new one (the unique index covers open rows).
    await tx
      .update(roleInvitations)
      .set({ revokedAt: now })
      .where(and(same, isNull(roleInvitations.acceptedAt), isNull(roleInvitations.revokedAt), lte(roleInvitations.expiresAt, now)))
    const [row] = await tx
      .insert(roleInvitations)
      .values({ tokenHash: hashToken(token), email, role: input.role, wijkId, invitedBy: input.actor.id, createdAt: now, expiresAt: addMs(now, ROLE_INVITATION_DAYS * DAY) })
      .onConflictDoNothing()
      .returning({ id: roleInvitations.id })
    if (!row) return { ok: false, errors: { email: 'roles.error.invitationPending' } }
    await recordAudit(tx, now, {
      actorUserId: input.actor.id,
      action: 'role.invite',
      targetType: wijkId === null ? 'platform' : 'wijk',
      targetId: wijkId === null ? undefined : String(wijkId),
      details: { role: input.role, invitationId: row.id },
    })
    await queueMail(tx, now, {
      key: `role.invite:${row.id}`,
      to: email,
      userId: null,
      ...roleInvitationMail({ inviterName: input.actor.firstName, role: input.role, wijkName, days: ROLE_INVITATION_DAYS, token, config: deps.config }),
    })
    return { ok: true, kind: 'invited' }
  })
  if (result.ok) deps.wakeJobs()
  return result
}

export type AcceptRoleResult =
  | { ok: true; role: Role; wijkId: number | null; alreadyHeld: boolean }
  | { ok: false; reason: 'invalid' | 'otherAccount' }

/**
 * The logged-in account accepts; it must have the invited address (a link can be forwarded).
 * Someone who meanwhile got the role directly just spends the invitation.
 */
export async function acceptRoleInvitation(deps: RoleDeps, tokenHash: string, user: { id: string; email: string }): Promise<AcceptRoleResult> {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx): Promise<AcceptRoleResult> => {
    const [inv] = await tx
      .select({ id: roleInvitations.id, email: roleInvitations.email, role: roleInvitations.role, wijkId: roleInvitations.wijkId, invitedBy: roleInvitations.invitedBy })
      .from(roleInvitations)
      .where(and(eq(roleInvitations.tokenHash, tokenHash), isNull(roleInvitations.acceptedAt), isNull(roleInvitations.revokedAt), gt(roleInvitations.expiresAt, now)))
      .for('update')
      .limit(1)
    if (!inv) return { ok: false, reason: 'invalid' }
    if (inv.email !== user.email.toLowerCase()) return { ok: false, reason: 'otherAccount' }
    const alreadyHeld = await tx
      .transaction((sp) => appointInTransaction(sp, deps, { actorUserId: inv.invitedBy, email: inv.email, role: inv.role, wijkId: inv.wijkId, invitationId: inv.id }))
      .then(
        () => false,
        (err: unknown) => {
          if (refusal(err).errors.email === 'roles.error.duplicate') return true
          throw err
        },
      )
    await tx.update(roleInvitations).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(roleInvitations.id, inv.id))
    return { ok: true, role: inv.role, wijkId: inv.wijkId, alreadyHeld }
  })
  if (result.ok && !result.alreadyHeld) deps.wakeJobs()
  return result
}

/**
 * Cancels an open invitation; false when there is none with that id (for an ambassadeur: none of
 * their wijk for a wijkbeheerder). Cancelling one already used or cancelled changes nothing.
 */
export async function revokeRoleInvitation(deps: Pick<Deps, 'db' | 'clock'>, input: { actorUserId: string; invitationId: number; onlyWijkId?: number }): Promise<boolean> {
  const now = deps.clock.now()
  const scope =
    input.onlyWijkId === undefined
      ? eq(roleInvitations.id, input.invitationId)
      : and(eq(roleInvitations.id, input.invitationId), eq(roleInvitations.wijkId, input.onlyWijkId), eq(roleInvitations.role, 'wijkbeheerder'))
  return deps.db.transaction(async (tx) => {
    const [found] = await tx.select({ id: roleInvitations.id, role: roleInvitations.role, wijkId: roleInvitations.wijkId }).from(roleInvitations).where(scope)
    if (!found) return false
    const revoked = await tx
      .update(roleInvitations)
      .set({ revokedAt: now })
      .where(and(eq(roleInvitations.id, found.id), isNull(roleInvitations.acceptedAt), isNull(roleInvitations.revokedAt)))
      .returning({ id: roleInvitations.id })
    if (revoked.length > 0) {
      await recordAudit(tx, now, {
        actorUserId: input.actorUserId,
        action: 'role.invitation.revoke',
        targetType: found.wijkId === null ? 'platform' : 'wijk',
        targetId: found.wijkId === null ? undefined : String(found.wijkId),
        details: { role: found.role, invitationId: found.id },
      })
    }
    return true
  })
}

/** Deletes invitations 30 days after they expired, were accepted or were cancelled; returns how many. */
export async function purgeOldRoleInvitations(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -ROLE_INVITATION_RETENTION_MS)
  return inBatches(500, async (limit) => {
    const batch = await db
      .select({ id: roleInvitations.id })
      .from(roleInvitations)
      .where(or(lt(roleInvitations.expiresAt, before), lt(roleInvitations.acceptedAt, before), lt(roleInvitations.revokedAt, before)))
      .limit(limit)
    if (batch.length > 0) await db.delete(roleInvitations).where(inArray(roleInvitations.id, batch.map((r) => r.id)))
    return batch.length
  })
}

/**
 * Who must have a second factor, and what happens until they do (SECOND_FACTOR_REQUIRED_FOR,
 * SECOND_FACTOR_GRACE_DAYS; decisions/007-second-factor.md).
 *
 * A role that needs a factor stays in force for a grace period that starts at the appointment, or
 * at the moment this installation started requiring it (second_factor_requirements), whichever is
 * later. After that the role is withheld: it is left out of the actor's roles in the session
 * loader (the RoleGate below), so no policy rule, guard or menu sees it, until the person sets up
 * an authenticator app or a passkey. Nothing is taken away in the database: the role returns the
 * moment a factor exists.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Config } from '../../config/env.js'
import type { Db } from '../../kernel/db/client.js'
import type { Role, RoleGrant, SecondFactorDue } from '../../kernel/policy/actor.js'
import type { HeldRole, RoleGate } from '../../kernel/auth/session.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { passkeys, secondFactorRequirements, totpFactors } from './two-factor.tables.js'

type Scope = 'admin' | 'other-roles'
type RequirementConfig = Pick<Config, 'secondFactor'>

function scopeOf(role: Role): Scope {
  return role === 'admin' ? 'admin' : 'other-roles'
}

export function requiredScopes(config: RequirementConfig): Scope[] {
  switch (config.secondFactor.requiredFor) {
    case 'admins':
      return ['admin']
    case 'all-roles':
      return ['admin', 'other-roles']
    case 'nobody':
      return []
  }
}

export function roleNeedsSecondFactor(config: RequirementConfig, role: Role): boolean {
  return requiredScopes(config).includes(scopeOf(role))
}

/**
 * At start: remembers since when each required group of roles needs a factor (kept across
 * restarts), and forgets groups that no longer need one, so switching it on again later starts
 * a fresh grace period.
 */
export async function recordSecondFactorRequirement(db: Db, config: RequirementConfig, now: Date): Promise<void> {
  const scopes = requiredScopes(config)
  const notRequired = (['admin', 'other-roles'] as const).filter((s) => !scopes.includes(s))
  if (notRequired.length > 0) await db.delete(secondFactorRequirements).where(inArray(secondFactorRequirements.scope, notRequired))
  for (const scope of scopes) await db.insert(secondFactorRequirements).values({ scope, since: now }).onConflictDoNothing()
}

/** An authenticator app (confirmed) or at least one passkey. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [app] = await db
    .select({ u: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
    .limit(1)
  if (app) return true
  const [key] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1)
  return key !== undefined
}

/** When a held role's grace period ends, or null when the role needs no factor. */
export function graceEnd(config: RequirementConfig, held: HeldRole, since: ReadonlyMap<Scope, Date>): Date | null {
  if (!roleNeedsSecondFactor(config, held.role)) return null
  const required = since.get(scopeOf(held.role)) ?? held.appointedAt
  const start = held.appointedAt > required ? held.appointedAt : required
  return addMs(start, config.secondFactor.graceDays * DAY)
}

export async function requirementSince(db: Db): Promise<Map<Scope, Date>> {
  const rows = await db.select().from(secondFactorRequirements)
  return new Map(rows.map((r) => [r.scope, r.since]))
}

/** Splits held roles into those in force and those withheld, for someone without a factor. */
export function splitRoles(config: RequirementConfig, held: HeldRole[], since: ReadonlyMap<Scope, Date>, now: Date): { roles: RoleGrant[]; due: SecondFactorDue | null } {
  const roles: RoleGrant[] = []
  const withheld: RoleGrant[] = []
  let graceEndsAt: Date | null = null
  for (const h of held) {
    const grant = { role: h.role, wijkId: h.wijkId }
    const end = graceEnd(config, h, since)
    if (end === null) roles.push(grant)
    else if (now >= end) withheld.push(grant)
    else {
      roles.push(grant)
      if (graceEndsAt === null || end < graceEndsAt) graceEndsAt = end
    }
  }
  const due = withheld.length > 0 || graceEndsAt !== null ? { withheld, graceEndsAt } : null
  return { roles, due }
}

/** The RoleGate the app passes to the session loader. */
export function secondFactorRoleGate(config: RequirementConfig): RoleGate {
  return async (db, userId, held, now) => {
    const all = held.map(({ role, wijkId }) => ({ role, wijkId }))
    if (!held.some((h) => roleNeedsSecondFactor(config, h.role))) return { roles: all }
    if (await hasSecondFactor(db, userId)) return { roles: all }
    const { roles, due } = splitRoles(config, held, await requirementSince(db), now)
    return due ? { roles, secondFactorDue: due } : { roles }
  }
}

/** Whole days left until `end`, rounded up (a banner says "nog 1 dag" on the last day). */
export function daysLeft(end: Date, now: Date): number {
  return Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY))
}


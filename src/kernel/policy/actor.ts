/** Who is making the request: a visitor (user null) or an account holder with their roles. */
export type Role = 'admin' | 'ambassadeur' | 'wijkbeheerder'

export interface RoleGrant {
  role: Role
  /** null for the platform admin; the wijk for ambassadeur and wijkbeheerder. */
  wijkId: number | null
}

export interface ActorUser {
  id: string
  email: string
  firstName: string
  lastName: string | null
  lang: 'nl' | 'en'
  homeWijkId: number | null
  emailVerified: boolean
}

/**
 * A person whose roles need a second factor they have not set up yet (features/two-factor).
 * Roles whose grace period is over are in `withheld`, not in `roles`, so no policy rule sees them.
 */
export interface SecondFactorDue {
  withheld: RoleGrant[]
  /** The earliest end of a grace period still running; null when none runs. */
  graceEndsAt: Date | null
}

/**
 * A partner organisation reading wijk content through the API under a data-sharing agreement
 * (P11): no person, and no role; what it may read is the scope of its agreement.
 */
export interface PartnerPrincipal {
  partnerId: number
  /** The wijken its agreement covers today (cities expanded). */
  wijkIds: readonly number[]
  /** The content types its agreement covers. */
  types: readonly string[]
}

export interface Actor {
  user: ActorUser | null
  roles: RoleGrant[]
  secondFactorDue?: SecondFactorDue
  /** Set only on API requests that presented a valid partner key. */
  partner?: PartnerPrincipal
}

export const VISITOR: Actor = { user: null, roles: [] }

export function isAdmin(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'admin')
}

export function hasWijkRole(actor: Actor, role: Role, wijkId: number): boolean {
  return actor.roles.some((r) => r.role === role && r.wijkId === wijkId)
}

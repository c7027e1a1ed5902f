/**
 * Where a login lands when it did not start from a page: the natural start for the person's role.
 * A platform admin starts in Beheer; a wijk team member (ambassadeur, wijkbeheerder) on their
 * wijk's dashboard; a resident on their own wijk's home; anyone else on the platform's home.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { RoleGrant } from '../../kernel/policy/actor.js'
import { wijken } from '../places/places.tables.js'
import { users } from './accounts.tables.js'

/** `roles`: the person's roles, from the session's own lookup (the roles feature owns that table). */
export async function landingAfterLogin(db: Db, userId: string, roles: readonly RoleGrant[]): Promise<string> {
  if (roles.some((r) => r.role === 'admin')) return '/beheer'
  const team = roles.find((r) => r.wijkId !== null && (r.role === 'wijkbeheerder' || r.role === 'ambassadeur'))
  if (team) return `/beheer/wijken/${team.wijkId}/overzicht`
  const [home] = await db.select({ slug: wijken.slug }).from(users).innerJoin(wijken, eq(wijken.id, users.homeWijkId)).where(eq(users.id, userId)).limit(1)
  return home ? `/${home.slug}/` : '/'
}

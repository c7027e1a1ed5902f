/**
 * Where a login lands when it did not start from a page: the natural start for the person's role.
 * A platform admin starts in Beheer; a wijk team member (ambassadeur, wijkbeheerder) on their
 * wijk's dashboard; a resident on their own wijk's home; anyone else on the platform's home.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { wijken } from '../places/places.tables.js'
import { users } from './accounts.tables.js'

export async function landingAfterLogin(db: Db, userId: string): Promise<string> {
  const roles = await db.select({ role: roleAssignments.role, wijkId: roleAssignments.wijkId }).from(roleAssignments).where(eq(roleAssignments.userId, userId))
  if (roles.some((r) => r.role === 'admin')) return '/beheer'
  const team = roles.find((r) => r.wijkId !== null && (r.role === 'wijkbeheerder' || r.role === 'ambassadeur'))
  if (team) return `/beheer/wijken/${team.wijkId}/overzicht`
  const [home] = await db.select({ slug: wijken.slug }).from(users).innerJoin(wijken, eq(wijken.id, users.homeWijkId)).where(eq(users.id, userId)).limit(1)
  return home ? `/${home.slug}/` : '/'
}

/**
 * Words for the access log on Mijn gegevens and in the export: who (first name and role) did
 * what. Actions are described with kernel/audit/access-actions.ts; an action not (yet) listed
 * there is still shown, in general words with its technical name, never hidden.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { ACCESS_ACTIONS, isAccessAction } from '../../kernel/audit/access-actions.js'
import type { Role } from '../../kernel/policy/actor.js'
import type { AccessEntry } from './my-data.queries.js'

const ROLE_ORDER: Role[] = ['admin', 'ambassadeur', 'wijkbeheerder']
const ROLES = new Set<string>(ROLE_ORDER)

export const roleLabel = (t: T, role: Role) => t(`roles.role.${role}` as MessageKey)

/** "Anna (Platformbeheerder)", "Bram (Wijkbeheerder, Oosterpark)". */
export function describeActor(t: T, entry: Pick<AccessEntry, 'actorFirstName' | 'actorRoles'>): string {
  if (entry.actorFirstName === null) return t('my-data.access.actorGone')
  const best = [...entry.actorRoles].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0]
  if (!best) return t('my-data.access.actorNoRole', { name: entry.actorFirstName })
  const role = best.wijkName ? `${roleLabel(t, best.role)}, ${best.wijkName}` : roleLabel(t, best.role)
  return `${entry.actorFirstName} (${role})`
}

/** "gaf je een rol (Wijkbeheerder)"; unknown actions in general words. */
export function describeAction(t: T, lang: Lang, entry: Pick<AccessEntry, 'action' | 'details'>): string {
  const words = isAccessAction(entry.action) ? ACCESS_ACTIONS[entry.action][lang] : t('my-data.access.generic', { action: entry.action })
  const role = entry.details['role']
  return typeof role === 'string' && ROLES.has(role) ? `${words} (${roleLabel(t, role as Role)})` : words
}

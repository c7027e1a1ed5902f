/**
 * Renders the policy as readable tables for docs/authorization.md: what each action allows in
 * words, and a role × action grid computed by asking can() itself, so neither can drift.
 */
import { POLICY, can, type Action, type Resource } from './policy.js'
import type { Actor, ActorUser, RoleGrant } from './actor.js'
import { ENTITLEMENTS } from './entitlements.js'

const WIJK = 1
const OTHER_WIJK = 2

function person(id: string): ActorUser {
  return { id, email: `${id}@example.invalid`, firstName: id, lastName: null, lang: 'nl', homeWijkId: WIJK, emailVerified: true }
}
const as = (id: string, roles: RoleGrant[] = []): Actor => ({ user: person(id), roles })

/**
 * The roles of the grid, each asked about a resource in wijk 1 owned by "owner" (whose package
 * gives every entitlement) and co-managed by "co".
 */
const ROLES: Array<[title: string, actor: Actor]> = [
  ['visitor', { user: null, roles: [] }],
  ['user', as('user')],
  ['owner', as('owner')],
  ['co-manager', as('co')],
  ['wijkbeheerder (this wijk)', as('wb', [{ role: 'wijkbeheerder', wijkId: WIJK }])],
  ['wijkbeheerder (other wijk)', as('wb2', [{ role: 'wijkbeheerder', wijkId: OTHER_WIJK }])],
  ['ambassadeur (this wijk)', as('amb', [{ role: 'ambassadeur', wijkId: WIJK }])],
  ['admin', as('admin', [{ role: 'admin', wijkId: null }])],
]
const RESOURCE: Resource = { wijkId: WIJK, ownerId: 'owner', managerIds: ['co'], entitlements: ENTITLEMENTS }

export function authorizationDocument(): string {
  const actions = (Object.keys(POLICY) as Action[]).sort((a, b) => a.localeCompare(b))
  return [
    '# Who may do what',
    '',
    'Generated from `src/kernel/policy/policy.ts` by `npm run docs:authz`; a test fails when this file',
    'and the policy differ. Every route names one of these actions through `guard()`; anything not',
    'listed is denied. Which route needs which action, and the outcome of every route for every role',
    '(proven by the authorization matrix test), is in [authorization-routes.md](authorization-routes.md).',
    '',
    '| Action | Allowed for |',
    '|---|---|',
    ...actions.map((action) => `| \`${action}\` | ${POLICY[action].who} |`),
    '',
    '## By role',
    '',
    'The answer of `can(role, action, resource)` for a resource in "this wijk", owned by the owner and',
    "co-managed by the co-manager, whose owner's package gives every entitlement (without one, an",
    "entitlement's action is denied to everyone).",
    '',
    `| Action | ${ROLES.map(([title]) => title).join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
    ...actions.map((action) => `| \`${action}\` | ${ROLES.map(([, actor]) => (can(actor, action, RESOURCE) ? 'yes' : 'no')).join(' | ')} |`),
    '',
  ].join('\n')
}

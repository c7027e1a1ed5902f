/** Renders the policy as a readable table for docs/authorization.md. */
import { POLICY } from './policy.js'

export function authorizationDocument(): string {
  const rows = Object.entries(POLICY)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, rule]) => `| \`${action}\` | ${rule.who} |`)
  return [
    '# Who may do what',
    '',
    'Generated from `src/kernel/policy/policy.ts` by `npm run docs:authz`; a test fails when this file',
    'and the policy differ. Every route names one of these actions through `guard()`; anything not',
    'listed is denied.',
    '',
    '| Action | Allowed for |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n')
}

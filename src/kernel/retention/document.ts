/**
 * docs/retention.md, generated from the retention rules (src/retention.ts) by
 * `npm run docs:retention`, so the document says exactly what the code removes (a test compares).
 */
import type { RetentionRule } from './retention.js'

const cell = (s: string) => s.replace(/\|/g, '\\|')

export function retentionDocument(rules: readonly RetentionRule[]): string {
  const lines = [
    '# Retention periods',
    '',
    'Generated from `src/retention.ts` by `npm run docs:retention`; do not edit by hand.',
    'Each rule runs on its schedule through the job queue; every run is recorded and shown to',
    'administrators at `/beheer/bewaartermijnen` (when it last ran, what it removed).',
    '',
    '| Rule | What is removed | After | Runs every |',
    '|------|-----------------|-------|------------|',
    ...rules.map((r) => `| \`${r.name}\` | ${cell(r.describe.en.what)} | ${cell(r.describe.en.period)} | ${r.everyMs >= 86_400_000 ? `${r.everyMs / 86_400_000} day(s)` : `${r.everyMs / 3_600_000} hour(s)`} |`),
    '',
  ]
  return lines.join('\n')
}

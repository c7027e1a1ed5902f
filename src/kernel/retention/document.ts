/**
 * docs/retention.md, generated from the retention rules (src/retention.ts) by
 * `npm run docs:retention`, so the document says exactly what the code removes (a test compares).
 */
import type { RetentionRule } from './retention.js'
import { fillMessage } from '../i18n/i18n.js'

const cell = (s: string) => s.replace(/\|/g, '\\|')
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** "1 day", "6 hours": through the i18n plural forms like every other count. */
function every(ms: number): string {
  if (ms >= DAY_MS) return fillMessage('{n, plural, one {# day} other {# days}}', { n: ms / DAY_MS }, 'en')
  return fillMessage('{n, plural, one {# hour} other {# hours}}', { n: ms / HOUR_MS }, 'en')
}

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
    ...rules.map((r) => `| \`${r.name}\` | ${cell(r.describe.en.what)} | ${cell(r.describe.en.period)} | ${every(r.everyMs)} |`),
    '',
  ]
  return lines.join('\n')
}

/**
 * docs/privacy-modules.md, generated from the privacy modules (src/privacy.ts) by
 * `npm run docs:privacy`, so the document says exactly what the code declares (a test compares).
 */
import { declarations } from './coverage.js'
import type { PrivacyModule } from './privacy.js'

const cell = (s: string) => s.replace(/\|/g, '\\|')

export function privacyDocument(modules: readonly PrivacyModule<unknown>[]): string {
  const rows = declarations(modules).map((d) => {
    const exported = Array.isArray(d.export) ? d.export.map((s) => `\`${s}\``).join(', ') : `no: ${(d.export as { none: string }).none}`
    const retention = (d.retention ?? []).map((r) => `\`${r}\``).join(', ')
    return `| ${d.feature} | \`${d.name}\` | ${cell(exported)} | ${d.erase}${d.archived ? ', archived' : ''} | ${cell(d.why)} | ${retention} |`
  })
  return [
    '# Personal data per table',
    '',
    'Generated from `src/privacy.ts` by `npm run docs:privacy`; do not edit by hand (decisions/012).',
    'Every table that holds something about a person, in the order erasure runs: which sections of',
    'the data export (gegevens.json, `export-format.md`) hold it, and what erasing the account does:',
    '`delete` (the feature deletes the rows), `cascade` (a foreign key deletes them with the account),',
    '`anonymise` (the rows stay without the link to the person) or `keep`; `archived` rows are copied',
    'into the encrypted archive first. Retention rules are in `retention.md`.',
    '',
    '| Feature | Table | In the export | Erasure | Why | Retention |',
    '|---------|-------|---------------|---------|-----|-----------|',
    ...rows,
    '',
  ].join('\n')
}

/** The aggregates as CSV (kernel/http/csv.ts), one line per stored row. */
import { csvDocument } from '../../kernel/http/csv.js'
import type { CsvRow } from './statistics.queries.js'

export const CSV_COLUMNS = ['day', 'wijk', 'path', 'referrer', 'browser', 'lang', 'views'] as const

/** `wijk` is the wijk's slug; empty for platform pages; the bare id for a wijk that no longer exists. */
export function statsCsv(rows: CsvRow[]): string {
  return csvDocument(
    CSV_COLUMNS,
    rows.map((r) => [r.day, r.wijkId === 0 ? '' : (r.wijkSlug ?? String(r.wijkId)), r.path, r.referrer, r.browser, r.lang, r.views]),
  )
}

/**
 * The aggregates as CSV (RFC 4180: comma, CRLF, quotes doubled), one line per stored row.
 * A cell that a spreadsheet would read as a formula gets a leading apostrophe.
 */
import type { CsvRow } from './statistics.queries.js'

export const CSV_COLUMNS = ['day', 'wijk', 'path', 'referrer', 'browser', 'lang', 'views'] as const

function cell(value: string | number): string {
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** `wijk` is the wijk's slug; empty for platform pages; the bare id for a wijk that no longer exists. */
export function statsCsv(rows: CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const r of rows) {
    const wijk = r.wijkId === 0 ? '' : (r.wijkSlug ?? String(r.wijkId))
    lines.push([r.day, wijk, r.path, r.referrer, r.browser, r.lang, r.views].map(cell).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

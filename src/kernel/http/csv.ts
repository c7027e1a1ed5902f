/**
 * CSV for spreadsheets and bookkeeping tools (RFC 4180: comma, CRLF, quotes doubled). A cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe,
 * so a name typed by a user can never become a formula on an administrator's machine. Numbers are
 * written as they are, and so is a text that is only a number: a negative amount stays a number.
 */
import { downloadHeaders } from './download.js'

export type CsvValue = string | number | null

export function csvCell(value: CsvValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  // A plain number ("-25.00") is data, not a formula: it stays as it is, so amounts add up.
  const s = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A header line and the rows, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')
}

/** The headers every CSV download gets (see downloadHeaders). */
export function csvHeaders(filename: string): Record<string, string> {
  return downloadHeaders(filename, 'text/csv; charset=utf-8')
}

/**
 * Reading an uploaded CSV or XLSX file into a header row and data rows of plain strings. Every
 * way a file can be wrong ends in an ImportFileError with a message key (422 for the user), never
 * in an exception the error handler would turn into a 500.
 */
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

/** Big enough for a wijk's launch list, small enough to keep in one jsonb row and check at once. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
export const MAX_ROWS = 2000
export const MAX_COLUMNS = 60
/** An XLSX is a zip: its declared unpacked size is checked before reading (no zip bombs). */
const MAX_UNPACKED_BYTES = 40 * 1024 * 1024
/** A cell longer than the longest content field (the body) cannot be imported anyway. */
const MAX_CELL = 20_000

export interface ParsedFile {
  format: 'csv' | 'xlsx'
  headers: string[]
  rows: string[][]
}

export class ImportFileError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key)
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function looksLikeZip(data: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => data[i] === b)
}

/** Decides the format by content, not only by name: a renamed file still reads correctly. */
export async function parseImportFile(fileName: string, data: Uint8Array): Promise<ParsedFile> {
  if (data.byteLength === 0) throw new ImportFileError('wijk-import.error.empty')
  if (data.byteLength > MAX_FILE_BYTES) throw new ImportFileError('wijk-import.error.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 })
  const name = fileName.toLowerCase()
  if (name.endsWith('.xls') || (data[0] === 0xd0 && data[1] === 0xcf)) throw new ImportFileError('wijk-import.error.xls')
  const table = looksLikeZip(data) ? { format: 'xlsx' as const, cells: await readXlsx(data) } : { format: 'csv' as const, cells: readCsv(data) }
  return shape(table.format, table.cells)
}

/** Header row first; empty rows dropped; every row as long as the header; limits checked. */
function shape(format: ParsedFile['format'], cells: string[][]): ParsedFile {
  const nonEmpty = cells.filter((row) => row.some((cell) => cell !== ''))
  const [headerRow, ...rows] = nonEmpty
  if (!headerRow) throw new ImportFileError('wijk-import.error.empty')
  const width = headerRow.length
  if (width > MAX_COLUMNS) throw new ImportFileError('wijk-import.error.tooManyColumns', { max: MAX_COLUMNS })
  if (rows.length === 0) throw new ImportFileError('wijk-import.error.noRows')
  if (rows.length > MAX_ROWS) throw new ImportFileError('wijk-import.error.tooManyRows', { max: MAX_ROWS })
  const headers = headerRow.map((h, i) => h || `#${i + 1}`)
  for (const row of rows) {
    for (const cell of row) if (cell.length > MAX_CELL) throw new ImportFileError('wijk-import.error.cellTooLong', { max: MAX_CELL })
  }
  return { format, headers, rows: rows.map((row) => headers.map((_, i) => row[i] ?? '')) }
}

// -- CSV ----------------------------------------------------------------------------------------

/**
 * UTF-8 (with or without BOM) as most tools write it; a file that is not valid UTF-8 is read as
 * Windows-1252, which is what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
 */
function decode(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return new TextDecoder('windows-1252').decode(data)
  }
}

/**
 * The separator is whichever of ; , or tab occurs most in the header line outside quotes. Dutch
 * Excel writes ';' because ',' is the decimal sign; other tools write ','.
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const counts = [';', ',', '\t'].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }))
  counts.sort((a, b) => b.n - a.n)
  return counts[0]!.n > 0 ? counts[0]!.d : ','
}

function readCsv(data: Uint8Array): string[][] {
  const text = decode(data)
  if (text.includes('\u0000')) throw new ImportFileError('wijk-import.error.unreadable')
  try {
    return parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: MAX_CELL * 4,
    }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ImportFileError('wijk-import.error.csv', { line: typeof line === 'number' ? line : '?' })
  }
}

// -- XLSX ---------------------------------------------------------------------------------------

function declaredUnpackedSize(data: Uint8Array): number {
  let total = 0
  unzipSync(data, {
    filter: (file) => {
      total += file.originalSize
      return false
    },
  })
  return total
}

/** Dates come as Date (UTC wall clock): a day as YYYY-MM-DD, a time of day (Excel's day 0) as HH:MM. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const iso = value.toISOString()
    if (value.getUTCFullYear() < 1901) return iso.slice(11, 16)
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
  }
  return String(value).trim()
}

async function readXlsx(data: Uint8Array): Promise<string[][]> {
  try {
    if (declaredUnpackedSize(data) > MAX_UNPACKED_BYTES) throw new ImportFileError('wijk-import.error.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 })
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError('wijk-import.error.xlsx')
  }
  try {
    // Loaded on the first spreadsheet, not at start (megabytes a server without imports need not hold).
    const { readSheet } = await import('read-excel-file/node')
    const sheet = await readSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    return sheet.map((row) => row.map(cellText))
  } catch {
    throw new ImportFileError('wijk-import.error.xlsx')
  }
}

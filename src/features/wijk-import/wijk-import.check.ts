/**
 * The verdict on each row: the columns it becomes, or what is wrong with it. Rows are checked by
 * the content form's own schema (contentSchemas) and turned into columns by the form's own
 * columnsFor, so an imported item meets exactly the rules of one placed by hand. The only thing
 * done before is reading spreadsheet habits (13-3-2026, 19.30, "ja", www.…) as the form's inputs.
 */
import type { FieldErrors, FormValues } from '../../kernel/http/form.js'
import { zodErrors } from '../../kernel/http/form.js'
import type { T } from '../../kernel/i18n/i18n.js'
import { contentSchemas, type ContentInput } from '../my-content/my-content.schema.js'
import { columnsFor, type ItemColumns } from '../my-content/my-content.form.js'
import { publicSwitch, type ColumnMapping, type ImportKind } from './wijk-import.mapping.js'

export interface RowVerdict {
  /** The row's line in the file: the header is line 1. */
  row: number
  /** The raw title cell, to recognise the row in the table. */
  title: string
  ok: boolean
  columns?: ItemColumns
  errors: FieldErrors
}

/**
 * What the content form would receive for this row; the contact fields the wijk team chose to
 * show get their public switch ticked, as the owner would tick it in the form.
 */
export function formValuesOf(kind: ImportKind, mapping: ColumnMapping, row: string[], publicFields: readonly string[] = []): FormValues {
  const values: FormValues = {}
  for (const [field, index] of Object.entries(mapping)) values[field] = (row[index] ?? '').trim()
  for (const field of publicFields) values[publicSwitch(field)] = 'on'
  for (const field of ['startDate', 'endDate']) if (values[field]) values[field] = isoDate(values[field])
  for (const field of ['startTime', 'endTime']) if (values[field]) values[field] = hhmm(values[field])
  if (values.website && /^www\./i.test(values.website)) values.website = `https://${values.website}`
  if (kind === 'activity') {
    values.allDay = /^(ja|j|yes|y|x|1|waar|true)$/i.test(values.allDay ?? '') ? 'on' : ''
    const cost = (values.costAmount ?? '').replace(/€|eur(o)?/gi, '').trim()
    const free = cost === '' || /^(0([.,]0{1,2})?|gratis|free|-)$/i.test(cost)
    values.costKind = free ? 'free' : 'amount'
    values.costAmount = free ? '' : cost
  }
  return values
}

/** 13-3-2026, 13/03/2026 or 13.3.2026 → 2026-03-13; anything else is left for the schema to refuse. */
function isoDate(v: string): string {
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v)
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`
  const stamp = /^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$/.exec(v)
  return stamp ? stamp[1]! : v
}

/** 9:30, 19.30, 19:30:00 → 09:30 / 19:30. */
function hhmm(v: string): string {
  const m = /^(\d{1,2})[:.](\d{2})(:\d{2})?$/.exec(v.replace(/\s*uur$/i, ''))
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v
}

/** A name for recognising the same entry twice: case, accents and spacing ignored. */
export function sameKey(title: string, startsAt?: Date | null): string {
  const name = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
  return startsAt ? `${name}@${startsAt.toISOString()}` : name
}

/**
 * Checks every row. `existing` holds the keys (sameKey) of the wijk's items of this kind, so a
 * file imported twice, or fixed and uploaded again, does not create anything twice.
 */
export function checkRows(t: T, kind: ImportKind, mapping: ColumnMapping, rows: string[][], existing: Set<string>, publicFields: readonly string[] = []): RowVerdict[] {
  const seen = new Set(existing)
  return rows.map((cells, i) => {
    const row = i + 2
    const values = formValuesOf(kind, mapping, cells, publicFields)
    const title = values.title ?? ''
    const parsed = contentSchemas[kind].safeParse(values)
    if (!parsed.success) return { row, title, ok: false, errors: zodErrors(parsed.error, t) }
    const columns = columnsFor(kind, parsed.data as ContentInput)
    const key = sameKey(columns.title ?? '', columns.startsAt)
    if (seen.has(key)) return { row, title, ok: false, errors: { title: t(kind === 'activity' ? 'wijk-import.error.duplicateActivity' : 'wijk-import.error.duplicate') } }
    seen.add(key)
    return { row, title, ok: true, columns, errors: {} }
  })
}

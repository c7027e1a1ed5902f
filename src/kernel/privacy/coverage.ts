/**
 * Which tables hold something about a person, and whether a privacy module declares each of them.
 * Run by src/privacy.test.ts over the whole schema, so a new table with a user column and no
 * module (the billing and partner tables, the day they appear) fails the build instead of being
 * forgotten by the export and the erasure.
 *
 * A column is about a person when it has a foreign key to the people table, or when its name says
 * so (ids of who did something, addresses, names, phone numbers, bank accounts …). Names are a
 * guess, so both kinds of mistake have a way out: a column that only looks personal (a wijk's
 * `name`) is listed as not personal with a reason; one that is personal under an unusual name
 * is caught by its foreign key, or should be named plainly.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import type { PersonalTable, PrivacyModule } from './privacy.js'

/**
 * Column names (snake_case, as in SQL) that are about a person. Broad on purpose: a false alarm
 * costs one line in the not-personal list, a miss costs an export or erasure that skips data.
 */
export const PERSONAL_COLUMN_PATTERNS: readonly RegExp[] = [
  /(^|_)user_id$/, // user_id, actor_user_id, original_user_id …
  /^(owner|person|member|customer|partner_contact)_id$/,
  /_by$/, // created_by, handled_by, invited_by: the id of whoever did it
  /(^|_)e?mail($|_)/, // email, new_email, contact_email, email_lookup
  /(^|_)reply_to$/,
  /^name$|(^|_)(first|last|full|display|contact|sur|given)_?name$/,
  /(^|_)(phone|mobile|telephone)($|_)/,
  /(^|_)address($|_)/, // contact_address, to_address, ip_address
  /(^|_)(street|house_number|postal_code|zip_code|birth|birthday|date_of_birth)($|_)/,
  /(^|_)(iban|bic|bank_account|account_holder|mandate)($|_)/,
  /(^|_)(contact_person|how_to_reach)$/,
]

/** A column that matches a pattern but says nothing about a person, with the reason. */
export interface NotPersonal {
  table: PgTable
  columns: readonly string[]
  why: string
}

export interface PersonalColumn {
  name: string
  /** 'foreign key' or the pattern that matched. */
  reason: string
}

export interface Uncovered {
  table: string
  columns: PersonalColumn[]
}

/** The columns of one table that are about a person, minus those declared not personal. */
export function personalColumns(table: PgTable, peopleTable: string, notPersonal: readonly NotPersonal[] = []): PersonalColumn[] {
  const config = getTableConfig(table)
  const exempt = new Set(notPersonal.filter((n) => getTableConfig(n.table).name === config.name).flatMap((n) => n.columns))
  const byForeignKey = new Set<string>()
  for (const fk of config.foreignKeys) {
    const ref = fk.reference()
    if (getTableConfig(ref.foreignTable).name !== peopleTable) continue
    for (const column of ref.columns) byForeignKey.add(column.name)
  }
  const found: PersonalColumn[] = []
  for (const column of config.columns) {
    if (exempt.has(column.name)) continue
    if (byForeignKey.has(column.name)) {
      found.push({ name: column.name, reason: 'foreign key' })
      continue
    }
    const pattern = PERSONAL_COLUMN_PATTERNS.find((p) => p.test(column.name))
    if (pattern) found.push({ name: column.name, reason: String(pattern) })
  }
  return found
}

/**
 * Every table with a personal column that no module declares. The people table itself counts as
 * personal (its id is the person).
 */
export function uncoveredTables(
  tables: readonly PgTable[],
  modules: readonly PrivacyModule<unknown>[],
  options: { peopleTable: string; notPersonal?: readonly NotPersonal[] },
): Uncovered[] {
  const covered = new Set(modules.flatMap((m) => m.tables.map((d) => getTableConfig(d.table).name)))
  const uncovered: Uncovered[] = []
  for (const table of tables) {
    const name = getTableConfig(table).name
    if (covered.has(name)) continue
    const columns = name === options.peopleTable ? [{ name: 'id', reason: 'the people table' }] : personalColumns(table, options.peopleTable, options.notPersonal)
    if (columns.length > 0) uncovered.push({ table: name, columns })
  }
  return uncovered.sort((a, b) => a.table.localeCompare(b.table))
}

/** Tables declared by more than one module: two erasures of one table would race or contradict. */
export function declaredTwice(modules: readonly PrivacyModule<unknown>[]): string[] {
  const seen = new Map<string, string>()
  const twice: string[] = []
  for (const m of modules) {
    for (const d of m.tables) {
      const name = getTableConfig(d.table).name
      const other = seen.get(name)
      if (other !== undefined) twice.push(`${name} (${other}, ${m.feature})`)
      seen.set(name, m.feature)
    }
  }
  return twice
}

/**
 * Declarations of `cascade` that the schema does not carry out: the table must reach the people
 * table through foreign keys that all delete on cascade (e.g. content_images → content_items →
 * users), or erasing the users row would leave these rows behind.
 */
export function cascadesNotInSchema(modules: readonly PrivacyModule<unknown>[], peopleTable: string): string[] {
  const wrong: string[] = []
  for (const m of modules) {
    for (const d of m.tables) {
      if (d.erase === 'cascade' && !cascadesFrom(d.table, peopleTable, new Set())) wrong.push(`${getTableConfig(d.table).name} (${m.feature})`)
    }
  }
  return wrong
}

function cascadesFrom(table: PgTable, peopleTable: string, visited: Set<string>): boolean {
  const config = getTableConfig(table)
  if (visited.has(config.name)) return false
  visited.add(config.name)
  return config.foreignKeys.some((fk) => {
    if (fk.onDelete !== 'cascade') return false
    const target = fk.reference().foreignTable
    return getTableConfig(target).name === peopleTable || cascadesFrom(target, peopleTable, visited)
  })
}

/** Every declared table, with the module that declares it: for reports and the ADR's table. */
export function declarations(modules: readonly PrivacyModule<unknown>[]): Array<PersonalTable & { feature: string; name: string }> {
  return modules.flatMap((m) => m.tables.map((d) => ({ ...d, feature: m.feature, name: getTableConfig(d.table).name })))
}

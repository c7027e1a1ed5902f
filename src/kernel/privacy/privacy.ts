/**
 * Privacy modules: each feature says, next to its tables, what it holds about a person, what of
 * that goes into the data export (P23), and what cancelling and erasing the account does to it
 * (P24, P26). `src/privacy.ts` lists every module; the export (my-data) and the cancellation
 * feature walk that list instead of naming other features' tables, and `src/privacy.test.ts` fails
 * for any table with a column about a person that no module declares.
 *
 * The kernel knows no feature: the shape of the export is a type parameter, filled in by
 * `src/privacy.ts` with the sections of gegevens.json.
 */
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Config } from '../../config/env.js'
import type { Db } from '../db/client.js'
import type { FileStore } from '../files/store.js'
import type { Lang, T } from '../i18n/i18n.js'
import type { Logger } from '../log.js'

/**
 * What erasing an account does to a table's rows about that person:
 * - `delete`: a module's own code deletes them (at cancellation or in the erase job);
 * - `cascade`: a foreign key deletes them with the users row (checked by the coverage test);
 * - `anonymise`: the rows stay, the link to the person goes (a foreign key set to null, or code);
 * - `keep`: the rows stay as they are, for the reason given (a legal record, ids of an admin's act).
 */
export type Erasure = 'delete' | 'cascade' | 'anonymise' | 'keep'

export interface PersonalTable {
  table: PgTable
  /**
   * The sections of the export that hold these rows (top-level keys of gegevens.json), or why
   * none does. A section may be written by another module than the one declaring the table.
   */
  export: readonly string[] | { none: string }
  erase: Erasure
  /** Why this erasure (and, for `keep` and `anonymise`, why the rest may stay). */
  why: string
  /** Names of the retention rules (src/retention.ts) that remove these rows over time, if any. */
  retention?: readonly string[]
  /** True when the encrypted archive of a cancelled account (P26) holds a copy of these rows. */
  archived?: boolean
}

/** The person an export is for: the account holder asking. */
export interface ExportPerson {
  id: string
  email: string
  lang: Lang
}

export interface ExportContext {
  db: Db
  config: Config
  now: Date
  person: ExportPerson
  /** A translator in the person's language, for labels the export spells out. */
  t: T
}

/** A file from the store that goes into the export's ZIP, and where. */
export interface ExportFile {
  storeKey: string
  zipPath: string
}

export interface ExportPart<Sections> {
  sections: Partial<Sections>
  files?: readonly ExportFile[]
}

/** The account being erased, read (and locked) before any module runs. */
export interface ErasePerson {
  id: string
  email: string
}

export interface EraseContext {
  /** The erase transaction: the archive row is written in it before the modules run. */
  tx: Db
  now: Date
  person: ErasePerson
}

export interface AfterCommitDeps {
  db: Db
  files: FileStore
  log: Logger
}

export interface EraseOutcome {
  /** Numbers for the audit row of the erasure (e.g. how many images went). */
  counts?: Record<string, number>
  /** Work outside the database (files), done only once the erasure has committed. */
  afterCommit?: (deps: AfterCommitDeps) => Promise<void>
}

export interface PrivacyModule<Sections = Record<string, unknown>> {
  /** The feature folder (or 'kernel'), for messages and the coverage report. */
  feature: string
  tables: readonly PersonalTable[]
  /** This module's part of gegevens.json (and files for the ZIP). */
  exportFor?(ctx: ExportContext): Promise<ExportPart<Sections>>
  /**
   * Step 1 of P24, inside the cancellation transaction: what must stop at once (sessions, mail,
   * second factors). Not archived: a restored account starts without these.
   */
  cancelFor?(tx: Db, person: ErasePerson, now: Date): Promise<void>
  /** Step 2, inside the erase transaction, after the archive is written and before the users row goes. */
  eraseFor?(ctx: EraseContext): Promise<EraseOutcome | void>
}

/**
 * Runs every module's export and merges the sections. A section written by two modules is a bug
 * in the list (one would silently win), so it throws.
 */
export async function collectExportParts<S>(modules: readonly PrivacyModule<S>[], ctx: ExportContext): Promise<{ sections: Partial<S>; files: ExportFile[] }> {
  const parts = await Promise.all(modules.map(async (m) => ({ feature: m.feature, part: m.exportFor ? await m.exportFor(ctx) : null })))
  const sections: Partial<S> = {}
  const writtenBy = new Map<string, string>()
  const files: ExportFile[] = []
  for (const { feature, part } of parts) {
    if (!part) continue
    for (const key of Object.keys(part.sections)) {
      const other = writtenBy.get(key)
      if (other) throw new Error(`export section '${key}' is written by both ${other} and ${feature}`)
      writtenBy.set(key, feature)
    }
    Object.assign(sections, part.sections)
    files.push(...(part.files ?? []))
  }
  return { sections, files }
}

/** Step 1 for every module, in list order. */
export async function cancelInModules(modules: readonly PrivacyModule<unknown>[], tx: Db, person: ErasePerson, now: Date): Promise<void> {
  for (const m of modules) await m.cancelFor?.(tx, person, now)
}

/**
 * Step 2 for every module, in list order (the list ends with the module that deletes the users
 * row, so everything else still sees its rows). Returns the merged counts and the after-commit work.
 */
export async function eraseInModules(
  modules: readonly PrivacyModule<unknown>[],
  ctx: EraseContext,
): Promise<{ counts: Record<string, number>; afterCommit: Array<(deps: AfterCommitDeps) => Promise<void>> }> {
  const counts: Record<string, number> = {}
  const afterCommit: Array<(deps: AfterCommitDeps) => Promise<void>> = []
  for (const m of modules) {
    const outcome = await m.eraseFor?.(ctx)
    if (!outcome) continue
    Object.assign(counts, outcome.counts)
    if (outcome.afterCommit) afterCommit.push(outcome.afterCommit)
  }
  return { counts, afterCommit }
}

/** After the commit: a file that cannot be deleted is logged, not fatal, as the rows are gone already. */
export async function deleteFileQuietly(deps: Pick<AfterCommitDeps, 'files' | 'log'>, key: string): Promise<void> {
  try {
    await deps.files.delete(key)
  } catch (err) {
    deps.log.warn({ err }, 'could not delete a file of an erased account')
  }
}

/** Dates in the export: ISO 8601 in UTC. */
export const iso = (d: Date): string => d.toISOString()
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null)

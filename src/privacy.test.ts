/**
 * Every table that holds something about a person is declared by a privacy module (issue 11):
 * the test walks the whole Drizzle schema, so a new table with a user column and no module fails
 * here rather than being skipped by the export and the erasure. It also checks the declarations
 * against the schema, the export format and the retention rules they name.
 */
import { describe, it, expect } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { is } from 'drizzle-orm'
import { getTableConfig, integer, PgTable, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import * as schema from './schema.js'
import { cascadesNotInSchema, declarations, declaredTwice, personalColumns, uncoveredTables } from './kernel/privacy/coverage.js'
import { collectExportParts, type ExportContext, type PrivacyModule } from './kernel/privacy/privacy.js'
import { NOT_PERSONAL, PEOPLE_TABLE, PRIVACY_MODULES } from './privacy.js'
import { RETENTION_RULES } from './retention.js'
import { EXPORT_ENVELOPE, exportSchema } from './features/my-data/export.schema.js'
import { users } from './features/accounts/accounts.tables.js'
import { privacyDocument } from './kernel/privacy/document.js'
import { ROOT } from '../test/spawn.js'

const ALL_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable))
const options = { peopleTable: PEOPLE_TABLE, notPersonal: NOT_PERSONAL }
const report = (list: Array<{ table: string; columns: Array<{ name: string }> }>) => list.map((u) => `${u.table}: ${u.columns.map((c) => c.name).join(', ')}`)

describe('privacy modules cover the schema', () => {
  it('every table with a column about a person is declared by a module', () => {
    expect(ALL_TABLES.length).toBeGreaterThan(40)
    expect(report(uncoveredTables(ALL_TABLES, PRIVACY_MODULES, options))).toEqual([])
  })

  it('declares each table once, and only tables of the schema', () => {
    expect(declaredTwice(PRIVACY_MODULES)).toEqual([])
    const inSchema = new Set(ALL_TABLES.map((t) => getTableConfig(t).name))
    expect(declarations(PRIVACY_MODULES).filter((d) => !inSchema.has(d.name)).map((d) => d.name)).toEqual([])
  })

  it('a table declared `cascade` is deleted with the users row by its foreign keys', () => {
    expect(cascadesNotInSchema(PRIVACY_MODULES, PEOPLE_TABLE)).toEqual([])
  })

  it('the module that deletes the users row comes last, so the others still see their rows', () => {
    const last = PRIVACY_MODULES.at(-1)!
    expect(last.tables.some((d) => d.table === users && d.erase === 'delete')).toBe(true)
    expect(last.eraseFor).toBeDefined()
  })

  it('export sections named by the declarations are those of gegevens.json, and each section is declared', () => {
    const envelope = new Set<string>(EXPORT_ENVELOPE)
    const sections = Object.keys(exportSchema.shape).filter((k) => !envelope.has(k))
    const named = new Set(declarations(PRIVACY_MODULES).flatMap((d) => (Array.isArray(d.export) ? d.export : [])))
    expect([...named].filter((s) => !sections.includes(s))).toEqual([])
    expect(sections.filter((s) => !named.has(s))).toEqual([])
  })

  it('every declaration says why, and names only retention rules that exist', () => {
    const rules = new Set(RETENTION_RULES.map((r) => r.name))
    for (const d of declarations(PRIVACY_MODULES)) {
      expect(d.why.length, d.name).toBeGreaterThan(20)
      if (!Array.isArray(d.export)) expect((d.export as { none: string }).none.length, d.name).toBeGreaterThan(20)
      for (const rule of d.retention ?? []) expect(rules.has(rule), `${d.name} names retention rule ${rule}`).toBe(true)
    }
  })

  it('is documented in docs/privacy-modules.md exactly as declared (npm run docs:privacy)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'privacy-modules.md'), 'utf8')).toBe(privacyDocument(PRIVACY_MODULES))
  })

  it('columns listed as not personal exist and would otherwise count as personal (no stale exemptions)', () => {
    for (const n of NOT_PERSONAL) {
      const names = personalColumns(n.table, PEOPLE_TABLE).map((c) => c.name)
      for (const column of n.columns) expect(names, `${getTableConfig(n.table).name}.${column}`).toContain(column)
    }
  })
})

describe('the coverage check catches a new table', () => {
  // What a feature might add: a foreign key to users, and an IBAN.
  const refunds = pgTable('billing_refunds', {
    id: serial('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    iban: text('iban').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  })
  // A partner's contact without any foreign key: caught by the column names alone.
  const partners = pgTable('partner_contacts', {
    id: serial('id').primaryKey(),
    organisation: text('organisation').notNull(),
    contactEmail: text('contact_email'),
    phone: text('phone'),
  })
  // Nothing about a person: not reported.
  const counters = pgTable('partner_counters', { id: serial('id').primaryKey(), visits: integer('visits').notNull() })

  it('reports a table with a user column that no module declares, with the columns and why they count', () => {
    const found = uncoveredTables([...ALL_TABLES, refunds, partners, counters], PRIVACY_MODULES, options)
    expect(report(found)).toEqual(['billing_refunds: user_id, iban', 'partner_contacts: contact_email, phone'])
    expect(found[0]!.columns[0]!.reason).toBe('foreign key')
  })

  it('is satisfied once a module declares it', () => {
    const module: PrivacyModule<never> = {
      feature: 'refunds',
      tables: [
        { table: refunds, export: { none: 'a test module that declares the table only' }, erase: 'cascade', why: 'the refund ends with the account in this test' },
        { table: partners, export: { none: 'a test module that declares the table only' }, erase: 'keep', why: 'a partner organisation’s contact in this test' },
      ],
    }
    expect(uncoveredTables([...ALL_TABLES, refunds, partners, counters], [...PRIVACY_MODULES, module], options)).toEqual([])
    expect(cascadesNotInSchema([module], PEOPLE_TABLE)).toEqual([])
  })

  it('catches a declaration of `cascade` that the foreign keys do not carry out', () => {
    const wrong: PrivacyModule<never> = {
      feature: 'partners',
      tables: [{ table: partners, export: { none: 'a test module that declares the table only' }, erase: 'cascade', why: 'wrong on purpose: no foreign key to users' }],
    }
    expect(cascadesNotInSchema([wrong], PEOPLE_TABLE)).toEqual(['partner_contacts (partners)'])
  })
})

describe('collectExportParts', () => {
  it('refuses two modules writing the same section (one would silently win)', async () => {
    const writes = (feature: string): PrivacyModule<{ roles: string[] }> => ({ feature, tables: [], exportFor: async () => ({ sections: { roles: [feature] } }) })
    await expect(collectExportParts([writes('a'), writes('b')], {} as ExportContext)).rejects.toThrow("export section 'roles' is written by both a and b")
  })
})

/** Shared by the billing tests: a package on offer, a filled-in application, and a database search. */
import { sql } from 'drizzle-orm'
import type { TestPlatform } from '../../../test/platform.js'
import type { TestClient } from '../../../test/client.js'
import { findCurrentVersion } from '../documents/documents.queries.js'
import { packages } from './billing.packages.tables.js'

/** The example IBAN of the Dutch banks: a valid number that must never be stored in the clear. */
export const SENTINEL_IBAN = 'NL91ABNA0417164300'
export const SENTINEL_TYPED = 'nl91 abna 0417 1643 00'

export async function buildPackage(t: TestPlatform, values: Partial<typeof packages.$inferInsert> = {}) {
  const now = t.clock.now()
  const [row] = await t.deps.db
    .insert(packages)
    .values({ slug: `pakket-${Math.random().toString(36).slice(2, 8)}`, nameNl: 'Wijkpartner', nameEn: 'Neighbourhood partner', descriptionNl: 'Uitgelicht in de wijk.', descriptionEn: 'Featured in the wijk.', priceCents: 12_000, period: 'jaar', createdAt: now, updatedAt: now, ...values })
    .returning()
  return row!
}

export async function applicationFields(t: TestPlatform, overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const agreement = await findCurrentVersion(t.deps.db, 'package')
  return {
    organisationName: 'Bakkerij De Korenaar',
    kvkNumber: '1234 5678',
    vatNumber: 'nl 123456789 b01',
    street: 'Dapperstraat',
    houseNumber: '12a',
    postalCode: '1093bs',
    place: 'Amsterdam',
    country: 'NL',
    billingEmail: 'Facturen@Korenaar.example',
    contactName: 'Fatima el Amrani',
    paymentMethod: 'transfer',
    iban: '',
    accountHolder: '',
    documentId: String(agreement!.id),
    accept: 'on',
    signerName: 'Fatima el Amrani',
    ...overrides,
  }
}

/** Applies as `client` (loading the form first for its CSRF token); returns the answer. */
export async function apply(client: TestClient, slug: string, fields: Record<string, string>) {
  await client.get(`/pakketten/${slug}/aanvragen`)
  return client.post(`/pakketten/${slug}/aanvragen`, fields)
}

/**
 * Every text, JSON and character column of every table, as "table.column", whose value contains
 * `needle` (case-insensitive, spaces ignored): the proof that a value is nowhere in the clear.
 */
export async function columnsContaining(t: TestPlatform, needle: string): Promise<string[]> {
  const db = t.deps.db
  const columns = (await db.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  )) as unknown as { rows: Array<{ table_name: string; column_name: string }> }
  const found: string[] = []
  const pattern = `%${needle.replace(/\s/g, '').toLowerCase()}%`
  for (const { table_name: table, column_name: column } of columns.rows) {
    const hit = (await db.execute(
      sql`select 1 from ${sql.identifier(table)} where replace(lower(${sql.identifier(column)}::text), ' ', '') like ${pattern} limit 1`,
    )) as unknown as { rows: unknown[] }
    if (hit.rows.length > 0) found.push(`${table}.${column}`)
  }
  return found
}

import { pgTable, text, bigint } from 'drizzle-orm/pg-core'

/**
 * The version stamps of what public pages show, one per scope (decisions/023): 'platform' for
 * what every page may show (places, documents, partners, packages…) and 'wijk:<id>' for one
 * wijk's content. Triggers on every table public pages read raise the stamps of the scopes a
 * statement touched and tell the listeners at commit (public-version.ts). A scope without a row
 * was never changed: its stamp is 0.
 */
export const publicVersions = pgTable('public_versions', {
  scope: text('scope').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
})

import { pgTable, uuid, text, integer, timestamp, jsonb, index } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/** A row that could not be imported, with the reason per field. */
export interface ImportRowProblem {
  row: number
  errors: Record<string, string>
}

/**
 * A bulk import for launching a wijk: the uploaded CSV or XLSX (parsed into rows), the column
 * mapping, the dry run's verdict per row, then the import job's progress. Imported items belong to
 * the wijk (owner null) until an organisation claims its entry. Deleted 30 days after finishing.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** What the rows become. */
    kind: text('kind', { enum: ['organisation', 'activity'] }).notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    /** Content field → column index. */
    mapping: jsonb('mapping').$type<Record<string, number>>().notNull().default({}),
    /**
     * The contact fields (contactEmail, contactPhone, …) the wijk team chose to show publicly on
     * the imported items; the others stay private until the organisation decides (P05, P27).
     */
    publicFields: jsonb('public_fields').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['uploaded', 'checked', 'importing', 'done', 'failed'] }).notNull().default('uploaded'),
    progress: integer('progress').notNull().default(0),
    problems: jsonb('problems').$type<ImportRowProblem[]>().notNull().default([]),
    createdCount: integer('created_count').notNull().default(0),
    /**
     * Why a failed import stopped, safe to show the wijk team: a code made from the error's kind
     * (a database SQLSTATE or the error's class), never its message, which may quote a row.
     */
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_wijk_idx').on(t.wijkId, t.createdAt), index('import_batches_created_by_idx').on(t.createdBy)],
)

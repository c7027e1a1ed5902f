import { pgTable, serial, text, integer, boolean, date, timestamp } from 'drizzle-orm/pg-core'

/**
 * The register of processing activities (P12, AVG art. 30): what the platform does with
 * personal data, why, on which legal basis, for how long, and which processors help.
 * Edited in /beheer/verwerkingen; summarised publicly at /verwerkingen.
 */
export const processingActivities = pgTable('processing_activities', {
  id: serial('id').primaryKey(),
  /** Stable key for the default rows (e.g. 'accounts', 'archive'); null for rows an admin added. */
  key: text('key').unique(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  purposeNl: text('purpose_nl').notNull(),
  purposeEn: text('purpose_en').notNull(),
  /** Categories of personal data. */
  dataNl: text('data_nl').notNull(),
  dataEn: text('data_en').notNull(),
  /** Categories of people. */
  subjectsNl: text('subjects_nl').notNull(),
  subjectsEn: text('subjects_en').notNull(),
  legalBasis: text('legal_basis', { enum: ['consent', 'contract', 'legal-obligation', 'legitimate-interest'] }).notNull(),
  retentionNl: text('retention_nl').notNull(),
  retentionEn: text('retention_en').notNull(),
  /** Names of processors involved (see processors), as shown. */
  processorNames: text('processor_names').notNull().default(''),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/** Processors (verwerkers) and the agreement with each (P12). */
export const processors = pgTable('processors', {
  id: serial('id').primaryKey(),
  key: text('key').unique(),
  name: text('name').notNull(),
  serviceNl: text('service_nl').notNull(),
  serviceEn: text('service_en').notNull(),
  /** Where the data is processed, e.g. "Nederland" or "EU". */
  location: text('location').notNull(),
  /** A processor agreement is in place; data goes to no processor without one. */
  agreementInPlace: boolean('agreement_in_place').notNull().default(false),
  agreementDate: date('agreement_date'),
  agreementReference: text('agreement_reference'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

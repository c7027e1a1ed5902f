import { sql } from 'drizzle-orm'
import { check, integer, jsonb, pgTable, text, index } from 'drizzle-orm/pg-core'
import { cities, wijken } from '../places/places.tables.js'
import { packageApplications } from './billing.applications.tables.js'

/**
 * The wijk an ambassadeur application proposes (/ambassadeur-worden): its name, its city (an
 * existing one, or the name of a new one), its PC4 areas and the applicant's motivation. On
 * approval the wijk is created and `wijk_id` set; unique, so one application never makes two.
 */
export const wijkProposals = pgTable(
  'billing_wijk_proposals',
  {
    applicationId: integer('application_id')
      .primaryKey()
      .references(() => packageApplications.id, { onDelete: 'cascade' }),
    wijkName: text('wijk_name').notNull(),
    cityId: integer('city_id').references(() => cities.id, { onDelete: 'restrict' }),
    /** A city that is not on the platform yet; created on approval. */
    newCityName: text('new_city_name'),
    /** Four-digit postcode areas, sorted and without duplicates. */
    postcodes: jsonb('postcodes').$type<string[]>().notNull(),
    motivation: text('motivation').notNull(),
    wijkId: integer('wijk_id')
      .unique()
      .references(() => wijken.id, { onDelete: 'set null' }),
  },
  (t) => [check('billing_wijk_proposals_city', sql`(${t.cityId} is null) <> (${t.newCityName} is null)`), index('billing_wijk_proposals_city_id_idx').on(t.cityId)],
)

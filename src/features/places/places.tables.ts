import { pgTable, serial, text, timestamp, integer, char, primaryKey, index, doublePrecision, jsonb, boolean } from 'drizzle-orm/pg-core'

/** The colour a wijk has until its team chooses its own. */
export const DEFAULT_WIJK_COLOUR = '#1d6b4f'

/** A gemeente (city). Its slug shares one namespace with wijk slugs. */
export const cities = pgTable('cities', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/** A wijk (neighbourhood) with its own site at /<slug>/ or at the root of its own host name. */
export const wijken = pgTable(
  'wijken',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    introNl: text('intro_nl').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    /** Brand colour as #rrggbb; text colour on it is chosen for contrast. */
    colour: text('colour').notNull().default(DEFAULT_WIJK_COLOUR),
    /** Path of the processed logo under the uploads store, or null. */
    logoPath: text('logo_path'),
    /**
     * The cover photo the wijk team uploaded (wijk data, not personal): base key of the files
     * ("covers/<sha256>", one WebP per width in coverWidths), its shown size and its required
     * description. All null when there is none.
     */
    coverKey: text('cover_key'),
    coverWidths: jsonb('cover_widths').$type<number[]>(),
    coverWidth: integer('cover_width'),
    coverHeight: integer('cover_height'),
    coverAlt: text('cover_alt'),
    /** Custom host name (e.g. www.oosterpark.nl) that serves this wijk at its root. */
    hostName: text('host_name').unique(),
    /**
     * The host name was set by the wijk's ambassadeur under a package that gives `wijk.host`
     * (false: set by a platform admin). Such a name is served only while an ambassadeur of the
     * wijk holds that entitlement (host-map.ts, decisions/021).
     */
    hostNameByPackage: boolean('host_name_by_package').notNull().default(false),
    /** Approximate centre (WGS84), to find the nearest wijk from a visitor's coarse location (P17). */
    centerLat: doublePrecision('center_lat'),
    centerLon: doublePrecision('center_lon'),
    /**
     * When the wijk went public; null while it is being prepared (an approved ambassadeur's new
     * wijk, or one an admin set up without launching). Until then only its team and admins see it.
     */
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wijken_city_idx').on(t.cityId)],
)

/** The four-digit postcode areas (PC4) a wijk covers; used to send a visitor to their wijk (P17). */
export const wijkPostcodes = pgTable(
  'wijk_postcodes',
  {
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    pc4: char('pc4', { length: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.wijkId, t.pc4] }), index('wijk_postcodes_pc4_idx').on(t.pc4)],
)

/** Existing resident-run websites of a wijk, linked from its site; kept by the wijk team (features/wijkbeheer). */
export const wijkLinks = pgTable('wijk_links', {
  id: serial('id').primaryKey(),
  wijkId: integer('wijk_id')
    .notNull()
    .references(() => wijken.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  url: text('url').notNull(),
  position: integer('position').notNull().default(0),
}, (t) => [index('wijk_links_wijk_id_idx').on(t.wijkId)])

import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { cities, wijken } from '../places/places.tables.js'
import { contentItems } from '../content/content.tables.js'
import { MODULES } from '../content/content.urls.js'
import { partners } from './partners.tables.js'

/** What a widget shows: the items of one wijk module, or one item. */
export const WIDGET_MODULES = [...MODULES, 'item'] as const
export type WidgetModule = (typeof WIDGET_MODULES)[number]

export const WIDGET_LANGS = ['nl', 'en'] as const
export type WidgetLang = (typeof WIDGET_LANGS)[number]

export const MIN_WIDGET_ITEMS = 1
export const MAX_WIDGET_ITEMS = 20

/**
 * A widget a partner places on its website (P11): which content, from where, how much, in which
 * language. The id is random and public (it is in the partner's page source), so it tells
 * nothing about how many widgets exist. A widget shows something only while its partner's
 * agreement is in force and only within its scope (partners.widgets.queries.ts). No personal
 * data: the label is the admin's own name for the widget.
 */
export const partnerWidgets = pgTable(
  'partner_widgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    module: text('module', { enum: WIDGET_MODULES }).notNull(),
    /** For module "item": the one item shown; the widget goes with it. */
    itemId: integer('item_id').references(() => contentItems.id, { onDelete: 'cascade' }),
    /** For a module: the wijk or the city it lists (one of the two). */
    wijkId: integer('wijk_id').references(() => wijken.id, { onDelete: 'cascade' }),
    cityId: integer('city_id').references(() => cities.id, { onDelete: 'cascade' }),
    themeSlug: text('theme_slug'),
    /** For a Prikbord widget: only requests and offers of this category (content.categories.ts). */
    category: text('category'),
    itemCount: integer('item_count').notNull().default(5),
    lang: text('lang', { enum: WIDGET_LANGS }).notNull().default('nl'),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('partner_widgets_partner_idx').on(t.partnerId),
    check('partner_widgets_item_count', sql`${t.itemCount} between 1 and 20`),
    /** One item, or a module with exactly one place. */
    check(
      'partner_widgets_target',
      sql`(${t.module} = 'item' and ${t.itemId} is not null and ${t.wijkId} is null and ${t.cityId} is null) or (${t.module} <> 'item' and ${t.itemId} is null and (${t.wijkId} is null) <> (${t.cityId} is null))`,
    ),
    index('partner_widgets_city_id_idx').on(t.cityId),
    index('partner_widgets_item_id_idx').on(t.itemId),
    index('partner_widgets_wijk_id_idx').on(t.wijkId),
  ],
)

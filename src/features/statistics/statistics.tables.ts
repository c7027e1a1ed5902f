import { pgTable, date, integer, text, primaryKey, index } from 'drizzle-orm/pg-core'

/**
 * First-party statistics (P16): page views counted per day as aggregates only. There is no IP
 * address, user agent, cookie or any other identifier here, and none is stored anywhere else.
 */
export const pageViewsDaily = pgTable(
  'page_views_daily',
  {
    /** Europe/Amsterdam calendar day. */
    day: date('day').notNull(),
    /** The wijk whose site was viewed; 0 for platform pages. Not a foreign key: aggregates outlive wijken. */
    wijkId: integer('wijk_id').notNull(),
    /** The path as routed (on a wijk's own host name "/<slug>/…"), at most 200 characters; never a query string. */
    path: text('path').notNull(),
    /** Referring site as a domain only ('' when none or our own site). */
    referrer: text('referrer').notNull(),
    /** Browser family: Firefox, Chrome, Safari, Edge, Opera, Samsung Internet or other (robots are not counted). */
    browser: text('browser').notNull(),
    /** Page language, 'nl' or 'en'. */
    lang: text('lang').notNull(),
    views: integer('views').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.wijkId, t.path, t.referrer, t.browser, t.lang] }), index('page_views_wijk_day_idx').on(t.wijkId, t.day)],
)

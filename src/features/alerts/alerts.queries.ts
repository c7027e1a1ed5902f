/**
 * Reads for alerts: a user's follows and settings, and what is new for them. The new items are
 * read through the public projection only (publicColumns + publiclyVisible), so a draft, a hidden
 * or expired item, or a contact field that is not public can never end up in a mail.
 */
import { and, asc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentItems, contentThemes, wijkThemes } from '../content/content.tables.js'
import { publicColumns, publiclyVisible, type PublicItem } from '../content/content.public.js'
import { isModule, typesOfModule } from '../content/content.urls.js'
import { wijken } from '../places/places.tables.js'
import { alertFollows, alertSettings } from './alerts.tables.js'

export type FollowKind = (typeof alertFollows.$inferSelect)['kind']
export type Frequency = (typeof alertSettings.$inferSelect)['frequency']
export const FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const satisfies readonly Frequency[]

export interface Follow {
  id: number
  wijkId: number
  wijkName: string
  wijkSlug: string
  kind: FollowKind
  value: string
  createdAt: Date
}

export async function listFollows(db: Db, userId: string): Promise<Follow[]> {
  return db
    .select({
      id: alertFollows.id,
      wijkId: alertFollows.wijkId,
      wijkName: wijken.name,
      wijkSlug: wijken.slug,
      kind: alertFollows.kind,
      value: alertFollows.value,
      createdAt: alertFollows.createdAt,
    })
    .from(alertFollows)
    .innerJoin(wijken, eq(wijken.id, alertFollows.wijkId))
    .where(eq(alertFollows.userId, userId))
    .orderBy(asc(wijken.name), asc(alertFollows.kind), asc(alertFollows.value))
}

export async function findSettings(db: Db, userId: string) {
  const [row] = await db.select().from(alertSettings).where(eq(alertSettings.userId, userId)).limit(1)
  return row ?? null
}

export interface NewItem extends PublicItem {
  wijkSlug: string
  wijkName: string
}

const ci = contentItems

/** The SQL condition for "this item matches this follow". */
function matches(f: Pick<Follow, 'wijkId' | 'kind' | 'value'>): SQL | undefined {
  const inWijk = eq(ci.wijkId, f.wijkId)
  switch (f.kind) {
    case 'module':
      return isModule(f.value) ? and(inWijk, inArray(ci.type, [...typesOfModule(f.value)])) : undefined
    case 'category':
      return and(inWijk, inArray(ci.type, ['request', 'offer']), eq(ci.category, f.value))
    case 'theme':
      return and(
        inWijk,
        sql`exists (select 1 from ${contentThemes} join ${wijkThemes} on ${wijkThemes.id} = ${contentThemes.themeId}
          where ${contentThemes.contentId} = ${ci.id} and ${wijkThemes.wijkId} = ${f.wijkId} and ${wijkThemes.slug} = ${f.value})`,
      )
  }
}

/** At most this many items in one mail; the mail says there is more on the site. */
export const MAX_ITEMS_PER_MAIL = 50

/**
 * Public items matching any of the follows, first published in (since, until], oldest first.
 * Returns one more than MAX_ITEMS_PER_MAIL so the caller can tell there were more.
 */
export async function newItemsFor(db: Db, follows: Array<Pick<Follow, 'wijkId' | 'kind' | 'value'>>, since: Date, until: Date, now: Date): Promise<NewItem[]> {
  const conditions = follows.map(matches).filter((c): c is SQL => c !== undefined)
  if (conditions.length === 0) return []
  const rows = await db
    .select({ ...publicColumns, wijkSlug: wijken.slug, wijkName: wijken.name })
    .from(ci)
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .where(and(publiclyVisible(now), gt(ci.publishedAt, since), lte(ci.publishedAt, until), or(...conditions)))
    .orderBy(asc(wijken.name), asc(ci.publishedAt), asc(ci.id))
    .limit(MAX_ITEMS_PER_MAIL + 1)
  return rows as NewItem[]
}

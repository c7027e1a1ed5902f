/**
 * Page views are added up in memory and written as daily aggregates (P16): every 30 seconds and
 * when the platform stops, one upsert per key adds the counts to page_views_daily. A request
 * therefore costs one map update and no database work.
 *
 * Views on the platform host are recorded with their first path segment; which wijk (if any)
 * that is gets resolved at flush time, in one query for all of them, so counting needs no lookup.
 */
import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Logger } from '../../kernel/log.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { wijken } from '../places/places.tables.js'
import { pageViewsDaily } from './statistics.tables.js'
import type { BrowserFamily } from './statistics.visit.js'

export interface PageView {
  /** YYYY-MM-DD, Europe/Amsterdam. */
  day: string
  /** The wijk's id when known (its own host name), otherwise the first path segment. */
  site: number | string
  path: string
  referrer: string
  browser: BrowserFamily
  lang: Lang
}

export interface PageViewCounterOptions {
  /** How many different keys are held between flushes; views beyond it are folded together. */
  maxKeys?: number
  everyMs?: number
}

/** Tab cannot occur in a URL path or a host name: a safe separator. */
const SEP = '\t'
/** Where views go once maxKeys distinct keys are waiting (a flood of odd paths): counted, not itemised. */
export const OVERFLOW_PATH = '(overig)'
const CHUNK = 500

type Row = typeof pageViewsDaily.$inferInsert

export class PageViewCounter {
  #pending = new Map<string, number>()
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<number> = Promise.resolve(0)
  readonly #maxKeys: number
  readonly #everyMs: number

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    opts: PageViewCounterOptions = {},
  ) {
    this.#maxKeys = opts.maxKeys ?? 20_000
    this.#everyMs = opts.everyMs ?? 30_000
  }

  /** Distinct keys waiting for the next flush. */
  get pending(): number {
    return this.#pending.size
  }

  record(v: PageView): void {
    const site = typeof v.site === 'number' ? `#${v.site}` : v.site
    let key = [v.day, site, v.path, v.referrer, v.browser, v.lang].join(SEP)
    if (!this.#pending.has(key) && this.#pending.size >= this.#maxKeys) key = [v.day, site, OVERFLOW_PATH, '', v.browser, v.lang].join(SEP)
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1)
  }

  /** Writes what was counted; returns the number of rows upserted. Flushes never overlap. */
  flush(): Promise<number> {
    this.#flushing = this.#flushing.catch(() => 0).then(() => this.#write())
    return this.#flushing
  }

  async #write(): Promise<number> {
    if (this.#pending.size === 0) return 0
    const batch = this.#pending
    this.#pending = new Map()
    try {
      const rows = await this.#rows(batch)
      for (let i = 0; i < rows.length; i += CHUNK) {
        await this.db
          .insert(pageViewsDaily)
          .values(rows.slice(i, i + CHUNK))
          .onConflictDoUpdate({
            target: [pageViewsDaily.day, pageViewsDaily.wijkId, pageViewsDaily.path, pageViewsDaily.referrer, pageViewsDaily.browser, pageViewsDaily.lang],
            set: { views: sql`${pageViewsDaily.views} + excluded.views` },
          })
      }
      return rows.length
    } catch (err) {
      // Keep the counts for the next attempt. (A chunk that was written before the error is
      // counted again then: at worst a slight over-count, never a lost day.)
      for (const [key, n] of batch) this.#pending.set(key, (this.#pending.get(key) ?? 0) + n)
      throw err
    }
  }

  /** Resolves first path segments to wijk ids (0 for platform pages) and merges keys that meet. */
  async #rows(batch: Map<string, number>): Promise<Row[]> {
    const segments = new Set<string>()
    for (const key of batch.keys()) {
      const site = key.split(SEP, 2)[1]!
      if (!site.startsWith('#') && SLUG_PATTERN.test(site)) segments.add(site)
    }
    const ids = new Map<string, number>()
    if (segments.size) {
      const found = await this.db.select({ id: wijken.id, slug: wijken.slug }).from(wijken).where(inArray(wijken.slug, [...segments]))
      for (const w of found) ids.set(w.slug, w.id)
    }
    const merged = new Map<string, Row>()
    for (const [key, views] of batch) {
      const [day, site, path, referrer, browser, lang] = key.split(SEP) as [string, string, string, string, string, string]
      const wijkId = site.startsWith('#') ? Number(site.slice(1)) : (ids.get(site) ?? 0)
      const id = [day, wijkId, path, referrer, browser, lang].join(SEP)
      const row = merged.get(id)
      if (row) row.views += views
      else merged.set(id, { day, wijkId, path, referrer, browser, lang, views })
    }
    return [...merged.values()]
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.flush().catch((err: unknown) => this.log.warn({ code: errorCode(err) }, 'statistics flush failed'))
    }, this.#everyMs)
    this.#timer.unref()
  }

  /** Stops the timer and writes what is left (call before the database closes). */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = undefined
    try {
      await this.flush()
    } catch (err) {
      this.log.warn({ code: errorCode(err) }, 'statistics flush on stop failed')
    }
  }
}

/** A database error's code only: its message could quote the values of a row. */
function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown'
}

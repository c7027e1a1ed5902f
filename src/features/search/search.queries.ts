/**
 * Search over the public content of a wijk (or of all wijken, for the benchmark): Dutch
 * full-text with stemming (the generated `search` vector: title, summary and body only) plus
 * typo tolerance on titles with pg_trgm. Reads through the public projection and visibility
 * condition, so a draft, a hidden item or a private field can never be found or shown.
 */
import { and, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentItems, type ContentType } from '../content/content.tables.js'
import { NEWEST_FIRST, publicColumns, publiclyVisible } from '../content/content.public.js'
import type { WijkPreview } from '../places/places.queries.js'
import { thumbColumn, type ImageRef } from '../wijk-site/wijk-site.queries.js'

const ci = contentItems

/** Control characters as highlight markers: they never occur in text we keep (stripped first). */
export const MARK_START = '\u0001'
export const MARK_END = '\u0002'
const HEADLINE_OPTIONS = `StartSel=${MARK_START},StopSel=${MARK_END},MaxWords=30,MinWords=10,MaxFragments=2,FragmentDelimiter=" … "`

export interface SearchHit {
  id: number
  wijkId: number
  type: ContentType
  slug: string
  title: string
  /** Plain text with MARK_START/MARK_END around matches; escape, then turn markers into <mark>. */
  snippet: string
  /** The item's first image, shown small. */
  thumb: ImageRef | null
}

export interface SearchResult {
  hits: SearchHit[]
  /** How many matched, counting at most SEARCH_CANDIDATES. */
  total: number
  /** More matched than SEARCH_CANDIDATES: only the most recently published of them were ranked. */
  capped: boolean
}

/**
 * How many matches are ranked at most: the most recently published ones. Ranking reads every
 * candidate's vector, so without a bound a common word costs more as the city's content grows
 * (decisions/024); a bounded set keeps a search's cost flat while still reaching 10 pages deep.
 * Small enough that PostgreSQL reads a common word's matches in the index's order and stops early
 * rather than fetching every match in the wijk (with 500 it chose the latter: 8 ms against 0.8).
 */
export const SEARCH_CANDIDATES = 200

/** Below this many full-text hits, typo-tolerant title matches are added. */
const TYPO_FALLBACK_BELOW = 5

/** The columns a rank is computed from: the table's own, or a subquery's copy of them. */
interface Ranked {
  search: SQL.Aliased | AnyColumn
  title: SQL.Aliased | AnyColumn
}

function ranking(q: string, typos: boolean, of: Ranked = ci) {
  const tsq = sql`websearch_to_tsquery('dutch', ${q})`
  const fts = sql`${ci.search} @@ ${tsq}`
  // A match in the title outranks any number of matches in the body; typo-only matches come last.
  // The title is the vector's A-weighted part: filtering it is far cheaper than parsing the title again.
  const ftsRank = sql`ts_rank_cd(${of.search}, ${tsq}) + case when ts_filter(${of.search}, '{a}') @@ ${tsq} then 1 else 0 end`
  if (!typos) return { tsq, match: fts, rank: sql<number>`(${ftsRank})` }
  return {
    tsq,
    // Word similarity (q against the best-matching stretch of the title) covers whole-title
    // similarity too, and one trigram index scan instead of two keeps the typo path fast.
    match: or(fts, sql`${q} <% ${ci.title}`)!,
    rank: sql<number>`(${ftsRank} + word_similarity(${q}, ${of.title}) * 0.5)`,
  }
}

async function rankedIds(db: Db, q: string, where: SQL, typos: boolean, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
  const { match } = ranking(q, typos)
  // The newest matches first, through the index that lists a wijk's items by publication; the
  // ranking then reads only those. The window count is taken before the page is cut.
  const candidates = db
    .select({ id: ci.id, search: ci.search, title: ci.title })
    .from(ci)
    .where(and(where, match))
    .orderBy(...NEWEST_FIRST)
    .limit(SEARCH_CANDIDATES)
    .as('candidates')
  const { rank } = ranking(q, typos, candidates)
  const rows = await db
    .select({ id: candidates.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(candidates)
    .orderBy(desc(rank), desc(candidates.id))
    .limit(limit)
    .offset(offset)
  if (rows.length > 0 || offset === 0) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 }
  // A page past the end still reports how many there are.
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(candidates)
  return { ids: [], total: row?.n ?? 0 }
}

/**
 * Full-text first (its index is selective); only when that finds (almost) nothing do trigram
 * matches on titles join in, so a typo still finds something without every search paying for
 * the trigram scan. The choice depends only on the query, so all pages of one search agree.
 */
async function run(db: Db, q: string, where: SQL, limit: number, offset: number): Promise<SearchResult> {
  let ranked = await rankedIds(db, q, where, false, limit, offset)
  if (ranked.total < TYPO_FALLBACK_BELOW) ranked = await rankedIds(db, q, where, true, limit, offset)
  const { ids, total } = ranked
  const capped = total >= SEARCH_CANDIDATES
  if (ids.length === 0) return { hits: [], total, capped }
  const { tsq } = ranking(q, false)
  // Headlines only for the page shown: ts_headline re-parses the text and is the costly part.
  const text = sql`translate(${ci.summary} || E'\n\n' || ${ci.body}, ${MARK_START + MARK_END}, '')`
  const rows = await db
    .select({
      id: publicColumns.id,
      wijkId: publicColumns.wijkId,
      type: publicColumns.type,
      slug: publicColumns.slug,
      title: publicColumns.title,
      snippet: sql<string>`ts_headline('dutch', ${text}, ${tsq}, ${HEADLINE_OPTIONS})`,
      thumb: thumbColumn,
    })
    .from(ci)
    .where(inArray(ci.id, ids))
  const byId = new Map(rows.map((r) => [r.id, r as SearchHit]))
  return { hits: ids.map((id) => byId.get(id)).filter((h): h is SearchHit => h !== undefined), total, capped }
}

/** Public items of one wijk matching q, best first (before its launch, for its team: `preview`). */
export function searchWijk(db: Db, input: { wijkId: number; q: string; now: Date; limit: number; offset: number; preview?: WijkPreview }): Promise<SearchResult> {
  return run(db, input.q, and(eq(ci.wijkId, input.wijkId), publiclyVisible(input.now, input.preview))!, input.limit, input.offset)
}

/** Public items of every wijk matching q, best first (the platform-wide search and the benchmark). */
export function searchAll(db: Db, input: { q: string; now: Date; limit: number; offset: number }): Promise<SearchResult> {
  return run(db, input.q, publiclyVisible(input.now), input.limit, input.offset)
}

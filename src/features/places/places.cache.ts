/**
 * The page cache's scopes that places know of (decisions/023). The triggers of migration 0036
 * raise 'wijk:<id>' for every statement that changes a wijk's content (items, occurrences, themes,
 * images, links, sent newsletters) and 'platform' for places themselves, documents and the rest,
 * so a page that shows one wijk names that wijk and stays cached while other wijken change.
 */
import type { AppContext } from '../../kernel/context.js'
import { pageDependsOn } from '../../kernel/http/page-cache.js'

/** The scope of one wijk's content, as the triggers name it. */
export function wijkScope(wijkId: number): string {
  return `wijk:${wijkId}`
}

/** This page shows what is platform-wide and the content of these wijken, nothing else. */
export function pageShowsWijken(c: AppContext, wijkIds: readonly number[]): void {
  pageDependsOn(c, wijkIds.map(wijkScope))
}

/**
 * Rows of one wijk's own (its themes, its links) that every page of it reads: kept in memory
 * while that wijk's content and the platform are unchanged. `what` names the rows.
 */
export function rememberForWijk<T>(c: AppContext, wijkId: number, what: string, load: () => Promise<T>): Promise<T> {
  return c.get('deps').publicMemo.remember(`${what}:${wijkId}`, [wijkScope(wijkId)], load)
}

/** Platform-wide rows (a wijk itself, its city and postcodes): kept while the platform is unchanged. */
export function rememberPlatformWide<T>(c: AppContext, key: string, load: () => Promise<T>): Promise<T> {
  return c.get('deps').publicMemo.remember(key, [], load)
}

/**
 * Links of one wijk's public site for the current request: relative ones through wijkHref (so
 * custom host names work) and absolute ones for canonical URLs, feeds and the sitemap.
 */
import type { AppContext, WijkHosts } from '../../kernel/context.js'
import type { Config } from '../../config/env.js'
import { wijkHref } from '../places/wijk-href.js'
import { rememberForWijk } from '../places/places.cache.js'
import { listThemes, type Theme } from '../content/content.themes.js'
import type { WijkPreview } from '../places/places.queries.js'
import { listCategories } from './wijk-site.queries.js'
import { itemPathInWijk, type Module } from '../content/content.urls.js'
import type { ContentType } from '../content/content.tables.js'

export interface WijkRef {
  id: number
  slug: string
  hostName: string | null
}

/** Where absolute wijk addresses are made: the platform's address and the host names served now. */
export interface SiteAddress {
  config: Pick<Config, 'publicBaseUrl'>
  hostMap: Pick<WijkHosts, 'lookup'>
}

/**
 * The absolute address of a wijk page: on its own host name if it has one that is served now (a
 * name set under a package that lapsed is not, host-map.ts), else at the platform's address.
 */
export function absoluteWijkUrl(site: SiteAddress, wijk: WijkRef, path: string): string {
  const { config, hostMap } = site
  if (wijk.hostName && hostMap.lookup(wijk.hostName)?.id === wijk.id) return `${new URL(config.publicBaseUrl).protocol}//${wijk.hostName}${path}`
  return `${config.publicBaseUrl}/${wijk.slug}${path}`
}

/** Path plus the given query parameters, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

export function siteLinks(c: AppContext, wijk: WijkRef) {
  const site = c.get('deps')
  return {
    href: (path: string) => wijkHref(c, wijk, path),
    abs: (path: string) => absoluteWijkUrl(site, wijk, path),
    module: (m: Module) => wijkHref(c, wijk, `/${m}`),
    item: (item: { id: number; slug: string; type: ContentType }) => wijkHref(c, wijk, itemPathInWijk(item)),
    itemAbs: (item: { id: number; slug: string; type: ContentType }) => absoluteWijkUrl(site, wijk, itemPathInWijk(item)),
  }
}
export type SiteLinks = ReturnType<typeof siteLinks>

/** The wijk's themes, read once while the wijk is unchanged (every list and the home show them). */
export function themesOfWijk(c: AppContext, wijkId: number) {
  return rememberForWijk(c, wijkId, 'themes', () => listThemes(c.get('deps').db, wijkId))
}

/**
 * One of the wijk's themes by its slug (a ?thema= filter), from the kept list: a filtered page
 * needs no read of its own for it. Null when the wijk has no such theme.
 */
export async function themeOfWijk(c: AppContext, wijkId: number, slug: string): Promise<Theme | null> {
  return (await themesOfWijk(c, wijkId)).find((theme) => theme.slug === slug) ?? null
}

/**
 * The Prikbord's categories with a visible item, read once while the wijk is unchanged: every
 * Prikbord page shows them, and their read was the second statement of each. Items expire with
 * time alone, so the memo's minute of business time bounds how long an expired one's category
 * stays, as it does for the cached page. A preview of an unlaunched wijk reads them fresh.
 */
export function prikbordCategories(c: AppContext, wijk: { id: number; preview?: WijkPreview }): Promise<string[]> {
  const { db, clock } = c.get('deps')
  if (wijk.preview) return listCategories(db, clock.now(), wijk.id, wijk.preview)
  return rememberForWijk(c, wijk.id, 'prikbord-categories', () => listCategories(db, clock.now(), wijk.id))
}

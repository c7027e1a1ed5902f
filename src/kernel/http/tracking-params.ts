/**
 * Click and campaign identifiers that other sites and mail tools append to our links (Google,
 * Meta, Microsoft, TikTok, Mailchimp, HubSpot, and every `utm_*`). No page reads them. Left in
 * place they would do harm twice: a click id (fbclid, gclid) is unique per click, so every
 * visitor who comes in through a shared post would miss the page cache and cost a full render,
 * and the id, which ties this visit to a profile elsewhere, would stay in the address bar and in
 * every link a visitor copies on. A GET that carries one is sent on, permanently, to the same
 * address without them: one short answer that needs no database, then a page the cache can keep.
 */
import type { MiddlewareHandler } from 'hono'

const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'yclid',
  'srsltid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
])

function isTrackingName(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.startsWith('utm_') || TRACKING_NAMES.has(lower)
}

function decodedName(pair: string): string {
  const raw = pair.split('=', 1)[0]!
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return raw
  }
}

/**
 * `search` (with its "?") without the tracking parameters, the others kept byte for byte in their
 * order; null when there is nothing to drop.
 */
export function withoutTrackingParams(search: string): string | null {
  const pairs = search.slice(1).split('&')
  const kept = pairs.filter((pair) => !isTrackingName(decodedName(pair)))
  if (kept.length === pairs.length) return null
  const rest = kept.filter((pair) => pair !== '').join('&')
  return rest === '' ? '' : `?${rest}`
}

/** Sends a GET or HEAD that carries tracking parameters to the same address without them (301). */
export const dropTrackingParams: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
  const url = c.req.url
  const queryAt = url.indexOf('?')
  if (queryAt === -1) return next()
  const clean = withoutTrackingParams(url.slice(queryAt))
  if (clean === null) return next()
  return c.redirect(new URL(url).pathname + clean, 301)
}

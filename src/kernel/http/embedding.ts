/**
 * Answers that other sites may use. The app-wide security headers forbid framing
 * (frame-ancestors 'none') and loading from other origins (Cross-Origin-Resource-Policy:
 * same-origin); a route that is meant to be embedded says so on its context, and
 * `embeddingHeaders`, mounted before the security headers, rewrites their answer on the way out.
 * The security-header middleware writes its headers after the route ran, so a route cannot set
 * these itself.
 *
 * @example allowEmbedding(c, { frameAncestors: partner.origins })   // an iframe page
 * @example allowEmbedding(c, { crossOriginScript: true })          // a script other sites load
 */
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../context.js'
import type { Embedding } from './embedding.types.js'

export type { Embedding }

export function allowEmbedding(c: AppContext, embedding: Embedding): void {
  c.set('embedding', embedding)
}

/** A CSP source list may not carry spaces, semicolons or commas: an origin with one is left out. */
const SAFE_SOURCE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i

function withFrameAncestors(csp: string, origins: readonly string[]): string {
  const sources = origins.filter((o) => o === "'self'" || SAFE_SOURCE.test(o))
  const value = `frame-ancestors ${sources.length > 0 ? sources.join(' ') : "'none'"}`
  const directives = csp.split(';').map((d) => d.trim()).filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d))
  return [...directives, value].join('; ')
}

export const embeddingHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const embedding = c.get('embedding')
  if (!embedding) return
  if (embedding.frameAncestors) {
    const csp = c.res.headers.get('Content-Security-Policy') ?? ''
    c.res.headers.set('Content-Security-Policy', withFrameAncestors(csp, embedding.frameAncestors))
    // frame-ancestors decides; the older header would contradict it in browsers that still read it.
    c.res.headers.delete('X-Frame-Options')
  }
  if (embedding.crossOriginScript) c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
}

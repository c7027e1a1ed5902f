/**
 * HTTP manners of the partner API: queries read through zod with a problem answer naming each
 * parameter that does not fit, and JSON answers with an ETag, so a partner that polls gets a
 * 304 without a body when nothing changed.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { PageCache } from '../../kernel/http/page-cache.js'
import { queryValues } from '../../kernel/http/params.js'
import { problem } from '../../kernel/http/problem.js'

/** Partners' programs may keep an answer a minute; it is theirs alone (the scope is per key). */
const CACHE_CONTROL = 'private, max-age=60'

export type Read<T> = { ok: true; data: T } | { ok: false; response: Response }

export function readApiQuery<S extends z.ZodType>(c: AppContext, schema: S): Read<z.output<S>> {
  const parsed = schema.safeParse(queryValues(c.req.url))
  if (parsed.success) return { ok: true, data: parsed.data }
  const t = c.get('t')
  const errors = parsed.error.issues.map((issue) => ({
    parameter: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.'),
    detail: issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message,
  }))
  return { ok: false, response: problem(400, 'bad_query', t('partners.api.badQuery.title'), t('partners.api.badQuery.detail'), { errors }) }
}

/** The answer as JSON with its ETag (conditionalAnswers turns it into a 304 for a client that holds it). */
export function jsonAnswer(c: AppContext, body: unknown, contentType = 'application/json'): Response {
  const text = JSON.stringify(body)
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
  const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Authorization, Accept' }
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': `${contentType}; charset=utf-8` } })
}

/** Turns every answer the client already holds (If-None-Match) into a 304, kept or fresh alike. */
export const conditionalAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  // Only a 304 replaces the answer: assigning c.res makes Hono copy the answer and its headers.
  const answer = unlessHeld(c, c.res)
  if (answer !== c.res) c.res = answer
}

/** 304 without a body when the client's If-None-Match names this answer's ETag. */
function unlessHeld(c: AppContext, res: Response): Response {
  const etag = res.headers.get('etag')
  const held = c.req.header('if-none-match')
  // Weak comparison (RFC 9110 §13.1.2): a kept answer sent gzipped carries the weak form of the tag.
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  if (res.status !== 200 || !etag || !held || !held.split(',').some((tag) => opaque(tag) === opaque(etag))) return res
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': res.headers.get('cache-control') ?? CACHE_CONTROL, Vary: 'Authorization, Accept' } })
}

/**
 * Answers kept in the page cache under the same rules as public pages (valid while nothing public
 * changed, at most a minute): an API answer depends only on the agreement's scope, the URL and
 * the media type, so partners of the same scope share it. The key is still checked on every
 * request (before this); the changes feed is never kept (its cursor moves with time alone).
 */
export function cachedAnswers(cache: PageCache, skip: (path: string) => boolean = () => false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const partner = c.get('actor').partner
    if (c.req.method !== 'GET' || !partner || skip(c.req.path)) return next()
    const key = `partner-api|${partner.wijkIds.join(',')}|${partner.types.join(',')}|${c.req.url}|${wantsJsonLd(c) ? 'ld' : 'json'}`
    return cache.through(c, next, key)
  }
}

/** The client asks for schema.org JSON-LD rather than our JSON. */
export function wantsJsonLd(c: AppContext): boolean {
  return /application\/ld\+json/i.test(c.req.header('accept') ?? '')
}

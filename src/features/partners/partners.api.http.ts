/**
 * HTTP manners of the partner API: queries read through zod with a problem answer naming each
 * parameter that does not fit, and JSON answers with an ETag, so a partner that polls gets a
 * 304 without a body when nothing changed.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { AppContext } from '../../kernel/context.js'
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

/** The answer as JSON with its ETag; 304 when the client holds this very answer. */
export function jsonAnswer(c: AppContext, body: unknown, contentType = 'application/json'): Response {
  const text = JSON.stringify(body)
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
  const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Authorization, Accept' }
  const held = c.req.header('if-none-match')
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers })
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': `${contentType}; charset=utf-8` } })
}

/** The client asks for schema.org JSON-LD rather than our JSON. */
export function wantsJsonLd(c: AppContext): boolean {
  return /application\/ld\+json/i.test(c.req.header('accept') ?? '')
}

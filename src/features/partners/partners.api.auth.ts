/**
 * The partner API's door: a request must present an API key (Authorization: Bearer …) of an
 * agreement in force. The key is checked on every request, so revoking it or suspending,
 * ending or letting the agreement lapse cuts access at once. A valid key makes the request's
 * actor the partner, with its scope; the routes' guards then decide through the policy like
 * every other route. Every refusal is a problem answer (RFC 9457), never data.
 */
import type { MiddlewareHandler } from 'hono'
import type { KeyMeter } from './partners.api.meter.js'
import type { AppEnv } from '../../kernel/context.js'
import { problem } from '../../kernel/http/problem.js'
import { localDate, toLocal } from '../content/content.recurrence.js'
import { judgeKey, type PartnerAccess } from './partners.access.js'
import type { KnownKeys } from './partners.api.known-keys.js'

const BEARER = /^Bearer +([^\s]+)$/i

const REFUSALS = {
  unknown: ['key_unknown', 'partners.api.keyUnknown.title', 'partners.api.keyUnknown.detail'],
  revoked: ['key_revoked', 'partners.api.keyRevoked.title', 'partners.api.keyRevoked.detail'],
  'not-in-force': ['agreement_not_in_force', 'partners.api.notInForce.title', 'partners.api.notInForce.detail'],
} as const

const accessOf = new WeakMap<object, PartnerAccess>()

/** The access of the partner whose key this request presented (after `partnerKeyAuth`). */
export function partnerAccess(c: { req: { raw: Request } }): PartnerAccess {
  const access = accessOf.get(c.req.raw)
  if (!access) throw new Error('partnerAccess() on a route without partnerKeyAuth')
  return access
}

export interface KeyCheckParts {
  /** Rate limits and use counts (one per platform: boot.ts). */
  meter: KeyMeter
  /** Keys remembered under the public version. */
  known: KnownKeys
  /** The public version this process knows (the page cache's). */
  version: () => Promise<string | null>
}

/** The door. */
export const partnerKeyAuth = ({ meter, known, version }: KeyCheckParts): MiddlewareHandler<AppEnv> => async (c, next) => {
  const t = c.get('t')
  const challenge = { 'WWW-Authenticate': 'Bearer realm="WijkConnect partner API"' }
  const presented = BEARER.exec(c.req.header('authorization') ?? '')
  if (!presented) return problem(401, 'key_missing', t('partners.api.keyMissing.title'), t('partners.api.keyMissing.detail'), { headers: challenge })

  const { db, clock } = c.get('deps')
  const now = clock.now()
  const check = judgeKey(await known.record(db, presented[1]!, await version(), now.getTime()), now)
  if (!check.ok) {
    const [code, title, detail] = REFUSALS[check.reason]
    return problem(401, code, t(title), t(detail), { headers: challenge })
  }
  const { access } = check
  const limit = meter.hit(access.keyId, access.ratePerMinute, now)
  if (!limit.allowed) {
    return problem(429, 'rate_limited', t('partners.api.rateLimited.title'), t('partners.api.rateLimited.detail', { max: access.ratePerMinute, seconds: limit.retryAfterSeconds }), {
      headers: { 'Retry-After': String(limit.retryAfterSeconds) },
    })
  }
  meter.count(access.keyId, localDate(toLocal(now)), now)
  accessOf.set(c.req.raw, access)
  // The partner, not whoever's browser cookie came along: a session gives the API nothing.
  c.set('actor', { user: null, roles: [], partner: { partnerId: access.partnerId, wijkIds: access.wijkIds, types: access.types } })
  await next()
}

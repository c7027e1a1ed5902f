/**
 * CSRF protection for every state-changing request, in three layers:
 * 1. the browser must say the request is same-origin (Origin, or Sec-Fetch-Site);
 * 2. the body must be a real form encoding (no text/plain, no missing Content-Type);
 * 3. the form must carry a token: the session's own, or for visitors a signed, dated token.
 * Visitor tokens need no cookie, so anonymous pages set none (P15).
 *
 * One narrow exception: the RFC 8058 one-click unsubscribe of newsletters (P25) and of alerts and
 * digests (ONE_CLICK_UNSUBSCRIBE_PATHS). A mail client
 * POSTs `List-Unsubscribe=One-Click` to the address in the List-Unsubscribe header, from no page
 * and with no session, Origin or token. That exact path (with its 256-bit secret) and that exact
 * body skip the checks above: the secret in the path is the authorisation, and all it can do is
 * end the one subscription it belongs to. Any other request to that path is checked as usual.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../context.js'
import { csrfFailed } from './errors.js'
import { hmac, safeEqual } from '../auth/tokens.js'
import { HOUR } from '../clock.js'
import { parsedBody } from './body.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])
const VISITOR_TOKEN_TTL = 24 * HOUR

export const CSRF_FIELD = '_csrf'

/** The last visitor token made: every visitor request within the same second is handed the same one. */
let lastVisitorToken: { secret: string; issued: string; token: string } | undefined

/**
 * A visitor's form token, dated to the second. Every anonymous request gets one, so it is
 * signed once per second rather than once per request (an HMAC was 4 % of a kept API answer).
 */
export function visitorToken(secret: string, now: Date): string {
  const ms = now.getTime()
  const issued = (ms - (ms % 1000)).toString(36)
  if (lastVisitorToken?.secret === secret && lastVisitorToken.issued === issued) return lastVisitorToken.token
  const token = `v.${issued}.${hmac(secret, `csrf:${issued}`)}`
  lastVisitorToken = { secret, issued, token }
  return token
}

function visitorTokenValid(secret: string, token: string, now: Date): boolean {
  const [prefix, issued, sig] = token.split('.')
  if (prefix !== 'v' || !issued || !sig) return false
  const age = now.getTime() - parseInt(issued, 36)
  return age >= -60_000 && age <= VISITOR_TOKEN_TTL && safeEqual(sig, hmac(secret, `csrf:${issued}`))
}

function sameOrigin(origin: string, requestUrl: string, host: string | undefined, publicBaseUrl: string): boolean {
  let o: URL
  try {
    o = new URL(origin)
  } catch {
    return false
  }
  if (o.origin === new URL(publicBaseUrl).origin) return true
  if (o.origin === new URL(requestUrl).origin) return true
  // Behind a TLS-terminating proxy the app sees http while the browser says https.
  return host !== undefined && o.host === host
}

/** The media type of a Content-Type header, exactly as sent (a mixed-case type is refused). */
function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim()
}

/**
 * The one-click unsubscribe addresses, each ending in its 256-bit secret: a newsletter
 * subscription (features/newsletter) and a person's alerts and digests (features/alerts, whose
 * secret only switches them to 'never').
 */
const ONE_CLICK_UNSUBSCRIBE_PATHS = [/^\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]{43}$/, /^\/afmelden\/meldingen\/[A-Za-z0-9_-]{43}$/]

/** The body a mail client posts for an RFC 8058 one-click unsubscribe. */
export async function isOneClickBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<boolean> {
  return (await parsedBody(c))['List-Unsubscribe'] === 'One-Click'
}

async function isOneClickUnsubscribe(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<boolean> {
  if (c.req.method !== 'POST') return false
  const path = new URL(c.req.url).pathname
  if (!ONE_CLICK_UNSUBSCRIBE_PATHS.some((p) => p.test(path))) return false
  if (!FORM_TYPES.has(mediaType(c.req.header('content-type')) ?? '')) return false
  return isOneClickBody(c)
}

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next()
  if (await isOneClickUnsubscribe(c)) return next()
  const { config, clock } = c.get('deps')

  const fetchSite = c.req.header('sec-fetch-site')
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') throw csrfFailed()
  const origin = c.req.header('origin')
  if (origin === undefined) {
    if (fetchSite !== 'same-origin') throw csrfFailed()
  } else if (!sameOrigin(origin, c.req.url, c.req.header('host'), config.publicBaseUrl)) {
    throw csrfFailed()
  }

  if (!FORM_TYPES.has(mediaType(c.req.header('content-type')) ?? '')) throw csrfFailed()

  const body = await parsedBody(c)
  const token = body[CSRF_FIELD]
  if (typeof token !== 'string') throw csrfFailed()
  const sessionToken = c.get('sessionId') ? c.get('csrfToken') : null
  const valid = sessionToken
    ? safeEqual(token, sessionToken)
    : visitorTokenValid(config.sessionSecret, token, clock.now())
  if (!valid) throw csrfFailed()
  return next()
}

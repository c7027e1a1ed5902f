import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * The client's address, only ever used (hashed) as a rate-limit key; never stored or logged.
 * X-Forwarded-For is believed only behind a trusted proxy (TRUST_PROXY=1), using the address the
 * proxy itself appended, so a client cannot pick its own.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.split(',').pop()?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * Device cookies against lock-out (OWASP "Slow Down Online Guessing Attacks with Device Cookies";
 * docs/decisions/009-device-cookies-for-login-limits.md). A browser in which someone logged in
 * successfully gets a cookie that names that login: a random nonce and an HMAC over the address
 * and the nonce. Its later attempts for that address count only against its own allowance, so a
 * stranger who exhausts the account's limit from many addresses cannot lock the owner out of a
 * device they have used before. The cookie holds no personal data (the address is only inside the
 * HMAC), is sent only to /account, and is set only after a successful login, never for visitors.
 */
import { getCookie, setCookie } from 'hono/cookie'
import { randomBytes } from 'node:crypto'
import type { AppContext } from '../../kernel/context.js'
import { hmac, safeEqual } from '../../kernel/auth/tokens.js'
import { DAY } from '../../kernel/clock.js'

export const DEVICE_COOKIE = 'wc_device'
/** Several people may share a browser; each keeps their own entry, the newest first. */
const MAX_ENTRIES = 5
const LIFETIME_MS = 180 * DAY

function signature(secret: string, email: string, nonce: string): string {
  return hmac(secret, `device-cookie\n${email.toLowerCase()}\n${nonce}`).slice(0, 32)
}

function entries(c: AppContext): string[] {
  const raw = getCookie(c, DEVICE_COOKIE) ?? ''
  return raw.split('~').filter((e) => /^[\w-]{16,64}\.[\w-]{32}$/.test(e)).slice(0, MAX_ENTRIES)
}

function nonceIn(entry: string, secret: string, email: string): string | null {
  const [nonce = '', sig = ''] = entry.split('.')
  return safeEqual(sig, signature(secret, email, nonce)) ? nonce : null
}

/** The nonce of this browser's valid device cookie for the address, or null. */
export function trustedDeviceFor(c: AppContext, email: string): string | null {
  const secret = c.get('deps').config.sessionSecret
  for (const entry of entries(c)) {
    const nonce = nonceIn(entry, secret, email)
    if (nonce) return nonce
  }
  return null
}

/** After a successful login: a fresh entry for this address, the other addresses' entries kept. */
export function issueDeviceCookie(c: AppContext, email: string): void {
  const { config } = c.get('deps')
  const nonce = randomBytes(18).toString('base64url')
  const others = entries(c).filter((e) => nonceIn(e, config.sessionSecret, email) === null)
  const value = [`${nonce}.${signature(config.sessionSecret, email, nonce)}`, ...others].slice(0, MAX_ENTRIES).join('~')
  setCookie(c, DEVICE_COOKIE, value, {
    path: '/account',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.isProduction,
    maxAge: Math.floor(LIFETIME_MS / 1000),
  })
}

/**
 * A stranger cannot lock the owner out (issue 10 item 2): failures from many addresses fill the
 * account's counter, but a browser in which the owner logged in before keeps its own allowance.
 * Every request says where it comes from through a trusted proxy (TRUST_PROXY=1).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser } from '../../../test/factories.js'
import { DEVICE_COOKIE } from './accounts.device-cookie.js'

let p: TestPlatform
beforeAll(async () => {
  p = await createTestPlatform({ TRUST_PROXY: '1' })
})
afterAll(() => p.stop())

const from = (address: string) => ({ 'x-forwarded-for': address })

/** One login attempt in a browser that has only the given device cookie (or none). */
async function attempt(email: string, password: string, address: string, deviceCookie?: string) {
  const client = p.client()
  if (deviceCookie) client.cookies.set(DEVICE_COOKIE, deviceCookie)
  await client.get('/account/inloggen', from(address))
  const res = await client.post('/account/inloggen', { email, password }, { headers: from(address) })
  return { status: res.status, device: client.cookies.get(DEVICE_COOKIE) }
}

/** 50 wrong passwords for the account from 10 addresses, as in the report. */
async function strangerGuesses(email: string, prefix: string) {
  for (let a = 0; a < 10; a++) for (let i = 0; i < 5; i++) await attempt(email, `guess-${a}-${i}`, `203.0.113.${a + 1}`)
  // The account is now closed to every browser without a device cookie.
  expect((await attempt(email, 'one-more-guess', `${prefix}.200`)).status).toBe(429)
}

describe('device cookies', () => {
  it('let the owner log in from a browser used before, while a stranger has filled the account limit', async () => {
    const owner = await buildUser(p)
    const first = await attempt(owner.email, owner.password, '198.51.100.10')
    expect(first.status).toBe(303)
    expect(first.device).toBeDefined()
    // The cookie names nobody: the address is only inside an HMAC.
    expect(decodeURIComponent(first.device!)).not.toContain(owner.email)

    await strangerGuesses(owner.email, '192.0.2')

    // The owner, in that browser and from a new address, gets in.
    expect((await attempt(owner.email, owner.password, '198.51.100.77', first.device)).status).toBe(303)
    // Without the cookie the account stays closed: guessing stays slow for everyone else.
    expect((await attempt(owner.email, owner.password, '198.51.100.78')).status).toBe(429)
  })

  it('give a device only its own small allowance; spent, it counts like any other browser', async () => {
    const owner = await buildUser(p)
    const { device } = await attempt(owner.email, owner.password, '198.51.100.20')
    for (let i = 0; i < 10; i++) expect((await attempt(owner.email, `wrong-${i}`, '198.51.100.21', device)).status).toBe(422)
    // Allowance spent: the ordinary per-client counter applies (5 failures), then 429.
    for (let i = 0; i < 5; i++) expect((await attempt(owner.email, `more-${i}`, '198.51.100.21', device)).status).toBe(422)
    expect((await attempt(owner.email, owner.password, '198.51.100.21', device)).status).toBe(429)
  })

  it('count only for the address they were issued for: a stranger cannot bring their own', async () => {
    const owner = await buildUser(p)
    const stranger = await buildUser(p)
    const strangers = await attempt(stranger.email, stranger.password, '203.0.113.50')
    expect(strangers.status).toBe(303)
    await strangerGuesses(owner.email, '192.0.3')
    expect((await attempt(owner.email, 'guess-with-own-cookie', '203.0.113.51', strangers.device)).status).toBe(429)
    // A forged entry is worthless too.
    expect((await attempt(owner.email, owner.password, '203.0.113.52', `${'a'.repeat(24)}.${'b'.repeat(32)}`)).status).toBe(429)
  })

  it('keep one entry per account in a shared browser, and are sent only to /account', async () => {
    const a = await buildUser(p)
    const b = await buildUser(p)
    const first = await attempt(a.email, a.password, '198.51.100.30')
    const client = p.client()
    client.cookies.set(DEVICE_COOKIE, first.device!)
    await client.get('/account/inloggen', from('198.51.100.30'))
    const res = await client.post('/account/inloggen', { email: b.email, password: b.password }, { headers: from('198.51.100.30') })
    expect(res.res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))).toMatch(/Path=\/account;.*HttpOnly/i)
    expect(client.cookies.get(DEVICE_COOKIE)!.split('~')).toHaveLength(2)
    await strangerGuesses(a.email, '192.0.4')
    expect((await attempt(a.email, a.password, '198.51.100.31', client.cookies.get(DEVICE_COOKIE))).status).toBe(303)
  })
})

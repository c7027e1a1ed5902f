/**
 * Login, sessions, logout and login rate limits, through HTTP on the real database.
 *
 * About clients: the rate limits key on the client address. Through app.request there is no
 * socket, so every request comes from the same client ("unknown") unless the platform runs with
 * TRUST_PROXY=1, where the address the proxy appended to X-Forwarded-For is the client. The
 * per-account+client and per-client limits are tested on the default platform (one client), the
 * "owner can still log in from elsewhere" case on a platform behind a trusted proxy.
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { users } from './accounts.tables.js'
import { signupFields, signUp, uniqueEmail, mailTo, linkIn } from './accounts.test-helpers.js'

const COOKIE = 'wc_session'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())
// A fresh quarter of an hour per test: the failures of one test never count in the next.
beforeEach(() => t.clock.advance({ minutes: 16 }))

async function tryLogin(client: TestClient, email: string, password: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  await client.get('/account/inloggen', headers)
  return client.post('/account/inloggen', { email, password, ...extra }, { headers })
}

async function sessionRows(userId: string) {
  return t.deps.db.select({ tokenHash: sessions.tokenHash, device: sessions.device }).from(sessions).where(eq(sessions.userId, userId))
}

describe('logging in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie (no Secure outside production) and lands on the home page without a wijk', async () => {
    const user = await buildUser(t)
    const client = t.client()
    const res = await tryLogin(client, user.email, user.password, {}, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/')
    const cookie = res.res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/; Secure/)
    expect((await client.get('/mijn-gegevens')).status).toBe(200)
    const [row] = await t.deps.db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id))
    expect(row?.lastLoginAt?.toISOString()).toBe(t.clock.now().toISOString())
    expect((await sessionRows(user.id)).map((s) => s.device)).toEqual(['Firefox · Linux'])
  })

  it('stores the session token only as its SHA-256', async () => {
    const user = await buildUser(t)
    const client = t.client()
    await login(client, user)
    const token = client.cookies.get(COOKIE)!
    expect(token.length).toBeGreaterThanOrEqual(43) // 256 bits, base64url
    const rows = await sessionRows(user.id)
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)])
    const everything = JSON.stringify(await t.deps.db.select().from(sessions))
    expect(everything).not.toContain(token)
  })

  it('gives a new session at every login and ends the one the browser had (rotation)', async () => {
    const user = await buildUser(t)
    const client = t.client()
    await login(client, user)
    const first = client.cookies.get(COOKIE)!
    await client.get('/mijn-gegevens')
    const again = await client.post('/account/inloggen', { email: user.email, password: user.password })
    expect(again.status).toBe(303)
    const second = client.cookies.get(COOKIE)!
    expect(second).not.toBe(first)
    expect((await sessionRows(user.id)).map((r) => r.tokenHash)).toEqual([hashToken(second)])
    const replay = await t.client().request('/mijn-gegevens', { headers: { cookie: `${COOKIE}=${first}` } })
    expect(replay.status).toBe(303)
    expect(replay.headers.get('location')).toBe('/account/inloggen?volgende=%2Fmijn-gegevens')
  })

  it('gives the same answer for a wrong password and for an unknown address', async () => {
    const user = await buildUser(t)
    const wrong = await tryLogin(t.client(), user.email, 'not-the-password')
    const unknownEmail = uniqueEmail('nobody')
    const unknown = await tryLogin(t.client(), unknownEmail, 'not-the-password')
    expect(wrong.status).toBe(422)
    expect(unknown.status).toBe(422)
    expect(wrong.text).toContain('Het e-mailadres of het wachtwoord klopt niet.')
    // The whole page is the same, apart from the address that was typed.
    expect(unknown.text.replace(unknownEmail, 'X')).toBe(wrong.text.replace(user.email, 'X'))
    expect(wrong.body).not.toContain('not-the-password')
    expect(wrong.res.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=`))).toBe(false)
  })

  it('refuses an unconfirmed account, says so only with the right password, and offers a new link', async () => {
    const fields = signupFields()
    await signUp(t.client(), fields)
    const wrong = await tryLogin(t.client(), fields.email!, 'not-the-password')
    expect(wrong.text).toContain('Het e-mailadres of het wachtwoord klopt niet.')
    expect(wrong.text).not.toContain('bevestigen')
    const right = await tryLogin(t.client(), fields.email!, fields.password!)
    expect(right.status).toBe(403)
    expect(right.text).toContain('Je moet je e-mailadres nog bevestigen')
    expect(right.body).toContain('action="/account/bevestigen/opnieuw"')
    expect(right.res.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=`))).toBe(false)
    // After confirming, the same password logs in.
    const link = linkIn(await mailTo(t, fields.email!, 'Bevestig'), '/account/bevestigen')
    await t.client().get(link)
    expect((await tryLogin(t.client(), fields.email!, fields.password!)).status).toBe(303)
  })

  it('goes back to the page that asked for a login, and never to another site', async () => {
    const user = await buildUser(t)
    const asked = await t.client().get('/mijn-gegevens')
    expect(asked.location).toBe('/account/inloggen?volgende=%2Fmijn-gegevens')
    const client = t.client()
    const form = await client.get('/account/inloggen?volgende=%2Fmijn-gegevens%3Fx%3D1')
    expect(form.body).toContain('name="volgende" value="/mijn-gegevens?x=1"')
    const res = await client.post('/account/inloggen', { email: user.email, password: user.password, volgende: '/mijn-gegevens?x=1' })
    expect(res.location).toBe('/mijn-gegevens?x=1')
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const c = t.client()
      const r = await tryLogin(c, user.email, user.password, { volgende: evil })
      expect(r.location, evil).toBe('/')
    }
  })

  it('answers a malformed login form with 422 and the typed address kept', async () => {
    const client = t.client()
    await client.get('/account/inloggen')
    const page = await client.post('/account/inloggen', { email: 'not an address', password: '' })
    expect(page.status).toBe(422)
    expect(page.body).toContain('value="not an address"')
    expect(page.body).toContain('id="password-error"')
  })
})

describe('logging out', () => {
  it('ends the session: the old cookie no longer works', async () => {
    const user = await buildUser(t)
    const client = t.client()
    await login(client, user)
    const token = client.cookies.get(COOKIE)!
    await client.get('/mijn-gegevens')
    const res = await client.post('/account/uitloggen', {})
    expect(res.status).toBe(303)
    expect(res.location).toBe('/?melding=flash.accounts.loggedOut')
    expect(client.cookies.has(COOKIE)).toBe(false)
    expect(await sessionRows(user.id)).toHaveLength(0)
    const replay = await t.client().request('/mijn-gegevens', { headers: { cookie: `${COOKIE}=${token}` } })
    expect(replay.status).toBe(303)
  })
})

describe('login rate limits (every request here comes from the same client)', () => {
  it('refuses the 6th try for one account from one client with 429 and Retry-After, even with the right password', async () => {
    const user = await buildUser(t)
    for (let i = 0; i < 5; i++) expect((await tryLogin(t.client(), user.email, `wrong-${i}`)).status).toBe(422)
    const blocked = await tryLogin(t.client(), user.email, user.password)
    expect(blocked.status).toBe(429)
    const retryAfter = Number(blocked.res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(blocked.text).toContain('Te veel mislukte pogingen om in te loggen')
    expect(blocked.body).toContain(`value="${user.email}"`)
    // The limit is per account: another account from the same client still gets in.
    const other = await buildUser(t)
    expect((await tryLogin(t.client(), other.email, other.password)).status).toBe(303)
    // After the window the owner gets in again.
    t.clock.advance({ minutes: 15, seconds: 1 })
    expect((await tryLogin(t.client(), user.email, user.password)).status).toBe(303)
  })

  it('counts an unknown address like a known one', async () => {
    const email = uniqueEmail('ghost')
    for (let i = 0; i < 5; i++) expect((await tryLogin(t.client(), email, 'whatever-it-is')).status).toBe(422)
    expect((await tryLogin(t.client(), email, 'whatever-it-is')).status).toBe(429)
  })

  it('clears the account+client counter after a successful login', async () => {
    const user = await buildUser(t)
    for (let i = 0; i < 4; i++) await tryLogin(t.client(), user.email, `wrong-${i}`)
    expect((await tryLogin(t.client(), user.email, user.password)).status).toBe(303)
    for (let i = 0; i < 5; i++) expect((await tryLogin(t.client(), user.email, `again-${i}`)).status).toBe(422)
    expect((await tryLogin(t.client(), user.email, user.password)).status).toBe(429)
  })

  it('refuses a client after 30 failures across accounts, until the window has passed', async () => {
    for (let i = 0; i < 30; i++) expect((await tryLogin(t.client(), uniqueEmail(`spray${i}`), 'Zomer2026!')).status).toBe(422)
    const user = await buildUser(t)
    const blocked = await tryLogin(t.client(), user.email, user.password)
    expect(blocked.status).toBe(429)
    expect(blocked.res.headers.get('retry-after')).not.toBeNull()
    t.clock.advance({ minutes: 15, seconds: 1 })
    expect((await tryLogin(t.client(), user.email, user.password)).status).toBe(303)
  })

  it('is not bypassed by a made-up X-Forwarded-For header when there is no trusted proxy', async () => {
    const user = await buildUser(t)
    for (let i = 0; i < 5; i++) await tryLogin(t.client(), user.email, `wrong-${i}`, {}, { 'x-forwarded-for': `198.51.100.${i}` })
    const res = await tryLogin(t.client(), user.email, user.password, {}, { 'x-forwarded-for': '203.0.113.99' })
    expect(res.status).toBe(429)
  })
})

describe('logs', () => {
  it('hold no password, session token, link token or email address', async () => {
    const fields = signupFields({ email: uniqueEmail('logcanary'), password: 'canary-passphrase-4821' })
    await signUp(t.client(), fields)
    const link = linkIn(await mailTo(t, fields.email!, 'Bevestig'), '/account/bevestigen')
    await t.client().get(link)
    const client = t.client()
    await tryLogin(client, fields.email!, 'canary-wrong-password-77')
    await tryLogin(client, fields.email!, fields.password!)
    const sessionToken = client.cookies.get(COOKIE)!
    const logs = t.logs()
    expect(logs).toContain('"event":"account.login"')
    expect(logs).toContain('"event":"account.login.failed"')
    for (const secret of [fields.password!, 'canary-wrong-password-77', sessionToken, new URL(link, 'http://x').searchParams.get('token')!, fields.email!, 'logcanary']) {
      expect(logs).not.toContain(secret)
    }
  })
})

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  let p: TestPlatform
  beforeAll(async () => {
    p = await createTestPlatform({ TRUST_PROXY: '1' })
  })
  afterAll(() => p.stop())

  it('still lets the owner log in from another client while an attacker is blocked', async () => {
    const user = await buildUser(p)
    const attacker = { 'x-forwarded-for': '203.0.113.7' }
    const owner = { 'x-forwarded-for': '198.51.100.20' }
    const attempt = async (password: string, headers: Record<string, string>) => {
      const client = p.client()
      await client.get('/account/inloggen', headers)
      return client.post('/account/inloggen', { email: user.email, password }, { headers })
    }
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`, attacker)).status).toBe(422)
    expect((await attempt(`guess-5`, attacker)).status).toBe(429)
    expect((await attempt(user.password, owner)).status).toBe(303)
    expect((await attempt(user.password, attacker)).status).toBe(429)
  })
})

describe('in production', () => {
  let p: TestPlatform
  beforeAll(async () => {
    p = await createTestPlatform({
      NODE_ENV: 'production',
      ARCHIVE_KEY: 'a'.repeat(64),
      OPERATOR_NAME: 'Stichting Test',
      OPERATOR_ADDRESS: 'Teststraat 1, 1234 AB Test',
      OPERATOR_KVK: '12345678',
      OPERATOR_EMAIL: 'privacy@example.test',
    })
  })
  afterAll(() => p.stop())

  it('marks the session cookie Secure and uses the __Host- prefix', async () => {
    const user = await buildUser(p)
    const client = p.client()
    await client.get('/account/inloggen')
    const res = await client.post('/account/inloggen', { email: user.email, password: user.password })
    expect(res.status).toBe(303)
    const cookie = res.res.headers.getSetCookie().find((c) => c.startsWith('__Host-wc_session='))!
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Domain=/)
  })
})

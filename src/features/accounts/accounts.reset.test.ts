/**
 * Forgotten password: the neutral request, the mailed link over SMTP, the new password, and
 * what a reset ends (sessions, other links).
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { count, eq, getTableName, is } from 'drizzle-orm'
import { PgTable } from 'drizzle-orm/pg-core'
import * as schema from '../../schema.js'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { rateLimits } from '../../kernel/http/rate-limit.tables.js'
import { users, mailLinkRequests } from './accounts.tables.js'
import { mailTo, linkIn, mailsTo, uniqueEmail, tokenOf } from './accounts.test-helpers.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())
// A fresh hour per test, so the per-client reset limit of one test never hits another.
beforeEach(() => t.clock.advance({ minutes: 61 }))

async function requestReset(client: TestClient, email: string) {
  await client.get('/account/wachtwoord-vergeten')
  return client.post('/account/wachtwoord-vergeten', { email })
}

async function resetLinkFor(email: string): Promise<string> {
  const res = await requestReset(t.client(), email)
  expect(res.status).toBe(303)
  const mails = () => mailsTo(t, email).filter((m) => m.subject.includes('nieuw wachtwoord'))
  const before = mails().length
  await t.drain()
  await t.smtp.waitFor(() => mails().length > before)
  return linkIn(mails().at(-1)!, '/account/wachtwoord-herstellen')
}

async function setPassword(client: TestClient, link: string, password: string, repeat = password) {
  const form = await client.get(link)
  expect(form.status).toBe(200)
  return client.post('/account/wachtwoord-herstellen', { token: tokenOf(link), password, passwordRepeat: repeat })
}

describe('asking for a reset link', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const user = await buildUser(t)
    const unknown = uniqueEmail('nobody')
    const known = await requestReset(t.client(), user.email)
    const other = await requestReset(t.client(), unknown)
    expect([known.status, known.location]).toEqual([303, '/account/wachtwoord-vergeten/verstuurd'])
    expect([other.status, other.location]).toEqual([known.status, known.location])
    const page = await t.client().get(known.location!)
    expect(page.text).toContain('Als er bij dit adres een account hoort')

    const mail = await mailTo(t, user.email, 'Een nieuw wachtwoord kiezen')
    expect(mail.text).toContain('30 minuten')
    expect(linkIn(mail, '/account/wachtwoord-herstellen')).toMatch(/^\/account\/wachtwoord-herstellen\?token=/)
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, unknown))).toHaveLength(0)
  })

  it('limits requests per address (3 an hour), known or not, with 429 and Retry-After', async () => {
    for (const email of [(await buildUser(t)).email, uniqueEmail('ghost')]) {
      for (let i = 0; i < 3; i++) expect((await requestReset(t.client(), email)).status).toBe(303)
      const limited = await requestReset(t.client(), email)
      expect(limited.status).toBe(429)
      expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(limited.text).toContain('Er zijn te veel links aangevraagd')
      expect(limited.body).toContain(`value="${email}"`)
    }
  })

  it('limits requests per client (10 an hour) across addresses', async () => {
    for (let i = 0; i < 10; i++) expect((await requestReset(t.client(), uniqueEmail(`many${i}`))).status).toBe(303)
    expect((await requestReset(t.client(), uniqueEmail('one-more'))).status).toBe(429)
    t.clock.advance({ minutes: 61 })
    expect((await requestReset(t.client(), uniqueEmail('later'))).status).toBe(303)
  })
})

describe('choosing a new password from the link', () => {
  it('sets the password, ends every session, confirms the address and works only once', async () => {
    const user = await buildUser(t, { verified: false, firstName: 'Pieter' })
    await t.deps.db.update(users).set({ emailVerifiedAt: t.clock.now() }).where(eq(users.id, user.id))
    const phone = t.client()
    const laptop = t.client()
    await login(phone, user)
    await login(laptop, user)
    await t.deps.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id))
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2)

    const link = await resetLinkFor(user.email)
    const res = await setPassword(t.client(), link, 'een heel nieuw wachtwoord')
    expect(res.status).toBe(303)
    expect(res.location).toBe('/account/inloggen?melding=flash.accounts.passwordReset')

    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0)
    expect((await phone.get('/mijn-gegevens')).status).toBe(303)
    expect((await laptop.get('/mijn-gegevens')).status).toBe(303)
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.emailVerifiedAt).not.toBeNull()
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true)

    const old = t.client()
    await old.get('/account/inloggen')
    expect((await old.post('/account/inloggen', { email: user.email, password: user.password })).status).toBe(422)
    await login(t.client(), { email: user.email, password: 'een heel nieuw wachtwoord' })

    // The same link again: refused, and the password stays what it is.
    const again = await t.client().get(link)
    expect(again.status).toBe(400)
    expect(again.text).toContain('Deze link is verlopen of al gebruikt')
    const replay = t.client()
    await replay.get('/account/wachtwoord-vergeten')
    const post = await replay.post('/account/wachtwoord-herstellen', { token: tokenOf(link), password: 'nog een ander wachtwoord', passwordRepeat: 'nog een ander wachtwoord' })
    expect(post.status).toBe(400)
    await login(t.client(), { email: user.email, password: 'een heel nieuw wachtwoord' })

    // The owner is told, in a separate mail.
    await mailTo(t, user.email, 'Je wachtwoord is gewijzigd')
  })

  it('ends every other open reset link of the account', async () => {
    const user = await buildUser(t)
    const first = await resetLinkFor(user.email)
    const second = await resetLinkFor(user.email)
    expect((await setPassword(t.client(), second, 'tweede link werkt prima')).status).toBe(303)
    expect((await t.client().get(first)).status).toBe(400)
  })

  it('lets the link expire after 30 minutes', async () => {
    const user = await buildUser(t)
    const link = await resetLinkFor(user.email)
    t.clock.advance({ minutes: 29 })
    expect((await t.client().get(link)).status).toBe(200)
    t.clock.advance({ minutes: 2 })
    const page = await t.client().get(link)
    expect(page.status).toBe(400)
    expect(page.body).toContain('href="/account/wachtwoord-vergeten"')
  })

  it('keeps the form with a message for mismatched, common or personal passwords, never echoing them', async () => {
    const user = await buildUser(t, { firstName: 'Jolanda' })
    const link = await resetLinkFor(user.email)
    const client = t.client()
    const mismatch = await setPassword(client, link, 'twee verschillende dingen', 'twee verschillende dinge')
    expect(mismatch.status).toBe(422)
    expect(mismatch.body).toContain('id="passwordRepeat-error">De twee wachtwoorden zijn niet hetzelfde.')
    expect(mismatch.body).not.toContain('twee verschillende')
    expect(mismatch.body).toContain(`name="token" value="${tokenOf(link)}"`)
    const common = await setPassword(client, link, 'iloveyou123')
    expect(common.body).toContain('id="password-error">Dit wachtwoord wordt heel vaak gebruikt')
    const personal = await setPassword(client, link, 'jolanda-is-de-beste')
    expect(personal.status).toBe(422)
    expect(personal.body).toContain('id="password-error">Gebruik niet je e-mailadres of je naam')
    // None of these spent the link.
    expect((await setPassword(client, link, 'eindelijk een goed wachtwoord')).status).toBe(303)
  })

  it('refuses a missing or made-up token', async () => {
    for (const link of ['/account/wachtwoord-herstellen', '/account/wachtwoord-herstellen?token=abc', `/account/wachtwoord-herstellen?token=${'B'.repeat(43)}`]) {
      expect((await t.client().get(link)).status, link).toBe(400)
    }
    const client = t.client()
    await client.get('/account/wachtwoord-vergeten')
    const res = await client.post('/account/wachtwoord-herstellen', { token: 'C'.repeat(43), password: 'iets heel anders 1', passwordRepeat: 'iets heel anders 1' })
    expect(res.status).toBe(400)
  })
})

describe('the same work for every address (issue 10 item 4)', () => {
  /** Rows per table of the whole schema. */
  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {}
    for (const table of Object.values(schema)) {
      if (!is(table, PgTable)) continue
      const [row] = await t.deps.db.select({ n: count() }).from(table)
      counts[getTableName(table)] = row!.n
    }
    return counts
  }

  async function writesOf(path: string, email: string): Promise<Record<string, number>> {
    const client = t.client()
    await client.get(path)
    // Counters from earlier requests of this client would make the two runs differ for no reason.
    await t.deps.db.delete(rateLimits)
    const before = await rowCounts()
    const res = await client.post(path, { email })
    expect(res.status).toBe(303)
    const after = await rowCounts()
    return Object.fromEntries(Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => [k, after[k]! - before[k]!]))
  }

  for (const [path, makeUser] of [
    ['/account/wachtwoord-vergeten', () => buildUser(t)],
    ['/account/bevestigen/opnieuw', () => buildUser(t, { verified: false })],
  ] as const) {
    it(`${path}: the answer writes the same rows for an address with and without an account; the link is made afterwards`, async () => {
      const user = await makeUser()
      const known = await writesOf(path, user.email)
      t.clock.advance({ minutes: 61 })
      const unknown = await writesOf(path, uniqueEmail('nobody'))
      expect(known).toEqual(unknown)
      // No token and no mail yet for the known address: that work happens in the job.
      expect(known.account_tokens).toBeUndefined()
      expect(known.outbox).toBeUndefined()
      await t.drain()
      expect(await t.deps.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.toAddress, user.email))).toHaveLength(1)
      // The request (with the typed address) is gone once handled.
      expect(await t.deps.db.select().from(mailLinkRequests)).toEqual([])
    })
  }
})

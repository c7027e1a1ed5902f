/**
 * Sign-up, consent, email confirmation and the password policy, through HTTP and real SMTP.
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import { users, accountTokens } from './accounts.tables.js'
import { consents, legalDocuments } from '../documents/documents.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { purgeAccountTokens } from './accounts.retention.js'
import { signupFields, signUp, mailTo, mailsTo, linkIn, tokenOf, signUpVerified, findUser, uniqueEmail } from './accounts.test-helpers.js'

let t: TestPlatform
let wijkId: number
beforeAll(async () => {
  t = await createTestPlatform()
  wijkId = (await buildWijk(t, { name: 'Oosterpark' })).id
})
afterAll(() => t.stop())
// Each test starts in a fresh hour, so the per-client sign-up limit of one test never hits another.
beforeEach(() => t.clock.advance({ minutes: 61 }))

/** The names of every field inside the sign-up form (not the menu's forms). */
function signupFormFields(html: string): string[] {
  const form = /<form[^>]*id="signup-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? ''
  return [...form.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!)
}

describe('the sign-up form', () => {
  it('asks only email, password, first name, optional last name, home wijk and the two consents, and offers the home wijk’s newsletter unticked (P02)', async () => {
    const page = await t.client().get('/account/registreren')
    expect(page.status).toBe(200)
    expect(signupFormFields(page.body).sort()).toEqual(
      ['_csrf', 'email', 'password', 'firstName', 'lastName', 'homeWijkId', 'newsletter', 'acceptTerms', 'acceptPrivacy'].sort(),
    )
    expect(page.text).toContain('Oosterpark')
    // Only last name is marked optional; the consent boxes start unticked.
    expect(page.body).toMatch(/for="lastName">[^<]*<span class="muted">\(optioneel\)/)
    expect(page.body).not.toMatch(/for="firstName">[^<]*<span class="muted">/)
    expect(page.body).not.toMatch(/name="(accept(Terms|Privacy)|newsletter)"[^>]*checked/)
    expect(page.body).toContain('href="/voorwaarden"')
    expect(page.body).toContain('href="/privacy"')
  })

  it('says next to each personal field where it is used and that it is not public (P27)', async () => {
    const page = await t.client().get('/account/registreren')
    for (const field of ['email', 'firstName', 'lastName', 'homeWijkId']) {
      const hint = new RegExp(`id="${field}-hint">([^<]*)<`).exec(page.body)?.[1] ?? ''
      expect(hint, field).toMatch(/openbaar/)
    }
    expect(page.text).toContain('Je voornaam gebruiken we om je aan te spreken in mail; hij wordt nergens openbaar getoond')
  })

  it('refuses a sign-up without the two boxes, with the error next to each box and the typed values kept', async () => {
    const client = t.client()
    const fields = signupFields({ firstName: 'Ilse', lastName: 'de Vries', homeWijkId: String(wijkId), acceptTerms: undefined, acceptPrivacy: undefined })
    const page = await signUp(client, fields)
    expect(page.status).toBe(422)
    expect(page.body).toMatch(/id="acceptTerms-error">Je moet hiermee akkoord gaan/)
    expect(page.body).toMatch(/id="acceptPrivacy-error">Je moet hiermee akkoord gaan/)
    expect(page.body).toContain(`value="${fields.email}"`)
    expect(page.body).toContain('value="Ilse"')
    expect(page.body).toContain('value="de Vries"')
    expect(page.body).toMatch(new RegExp(`<option value="${wijkId}" selected`))
    expect(page.body).not.toContain(fields.password)
    expect(await findUser(t, fields.email!)).toBeUndefined()
  })

  it('refuses one missing box too, and a missing wijk when wijken exist', async () => {
    const page = await signUp(t.client(), signupFields({ acceptPrivacy: undefined }))
    expect(page.status).toBe(422)
    expect(page.body).toContain('id="acceptPrivacy-error"')
    expect(page.body).not.toContain('id="acceptTerms-error"')
    expect(page.body).toContain('id="homeWijkId-error">Kies je wijk.')
  })

  it('refuses a wijk that does not exist, next to the field', async () => {
    const page = await signUp(t.client(), signupFields({ homeWijkId: '999999' }))
    expect(page.status).toBe(422)
    expect(page.body).toContain('id="homeWijkId-error"')
  })
})

describe('creating an account', () => {
  it('stores the account, lower-cased, with an argon2id hash and the page language (P19)', async () => {
    const fields = signupFields({ email: uniqueEmail('Mixed.Case'), homeWijkId: String(wijkId), lastName: 'Bakker' })
    const client = t.client()
    await client.get('/account/registreren', { 'accept-language': 'en' })
    client.headers['accept-language'] = 'en'
    const res = await client.post('/account/registreren', fields)
    expect(res.status).toBe(303)
    const user = await findUser(t, fields.email!)
    expect(user?.email).toBe(fields.email!.toLowerCase())
    expect(user?.passwordHash.startsWith('$argon2id$')).toBe(true)
    expect(user?.lang).toBe('en')
    expect(user?.homeWijkId).toBe(wijkId)
    expect(user?.lastName).toBe('Bakker')
    expect(user?.emailVerifiedAt).toBeNull()
    // The password is in no column of any table that could hold it.
    for (const table of ['users', 'account_tokens', 'outbox', 'jobs', 'sessions', 'rate_limits', 'consents']) {
      const rows = await t.deps.db.execute(sql`select row_to_json(x)::text as j from ${sql.identifier(table)} x`)
      const dump = (rows as unknown as { rows: Array<{ j: string }> }).rows.map((r) => r.j).join('\n')
      expect(dump, table).not.toContain(fields.password)
    }
    // The mail is in the language of the page the account was made on.
    const mail = await mailTo(t, user!.email, 'Confirm your email address')
    expect(mail.text).toContain('Hello Fenna,')
  })

  it('records consent to both current document versions with the time (P03)', async () => {
    const fields = signupFields({ homeWijkId: String(wijkId) })
    await signUp(t.client(), fields)
    const user = await findUser(t, fields.email!)
    const rows = await t.deps.db
      .select({ kind: legalDocuments.kind, version: legalDocuments.version, givenAt: consents.givenAt, channel: consents.channel })
      .from(consents)
      .innerJoin(legalDocuments, eq(legalDocuments.id, consents.documentId))
      .where(eq(consents.userId, user!.id))
    expect(rows.map((r) => r.kind).sort()).toEqual(['privacy', 'terms'])
    for (const row of rows) {
      expect(row.version).toBe(1)
      expect(row.channel).toBe('signup')
      expect(row.givenAt.toISOString()).toBe(t.clock.now().toISOString())
    }
  })

  it('mails a confirmation link over SMTP that confirms the address and then lets the user log in', async () => {
    const fields = signupFields({ homeWijkId: String(wijkId) })
    const client = t.client()
    const res = await signUp(client, fields)
    expect(res.location).toBe('/account/registreren/verstuurd')
    const checkMail = await client.follow(res)
    expect(checkMail.text).toContain('Kijk in je mailbox')

    const mail = await mailTo(t, fields.email!, 'Bevestig je e-mailadres')
    expect(mail.text).toContain('Hallo Fenna,')
    expect(mail.text).toContain('WijkConnect demo') // the operator's name signs the mail
    expect(mail.html).toContain('/account/bevestigen?token=')
    const link = linkIn(mail, '/account/bevestigen')
    // Only the token's SHA-256 is stored.
    const stored = await t.deps.db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(tokenOf(link))))
    expect(stored).toHaveLength(1)
    expect(stored[0]?.purpose).toBe('verify-email')

    // Confirming goes straight on to the login form, the address filled in.
    const verified = await t.client().get(link)
    expect(verified.status).toBe(200)
    expect(verified.text).toContain('Je e-mailadres is bevestigd')
    expect(verified.body).toContain(`value="${fields.email}"`)
    expect((await findUser(t, fields.email!))?.emailVerifiedAt).not.toBeNull()
    await login(t.client(), { email: fields.email!, password: fields.password! })
  })

  it('uses a confirmation link only once', async () => {
    const fields = signupFields({ homeWijkId: String(wijkId) })
    await signUp(t.client(), fields)
    const link = linkIn(await mailTo(t, fields.email!, 'Bevestig'), '/account/bevestigen')
    expect((await t.client().get(link)).text).toContain('Je e-mailadres is bevestigd')
    const [before] = await t.deps.db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(tokenOf(link))))
    t.clock.advance({ minutes: 5 })
    const again = await t.client().get(link)
    expect(again.status).toBe(200)
    expect(again.location).toBeNull()
    expect(again.text).toContain('Deze link is al gebruikt')
    const [after] = await t.deps.db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(tokenOf(link))))
    expect(after?.usedAt?.toISOString()).toBe(before?.usedAt?.toISOString())
  })

  it('lets a confirmation link expire after 48 hours and offers a new one', async () => {
    const fields = signupFields({ homeWijkId: String(wijkId) })
    await signUp(t.client(), fields)
    const link = linkIn(await mailTo(t, fields.email!, 'Bevestig'), '/account/bevestigen')
    t.clock.advance({ hours: 48, minutes: 1 })
    const client = t.client()
    const page = await client.get(link)
    expect(page.status).toBe(400)
    expect(page.text).toContain('Deze link werkt niet meer')
    expect(page.body).toContain('action="/account/bevestigen/opnieuw"')
    expect((await findUser(t, fields.email!))?.emailVerifiedAt).toBeNull()

    const resent = await client.post('/account/bevestigen/opnieuw', { email: fields.email! })
    expect(resent.status).toBe(303)
    expect(resent.location).toBe('/account/bevestigen/verstuurd')
    await t.drain()
    await t.smtp.waitFor((m) => m.to === fields.email && m.subject.includes('Bevestig') && !m.text.includes(tokenOf(link)))
    const fresh = mailsTo(t, fields.email!).filter((m) => m.subject.includes('Bevestig')).at(-1)!
    expect((await t.client().get(linkIn(fresh, '/account/bevestigen'))).text).toContain('Je e-mailadres is bevestigd')
  })

  it('answers a request for a new link the same for unknown, confirmed and unconfirmed addresses', async () => {
    const confirmed = await buildUser(t)
    const answers = []
    for (const email of [uniqueEmail('nobody'), confirmed.email]) {
      const client = t.client()
      await client.get('/account/bevestigen/opnieuw')
      answers.push(await client.post('/account/bevestigen/opnieuw', { email }))
    }
    expect(answers.map((a) => [a.status, a.location])).toEqual([
      [303, '/account/bevestigen/verstuurd'],
      [303, '/account/bevestigen/verstuurd'],
    ])
    await t.drain()
    expect(mailsTo(t, confirmed.email)).toHaveLength(0)
  })

  it('rejects a malformed or unknown confirmation token without an error page', async () => {
    for (const link of ['/account/bevestigen', '/account/bevestigen?token=x', `/account/bevestigen?token=${'A'.repeat(43)}`]) {
      const page = await t.client().get(link)
      expect(page.status, link).toBe(400)
      expect(page.text).toContain('Deze link werkt niet meer')
    }
  })
})

describe('the sign-up rate limit', () => {
  it('lets a room of 30 people on one connection sign up, and refuses the 61st sign-up within an hour with 429, keeping the form', async () => {
    // A sign-up afternoon in a buurthuis: everyone on the same Wi-Fi (one address).
    for (let i = 0; i < 30; i++) {
      expect((await signUp(t.client(), signupFields({ homeWijkId: String(wijkId) }))).status, `person ${i + 1}`).toBe(303)
    }
    for (let i = 30; i < 60; i++) expect((await signUp(t.client(), signupFields({ homeWijkId: String(wijkId) }))).status).toBe(303)
    const fields = signupFields({ homeWijkId: String(wijkId), firstName: 'Teun' })
    const page = await signUp(t.client(), fields)
    expect(page.status).toBe(429)
    expect(Number(page.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(page.text).toContain('te veel accounts aangevraagd')
    expect(page.body).toContain(`value="${fields.email}"`)
    expect(page.body).not.toContain(fields.password)
    expect(await findUser(t, fields.email!)).toBeUndefined()
    t.clock.advance({ minutes: 61 })
    expect((await signUp(t.client(), fields)).status).toBe(303)
  }, 120_000)

  it('limits one email address to 3 sign-ups an hour, with or without an account', async () => {
    const email = uniqueEmail('herhaal')
    for (let i = 0; i < 3; i++) expect((await signUp(t.client(), signupFields({ email, homeWijkId: String(wijkId) }))).status).toBe(303)
    expect((await signUp(t.client(), signupFields({ email, homeWijkId: String(wijkId) }))).status).toBe(429)
    // Another address from the same connection is not affected.
    expect((await signUp(t.client(), signupFields({ homeWijkId: String(wijkId) }))).status).toBe(303)
  })

  it('takes the per-connection limit from SIGNUP_PER_CONNECTION_HOUR', async () => {
    const small = await createTestPlatform({ SIGNUP_PER_CONNECTION_HOUR: '5' })
    try {
      const wijk = await buildWijk(small)
      for (let i = 0; i < 5; i++) expect((await signUp(small.client(), signupFields({ homeWijkId: String(wijk.id) }))).status).toBe(303)
      expect((await signUp(small.client(), signupFields({ homeWijkId: String(wijk.id) }))).status).toBe(429)
    } finally {
      await small.stop()
    }
  })
})

describe('signing up with an address that already has an account', () => {
  it('shows the same page as a new sign-up and mails the owner instead of creating anything', async () => {
    const owner = await buildUser(t, { firstName: 'Orlando' })
    const fresh = signupFields({ homeWijkId: String(wijkId) })
    const newClient = t.client()
    const dupClient = t.client()
    const a = await signUp(newClient, fresh)
    const b = await signUp(dupClient, signupFields({ email: owner.email.toUpperCase(), homeWijkId: String(wijkId), firstName: 'Mallory' }))
    expect([b.status, b.location]).toEqual([a.status, a.location])
    const pageA = await newClient.follow(a)
    const pageB = await dupClient.follow(b)
    expect(pageB.text).toBe(pageA.text)

    const mail = await mailTo(t, owner.email, 'Iemand probeerde een account te maken')
    expect(mail.text).toContain('Hallo Orlando,')
    expect(mail.text).toContain('http://localhost/account/inloggen')
    expect(mail.text).toContain('http://localhost/account/wachtwoord-vergeten')
    const rows = await t.deps.db.select({ firstName: users.firstName }).from(users).where(eq(users.email, owner.email))
    expect(rows).toEqual([{ firstName: 'Orlando' }])
    const confirmations = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, owner.email))
    expect(confirmations.map((m) => m.template)).toEqual(['accounts.signup-attempt'])
  })
})

describe('the password policy', () => {
  it('rejects very common passwords, whatever their case', async () => {
    for (const password of ['password123', 'Wachtwoord123', 'QWERTYUIOP', '12345678', 'welkom01']) {
      const page = await signUp(t.client(), signupFields({ password, homeWijkId: String(wijkId) }))
      expect(page.status, password).toBe(422)
      expect(page.body).toMatch(/id="password-error">Dit wachtwoord wordt heel vaak gebruikt/)
    }
  })

  it('rejects a password shorter than 8 characters, or made of the email or first name', async () => {
    const short = await signUp(t.client(), signupFields({ password: 'kort7ab', homeWijkId: String(wijkId) }))
    expect(short.body).toMatch(/id="password-error">Gebruik minstens 8 tekens/)
    const email = uniqueEmail()
    const same = await signUp(t.client(), signupFields({ email, password: email.toUpperCase(), homeWijkId: String(wijkId) }))
    expect(same.status).toBe(422)
    expect(same.body).toContain('id="password-error">Gebruik niet je e-mailadres of je naam')
    const named = await signUp(t.client(), signupFields({ firstName: 'Gerrit', password: 'ikbengerritvandaag', homeWijkId: String(wijkId) }))
    expect(named.status).toBe(422)
    expect(named.body).toContain('id="password-error">Gebruik niet je e-mailadres of je naam')
  })

  it('accepts 8, 64 and 128 characters and Unicode, and stores them unchanged (no trimming)', async () => {
    const passwords = ['8charsok', 'x'.repeat(30) + ' lange zin die blijft ' + 'y'.repeat(12), 'z'.repeat(128), '  spatie vóór en na  ', 'ключ-日本語-🙂-ß']
    expect(passwords[1]).toHaveLength(64)
    for (const password of passwords) {
      const account = await signUpVerified(t, { password, homeWijkId: String(wijkId) })
      await login(t.client(), account)
      if (password.trim() !== password) {
        const client = t.client()
        await client.get('/account/inloggen')
        const trimmed = await client.post('/account/inloggen', { email: account.email, password: password.trim() })
        expect(trimmed.status).toBe(422)
      }
    }
  })

  it('rejects 129 characters', async () => {
    const page = await signUp(t.client(), signupFields({ password: 'q'.repeat(129), homeWijkId: String(wijkId) }))
    expect(page.status).toBe(422)
    expect(page.body).toContain('id="password-error">Gebruik hoogstens 128 tekens')
  })
})

describe('link token retention', () => {
  it('deletes tokens a day after they expired or were used, and keeps the others', async () => {
    const user = await buildUser(t)
    const now = t.clock.now()
    const row = (name: string, createdHoursAgo: number, ttlHours: number, usedHoursAgo?: number) => ({
      tokenHash: hashToken(`${name}-${user.id}`),
      userId: user.id,
      purpose: 'verify-email' as const,
      createdAt: new Date(now.getTime() - createdHoursAgo * 3_600_000),
      expiresAt: new Date(now.getTime() + (ttlHours - createdHoursAgo) * 3_600_000),
      usedAt: usedHoursAgo === undefined ? null : new Date(now.getTime() - usedHoursAgo * 3_600_000),
    })
    await t.deps.db.insert(accountTokens).values([
      row('expired-long-ago', 80, 48),
      row('expired-recently', 50, 48),
      row('used-long-ago', 30, 48, 25),
      row('used-recently', 10, 48, 2),
      row('open', 1, 48),
    ])
    const deleted = await purgeAccountTokens(t.deps.db, now)
    expect(deleted).toBeGreaterThanOrEqual(2)
    const left = await t.deps.db.select({ hash: accountTokens.tokenHash }).from(accountTokens).where(eq(accountTokens.userId, user.id))
    expect(left.map((r) => r.hash).sort()).toEqual(['expired-recently', 'used-recently', 'open'].map((n) => hashToken(`${n}-${user.id}`)).sort())
  })

  it('runs as a schedule of the job runner', async () => {
    const user = await buildUser(t)
    const now = t.clock.now()
    await t.deps.db.insert(accountTokens).values({
      tokenHash: hashToken(`scheduled-${user.id}`),
      userId: user.id,
      purpose: 'reset-password',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30 * 60_000),
    })
    t.clock.advance({ days: 2 })
    await t.drain()
    expect(await t.deps.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id))).toHaveLength(0)
  })
})

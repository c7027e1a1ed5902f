/**
 * Two-step verification through HTTP on the real database: linking an authenticator app, logging
 * in with a code (once per code), recovery codes (once each), rate limits on the second step,
 * the pending login, audit and mail over SMTP. Codes are made with otplib at the test clock.
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, loggedInClient } from '../../../test/factories.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { passkeys, pendingLogins, recoveryCodes, totpFactors } from './two-factor.tables.js'
import { appCode, linkApp, passwordStep, recoveryCodesOn, secretOn } from './two-factor.test-helpers.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())
// A fresh quarter of an hour per test: rate-limit windows and TOTP steps never carry over.
beforeEach(() => t.clock.advance({ minutes: 16 }))

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectUserId, userId)).orderBy(auditLog.id)
  return rows.map((r) => r.action)
}

async function mailAbout(email: string, text: string) {
  await t.drain()
  return t.smtp.waitFor((m) => m.to === email && m.text.includes(text), 5_000)
}

async function sessionCount(userId: string): Promise<number> {
  return t.deps.db.$count(sessions, eq(sessions.userId, userId))
}

describe('linking an authenticator app', () => {
  it('shows the key as text and as a QR code, and turns the app on only after a valid code', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    const overview = await client.get('/mijn-gegevens/tweede-factor')
    expect(overview.text).toContain('Tweestapsverificatie staat uit.')

    const page = await client.follow(await client.post('/mijn-gegevens/tweede-factor/app', {}))
    const secret = secretOn(page)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(page.body).toMatch(/<svg role="img" aria-label="QR-code[^"]*"[^>]*viewBox/)
    // Not active yet: logging in still needs only the password.
    const other = t.client()
    expect((await passwordStep(other, user)).location).toBe('/')

    const wrong = await client.post('/mijn-gegevens/tweede-factor/app/bevestigen', { code: '000000' })
    expect(wrong.status).toBe(422)
    expect(wrong.text).toContain('Deze code klopt niet')
    expect(secretOn(wrong)).toBe(secret)

    const done = await client.post('/mijn-gegevens/tweede-factor/app/bevestigen', { code: await appCode(t, secret) })
    expect(done.status).toBe(200)
    const codes = recoveryCodesOn(done)
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)

    // Stored encrypted, codes only hashed: neither appears in the database.
    const [row] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id))
    expect(row!.confirmedAt).not.toBeNull()
    expect(row!.secretEncrypted).not.toContain(secret)
    const hashes = await t.deps.db.select({ h: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    expect(hashes).toHaveLength(10)
    for (const code of codes) expect(hashes.map((h) => h.h).join()).not.toContain(code.replace(/-/g, ''))

    expect(await auditActions(user.id)).toEqual(['second-factor.totp.enable', 'second-factor.recovery.create'])
    const mail = await mailAbout(user.email, 'authenticator-app aan je account gekoppeld')
    expect(mail.text).not.toContain(secret)
    expect((await client.get('/mijn-gegevens/tweede-factor')).text).toContain('Tweestapsverificatie staat aan.')
    // The secret is not logged.
    expect(t.logs()).not.toContain(secret)
  })

  it('refuses to confirm without a started link, and a second start while the app is on changes nothing', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await client.get('/mijn-gegevens/tweede-factor')
    const early = await client.post('/mijn-gegevens/tweede-factor/app/bevestigen', { code: '123456' })
    expect(early.status).toBe(303)
    const { secret } = await linkApp(t, client)
    await client.post('/mijn-gegevens/tweede-factor/app', {})
    const again = await client.get('/mijn-gegevens/tweede-factor/app')
    expect(again.location).toBe('/mijn-gegevens/tweede-factor')
    const [row] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id))
    expect(row!.confirmedAt).not.toBeNull()
    t.clock.advance({ seconds: 30 })
    const login = t.client()
    await passwordStep(login, user)
    expect((await login.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })).location).toBe('/')
  })
})

describe('logging in with an authenticator app', () => {
  it('gives no session after the password, then a new session after a valid code, landing on volgende', async () => {
    const user = await buildUser(t)
    const { secret } = await linkApp(t, await loggedInClient(t, user))
    t.clock.advance({ seconds: 30 })
    const before = await sessionCount(user.id)

    const client = t.client()
    const first = await passwordStep(client, user, '/mijn-content')
    expect(first.status).toBe(303)
    expect(first.location).toBe('/account/inloggen/tweede-stap')
    const pendingCookie = first.res.headers.getSetCookie().find((c) => c.startsWith('wc_login='))!
    expect(pendingCookie).toMatch(/HttpOnly/)
    expect(pendingCookie).toMatch(/SameSite=Strict/)
    expect(pendingCookie).toMatch(/Path=\/account/)
    expect(first.res.headers.getSetCookie().some((c) => c.startsWith('wc_session='))).toBe(false)
    expect(await sessionCount(user.id)).toBe(before)
    // Without the second step nothing personal opens.
    expect((await client.get('/mijn-gegevens')).location).toMatch(/^\/account\/inloggen/)

    const step = await client.get('/account/inloggen/tweede-stap')
    expect(step.status).toBe(200)
    expect(step.text).toContain('Tweede stap van inloggen')
    const done = await client.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })
    expect(done.status).toBe(303)
    expect(done.location).toBe('/mijn-content')
    expect(await sessionCount(user.id)).toBe(before + 1)
    expect((await client.get('/mijn-gegevens')).status).toBe(200)
    // The pending login is gone.
    expect(await t.deps.db.$count(pendingLogins, eq(pendingLogins.userId, user.id))).toBe(0)
  })

  it('refuses a code that was already used, also the one that confirmed the app', async () => {
    const user = await buildUser(t)
    const { secret } = await linkApp(t, await loggedInClient(t, user))
    const confirmCode = await appCode(t, secret)
    const client = t.client()
    await passwordStep(client, user)
    const replayedConfirm = await client.post('/account/inloggen/tweede-stap', { code: confirmCode })
    expect(replayedConfirm.status).toBe(422)
    expect(replayedConfirm.text).toContain('al gebruikt')

    t.clock.advance({ seconds: 30 })
    const code = await appCode(t, secret)
    expect((await client.post('/account/inloggen/tweede-stap', { code })).status).toBe(303)

    // Same code, same 30 seconds, a second login: refused.
    const again = t.client()
    await passwordStep(again, user)
    expect((await again.post('/account/inloggen/tweede-stap', { code })).status).toBe(422)
    // And a code of an earlier step (still within the tolerance window) is refused too.
    expect((await again.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret, -30) })).status).toBe(422)
    t.clock.advance({ seconds: 30 })
    expect((await again.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })).status).toBe(303)
  })

  it('accepts each recovery code once, audits and mails its use, and says how many are left', async () => {
    const user = await buildUser(t)
    const { codes } = await linkApp(t, await loggedInClient(t, user))
    const client = t.client()
    await passwordStep(client, user)
    const used = await client.post('/account/inloggen/tweede-stap', { code: codes[3]!.toUpperCase() })
    expect(used.status).toBe(303)
    expect(used.location).toBe('/mijn-gegevens/tweede-factor?melding=flash.twoFactor.recoveryUsed')
    const setup = await client.follow(used)
    expect(setup.text).toContain('9 van de 10 codes nog niet gebruikt')
    expect(await auditActions(user.id)).toContain('second-factor.recovery.use')
    await mailAbout(user.email, 'ingelogd met een herstelcode. Herstelcodes over: 9')

    const again = t.client()
    await passwordStep(again, user)
    expect((await again.post('/account/inloggen/tweede-stap', { code: codes[3]! })).status).toBe(422)
    expect((await again.post('/account/inloggen/tweede-stap', { code: codes[4]!.replace(/-/g, ' ') })).status).toBe(303)
  })

  it('limits wrong codes to five per quarter hour for the account, with Retry-After', async () => {
    const user = await buildUser(t)
    const { secret } = await linkApp(t, await loggedInClient(t, user))
    t.clock.advance({ seconds: 30 })
    const client = t.client()
    await passwordStep(client, user)
    for (let i = 0; i < 5; i++) expect((await client.post('/account/inloggen/tweede-stap', { code: '111111' })).status).toBe(422)
    const limited = await client.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })
    expect(limited.status).toBe(429)
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.text).toContain('Te veel verkeerde codes')
    // A new pending login (a second password step) does not reset the count.
    await passwordStep(client, user)
    expect((await client.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })).status).toBe(429)
    t.clock.advance({ minutes: 15, seconds: 1 })
    await passwordStep(client, user)
    expect((await client.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })).status).toBe(303)
  })

  it('ends the pending login after five minutes, and the second step needs one', async () => {
    const user = await buildUser(t)
    const { secret } = await linkApp(t, await loggedInClient(t, user))
    const stranger = t.client()
    await stranger.get('/account/inloggen')
    const none = await stranger.post('/account/inloggen/tweede-stap', { code: '123456' })
    expect(none.location).toBe('/account/inloggen?melding=flash.twoFactor.pendingExpired')

    const client = t.client()
    await passwordStep(client, user)
    t.clock.advance({ minutes: 5, seconds: 1 })
    const late = await client.post('/account/inloggen/tweede-stap', { code: await appCode(t, secret) })
    expect(late.status).toBe(303)
    expect(late.location).toBe('/account/inloggen?melding=flash.twoFactor.pendingExpired')
    expect(await sessionCount(user.id)).toBe(1)
  })

  it('answers a malformed code with 422 next to the field, never 500', async () => {
    const user = await buildUser(t)
    await linkApp(t, await loggedInClient(t, user))
    const client = t.client()
    await passwordStep(client, user)
    for (const code of ['', 'x'.repeat(41), '12345', 'drop table', '１２３４５６']) {
      const res = await client.post('/account/inloggen/tweede-stap', { code })
      expect(res.status).toBe(422)
      expect(res.body).toContain('id="code-error"')
    }
  })
})

describe('changing factors', () => {
  it('needs the current password to turn the app off, then audits and mails it and drops the recovery codes', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await linkApp(t, client)
    const wrong = await client.post('/mijn-gegevens/tweede-factor/app/uitzetten', { password: 'not-my-password' })
    expect(wrong.status).toBe(422)
    expect(wrong.body).toMatch(/id="password-app-error"[^>]*>Dit wachtwoord klopt niet/)
    expect(await t.deps.db.$count(totpFactors, eq(totpFactors.userId, user.id))).toBe(1)

    const off = await client.post('/mijn-gegevens/tweede-factor/app/uitzetten', { password: user.password })
    expect(off.location).toBe('/mijn-gegevens/tweede-factor?melding=flash.twoFactor.appDisabled')
    expect(await t.deps.db.$count(totpFactors, eq(totpFactors.userId, user.id))).toBe(0)
    expect(await t.deps.db.$count(recoveryCodes, eq(recoveryCodes.userId, user.id))).toBe(0)
    expect(await auditActions(user.id)).toContain('second-factor.totp.disable')
    await mailAbout(user.email, 'authenticator-app is van je account losgekoppeld')
    expect((await passwordStep(t.client(), user)).location).toBe('/')
  })

  it('makes a new set of recovery codes with the password; the old set stops working', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    const { codes: old } = await linkApp(t, client)
    expect((await client.post('/mijn-gegevens/tweede-factor/herstelcodes', { password: 'wrong-password-1' })).status).toBe(422)
    const fresh = await client.post('/mijn-gegevens/tweede-factor/herstelcodes', { password: user.password })
    expect(fresh.status).toBe(200)
    const codes = recoveryCodesOn(fresh)
    expect(codes).toHaveLength(10)
    expect(codes.filter((c) => old.includes(c))).toEqual([])
    expect(await auditActions(user.id)).toContain('second-factor.recovery.regenerate')
    await mailAbout(user.email, 'nieuwe herstelcodes gemaakt')

    const login = t.client()
    await passwordStep(login, user)
    expect((await login.post('/account/inloggen/tweede-stap', { code: old[0]! })).status).toBe(422)
    expect((await login.post('/account/inloggen/tweede-stap', { code: codes[0]! })).status).toBe(303)
  })

  it('refuses a passkey answer that is missing or forged, with a message and the typed name kept', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await client.get('/mijn-gegevens/tweede-factor')
    const noScript = await client.post('/mijn-gegevens/tweede-factor/passkeys', { name: 'Telefoon' })
    expect(noScript.status).toBe(422)
    expect(noScript.text).toContain('JavaScript')
    expect(noScript.body).toContain('value="Telefoon"')
    const options = await client.request('/mijn-gegevens/tweede-factor/passkeys/opties', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: client.csrf! }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(options.status).toBe(200)
    const json = (await options.json()) as { rp: { id: string }; challenge: string }
    expect(json.rp.id).toBe('localhost')
    const forged = JSON.stringify({ id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' }, clientExtensionResults: {} })
    const res = await client.post('/mijn-gegevens/tweede-factor/passkeys', { name: 'Telefoon', response: forged })
    expect(res.status).toBe(422)
    expect(res.text).toContain('De passkey is niet toegevoegd')
  })

  it('removes a passkey with the password, audits and mails it, and drops the codes when no factor is left', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    const [key] = await t.deps.db.insert(passkeys).values({ userId: user.id, credentialId: `cred-${user.id}`, publicKey: 'a2V5', name: 'Sleutelbos', createdAt: t.clock.now() }).returning({ id: passkeys.id })
    const setup = await client.get('/mijn-gegevens/tweede-factor')
    expect(setup.text).toContain('Sleutelbos')
    // A person with only a passkey makes recovery codes with the password.
    const made = await client.post('/mijn-gegevens/tweede-factor/herstelcodes', { password: user.password })
    expect(recoveryCodesOn(made)).toHaveLength(10)
    expect((await passwordStep(t.client(), user)).location).toBe('/account/inloggen/tweede-stap')

    const wrong = await client.post(`/mijn-gegevens/tweede-factor/passkeys/${key!.id}/verwijderen`, { password: 'not-my-password' })
    expect(wrong.status).toBe(422)
    expect(wrong.body).toContain(`id="password-passkey-${key!.id}-error"`)
    const removed = await client.post(`/mijn-gegevens/tweede-factor/passkeys/${key!.id}/verwijderen`, { password: user.password })
    expect(removed.location).toBe('/mijn-gegevens/tweede-factor?melding=flash.twoFactor.passkeyRemoved')
    expect(await t.deps.db.$count(passkeys, eq(passkeys.userId, user.id))).toBe(0)
    expect(await t.deps.db.$count(recoveryCodes, eq(recoveryCodes.userId, user.id))).toBe(0)
    expect(await auditActions(user.id)).toEqual(['second-factor.recovery.regenerate', 'second-factor.passkey.remove'])
    await mailAbout(user.email, 'passkey “Sleutelbos” is van je account verwijderd')
    expect((await passwordStep(t.client(), user)).location).toBe('/')
  })

  it('finds nobody else’s passkey: removing an id that is not yours answers 404', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await client.get('/mijn-gegevens/tweede-factor')
    expect((await client.post('/mijn-gegevens/tweede-factor/passkeys/999999/verwijderen', { password: user.password })).status).toBe(404)
    expect((await client.post('/mijn-gegevens/tweede-factor/passkeys/abc/verwijderen', { password: user.password })).status).toBe(404)
  })
})

describe('Mijn gegevens', () => {
  it('shows that two-step verification is on, with the app date and recovery codes left', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    const off = await client.get('/mijn-gegevens')
    expect(off.body).toContain('id="tweestapsverificatie"')
    expect(off.text).toContain('Tweestapsverificatie staat uit.')
    await linkApp(t, client)
    const on = await client.get('/mijn-gegevens')
    expect(on.text).toContain('Tweestapsverificatie staat aan.')
    expect(on.text).toContain('Authenticator-app: aan sinds')
    expect(on.text).toContain('Ongebruikte herstelcodes: 10 van 10')
    const [latest] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectUserId, user.id))).orderBy(desc(auditLog.id)).limit(1)
    expect(latest?.details).toEqual({})
  })
})

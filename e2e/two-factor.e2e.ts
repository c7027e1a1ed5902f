/**
 * Two-step verification in a real browser: a person links an authenticator app (code made by
 * otplib at the platform clock) and sees the recovery codes, then registers a passkey with
 * Chromium's virtual authenticator (CDP WebAuthn domain: ctap2, internal, resident key, user
 * verification), logs out and logs in again with the password and that passkey. Axe finds no
 * WCAG 2.1 A/AA violation on the new pages.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, axeFindings, loggedInPage } from './browser.js'
import { buildUser, type BuiltUser } from '../test/factories.js'
import { passkeys } from '../src/features/two-factor/two-factor.tables.js'
import { appCode } from '../src/features/two-factor/two-factor.test-helpers.js'

const run = browserAvailable()

async function expectAccessible(page: Page, what: string) {
  expect(await axeFindings(page), what).toEqual([])
  expect(await page.locator('h1').count(), `${what}: one h1`).toBe(1)
}

describe.runIf(run)('two-step verification in the browser', () => {
  let rig: BrowserRig
  let user: BuiltUser
  let page: Page

  beforeAll(async () => {
    rig = await startBrowserRig()
    user = await buildUser(rig.t, { firstName: 'Pieter' })
    page = await loggedInPage(rig, user)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    })
  }, 60_000)
  afterAll(() => rig?.stop())

  it('links an authenticator app and shows ten recovery codes once', async () => {
    await page.goto(`${rig.baseUrl}/mijn-gegevens`)
    await page.click('a[href="/mijn-gegevens/tweede-factor"]')
    await expectAccessible(page, 'setup page')
    await page.click('form[action="/mijn-gegevens/tweede-factor/app"] button')
    await page.waitForURL(/\/tweede-factor\/app$/)
    await expectAccessible(page, 'linking page')
    expect(await page.locator('svg[role=img]').count()).toBe(1)
    const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '')
    await page.fill('#code', '000000')
    await page.click('main form button[type=submit]')
    await expectAccessible(page, 'linking page with an error')
    await page.fill('#code', await appCode(rig.t, secret))
    await page.click('main form button[type=submit]')
    await page.waitForSelector('ul.recovery-codes')
    expect(await page.locator('ul.recovery-codes li').count()).toBe(10)
    await expectAccessible(page, 'recovery codes')
  }, 60_000)

  it('registers a passkey with the virtual authenticator', async () => {
    await page.goto(`${rig.baseUrl}/mijn-gegevens/tweede-factor`)
    await page.fill('#name', 'Testlaptop')
    await page.click('form[data-passkey=register] button[type=submit]')
    await page.waitForURL(/melding=flash\.twoFactor\.passkeyAdded/)
    expect(await page.locator('main table').innerText()).toContain('Testlaptop')
    await expectAccessible(page, 'setup page with a passkey')
    const [row] = await rig.t.deps.db.select().from(passkeys).where(eq(passkeys.userId, user.id))
    expect(row?.name).toBe('Testlaptop')
    expect(row?.transports).toContain('internal')
  }, 60_000)

  it('logs in again with the password and the passkey', async () => {
    await page.click('form[action="/account/uitloggen"] button')
    await page.waitForURL(/melding=flash\.accounts\.loggedOut/)
    await page.goto(`${rig.baseUrl}/account/inloggen?volgende=${encodeURIComponent('/mijn-gegevens')}`)
    await page.fill('#email', user.email)
    await page.fill('#password', user.password)
    await page.click('main button[type=submit]')
    await page.waitForURL(/\/account\/inloggen\/tweede-stap$/)
    await expectAccessible(page, 'second step')
    await page.click('form[data-passkey=login] button[type=submit]')
    await page.waitForURL(/\/mijn-gegevens$/)
    expect(await page.locator('h1').innerText()).toBe('Mijn gegevens')
    const [row] = await rig.t.deps.db.select().from(passkeys).where(eq(passkeys.userId, user.id))
    expect(row?.lastUsedAt).not.toBeNull()
  }, 60_000)
})

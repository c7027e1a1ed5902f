/**
 * The first walk through the platform in a real browser: sign up → read the verification mail
 * from the SMTP server → verify → log in → see "Mijn gegevens" → log out; and axe finds no WCAG
 * 2.1 A/AA violation on the home page, a wijk home, sign-up, login and the privacy statement.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, axeFindings } from './browser.js'
import { buildWijk } from '../test/factories.js'

const run = browserAvailable()

describe.runIf(run)('a new resident in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkSlug: string

  beforeAll(async () => {
    rig = await startBrowserRig()
    const wijk = await buildWijk(rig.t, { name: 'Kersenbuurt', postcodes: ['7421'] })
    wijkSlug = wijk.slug
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  it('signs up, verifies by mail, logs in, sees Mijn gegevens and logs out', async () => {
    await page.goto(`${rig.baseUrl}/`)
    await page.click('text=Account maken')
    await page.getByLabel('E-mailadres').fill('lotte@example.test')
    await page.getByLabel('Wachtwoord').fill('een-lange-zin-als-wachtwoord')
    await page.getByLabel('Voornaam').fill('Lotte')
    await page.selectOption('#homeWijkId', { label: 'Kersenbuurt' })
    await page.locator('#acceptTerms').check()
    await page.locator('#acceptPrivacy').check()
    await page.click('main button[type=submit]')
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/mail/i)

    const mail = await rig.t.smtp.waitFor((m) => m.to === 'lotte@example.test', 10_000)
    const link = /https?:\/\/\S+\/account\/bevestigen\?token=[\w-]+/.exec(mail.text)?.[0]
    expect(link).toBeDefined()
    // Confirming goes straight on to logging in, the address filled in.
    await page.goto(link!)
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('lotte@example.test')
    await page.getByLabel('Wachtwoord').fill('een-lange-zin-als-wachtwoord')
    await page.click('main button[type=submit]')
    // A resident lands on their own wijk.
    await page.waitForURL(new RegExp(`/${wijkSlug}/$`))

    await page.goto(`${rig.baseUrl}/${wijkSlug}/`)
    await page.click('header nav >> text=Mijn gegevens')
    await page.waitForURL(/\/mijn-gegevens/)
    expect(await page.locator('main').textContent()).toContain('lotte@example.test')

    await page.click('header nav >> text=Uitloggen')
    await page.waitForURL((url) => !url.pathname.startsWith('/mijn-gegevens'))
    expect(await page.locator('header nav').textContent()).toContain('Inloggen')
    await page.goto(`${rig.baseUrl}/mijn-gegevens`)
    expect(page.url()).toContain('/account/inloggen')
  })

  for (const [name, path] of [
    ['the home page', '/'],
    ['a wijk home', () => `/${wijkSlug}/`],
    ['sign-up', '/account/registreren'],
    ['login', '/account/inloggen'],
    ['the privacy statement', '/privacy'],
  ] as const) {
    it(`finds no accessibility violations on ${name}`, async () => {
      const fresh = await rig.newPage()
      await fresh.goto(rig.baseUrl + (typeof path === 'function' ? path() : path))
      expect(await axeFindings(fresh)).toEqual([])
      await fresh.close()
    })
  }
})

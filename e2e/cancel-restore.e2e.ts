/**
 * P24 and P26 in a real browser: a resident with a published item clicks "Hulp nodig", cancels
 * with their password and lands on the goodbye page; the item is gone from the wijk site; the
 * erase job archives the account; an admin finds it in /beheer/archief by email and restores it;
 * the resident sets a new password through the link mailed over SMTP, logs in and finds the item
 * back as a draft. Axe finds no WCAG 2.1 A/AA violation on the new pages along the way.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, axeFindings } from './browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../test/factories.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { accountArchives } from '../src/features/cancellation/cancellation.tables.js'

const run = browserAvailable()

const EMAIL = 'marleen.terug@example.test'
const TITLE = 'Moestuin delen aan de Kersenlaan'
const NEW_PASSWORD = 'weer terug in de wijk 2031'

async function expectAccessible(page: Page, what: string) {
  expect(await axeFindings(page), what).toEqual([])
  expect(await page.locator('h1').count(), `${what}: one h1`).toBe(1)
}

async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/account/inloggen?volgende=${encodeURIComponent('/mijn-gegevens')}`)
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('main button[type=submit]')
}

describe.runIf(run)('cancelling an account and having it restored', () => {
  let rig: BrowserRig
  let resident: BuiltUser
  let admin: BuiltUser
  let wijk: { id: number; slug: string }
  let itemPath: string

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Kersenbuurt' })
    resident = await buildUser(rig.t, { email: EMAIL, firstName: 'Marleen', homeWijkId: wijk.id })
    admin = await buildUser(rig.t, { role: 'admin', firstName: 'Beheerder' })
    const item = await buildItem(rig.t, { wijkId: wijk.id, type: 'offer', title: TITLE, ownerId: resident.id, category: 'overig', expiresAt: new Date(Date.now() + 20 * 86_400_000) })
    itemPath = `/${wijk.slug}/prikbord/${item.id}-${item.slug}`
  })
  afterAll(() => rig?.stop())

  it('cancels through Hulp nodig, is restored by an admin from the archive, and logs in again with a new password', async () => {
    // -- The resident cancels ---------------------------------------------------------------
    const page = await rig.newPage()
    expect((await page.goto(`${rig.baseUrl}${itemPath}`))!.status()).toBe(200)
    await logIn(page, rig.baseUrl, EMAIL, resident.password)
    await page.waitForURL(/\/mijn-gegevens/)
    await page.click('header a.help-link')
    await page.waitForURL(/\/hulp$/)
    await expectAccessible(page, 'hulp')
    await page.click('main a[href="/hulp/opzeggen"]')
    await page.waitForURL(/\/hulp\/opzeggen$/)
    await expectAccessible(page, 'opzeggen')
    await page.fill('#password', resident.password)
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/hulp\/opgezegd$/)
    await expectAccessible(page, 'goodbye')
    expect(await page.locator('header nav').textContent()).toContain('Inloggen')
    expect((await page.goto(`${rig.baseUrl}${itemPath}`))!.status()).toBe(404)
    expect(await (await page.goto(`${rig.baseUrl}/${wijk.slug}/prikbord`))!.text()).not.toContain(TITLE)
    const confirmation = await rig.t.smtp.waitFor((m) => m.to === EMAIL && m.subject.includes('opgezegd'), 15_000)
    expect(confirmation.text).toContain('48 uur')
    await page.context().close()

    // The erase job runs in the background: wait until the account is archived.
    await expect
      .poll(async () => (await rig.t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, resident.id))).length, { timeout: 15_000 })
      .toBe(1)

    // -- An admin restores it from the archive ------------------------------------------------
    const adminPage = await rig.newPage()
    await logIn(adminPage, rig.baseUrl, admin.email, admin.password)
    await adminPage.waitForURL(/\/mijn-gegevens/)
    await adminPage.goto(`${rig.baseUrl}/beheer`)
    await adminPage.click('main a[href="/beheer/archief"]')
    await adminPage.waitForURL(/\/beheer\/archief$/)
    await expectAccessible(adminPage, 'archief')
    await adminPage.fill('#email', EMAIL)
    await adminPage.click('main form.inline-form button[type=submit]')
    await adminPage.waitForSelector('main table')
    await expectAccessible(adminPage, 'archief results')
    expect(await adminPage.locator('main').textContent()).not.toContain('Marleen')
    await adminPage.click('main table button[type=submit]')
    await adminPage.waitForURL(/melding=flash\.cancellation\.restored/)
    await expectAccessible(adminPage, 'archief after restore')
    await adminPage.context().close()

    // -- The resident chooses a new password through the mailed link --------------------------
    const mail = await rig.t.smtp.waitFor((m) => m.to === EMAIL && m.subject.includes('teruggezet'), 15_000)
    const link = /https?:\/\/\S+\/account\/wachtwoord-herstellen\?token=[\w-]+/.exec(mail.text)?.[0]
    expect(link).toBeDefined()
    const back = await rig.newPage()
    await back.goto(link!)
    await back.fill('#password', NEW_PASSWORD)
    await back.fill('#passwordRepeat', NEW_PASSWORD)
    await back.click('main form button[type=submit]')
    await back.waitForURL(/\/account\/inloggen/)
    await logIn(back, rig.baseUrl, EMAIL, NEW_PASSWORD)
    await back.waitForURL(/\/mijn-gegevens/)
    await back.goto(`${rig.baseUrl}/mijn-content`)
    const mine = (await back.locator('main').textContent()) ?? ''
    expect(mine).toContain(TITLE)
    expect(mine).toMatch(/[Cc]oncept/)
    // Still a draft: not public until the resident publishes it again.
    const visitor = await rig.newPage()
    expect((await visitor.goto(`${rig.baseUrl}${itemPath}`))!.status()).toBe(404)
    await visitor.context().close()
    await back.context().close()
  }, 120_000)
})

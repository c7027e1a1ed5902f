/**
 * Cancellation and archive pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, also
 * with form errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { startBrowserRig, browserAvailable, type BrowserRig, loggedInPage, expectPageAccessible } from '../browser.js'
import { buildUser, type BuiltUser } from '../../test/factories.js'
import { accountArchives } from '../../src/features/cancellation/cancellation.tables.js'

const run = browserAvailable()

describe.runIf(run)('cancellation and archive pages in the browser', () => {
  let rig: BrowserRig
  let resident: BuiltUser
  let leaver: BuiltUser
  let admin: BuiltUser

  beforeAll(async () => {
    rig = await startBrowserRig()
    resident = await buildUser(rig.t, { firstName: 'Rein' })
    leaver = await buildUser(rig.t, { firstName: 'Lotte', lastName: 'Vertrek' })
    admin = await buildUser(rig.t, { role: 'admin' })
  })
  afterAll(() => rig?.stop())



  it('the cancellation page, also with a wrong password, and the goodbye page pass axe', async () => {
    const page = await loggedInPage(rig, resident)
    await page.goto(`${rig.baseUrl}/hulp/opzeggen`)
    await expectPageAccessible(page, 'cancel')
    await page.fill('#password', 'verkeerd wachtwoord')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    expect(await page.locator('#password-error').count()).toBe(1)
    await expectPageAccessible(page, 'cancel with error')
    await page.goto(`${rig.baseUrl}/hulp/opgezegd`)
    await expectPageAccessible(page, 'goodbye')
    await page.context().close()
  }, 90_000)

  it('cancelling on behalf (search error, found account, missing reason) and the archive (search, results, refusal) pass axe', async () => {
    const page = await loggedInPage(rig, admin)
    await page.goto(`${rig.baseUrl}/beheer/opzeggen`)
    await expectPageAccessible(page, 'on behalf')
    await page.fill('#email', 'niemand@example.test')
    await page.click('main form.inline-form button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectPageAccessible(page, 'on behalf, unknown address')
    await page.fill('#email', leaver.email)
    await page.click('main form.inline-form button[type=submit]')
    await page.waitForSelector('#reason')
    await expectPageAccessible(page, 'on behalf, found')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('#reason-error')
    await expectPageAccessible(page, 'on behalf, reason missing')
    await page.fill('#reason', 'Telefonisch verzoek, bevestigd per e-mail')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/melding=flash\.cancellation\.onBehalf/)

    // The erase job runs in the background; wait until the archive exists.
    for (let i = 0; i < 100; i++) {
      if ((await rig.t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, leaver.id))).length) break
      await new Promise((r) => setTimeout(r, 100))
    }
    await page.goto(`${rig.baseUrl}/beheer/archief`)
    await expectPageAccessible(page, 'archive')
    await page.fill('#email', leaver.email)
    await page.click('main form.inline-form button[type=submit]')
    await page.waitForSelector('main table')
    await expectPageAccessible(page, 'archive results')
    // Someone else took the address meanwhile: the refusal page.
    await buildUser(rig.t, { email: leaver.email })
    await page.click('main table button[type=submit]')
    await page.waitForSelector('.notice.error')
    await expectPageAccessible(page, 'archive, restore refused')
    await page.fill('#email', 'niemand@example.test')
    await page.click('main form.inline-form button[type=submit]')
    await page.waitForSelector('#gevonden-kop')
    await expectPageAccessible(page, 'archive, nothing found')
    await page.context().close()
  }, 90_000)
})

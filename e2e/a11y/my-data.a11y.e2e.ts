/**
 * Mijn gegevens and the export status page in a real browser (Chromium) with axe: WCAG 2.1 A and
 * AA, on the full page with data of every kind, with a form error, and on the export pages.
 * Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import { contentManagers } from '../../src/features/content/content.tables.js'
import { recordAudit } from '../../src/kernel/audit/audit.js'
import { dataExports } from '../../src/features/my-data/my-data.tables.js'

const run = browserAvailable()

describe.runIf(run)('Mijn gegevens in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let user: BuiltUser

  beforeAll(async () => {
    rig = await startBrowserRig()
    const oost = await buildWijk(rig.t, { name: 'Oosterpark' })
    await buildWijk(rig.t, { name: 'Westerpark' })
    user = await buildUser(rig.t, { firstName: 'Axel', homeWijkId: oost.id, role: 'wijkbeheerder', wijkId: oost.id })
    const admin = await buildUser(rig.t, { firstName: 'Anna', role: 'admin' })
    const other = await buildUser(rig.t, { firstName: 'Otto' })
    await buildItem(rig.t, { wijkId: oost.id, title: 'Koffie-inloop', ownerId: user.id, contactName: 'Axel', contactNamePublic: true, contactEmail: 'axel@example.test', contactPhone: '06-12121212', contactAddress: 'Plein 1\n1234 AB Lindeburg' })
    const shared = await buildItem(rig.t, { wijkId: oost.id, title: 'Buurtkrant', ownerId: other.id, status: 'draft', contactName: 'Otto' })
    await rig.t.deps.db.insert(contentManagers).values({ contentId: shared.id, userId: user.id, addedAt: rig.t.clock.now() })
    await recordAudit(rig.t.deps.db, rig.t.clock.now(), { actorUserId: admin.id, action: 'role.appoint', subjectUserId: user.id, details: { role: 'wijkbeheerder' } })
    await recordAudit(rig.t.deps.db, rig.t.clock.now(), { actorUserId: admin.id, action: 'some.future.action', subjectUserId: user.id })

    page = await rig.newPage()
    await logIn(page, rig.baseUrl, user)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (label: string) => expectPageAccessible(page, label)

  it('the full page with data of every kind, and with an error in its forms, passes axe', async () => {
    await page.click('form[action="/mijn-gegevens/nieuwsbrieven"] button[type=submit]')
    await page.waitForSelector('#newsletterWijkId-error')
    await expectAccessible('mijn gegevens with a newsletter error')
    await page.selectOption('#newsletterWijkId', { label: 'Westerpark' })
    await page.click('form[action="/mijn-gegevens/nieuwsbrieven"] button[type=submit]')
    await page.waitForURL(/flash\.my-data\.subscribed/)
    await page.click('form[action$="/phone"] button[type=submit]')
    await page.waitForURL(/flash\.my-data\.contactShown/)
    await expectAccessible('mijn gegevens with data')
    expect(await page.locator('#nieuwsbrieven').textContent()).toContain('Westerpark')

    await page.fill('#currentPassword', 'fout')
    await page.fill('#newPassword', 'kort')
    await page.fill('#newPasswordRepeat', 'kort')
    await page.click('form[action="/mijn-gegevens/wachtwoord"] button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('mijn gegevens with a password error')
  }, 60_000)

  it('the export status page passes axe while waiting, when ready, and when expired', async () => {
    await page.goto(`${rig.baseUrl}/mijn-gegevens#download`)
    // Stop the worker for a moment, so the page can be seen while the export waits.
    await rig.t.runner.stop()
    await page.click('form[action="/mijn-gegevens/export"] button[type=submit]')
    await page.waitForURL(/\/mijn-gegevens\/export\/[0-9a-f-]{36}$/)
    expect(await page.locator('progress').count()).toBe(1)
    await expectAccessible('export waiting')

    // With the worker back, the page's script picks up the finished export by itself.
    rig.t.runner.start()
    await page.waitForSelector('a[href$="/download"]', { timeout: 20_000 })
    await expectAccessible('export ready')

    const [row] = await rig.t.deps.db.select().from(dataExports).where(eq(dataExports.userId, user.id))
    rig.t.clock.set(new Date(row!.expiresAt.getTime() + 1_000))
    const res = await page.goto(page.url())
    expect(res?.status()).toBe(410)
    await expectAccessible('export expired')
  }, 60_000)
})

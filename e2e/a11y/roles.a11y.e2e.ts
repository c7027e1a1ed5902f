/**
 * The role invitation pages in a real browser (Chromium) with axe (WCAG 2.1 A and AA): the
 * management pages with open invitations and a duplicate-invitation error, the offer, and the
 * 403 and 404 pages of the mailed link. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../../test/factories.js'
import { randomToken, hashToken } from '../../src/kernel/auth/tokens.js'
import { DAY, addMs } from '../../src/kernel/clock.js'
import { roleInvitations } from '../../src/features/roles/roles.tables.js'

const run = browserAvailable()

describe.runIf(run)('role invitation pages in the browser', () => {
  let rig: BrowserRig
  let wijk: { id: number }
  let invitee: BuiltUser
  const token = randomToken()

  async function pageAs(user: BuiltUser): Promise<Page> {
    const page = await rig.newPage()
    await logIn(page, rig.baseUrl, user)
    return page
  }

  async function expectAccessible(page: Page, path: string, status = 200) {
    const res = await page.goto(`${rig.baseUrl}${path}`)
    expect(res?.status(), path).toBe(status)
    await expectPageAccessible(page, path)
  }

  beforeAll(async () => {
    rig = await startBrowserRig()
    const { db, clock } = rig.t.deps
    wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    invitee = await buildUser(rig.t, { email: 'genodigde@example.test' })
    const now = clock.now()
    await db.insert(roleInvitations).values([
      { tokenHash: hashToken(token), email: invitee.email, role: 'wijkbeheerder', wijkId: wijk.id, createdAt: now, expiresAt: addMs(now, 14 * DAY) },
      { tokenHash: hashToken(randomToken()), email: 'nog-geen-account@example.test', role: 'wijkbeheerder', wijkId: wijk.id, createdAt: now, expiresAt: addMs(now, 14 * DAY) },
      { tokenHash: hashToken(randomToken()), email: 'ambassadeur-nieuw@example.test', role: 'ambassadeur', wijkId: wijk.id, createdAt: now, expiresAt: addMs(now, 14 * DAY) },
    ])
  })
  afterAll(() => rig?.stop())

  it('the wijkbeheerders and roles pages with open invitations, and the duplicate error, pass axe', async () => {
    const amb = await pageAs(await buildUser(rig.t, { role: 'ambassadeur', wijkId: wijk.id }))
    await expectAccessible(amb, `/beheer/wijken/${wijk.id}/wijkbeheerders`)
    expect(await amb.getByText('nog-geen-account@example.test').count()).toBe(1)
    await amb.fill('#email', 'nog-geen-account@example.test')
    await amb.click('main form.stack button[type=submit]')
    await amb.waitForSelector('#email-error')
    expect(await axeFindings(amb)).toEqual([])

    const admin = await pageAs(await buildUser(rig.t, { role: 'admin' }))
    await expectAccessible(admin, '/beheer/rollen')
    expect(await admin.getByText('ambassadeur-nieuw@example.test').count()).toBe(1)
  }, 60_000)

  it('the offer, and the pages for another account and a dead link, pass axe', async () => {
    const page = await pageAs(invitee)
    await expectAccessible(page, `/rol-uitnodiging/${token}`)
    await expectAccessible(page, `/rol-uitnodiging/${randomToken()}`, 404)
    const other = await pageAs(await buildUser(rig.t))
    await expectAccessible(other, `/rol-uitnodiging/${token}`, 403)
  }, 60_000)
})

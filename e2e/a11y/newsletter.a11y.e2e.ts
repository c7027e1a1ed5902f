/**
 * The newsletter's pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, also with form
 * errors. Public: the wijk's newsletter page, the confirm and unsubscribe pages behind the mailed
 * links. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { newsletterSubscriptions } from '../../src/features/newsletter/newsletter.tables.js'
import { linkToken } from '../../src/features/newsletter/newsletter.tokens.js'
import { processors } from '../../src/features/register/register.tables.js'
import { MAILCHIMP_PROCESSOR_KEY } from '../../src/features/register/register.defaults.js'

const run = browserAvailable()

describe.runIf(run)('newsletter pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijk: { id: number; slug: string }
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Vlinderhof' })
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (what: string) => expectPageAccessible(page, what)

  it('the sign-up page (also with errors), confirm, unsubscribe and unsubscribed pass axe', async () => {
    await page.goto(`${rig.baseUrl}/${wijk.slug}/nieuwsbrieven`)
    await expectAccessible('wijk newsletter page')
    await page.fill('#email', 'geen-adres')
    await page.click('main form button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('sign-up with errors')
    await page.fill('#firstName', 'Noor')
    await page.fill('#email', 'noor@example.test')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/melding=flash\.newsletter\.checkMail/)
    await expectAccessible('sign-up done')

    const [row] = await rig.t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, 'noor@example.test'))
    const secret = linkToken(rig.t.deps.config.sessionSecret, row!)
    await page.goto(`${rig.baseUrl}/nieuwsbrief/bevestigen/${secret}`)
    await expectAccessible('confirm page')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/melding=flash\.newsletter\.confirmed/)
    await expectAccessible('confirmed')
    await page.goto(`${rig.baseUrl}/nieuwsbrief/afmelden/${secret}`)
    await expectAccessible('unsubscribe page')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/\/nieuwsbrief\/afgemeld/)
    await expectAccessible('unsubscribed')
    await page.goto(`${rig.baseUrl}/nieuwsbrief/afmelden/${secret}`)
    await expectAccessible('spent link')
  }, 90_000)

  it('the wijk team’s list, compose (also with errors), preview, progress, archive and export pages pass axe', async () => {
    const team = await rig.newPage()
    page = team
    await logIn(team, rig.baseUrl, await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const base = `${rig.baseUrl}/beheer/wijken/${wijk.id}/nieuwsbrieven`
    await team.goto(base)
    await expectAccessible('newsletter list (empty)')
    await team.goto(`${base}/nieuw`)
    await expectAccessible('compose')
    await team.click('main form.stack button[type=submit]')
    await team.waitForSelector('.error-summary')
    await expectAccessible('compose with errors')
    await team.fill('#subject', 'Lente in de Vlinderhof')
    await team.fill('#body', '# Welkom\n\nDe **lente** is begonnen.')
    await team.click('main form.stack button[type=submit]')
    await team.waitForURL(/nieuwsbrieven\/\d+\/voorbeeld\?melding/)
    await expectAccessible('preview with test and send')
    const id = /nieuwsbrieven\/(\d+)/.exec(team.url())![1]
    await team.goto(`${base}/${id}`)
    await expectAccessible('draft')
    await team.goto(`${base}/${id}/voorbeeld`)
    await team.click(`form[action$="/${id}/versturen"] button`)
    await team.waitForURL(/melding=flash\.newsletter\.sending/)
    await expectAccessible('sending progress')
    await team.goto(base)
    await expectAccessible('newsletter list')
    await team.goto(`${rig.baseUrl}/${wijk.slug}/nieuwsbrieven/${id}`)
    await expectAccessible('archived issue')
    await team.goto(`${base}/export`)
    await expectAccessible('export refused (no processor agreement)')
    await rig.t.deps.db.update(processors).set({ agreementInPlace: true }).where(eq(processors.key, MAILCHIMP_PROCESSOR_KEY))
    await team.goto(`${base}/export`)
    await expectAccessible('export')
  }, 90_000)
})

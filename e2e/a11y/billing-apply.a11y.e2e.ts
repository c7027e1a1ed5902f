/**
 * Applying for a package in a real browser (Chromium) with axe: the form as first shown and with
 * its errors, Mijn pakket while the application waits and once approved, the mandate page, and the
 * admin's list and detail of applications. After the approval the first invoice arrives by mail
 * over SMTP, and its PDF and UBL are downloaded from Mijn pakket. Screenshots of the form and Mijn pakket at 390 and
 * 1280 px go to /tmp/shots-apply/ for a look. Skipped where no Chromium is installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Download } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, expectPageAccessible, loggedInPage, shoot, submitApplication } from '../browser.js'
import { buildUser } from '../../test/factories.js'
import { buildPackage } from '../../src/features/billing/billing.apply.test-helpers.js'

const run = browserAvailable()
const SHOTS = '/tmp/shots-apply'

/** A download's bytes (the browser runs in another process, so there is no local path to read). */
async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe.runIf(run)('applying for a package in the browser', () => {
  let rig: BrowserRig
  beforeAll(async () => {
    rig = await startBrowserRig()
  })
  afterAll(() => rig?.stop())

  it('the form (also with errors), Mijn pakket, the mandate page and the admin pages pass axe', async () => {
    const pkg = await buildPackage(rig.t, { slug: 'wijkpartner', entitlements: ['featured'] })
    const page = await loggedInPage(rig, await buildUser(rig.t, { firstName: 'Fatima' }))
    await page.goto(`${rig.baseUrl}/pakketten`)
    await Promise.all([page.waitForURL(/\/aanvragen$/), page.click(`a[href="/pakketten/${pkg.slug}/aanvragen"]`)])
    await expectPageAccessible(page, 'apply form')
    await page.click('details.agreement-text summary')
    await expectPageAccessible(page, 'apply form with the agreement open')
    await shoot(page, SHOTS, 'apply-form')

    await page.fill('#organisationName', 'Bakkerij De Korenaar')
    await page.fill('#kvkNumber', '1234')
    await page.fill('#postalCode', '99 ZZ')
    await page.check('#paymentMethod-direct-debit')
    await page.fill('#iban', 'NL91ABNA0417164301')
    await submitApplication(page)
    expect(await page.locator('.error-summary').count()).toBe(1)
    // The summary lists the problems in the order of the form.
    const linked = await page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(linked.slice(0, 3)).toEqual(['#kvkNumber', '#street', '#houseNumber'])
    expect(linked.indexOf('#postalCode')).toBeLessThan(linked.indexOf('#place'))
    expect(linked.indexOf('#iban')).toBeLessThan(linked.indexOf('#accept'))
    expect(await page.inputValue('#organisationName')).toBe('Bakkerij De Korenaar')
    expect(await page.inputValue('#iban')).toBe('')
    await expectPageAccessible(page, 'apply form with errors')
    await shoot(page, SHOTS, 'apply-form-errors')

    const fields: Array<[string, string]> = [
      ['#kvkNumber', '12345678'],
      ['#street', 'Dapperstraat'],
      ['#houseNumber', '12'],
      ['#postalCode', '1093 BS'],
      ['#place', 'Amsterdam'],
      ['#billingEmail', 'facturen@korenaar.example'],
      ['#contactName', 'Fatima el Amrani'],
      ['#iban', 'NL91 ABNA 0417 1643 00'],
      ['#accountHolder', 'Bakkerij De Korenaar'],
      ['#signerName', 'Fatima el Amrani'],
    ]
    for (const [selector, value] of fields) await page.fill(selector, value)
    await page.check('#accept')
    await submitApplication(page)
    await page.waitForURL(/\/mijn-pakket/)
    await expectPageAccessible(page, 'Mijn pakket, application pending')

    const admin = await loggedInPage(rig, await buildUser(rig.t, { role: 'admin' }))
    await admin.goto(`${rig.baseUrl}/beheer/aanvragen`)
    await expectPageAccessible(admin, 'admin list of applications')
    await Promise.all([admin.waitForURL(/\/beheer\/aanvragen\/\d+$/), admin.click('main table a')])
    await expectPageAccessible(admin, 'admin detail of an application')
    expect(await admin.locator('main').innerText()).toContain('NL•• •••• •••• ••43 00')
    await shoot(admin, SHOTS, 'beheer-aanvraag')
    await Promise.all([admin.waitForURL(/melding=flash\.billing\.approved/), admin.click('form[action$="/goedkeuren"] button')])
    await expectPageAccessible(admin, 'admin detail, approved')

    // The approval queued the invoicing run: the first invoice arrives over SMTP with both files.
    const mail = await rig.t.smtp.waitFor((m) => m.to === 'facturen@korenaar.example', 30_000)
    const number = /^Factuur (\d{4}-\d{5}) van /.exec(mail.subject)?.[1]
    expect(number, mail.subject).toBeTruthy()
    expect(mail.attachments.map((a) => a.filename)).toEqual([`factuur-${number}.pdf`, `factuur-${number}.xml`])
    expect(mail.text).toContain('NL•• •••• •••• ••43 00')

    await page.goto(`${rig.baseUrl}/mijn-pakket`)
    await expectPageAccessible(page, 'Mijn pakket, active, with its first invoice')
    await shoot(page, SHOTS, 'mijn-pakket')
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click(`main table a[href$="/pdf"]`)])
    expect(pdf.suggestedFilename()).toBe(`factuur-${number}.pdf`)
    expect((await downloaded(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
    const [ubl] = await Promise.all([page.waitForEvent('download'), page.click(`main table a[href$="/ubl"]`)])
    expect(ubl.suggestedFilename()).toBe(`factuur-${number}.xml`)
    expect((await downloaded(ubl)).toString('utf8')).toContain(`<cbc:ID>${number}</cbc:ID>`)
    await Promise.all([page.waitForURL(/\/mijn-pakket\/machtiging\/\d+$/), page.click('a[href^="/mijn-pakket/machtiging/"]')])
    await expectPageAccessible(page, 'mandate page')
    await shoot(page, SHOTS, 'machtiging')
    expect(await page.locator('main').innerText()).not.toContain('NL91')
  }, 180_000)
})

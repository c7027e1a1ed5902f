/**
 * Issue 5 in a real browser: a wijkbeheerder uploads a CSV of organisations (as Dutch Excel
 * writes it) with one bad row, sees that row with its error in the dry run, fixes the file and
 * uploads it again (the column choice is kept), imports, follows the progress with "Vernieuwen"
 * until it is done, and finds the organisations on the public wijk site, with the phone column it
 * chose to show and without the emails it kept hidden. Axe on every step.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings } from './browser.js'
import { buildUser, buildWijk } from '../test/factories.js'

const run = browserAvailable()

const header = 'Naam;Omschrijving;Website;E-mail;Telefoon'
const good1 = 'Buurthuis De Linde;"Koffie; soep en een praatje";https://linde.example;info@linde.example;020 555 0101'
const good2 = 'Repair Café Oost;Samen repareren;www.repair.example;;020 555 0202'
const bad = 'Speeltuin Zonnetje;Spelen;geen website;;'
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`)

async function expectAccessible(page: Page, what: string) {
  expect(await axeFindings(page), what).toEqual([])
  expect(await page.locator('h1').count(), what).toBe(1)
}

describe.runIf(run)('a wijkbeheerder imports a CSV with a bad row, fixes it and imports', () => {
  let rig: BrowserRig
  let page: Page
  let wijk: { id: number; slug: string }

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Kersenbuurt' })
    const beheerder = await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id, firstName: 'Wim' })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, beheerder)
  })
  afterAll(() => rig?.stop())

  it('uploads, maps, sees the bad row, re-uploads the fixed file, imports and sees the result', async () => {
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/import`)
    await expectAccessible(page, 'upload')
    await page.check('#kind')
    await page.setInputFiles('#file', { name: 'organisaties.csv', mimeType: 'text/csv', buffer: csv([good1, bad, good2]) })
    await page.click('main form button[type=submit]')

    await page.waitForURL(/\/kolommen$/)
    await expectAccessible(page, 'mapping')
    expect(await page.inputValue('#title')).toBe('0')
    expect(await page.inputValue('#website')).toBe('2')
    expect(await page.inputValue('#contactPhone')).toBe('4')
    // Contact columns stay hidden unless chosen: show the phone numbers, keep the emails private.
    expect(await page.isChecked('#contactPhonePublic')).toBe(false)
    expect(await page.isChecked('#contactEmailPublic')).toBe(false)
    await page.check('#contactPhonePublic')
    await page.click('main form.stack > button[type=submit]')

    await page.waitForURL(/\/controle$/)
    await expectAccessible(page, 'dry run with a bad row')
    const problems = page.locator('main table').first()
    expect(await problems.innerText()).toMatch(/3\s+Speeltuin Zonnetje\s+Website/)
    expect(await page.locator('main').innerText()).toContain('2 van de 3 rijen')

    // Fix the file and upload it again from the dry run page.
    await page.setInputFiles('#file', { name: 'organisaties.csv', mimeType: 'text/csv', buffer: csv([good1, bad.replace('geen website', 'https://zonnetje.example'), good2]) })
    await page.click('main form[enctype="multipart/form-data"] button[type=submit]')
    await page.waitForURL(/\/controle$/)
    expect(await page.locator('main').innerText()).toContain('Alle 3 rijen kunnen worden geïmporteerd')
    await expectAccessible(page, 'dry run, clean')

    await page.click('main form[action$="/importeren"] button')
    await page.waitForURL(/\/import\/[0-9a-f-]{36}\?/)
    await expectAccessible(page, 'progress')
    for (let i = 0; i < 50 && !(await page.locator('main').innerText()).includes('100% klaar'); i++) {
      await new Promise((r) => setTimeout(r, 200))
      const refresh = page.getByRole('link', { name: 'Vernieuwen' })
      if (await refresh.count()) await refresh.click()
      else await page.reload()
    }
    const done = await page.locator('main').innerText()
    expect(done).toContain('100% klaar')
    expect(done).toContain('3 organisaties aangemaakt en gepubliceerd. 0 rijen overgeslagen.')
    expect(done).toContain('Openbaar op de wijksite: Telefoonnummer.')
    await expectAccessible(page, 'progress, done')

    const visitor = await rig.newPage()
    await visitor.goto(`${rig.baseUrl}/${wijk.slug}/organisaties`)
    const guide = await visitor.locator('main').innerText()
    for (const name of ['Buurthuis De Linde', 'Repair Café Oost', 'Speeltuin Zonnetje']) expect(guide).toContain(name)
    expect(await visitor.content()).not.toContain('info@linde.example')
    await visitor.getByRole('link', { name: 'Buurthuis De Linde' }).click()
    const linde = await visitor.locator('main').innerText()
    expect(linde).toContain('020 555 0101')
    expect(await visitor.content()).not.toContain('info@linde.example')
  }, 120_000)
})

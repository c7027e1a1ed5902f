/**
 * Issue 3 in a real browser: a resident creates a weekly activity with a contact person whose
 * name is public and whose email, phone and address are private, checks the preview, publishes;
 * a visitor (separate browser context, not logged in) finds it through the wijk search, opens it,
 * sees none of the private fields, and writes through the contact form; the message arrives at
 * the private contact address with Reply-To the visitor. Axe finds no WCAG 2.1 A/AA violation on
 * the create form, the preview, the search results, the public item page and the contact form.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings } from './browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../test/factories.js'

const run = browserAvailable()

const TITLE = 'Wekelijkse breiclub Zonnehoek'
const SEARCH_WORD = 'breiclub'
const CONTACT_NAME = 'Henriëtte Wolkenbreier'
const CONTACT_EMAIL = 'geheim-contact@example.test'
const CONTACT_PHONE = '06-98765432'
const CONTACT_PHONE_DIGITS = '0698765432'
const CONTACT_ADDRESS = 'Geheimstraat 13\n7421 AB Kersenbuurt'
const ADDRESS_WORD = 'Geheimstraat'
const VISITOR_NAME = 'Bezoeker Bram'
const VISITOR_EMAIL = 'bram-bezoeker@example.test'
const VISITOR_MESSAGE = 'Mag ik volgende week aanschuiven met mijn eigen naalden? Groet, Bram'

/** Local-ish calendar date n days from now, as a date input wants it. */
function dateIn(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10)
}

async function expectAccessible(page: Page, what: string) {
  expect(await axeFindings(page), what).toEqual([])
  expect(await page.locator('h1').count(), `${what}: one h1`).toBe(1)
}

/** Neither the visible text nor the markup (attributes, mailto:/tel: links, JSON-LD) holds a private field. */
async function expectNoPrivateFields(page: Page, what: string) {
  const text = (await page.locator('body').innerText()) ?? ''
  const html = await page.content()
  for (const [label, source] of [
    ['text', text],
    ['html', html],
  ] as const) {
    expect(source, `${what} ${label}: email`).not.toContain(CONTACT_EMAIL)
    expect(source, `${what} ${label}: email local part`).not.toContain('geheim-contact')
    expect(source, `${what} ${label}: phone`).not.toContain(CONTACT_PHONE)
    expect(source, `${what} ${label}: phone digits`).not.toContain(CONTACT_PHONE_DIGITS)
    expect(source, `${what} ${label}: address`).not.toContain(ADDRESS_WORD)
  }
}

describe.runIf(run)('publishing an activity with a private contact person, and being contacted through it', () => {
  let rig: BrowserRig
  let owner: BuiltUser
  let wijk: { id: number; slug: string }

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Kersenbuurt', postcodes: ['7421'] })
    owner = await buildUser(rig.t, { email: 'eigenaar-breiclub@example.test', firstName: 'Ilse', homeWijkId: wijk.id })
  })
  afterAll(() => rig?.stop())

  it('keeps the contact email, phone and address private while the visitor can still write to them', async () => {
    // -- The owner: log in, create, preview, publish --------------------------------------------
    const ownerPage = await rig.newPage()
    await logIn(ownerPage, rig.baseUrl, owner)

    await ownerPage.goto(`${rig.baseUrl}/mijn-content/nieuw`)
    await ownerPage.check('#type-activity')
    await ownerPage.selectOption('#wijk', String(wijk.id))
    await ownerPage.click('main form button[type=submit]')
    await ownerPage.waitForURL((url) => url.pathname === '/mijn-content/nieuw' && url.searchParams.get('type') === 'activity')
    expect(new URL(ownerPage.url()).searchParams.get('wijk')).toBe(String(wijk.id))
    await expectAccessible(ownerPage, 'create form')

    const now = rig.t.clock.now()
    await ownerPage.fill('#title', TITLE)
    await ownerPage.fill('#summary', 'Elke week samen breien, haken en koffie drinken.')
    await ownerPage.fill('#body', 'Iedereen is welkom, ook als je nog nooit een naald hebt vastgehouden.')
    await ownerPage.fill('#startDate', dateIn(now, 7))
    await ownerPage.fill('#startTime', '14:00')
    await ownerPage.fill('#endTime', '16:00')
    await ownerPage.selectOption('#recurrenceKind', 'weekly')
    await ownerPage.fill('#recurrenceUntil', dateIn(now, 70))
    await ownerPage.fill('#locationText', 'Buurthuis De Kers, grote zaal')
    await ownerPage.fill('#contactName', CONTACT_NAME)
    await ownerPage.check('#contactNamePublic')
    await ownerPage.fill('#contactEmail', CONTACT_EMAIL)
    await ownerPage.fill('#contactPhone', CONTACT_PHONE)
    await ownerPage.fill('#contactAddress', CONTACT_ADDRESS)
    // Only the name is public: the other switches stay off.
    for (const id of ['#contactEmailPublic', '#contactPhonePublic', '#contactAddressPublic']) {
      expect(await ownerPage.isChecked(id), id).toBe(false)
    }
    await ownerPage.click('main form.stack button[type=submit]')
    await ownerPage.waitForURL(/\/mijn-content\/\d+\/voorbeeld/)
    const itemId = /\/mijn-content\/(\d+)\/voorbeeld/.exec(ownerPage.url())![1]

    const preview = ownerPage.locator('section.preview-frame')
    const previewText = await preview.innerText()
    expect(previewText).toContain(TITLE)
    expect(previewText).toContain(CONTACT_NAME)
    expect(previewText).not.toContain(CONTACT_EMAIL)
    expect(previewText).not.toContain(CONTACT_PHONE)
    expect(previewText).not.toContain(ADDRESS_WORD)
    await expectNoPrivateFields(ownerPage, 'preview')
    await expectAccessible(ownerPage, 'preview')

    await ownerPage.click(`main form[action="/mijn-content/${itemId}/publiceren"] button[type=submit]`)
    await ownerPage.waitForURL((url) => url.pathname === '/mijn-content' && url.searchParams.get('melding') === 'flash.my-content.published')
    await ownerPage.context().close()

    // -- The visitor: search, open, check, write ------------------------------------------------
    const visitor = await rig.newPage()
    await visitor.goto(`${rig.baseUrl}/${wijk.slug}/zoeken?q=${encodeURIComponent(SEARCH_WORD)}`)
    const hit = visitor.locator('ol.search-results a', { hasText: TITLE })
    expect(await hit.count()).toBe(1)
    await expectAccessible(visitor, 'search results')
    await expectNoPrivateFields(visitor, 'search results')

    await hit.click()
    await visitor.waitForURL(new RegExp(`/${wijk.slug}/agenda/${itemId}-[a-z0-9-]+$`))
    const itemText = await visitor.locator('main').innerText()
    expect(itemText).toContain(TITLE)
    expect(itemText).toContain(CONTACT_NAME)
    await expectNoPrivateFields(visitor, 'item page')
    await expectAccessible(visitor, 'item page')

    await visitor.click('main a[href$="/contact"]')
    await visitor.waitForURL(new RegExp(`/${wijk.slug}/agenda/${itemId}-[a-z0-9-]+/contact$`))
    await expectNoPrivateFields(visitor, 'contact form')
    await expectAccessible(visitor, 'contact form')

    await visitor.fill('#name', VISITOR_NAME)
    await visitor.fill('#email', VISITOR_EMAIL)
    await visitor.fill('#message', VISITOR_MESSAGE)
    await visitor.click('main form button[type=submit]')
    await visitor.waitForURL(/\/contact\/verzonden$/)
    expect(await visitor.locator('h1').innerText()).toBeTruthy()
    await expectNoPrivateFields(visitor, 'confirmation')

    // -- The message reaches the private address, answerable to the visitor --------------------
    const mail = await rig.t.smtp.waitFor((m) => m.to === CONTACT_EMAIL, 15_000)
    expect(mail.replyTo).toBe(VISITOR_EMAIL)
    expect(mail.text).toContain('aanschuiven met mijn eigen naalden')
    expect(mail.text).toContain(VISITOR_NAME)
    expect(mail.subject).toContain(TITLE)
    expect(rig.t.smtp.messages.filter((m) => m.to === owner.email)).toEqual([])
    await visitor.context().close()
  }, 120_000)
})

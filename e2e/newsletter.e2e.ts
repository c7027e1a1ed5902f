/**
 * Issue 5 in a real browser: a visitor signs up for a wijk's newsletter and confirms through the
 * link in the mail received over SMTP (double opt-in), an account holder signs up with one button;
 * the wijkbeheerder composes a newsletter, previews it, mails a test to themselves and sends it,
 * following the progress until done. Each subscriber's mail greets them by first name (P10) and
 * carries a one-click unsubscribe link and the RFC 8058 headers (P25). The visitor unsubscribes
 * from the link in the mail without logging in, and the next newsletter reaches only the account
 * holder, whose List-Unsubscribe address answers a mail client's one-click POST. The issue is in
 * the public archive. Axe on every page of the wijk team and behind the mailed links.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings } from './browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../test/factories.js'
import type { CapturedMail } from '../test/smtp.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { DAY } from '../src/kernel/clock.js'
import { newsletterSubscriptions } from '../src/features/newsletter/newsletter.tables.js'

const run = browserAvailable()

const VISITOR = 'noor.nieuwsbrief@example.test'
const FIRST = 'Lente in de Vlinderhof'
const SECOND = 'Zomer in de Vlinderhof'
const TOKEN_LINK = /https?:\/\/[^\s/]+\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]{43}/

async function expectAccessible(page: Page, what: string) {
  expect(await axeFindings(page), what).toEqual([])
  expect(await page.locator('h1').count(), `${what}: one h1`).toBe(1)
}

/** A header of the message as it came over SMTP, unfolded. */
function rawHeader(mail: CapturedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim()
}

describe.runIf(run)('a wijkbeheerder sends a newsletter; a subscriber unsubscribes with one click from the mail', () => {
  let rig: BrowserRig
  let wijk: { id: number; slug: string }
  let beheerder: BuiltUser
  let fenna: BuiltUser
  let team: Page
  let base: string

  const mailsWith = (to: string, subject: string) => rig.t.smtp.messages.filter((m) => m.to === to && m.subject === subject)

  /** Follows the progress page with its own link (the page reloads itself nowhere) until all is sent. */
  async function followProgressUntilSent(expected: string) {
    await team.waitForURL(/melding=flash\.newsletter\.sending/)
    await expectAccessible(team, 'progress')
    for (let i = 0; i < 75 && !(await team.locator('main').innerText()).includes(expected); i++) {
      await new Promise((r) => setTimeout(r, 200))
      const refresh = team.getByRole('link', { name: 'Voortgang bijwerken' })
      if (await refresh.count()) await refresh.click()
      else await team.reload()
    }
    const done = await team.locator('main').innerText()
    expect(done).toContain(expected)
    expect(done).toMatch(/Status\s+Verstuurd/)
    expect(await team.locator('progress#voortgang').getAttribute('value')).toBe('100')
    await expectAccessible(team, 'progress, done')
  }

  /** Composes and saves a newsletter with the form's default blocks and period; returns its id. */
  async function composeAndSave(subject: string, body: string): Promise<string> {
    await team.goto(base)
    await team.getByRole('link', { name: 'Nieuwe nieuwsbrief schrijven' }).click()
    await team.waitForURL(/\/nieuwsbrieven\/nieuw$/)
    await team.fill('#subject', subject)
    await team.fill('#body', body)
    await team.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click()
    await team.waitForURL(/\/nieuwsbrieven\/\d+\/voorbeeld\?melding=flash\.newsletter\.saved/)
    return /nieuwsbrieven\/(\d+)/.exec(team.url())![1]!
  }

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Vlinderhof' })
    beheerder = await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id, firstName: 'Wim' })
    fenna = await buildUser(rig.t, { firstName: 'Fenna', homeWijkId: wijk.id })
    // Published in the default period of the form (the last 30 days), so the blocks have content.
    const now = rig.t.clock.now()
    await buildItem(rig.t, { wijkId: wijk.id, type: 'news', title: 'Nieuwe speeltuin geopend', summary: 'Aan de Lindelaan', publishedAt: new Date(now.getTime() - 2 * DAY) })
    await buildItem(rig.t, { wijkId: wijk.id, type: 'request', title: 'Wie helpt met verhuizen?', category: 'overig', publishedAt: new Date(now.getTime() - DAY), expiresAt: new Date(now.getTime() + 20 * DAY) })
    base = `${rig.baseUrl}/beheer/wijken/${wijk.id}/nieuwsbrieven`
  })
  afterAll(() => rig?.stop())

  it('subscribers sign up (double opt-in over SMTP for a visitor, one button for an account)', async () => {
    // -- A visitor signs up through the public form and confirms through the mailed link ------
    const visitor = await rig.newPage()
    await visitor.goto(`${rig.baseUrl}/${wijk.slug}/nieuwsbrieven`)
    await visitor.fill('#firstName', 'Noor')
    await visitor.fill('#email', VISITOR)
    await visitor.click('main form button[type=submit]')
    await visitor.waitForURL(/melding=flash\.newsletter\.checkMail/)
    const confirmation = await rig.t.smtp.waitFor((m) => m.to === VISITOR && m.subject.includes('Bevestig je aanmelding'), 15_000)
    expect(confirmation.text).toContain('Hallo Noor,')
    const confirmLink = /https?:\/\/\S+\/nieuwsbrief\/bevestigen\/[A-Za-z0-9_-]{43}/.exec(confirmation.text)?.[0]
    expect(confirmLink).toBeDefined()
    expect(confirmLink!.startsWith(rig.baseUrl)).toBe(true)
    // Not confirmed until the button behind the link is pressed.
    const pending = await rig.t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, VISITOR))
    expect(pending.map((s) => s.status)).toEqual(['pending'])
    await visitor.goto(confirmLink!)
    await expectAccessible(visitor, 'confirm page')
    await visitor.click('main form button[type=submit]')
    await visitor.waitForURL(/melding=flash\.newsletter\.confirmed/)
    expect(await visitor.locator('main').innerText()).toContain('Je bent aangemeld voor de nieuwsbrief van Vlinderhof.')
    await visitor.context().close()

    // -- An account holder signs up with their account ----------------------------------------
    const resident = await rig.newPage()
    await logIn(resident, rig.baseUrl, fenna)
    await resident.goto(`${rig.baseUrl}/${wijk.slug}/nieuwsbrieven`)
    await resident.getByRole('button', { name: 'Aanmelden met mijn account' }).click()
    await resident.waitForURL(/melding=flash\.newsletter\.subscribed/)
    await resident.context().close()

    const rows = await rig.t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.wijkId, wijk.id))
    expect(rows.map((s) => s.status)).toEqual(['confirmed', 'confirmed'])
  }, 90_000)

  it('the wijkbeheerder composes, previews, test-sends and sends; each subscriber gets their own mail over SMTP', async () => {
    team = await rig.newPage()
    await logIn(team, rig.baseUrl, beheerder)
    await team.goto(base)
    await expectAccessible(team, 'newsletter list')
    expect(await team.locator('main').innerText()).toContain('Bevestigde abonnees: 2.')

    // -- Compose -------------------------------------------------------------------------
    await team.getByRole('link', { name: 'Nieuwe nieuwsbrief schrijven' }).click()
    await team.waitForURL(/\/nieuwsbrieven\/nieuw$/)
    await expectAccessible(team, 'compose')
    await team.fill('#subject', FIRST)
    await team.fill('#body', '# Welkom\n\nDe **lente** is begonnen in de wijk.')
    // One way on from writing: saving leads to the preview.
    expect(await team.locator('main button').count()).toBe(1)
    await team.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click()
    await team.waitForURL(/\/nieuwsbrieven\/\d+\/voorbeeld\?melding=flash\.newsletter\.saved/)
    const id = /nieuwsbrieven\/(\d+)/.exec(team.url())![1]!

    // -- Preview: the markdown, the blocks and the composer's own greeting ---------------------
    await expectAccessible(team, 'draft saved, preview')
    const preview = team.locator('main article')
    expect(await preview.locator('strong').innerText()).toBe('lente')
    const previewText = await preview.innerText()
    for (const shown of ['Hallo Wim,', 'Welkom', 'Nieuwe speeltuin geopend', 'Wie helpt met verhuizen?']) expect(previewText).toContain(shown)

    // -- Back to writing keeps the text; the preview is the way on again ------------------------
    await team.getByRole('link', { name: 'Terug naar schrijven' }).click()
    expect(await team.inputValue('#subject')).toBe(FIRST)
    await team.getByRole('link', { name: 'Naar het voorbeeld zonder wijzigingen' }).click()
    await team.waitForURL(/\/voorbeeld$/)

    // -- A test mail to themselves, and to nobody else: back on the preview afterwards ------------
    await team.getByRole('button', { name: 'Stuur mij een testmail' }).click()
    await team.waitForURL(/\/voorbeeld\?melding=flash\.newsletter\.testSent/)
    const test = await rig.t.smtp.waitFor((m) => m.to === beheerder.email && m.subject === `[Test] ${FIRST}`, 15_000)
    expect(test.text).toMatch(/^Hallo Wim,/)
    expect(test.text).toContain('Nieuwe speeltuin geopend')
    expect(test.text).not.toMatch(TOKEN_LINK)
    expect(rawHeader(test, 'List-Unsubscribe')).toBeUndefined()
    expect(mailsWith(VISITOR, FIRST)).toHaveLength(0)

    // -- Send, and follow the progress until done -----------------------------------------
    await team.getByRole('button', { name: 'Versturen naar 2 abonnees' }).click()
    await followProgressUntilSent('Verstuurd: 2 van 2 (100%)')

    // -- Each subscriber's mail: first name, own one-click link, RFC 2369/8058 headers --------
    const noor = await rig.t.smtp.waitFor((m) => m.to === VISITOR && m.subject === FIRST, 15_000)
    const fennaMail = await rig.t.smtp.waitFor((m) => m.to === fenna.email && m.subject === FIRST, 15_000)
    for (const [mail, name, other] of [
      [noor, 'Noor', 'Fenna'],
      [fennaMail, 'Fenna', 'Noor'],
    ] as const) {
      expect(mail.text).toMatch(new RegExp(`^Hallo ${name},`))
      expect(mail.html).toContain(`Hallo ${name},`)
      expect(mail.text).not.toContain(other)
      expect(mail.text).toContain('Nieuwe speeltuin geopend')
      const link = TOKEN_LINK.exec(mail.text)?.[0]
      expect(link, `${name}: unsubscribe link in the body`).toBeDefined()
      expect(link!.startsWith(rig.baseUrl)).toBe(true)
      expect(mail.html).toContain(`href="${link}"`)
      expect(rawHeader(mail, 'List-Unsubscribe')).toBe(`<${link}>`)
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    }
    expect(TOKEN_LINK.exec(noor.text)![0]).not.toBe(TOKEN_LINK.exec(fennaMail.text)![0])
    expect(mailsWith(VISITOR, FIRST)).toHaveLength(1)

    // -- The visitor unsubscribes from the link in the mail: fresh browser, no login -----------
    const stranger = await rig.newPage()
    await stranger.goto(TOKEN_LINK.exec(noor.text)![0])
    await expectAccessible(stranger, 'unsubscribe page')
    expect(await stranger.locator('h1').innerText()).toBe('Afmelden: nieuwsbrief van Vlinderhof')
    expect(await stranger.content()).not.toContain('Noor')
    await stranger.locator('main').getByRole('button', { name: 'Afmelden', exact: true }).click()
    await stranger.waitForURL(/\/nieuwsbrief\/afgemeld$/)
    await expectAccessible(stranger, 'unsubscribed')
    expect(await stranger.locator('main').innerText()).toContain('Je krijgt deze nieuwsbrief niet meer.')
    const gone = await rig.t.deps.db
      .select()
      .from(newsletterSubscriptions)
      .where(and(eq(newsletterSubscriptions.wijkId, wijk.id), eq(newsletterSubscriptions.email, VISITOR)))
    expect(gone).toHaveLength(0)
    // The link is spent now.
    expect((await stranger.goto(TOKEN_LINK.exec(noor.text)![0]))!.status()).toBe(404)
    await stranger.context().close()

    // -- The issue is in the public archive, without anyone's name or link --------------------
    const reader = await rig.newPage()
    await reader.goto(`${rig.baseUrl}/${wijk.slug}/nieuwsbrieven`)
    await reader.getByRole('link', { name: FIRST }).click()
    await reader.waitForURL(new RegExp(`/${wijk.slug}/nieuwsbrieven/${id}$`))
    await expectAccessible(reader, 'archived issue')
    const archived = await reader.locator('main').innerText()
    expect(archived).toContain('Nieuwe speeltuin geopend')
    for (const personal of ['Noor', 'Fenna', 'Hallo ']) expect(archived).not.toContain(personal)
    expect(await reader.content()).not.toContain('/nieuwsbrief/afmelden/')
    await reader.context().close()
  }, 120_000)

  it('the next newsletter no longer reaches the one who unsubscribed; the List-Unsubscribe address takes a one-click POST', async () => {
    await composeAndSave(SECOND, 'De zomer komt eraan.')
    await team.getByRole('button', { name: 'Versturen naar 1 abonnee' }).click()
    await followProgressUntilSent('Verstuurd: 1 van 1 (100%)')
    const fennaMail = await rig.t.smtp.waitFor((m) => m.to === fenna.email && m.subject === SECOND, 15_000)
    expect(fennaMail.text).toMatch(/^Hallo Fenna,/)
    expect(rig.t.smtp.messages.filter((m) => m.subject === SECOND)).toHaveLength(1)
    expect(mailsWith(VISITOR, SECOND)).toHaveLength(0)

    // What a mail client does with the headers (RFC 8058): a POST, no cookie, no page, no login.
    const address = /^<(.+)>$/.exec(rawHeader(fennaMail, 'List-Unsubscribe')!)![1]!
    const res = await fetch(address, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: rawHeader(fennaMail, 'List-Unsubscribe-Post')!, redirect: 'manual' })
    expect(res.status).toBe(200)
    expect(await rig.t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.wijkId, wijk.id))).toHaveLength(0)
    await team.goto(base)
    expect(await team.locator('main').innerText()).toContain('Bevestigde abonnees: 0.')
  }, 90_000)
})

/**
 * Mijn gegevens shows every kind of personal datum with its use and whether it is public, and
 * lets the user change each within two clicks: contact fields, newsletters, sessions (P23, P28);
 * and the access log of what managers did with the user's data.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { contentItems, contentManagers } from '../content/content.tables.js'
import { itemPath } from '../content/content.urls.js'
import { newsletterSubscriptions } from '../newsletter/newsletter.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { follower } from '../alerts/alerts.test-helpers.js'

let t: TestPlatform
let oost: { id: number; slug: string }
let west: { id: number; slug: string }

beforeAll(async () => {
  t = await createTestPlatform()
  oost = await buildWijk(t, { name: 'Oosterpark' })
  west = await buildWijk(t, { name: 'Westerpark' })
})
afterAll(() => t.stop())
beforeEach(() => t.clock.advance({ minutes: 61 }))

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'

async function loggedIn(user: BuiltUser, userAgent = FIREFOX): Promise<TestClient> {
  const client = t.client()
  client.headers['user-agent'] = userAgent
  await login(client, user)
  return client
}

/** The HTML of one section of Mijn gegevens, by its id. */
function section(body: string, id: string): string {
  return new RegExp(`<section aria-labelledby="${id}-heading" id="${id}">[\\s\\S]*?</section>`).exec(body)?.[0] ?? ''
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('Mijn gegevens shows everything (P23, P28)', () => {
  it('shows each kind of datum with what it is used for and whether it is public, in sections with a table of contents (P28)', async () => {
    const fenna = await buildUser(t, { firstName: 'Fenna', lastName: 'Visser', homeWijkId: oost.id, role: 'wijkbeheerder', wijkId: oost.id })
    const owner = await buildUser(t, { firstName: 'Otto' })
    const stranger = await buildUser(t, { firstName: 'Sven' })
    const own = await buildItem(t, {
      wijkId: oost.id,
      title: 'Buurtmoestuin zoekt handen',
      ownerId: fenna.id,
      contactName: 'Fenna Visser',
      contactNamePublic: true,
      contactPhone: '06-11112222',
    })
    const shared = await buildItem(t, { wijkId: west.id, title: 'Repair café West', ownerId: owner.id, status: 'draft' })
    await t.deps.db.insert(contentManagers).values({ contentId: shared.id, userId: fenna.id, addedAt: t.clock.now() })
    await buildItem(t, { wijkId: oost.id, title: 'Svens geheime fietsenstalling', ownerId: stranger.id, contactPhone: '06-99990000' })

    const client = await loggedIn(fenna)
    await client.get('/mijn-gegevens')
    await client.post('/mijn-gegevens/nieuwsbrieven', { newsletterWijkId: String(west.id) })
    const page = await client.get('/mijn-gegevens')
    expect(page.status).toBe(200)
    expect(page.res.headers.get('cache-control')).toBe('no-store')

    const ids = ['account', 'rollen', 'toestemmingen', 'nieuwsbrieven', 'meldingen', 'apparaten', 'mijn-inhoud', 'contactgegevens', 'toegang', 'download']
    const toc = /<nav aria-labelledby="toc-heading"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? ''
    for (const id of ids) {
      expect(toc, id).toContain(`href="#${id}"`)
      const html = section(page.body, id)
      expect(html, id).not.toBe('')
      // Each kind of data says what it is for and whether it is public.
      expect(text(html), id).toContain('Waarvoor')
      expect(text(html), id).toContain('Openbaar')
    }

    const account = text(section(page.body, 'account'))
    for (const value of [fenna.email, 'Fenna', 'Visser', 'Oosterpark', 'Nederlands', 'Alleen als hash', 'Aangemaakt op', 'Laatst ingelogd', 'E-mailadres bevestigd']) {
      expect(account).toContain(value)
    }
    expect(section(page.body, 'account')).toContain('href="#email-wijzigen"')

    const roles = text(section(page.body, 'rollen'))
    expect(roles).toContain('Wijkbeheerder')
    expect(roles).toContain('Oosterpark')

    expect(section(page.body, 'toestemmingen')).toContain('href="/privacy/versie/1"')

    const newsletters = text(section(page.body, 'nieuwsbrieven'))
    expect(newsletters).toContain('Westerpark')
    expect(newsletters).toContain('Aangemeld')

    const devices = text(section(page.body, 'apparaten'))
    expect(devices).toContain('Firefox · Linux (dit apparaat)')

    const content = section(page.body, 'mijn-inhoud')
    expect(text(content)).toContain('Buurtmoestuin zoekt handen')
    expect(text(content)).toContain('Eigenaar')
    expect(text(content)).toContain('Repair café West')
    expect(text(content)).toContain('Mede-beheerder')
    expect(content).toContain(`href="/mijn-content/${own.id}/bewerken"`)
    expect(content).toContain(`href="/mijn-content/${shared.id}/bewerken"`)
    // The published item links to its public page; the draft does not.
    expect(content).toContain(`href="${itemPath(oost.slug, { ...own, type: 'offer' })}"`)

    const contact = section(page.body, 'contactgegevens')
    expect(text(contact)).toContain('Fenna Visser')
    expect(text(contact)).toContain('06-11112222')
    expect(/Naam<\/th>\s*<td[^>]*>Fenna Visser<\/td>\s*<td[^>]*>Openbaar<\/td>/.test(contact)).toBe(true)
    expect(/Telefoon<\/th>\s*<td[^>]*>06-11112222<\/td>\s*<td[^>]*>Privé<\/td>/.test(contact)).toBe(true)
    expect(contact).toContain(`action="/mijn-gegevens/contact/${own.id}/phone"`)

    // Nothing of anyone else.
    expect(page.text).not.toContain('Svens geheime fietsenstalling')
    expect(page.text).not.toContain('06-99990000')
    expect(page.text).not.toContain(stranger.email)
  })

  it('shows the page in English for an English-speaking user', async () => {
    const user = await buildUser(t, { lang: 'en', firstName: 'Emma' })
    const page = await (await loggedIn(user)).get('/mijn-gegevens')
    expect(page.body).toContain('<html lang="en"')
    expect(page.text).toContain('What for')
    expect(page.text).toContain('Who looked at your data')
    expect(page.text).toContain('Download my data')
  })
})

describe('alerts about new posts', () => {
  it('shows what the user follows and how often they are mailed, what for and that it is not public, with the way to change it', async () => {
    const greta = await follower(t, oost.id, ['module:agenda', 'category:klussen'], 'daily')
    await follower(t, west.id, ['module:nieuws'], 'weekly')
    const page = await greta.client.get('/mijn-gegevens')
    const toc = /<nav aria-labelledby="toc-heading"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? ''
    expect(toc).toContain('href="#meldingen"')
    const html = section(page.body, 'meldingen')
    const words = text(html)
    expect(words).toContain('Meldingen over nieuwe berichten')
    expect(words).toContain('Waarvoor Om je een mail te sturen met wat er nieuw is bij wat je volgt')
    expect(words).toContain('Openbaar Nee. Alleen jij ziet dit')
    expect(words).toContain('Hoe vaak je een mail krijgt Eén keer per dag, om 07:00')
    expect(words).toContain('Onderdeel: Agenda Oosterpark')
    expect(words).toContain('Prikbord: Klussen Oosterpark')
    expect(html).toContain('href="/mijn-gegevens/meldingen"')
    // Only the user's own follows.
    expect(words).not.toContain('Westerpark')
    expect(words).not.toContain('Onderdeel: Nieuws')

    const none = await loggedIn(await buildUser(t))
    const empty = text(section((await none.get('/mijn-gegevens')).body, 'meldingen'))
    expect(empty).toContain('Niet ingesteld: je volgt nog niets.')
    expect(empty).toContain('Je volgt niets.')
  })

  it('says it in English for an English-speaking user', async () => {
    const emma = await follower(t, oost.id, ['category:klussen'], 'weekly', { lang: 'en' })
    const words = text(section((await emma.client.get('/mijn-gegevens')).body, 'meldingen'))
    expect(words).toContain('Alerts about new posts')
    expect(words).toContain('Once a week, on Monday at 07:00')
    expect(words).toContain('Notice board: Odd jobs')
    expect(words).toContain('Public No.')
  })
})

describe('contact fields, public or private in one click (P28)', () => {
  let owner: BuiltUser
  let client: TestClient
  let item: { id: number; slug: string }
  let publicPath: string

  beforeAll(async () => {
    owner = await buildUser(t, { firstName: 'Gerda' })
    client = await loggedIn(owner)
    item = await buildItem(t, { wijkId: oost.id, title: 'Samen koken', ownerId: owner.id, contactPhone: '06-55554444', contactAddress: 'Kookstraat 12' })
    publicPath = itemPath(oost.slug, { ...item, type: 'offer' })
  })

  /** The switch as the page offers it: its action and the value it posts. */
  async function switchOnPage(field: string): Promise<{ action: string; value: string }> {
    const page = await client.get('/mijn-gegevens')
    const form = new RegExp(`<form method="post" action="(/mijn-gegevens/contact/${item.id}/${field})"[^>]*>[\\s\\S]*?name="openbaar" value="(ja|nee)"`).exec(page.body)
    expect(form, field).not.toBeNull()
    return { action: form![1]!, value: form![2]! }
  }

  it('switching a contact field public or private from Mijn gegevens changes the public item page in one click (P28)', async () => {
    const visitor = t.client()
    const before = await visitor.get(publicPath)
    expect(before.status).toBe(200)
    expect(before.text).not.toContain('06-55554444')

    const show = await switchOnPage('phone')
    expect(show.value).toBe('ja')
    const res = await client.post(show.action, { openbaar: show.value })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/mijn-gegevens?melding=flash.my-data.contactShown#contactgegevens')
    expect((await visitor.get(publicPath)).text).toContain('06-55554444')
    // The other fields stay as they were.
    expect((await visitor.get(publicPath)).text).not.toContain('Kookstraat 12')
    expect((await client.get(res.location!)).text).toContain('Dit contactgegeven is nu openbaar.')

    const hide = await switchOnPage('phone')
    expect(hide.value).toBe('nee')
    expect((await client.post(hide.action, { openbaar: hide.value })).status).toBe(303)
    expect((await visitor.get(publicPath)).text).not.toContain('06-55554444')
  })

  it('lets a co-manager switch too, but nobody else; bad input changes nothing', async () => {
    const helper = await buildUser(t, { firstName: 'Hidde' })
    await t.deps.db.insert(contentManagers).values({ contentId: item.id, userId: helper.id, addedAt: t.clock.now() })
    const helperClient = await loggedIn(helper)
    await helperClient.get('/mijn-gegevens')
    expect((await helperClient.post(`/mijn-gegevens/contact/${item.id}/address`, { openbaar: 'ja' })).status).toBe(303)
    const [shown] = await t.deps.db.select({ v: contentItems.contactAddressPublic }).from(contentItems).where(eq(contentItems.id, item.id))
    expect(shown?.v).toBe(true)

    const stranger = await loggedIn(await buildUser(t))
    await stranger.get('/mijn-gegevens')
    expect((await stranger.post(`/mijn-gegevens/contact/${item.id}/address`, { openbaar: 'nee' })).status).toBe(403)
    // A visitor is sent to log in first.
    expect((await t.client().post(`/mijn-gegevens/contact/${item.id}/address`, { openbaar: 'nee' })).location).toMatch(/^\/account\/inloggen\?volgende=/)
    expect((await client.post(`/mijn-gegevens/contact/${item.id}/address`, { openbaar: 'misschien' })).status).toBe(400)
    expect((await client.post(`/mijn-gegevens/contact/${item.id}/wachtwoord`, { openbaar: 'nee' })).status).toBe(404)
    expect((await client.post('/mijn-gegevens/contact/987654/address', { openbaar: 'nee' })).status).toBe(404)
    const [still] = await t.deps.db.select({ v: contentItems.contactAddressPublic }).from(contentItems).where(eq(contentItems.id, item.id))
    expect(still?.v).toBe(true)
  })
})

describe('sessions', () => {
  it('lists each session with its device and last use, marks this device, and logs out one session, the others, or everywhere', async () => {
    const user = await buildUser(t, { firstName: 'Ilse' })
    const firefox = await loggedIn(user, FIREFOX)
    t.clock.advance({ minutes: 10 })
    const chrome = await loggedIn(user, CHROME)
    const safari = await loggedIn(user, SAFARI)
    const someoneElse = await buildUser(t)
    await loggedIn(someoneElse, CHROME)

    const page = await firefox.get('/mijn-gegevens')
    const list = section(page.body, 'apparaten')
    expect(list.match(/\/uitloggen"/g)).toHaveLength(3)
    expect(text(list)).toContain('Firefox · Linux (dit apparaat)')
    expect(text(list)).toContain('Chrome · Windows')
    expect(text(list)).toContain('Safari · macOS')
    expect(text(list)).not.toContain('Chrome · Windows (dit apparaat)')
    // The token hash never appears; sessions are named by their handle.
    const rows = await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))
    for (const s of rows) expect(page.body).not.toContain(s.tokenHash)

    // One session, by its handle.
    const chromeRow = /<tr>(?:(?!<\/tr>)[\s\S])*?Chrome · Windows[\s\S]*?<\/tr>/.exec(list)?.[0] ?? ''
    const handle = /\/mijn-gegevens\/apparaten\/([0-9a-f-]{36})\/uitloggen/.exec(chromeRow)?.[1]
    expect(handle).toBeDefined()
    const ended = await firefox.post(`/mijn-gegevens/apparaten/${handle}/uitloggen`, {})
    expect(ended.status).toBe(303)
    expect(ended.location).toBe('/mijn-gegevens?melding=flash.my-data.sessionEnded#apparaten')
    expect((await chrome.get('/mijn-gegevens')).status).toBe(303)
    expect((await safari.get('/mijn-gegevens')).status).toBe(200)

    // Someone else's session cannot be ended by guessing its handle.
    const [theirs] = await t.deps.db.select({ handle: sessions.handle }).from(sessions).where(eq(sessions.userId, someoneElse.id))
    await firefox.get('/mijn-gegevens')
    expect((await firefox.post(`/mijn-gegevens/apparaten/${theirs!.handle}/uitloggen`, {})).status).toBe(404)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, someoneElse.id))).toHaveLength(1)

    // All the others.
    await firefox.get('/mijn-gegevens')
    const others = await firefox.post('/mijn-gegevens/apparaten/anderen-uitloggen', {})
    expect(others.location).toBe('/mijn-gegevens?melding=flash.my-data.loggedOutElsewhere#apparaten')
    expect((await safari.get('/mijn-gegevens')).status).toBe(303)
    expect((await firefox.get('/mijn-gegevens')).status).toBe(200)

    // Everywhere, this browser included.
    const again = await loggedIn(user, SAFARI)
    await firefox.get('/mijn-gegevens')
    const everywhere = await firefox.post('/mijn-gegevens/apparaten/overal-uitloggen', {})
    expect(everywhere.status).toBe(303)
    expect(everywhere.location).toBe('/?melding=flash.my-data.loggedOutEverywhere')
    expect((await firefox.get('/mijn-gegevens')).status).toBe(303)
    expect((await again.get('/mijn-gegevens')).status).toBe(303)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0)
  })

  it('logging out this session from the list logs this browser out', async () => {
    const user = await buildUser(t)
    const client = await loggedIn(user)
    const page = await client.get('/mijn-gegevens')
    const handle = /\/mijn-gegevens\/apparaten\/([0-9a-f-]{36})\/uitloggen/.exec(section(page.body, 'apparaten'))?.[1]
    const res = await client.post(`/mijn-gegevens/apparaten/${handle}/uitloggen`, {})
    expect(res.location).toBe('/?melding=flash.accounts.loggedOut')
    expect((await client.get('/mijn-gegevens')).status).toBe(303)
  })
})

describe('newsletters', () => {
  it('subscribes to and unsubscribes from any wijk’s newsletter from the page, confirmed at once for an account', async () => {
    const user = await buildUser(t, { firstName: 'Joost', homeWijkId: oost.id })
    const client = await loggedIn(user)
    await client.get('/mijn-gegevens')
    const res = await client.post('/mijn-gegevens/nieuwsbrieven', { newsletterWijkId: String(west.id) })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/mijn-gegevens?melding=flash.my-data.subscribed#nieuwsbrieven')
    // Twice is still once.
    await client.post('/mijn-gegevens/nieuwsbrieven', { newsletterWijkId: String(west.id) })
    const rows = await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, user.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ wijkId: west.id, status: 'confirmed', email: null })
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows[0]!.confirmedAt).not.toBeNull()

    const page = await client.get('/mijn-gegevens')
    const html = section(page.body, 'nieuwsbrieven')
    expect(text(html)).toContain('Westerpark')
    // The wijk already subscribed to is no longer offered in the form.
    expect(html).not.toContain(`<option value="${west.id}"`)
    expect(html).toContain(`<option value="${oost.id}"`)

    const off = await client.post(`/mijn-gegevens/nieuwsbrieven/${rows[0]!.id}/afmelden`, {})
    expect(off.location).toBe('/mijn-gegevens?melding=flash.my-data.unsubscribed#nieuwsbrieven')
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, user.id))).toHaveLength(0)
  })

  it('says what is wrong when no (existing) wijk is chosen', async () => {
    const client = await loggedIn(await buildUser(t))
    await client.get('/mijn-gegevens')
    for (const value of ['', '987654', 'abc']) {
      const res = await client.post('/mijn-gegevens/nieuwsbrieven', { newsletterWijkId: value })
      expect(res.status, value).toBe(422)
      expect(res.body).toContain('id="newsletterWijkId-error">Kies de wijk waarvan je de nieuwsbrief wilt ontvangen.')
      expect(res.body).toContain('class="error-summary"')
    }
  })

  it('shows a subscription made without an account for the same address, replaces it on subscribing, and never touches another’s', async () => {
    const user = await buildUser(t, { firstName: 'Kees' })
    const other = await buildUser(t)
    const now = t.clock.now()
    await t.deps.db.insert(newsletterSubscriptions).values({ wijkId: oost.id, email: user.email, status: 'pending', tokenHash: hashToken(randomToken()), createdAt: now })
    const [theirs] = await t.deps.db
      .insert(newsletterSubscriptions)
      .values({ wijkId: oost.id, userId: other.id, status: 'confirmed', tokenHash: hashToken(randomToken()), createdAt: now, confirmedAt: now })
      .returning()
    const client = await loggedIn(user)
    const page = await client.get('/mijn-gegevens')
    expect(text(section(page.body, 'nieuwsbrieven'))).toContain('aangemeld zonder account')

    await client.post('/mijn-gegevens/nieuwsbrieven', { newsletterWijkId: String(oost.id) })
    const mine = await t.deps.db
      .select()
      .from(newsletterSubscriptions)
      .where(and(eq(newsletterSubscriptions.wijkId, oost.id), eq(newsletterSubscriptions.email, user.email)))
    expect(mine).toHaveLength(0)
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, user.id))).toHaveLength(1)

    await client.get('/mijn-gegevens')
    await client.post(`/mijn-gegevens/nieuwsbrieven/${theirs!.id}/afmelden`, {})
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.id, theirs!.id))).toHaveLength(1)
  })
})

describe('access log', () => {
  it('shows an admin’s role appointment with who, what and when, and never the user’s own actions', async () => {
    const admin = await buildUser(t, { firstName: 'Anna', role: 'admin' })
    const lotte = await buildUser(t, { firstName: 'Lotte' })
    const adminClient = await loggedIn(admin)
    await adminClient.get('/beheer/rollen')
    const appointed = await adminClient.post('/beheer/rollen', { email: lotte.email, role: 'wijkbeheerder', wijkId: String(oost.id) })
    expect(appointed.status).toBe(303)

    const lotteClient = await loggedIn(lotte)
    const log = section((await lotteClient.get('/mijn-gegevens')).body, 'toegang')
    expect(text(log)).toContain('Anna (Platformbeheerder)')
    expect(text(log)).toContain('gaf je een rol (Wijkbeheerder)')
    expect(text(log)).toContain('2 maart 2026')
    expect(text(log)).not.toContain('Nog niemand')

    // An admin who gives herself a role does not see that as someone looking at her data.
    const bea = await buildUser(t, { firstName: 'Bea', role: 'admin' })
    const beaClient = await loggedIn(bea)
    await beaClient.get('/beheer/rollen')
    expect((await beaClient.post('/beheer/rollen', { email: bea.email, role: 'ambassadeur', wijkId: String(west.id) })).status).toBe(303)
    // Nor a system action without an actor.
    await recordAudit(t.deps.db, t.clock.now(), { actorUserId: null, action: 'account.cleanup', subjectUserId: bea.id })
    const own = section((await beaClient.get('/mijn-gegevens')).body, 'toegang')
    expect(text(own)).toContain('Nog niemand van het beheer heeft je gegevens bekeken of gewijzigd.')
    expect(own).not.toContain('<tbody>')
  })

  it('describes actions it does not know in general words, newest first, with "meer" for older ones', async () => {
    const admin = await buildUser(t, { firstName: 'Marco', role: 'admin' })
    const wb = await buildUser(t, { firstName: 'Nina', role: 'wijkbeheerder', wijkId: west.id })
    const user = await buildUser(t, { firstName: 'Olaf' })
    for (let i = 0; i < 24; i++) {
      t.clock.advance({ minutes: 1 })
      await recordAudit(t.deps.db, t.clock.now(), { actorUserId: wb.id, action: 'role.revoke', subjectUserId: user.id, details: { role: 'ambassadeur' } })
    }
    t.clock.advance({ minutes: 1 })
    await recordAudit(t.deps.db, t.clock.now(), { actorUserId: admin.id, action: 'test.peek', subjectUserId: user.id })

    const client = await loggedIn(user)
    const first = section((await client.get('/mijn-gegevens')).body, 'toegang')
    const rows = first.match(/<tr>\s*<td[ >]/g) ?? []
    expect(rows).toHaveLength(20)
    // Newest first: the unknown action of the admin leads, in general words.
    const firstRow = /<tbody>\s*<tr>[\s\S]*?<\/tr>/.exec(first)?.[0] ?? ''
    expect(text(firstRow)).toContain('Marco (Platformbeheerder)')
    expect(text(firstRow)).toContain('had toegang tot je gegevens (test.peek)')
    expect(text(first)).toContain('Nina (Wijkbeheerder, Westerpark)')
    expect(text(first)).toContain('nam een rol van je af (Ambassadeur)')
    expect(first).toContain('href="/mijn-gegevens?toegang=40#toegang"')

    const all = section((await client.get('/mijn-gegevens?toegang=40')).body, 'toegang')
    expect(all.match(/<tr>\s*<td[ >]/g)).toHaveLength(25)
    expect(all).not.toContain('Meer tonen')
  })
})

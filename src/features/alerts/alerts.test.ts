/**
 * Alerts (issue 5): following through Mijn gegevens › Meldingen, nobody else's follows reachable,
 * and the one-click unsubscribe from the mail — the link (no login) and RFC 8058 POST.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import { alertFollows, alertSettings } from './alerts.tables.js'
import { digestsTo, follower, publish, runDue, unsubscribeLink } from './alerts.test-helpers.js'

let t: TestPlatform
let wijk: { id: number; slug: string }

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Transvaal' })
})
afterAll(() => t.stop())

async function settingsOf(userId: string) {
  const [row] = await t.deps.db.select().from(alertSettings).where(eq(alertSettings.userId, userId))
  return row
}

/** A follower who got one digest; returns the mail too. */
async function withDigest(title: string) {
  const user = await follower(t, wijk.id, ['category:gezelschap'], 'immediate')
  t.clock.advance({ minutes: 2 })
  await publish(t, { wijkId: wijk.id, title, category: 'gezelschap' })
  t.clock.advance({ minutes: 10 })
  await runDue(t)
  const mail = digestsTo(t, user.email).find((m) => m.text.includes(title))
  expect(mail, 'digest mail').toBeDefined()
  return { user, mail: mail! }
}

describe('following from Mijn gegevens', () => {
  it('Mijn gegevens links to Meldingen; a follow shows in the list; the first follow creates the settings with an unsubscribe token hash', async () => {
    const user = await buildUser(t, { homeWijkId: wijk.id })
    const client = t.client()
    await login(client, user)
    const myData = await client.get('/mijn-gegevens')
    expect(myData.body).toContain('href="/mijn-gegevens/meldingen"')
    const page = await client.get('/mijn-gegevens/meldingen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Je volgt nog niets')
    expect(await settingsOf(user.id)).toBeUndefined()

    const res = await client.post('/mijn-gegevens/meldingen/volgen', { wijkId: String(wijk.id), what: 'module:prikbord' })
    expect(res.status).toBe(303)
    const after = await client.follow(res)
    expect(after.text).toContain('Je volgt dit nu')
    expect(after.text).toContain('Onderdeel: Prikbord')
    const settings = await settingsOf(user.id)
    expect(settings?.frequency).toBe('weekly')
    expect(settings?.unsubscribeTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(after.body).not.toContain(settings!.unsubscribeTokenHash)
  })

  it('a wrong choice, frequency or wijk answers 422 with the message next to the field, and nothing is stored', async () => {
    const user = await buildUser(t, { homeWijkId: wijk.id })
    const client = t.client()
    await login(client, user)
    await client.get('/mijn-gegevens/meldingen')
    const res = await client.post('/mijn-gegevens/meldingen/volgen', { wijkId: String(wijk.id), what: 'theme:bestaat-niet' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="what-error"')
    expect(res.text).toContain('Kies iets uit de lijst om te volgen')
    const badFreq = await client.post('/mijn-gegevens/meldingen/frequentie', { frequency: 'elk-uur' })
    expect(badFreq.status).toBe(422)
    expect(badFreq.body).toContain('id="frequency-error"')
    const badWijk = await client.post('/mijn-gegevens/meldingen/volgen', { wijkId: '999999', what: 'module:agenda' })
    expect(badWijk.status).toBe(422)
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, user.id))).toHaveLength(0)
  })

  it('another user cannot stop my follows: their ids, guessed or sequential, answer 404 and change nothing', async () => {
    const mine = await follower(t, wijk.id, ['module:agenda'], 'daily')
    const [follow] = await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, mine.id))
    const intruder = await follower(t, wijk.id, ['module:nieuws'], 'weekly')
    for (const id of [follow!.id, follow!.id - 1, follow!.id + 1000]) {
      const res = await intruder.client.post(`/mijn-gegevens/meldingen/${id}/stoppen`, {})
      expect(res.status, `follow ${id}`).toBe(404)
    }
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.id, follow!.id))).toHaveLength(1)
    expect(await intruder.client.post('/mijn-gegevens/meldingen/abc/stoppen', {}).then((p) => p.status)).toBe(404)
    // Their own page never shows my follow.
    const page = await intruder.client.get('/mijn-gegevens/meldingen')
    expect(page.body).not.toContain(`/mijn-gegevens/meldingen/${follow!.id}/stoppen`)

    // The owner can.
    const res = await mine.client.post(`/mijn-gegevens/meldingen/${follow!.id}/stoppen`, {})
    expect(res.status).toBe(303)
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.id, follow!.id))).toHaveLength(0)
  })

  it('a visitor is sent to log in', async () => {
    const res = await t.client().get('/mijn-gegevens/meldingen')
    expect(res.status).toBe(303)
    expect(res.location).toContain('/account/inloggen')
  })
})

describe('one-click unsubscribe (P25)', () => {
  it('the link in the received mail works without login: one click on its page sets "never", and no more mail comes', async () => {
    const { user, mail } = await withDigest('Samen wandelen')
    const link = unsubscribeLink(mail)
    const visitor = t.client() // no session
    const page = await visitor.get(link)
    expect(page.status).toBe(200)
    expect(page.res.headers.get('cache-control')).toBe('no-store')
    expect((await settingsOf(user.id))?.frequency).toBe('immediate') // a GET (e.g. a mail scanner) changes nothing
    const res = await visitor.post(link, {})
    expect(res.status).toBe(303)
    const done = await visitor.follow(res)
    expect(done.text).toContain('Je krijgt geen meldingen meer')
    expect((await settingsOf(user.id))?.frequency).toBe('never')

    await publish(t, { wijkId: wijk.id, title: 'Nog een wandeling', category: 'gezelschap' })
    t.clock.advance({ minutes: 15 })
    await runDue(t)
    expect(digestsTo(t, user.email).some((m) => m.text.includes('Nog een wandeling'))).toBe(false)
  })

  it('RFC 8058: a POST of List-Unsubscribe=One-Click without session, Origin or CSRF token unsubscribes; without that body it is refused', async () => {
    const { user, mail } = await withDigest('Kaartclub')
    const link = unsubscribeLink(mail)
    const bare = await t.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'foo=bar' })
    expect(bare.status).toBe(403)
    expect((await settingsOf(user.id))?.frequency).toBe('immediate')

    const form = new FormData()
    form.set('List-Unsubscribe', 'One-Click')
    const res = await t.app.request(link, { method: 'POST', body: form })
    expect(res.status).toBe(200)
    expect((await settingsOf(user.id))?.frequency).toBe('never')
    // Follows are kept, so the person can switch alerts back on.
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, user.id))).toHaveLength(1)
  })

  it('a wrong or made-up token reaches nothing (404), also by one-click POST', async () => {
    const fake = `/afmelden/meldingen/${'A'.repeat(43)}`
    expect((await t.client().get(fake)).status).toBe(404)
    const res = await t.app.request(fake, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(res.status).toBe(404)
    expect((await t.client().get('/afmelden/meldingen/kort')).status).toBe(404)
  })

  it('switching back on after "never" starts from then: nothing published meanwhile arrives in a heap', async () => {
    const { user, mail } = await withDigest('Breiclub')
    await t.app.request(unsubscribeLink(mail), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    await publish(t, { wijkId: wijk.id, title: 'Tijdens stilte geplaatst', category: 'gezelschap' })
    t.clock.advance({ minutes: 15 })
    await runDue(t)
    const client = t.client()
    await login(client, user)
    await client.get('/mijn-gegevens/meldingen')
    expect((await client.post('/mijn-gegevens/meldingen/frequentie', { frequency: 'immediate' })).status).toBe(303)
    t.clock.advance({ minutes: 2 })
    await publish(t, { wijkId: wijk.id, title: 'Na het aanzetten', category: 'gezelschap' })
    t.clock.advance({ minutes: 15 })
    await runDue(t)
    const last = digestsTo(t, user.email).at(-1)!
    expect(last.text).toContain('Na het aanzetten')
    expect(digestsTo(t, user.email).some((m) => m.text.includes('Tijdens stilte geplaatst'))).toBe(false)
  })
})

import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { consents, legalDocuments } from './documents.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { currentDocuments } from './documents.service.js'

let t: TestPlatform
let admin: TestClient
beforeAll(async () => {
  t = await createTestPlatform()
  admin = await signedIn(await buildUser(t, { role: 'admin' }))
})
afterAll(() => t.stop())

async function signedIn(user: BuiltUser): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  // The session has its own form token: pick it up from a page that is always open.
  await client.get('/contact')
  return client
}

/** Publishes a new version through the admin pages, as the operator would. */
async function publish(kind: 'privacy' | 'voorwaarden' | 'deelovereenkomst' | 'pakketovereenkomst' | 'ambassadeursovereenkomst', changeNote: string): Promise<number> {
  // The admin is a user too: after a new terms version they agree first, like everyone.
  const pending = await admin.get('/account/toestemming')
  if (pending.status === 200) await admin.post('/account/toestemming', { akkoord: 'on', documenten: /name="documenten" value="([^"]*)"/.exec(pending.body)![1]! })
  await admin.get('/beheer/documenten')
  const created = await admin.post(`/beheer/documenten/${kind}/nieuw`, {})
  expect(created.status).toBe(303)
  const id = Number(created.location!.split('/')[3])
  const saved = await admin.post(`/beheer/documenten/${id}/bewerken`, { bodyNl: `## Versie\n\n${changeNote}`, bodyEn: `## Version\n\n${changeNote}`, changeNote })
  expect(saved.status).toBe(303)
  expect((await admin.post(`/beheer/documenten/${id}/publiceren`, {})).status).toBe(303)
  return id
}

async function consentRows(userId: string) {
  return t.deps.db.select({ documentId: consents.documentId, channel: consents.channel }).from(consents).where(eq(consents.userId, userId))
}

describe('the consent gate', () => {
  it('never redirects an anonymous visitor', async () => {
    await publish('voorwaarden', 'Regels voor de Etalage aangescherpt.')
    const visitor = t.client()
    for (const path of ['/', '/contact', '/privacy', '/voorwaarden', '/account/inloggen', '/mijn-gegevens', '/beheer/documenten']) {
      const page = await visitor.get(path)
      expect(page.location ?? '', path).not.toContain('/account/toestemming')
    }
    const consentPage = await visitor.get('/account/toestemming')
    expect(consentPage.status).toBe(303)
    expect(consentPage.location).toMatch(/^\/account\/inloggen/)
  })

  it('sends a user to the consent page after a new terms version, from any page', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    const termsId = await publish('voorwaarden', 'Nieuwe regels voor het Prikbord.')

    const home = await client.get('/')
    expect(home.status).toBe(303)
    expect(home.location).toBe('/account/toestemming?volgende=%2F')
    const deep = await client.get('/beheer/documenten?x=1')
    expect(deep.location).toBe('/account/toestemming?volgende=%2Fbeheer%2Fdocumenten%3Fx%3D1')
    const post = await client.post('/beheer/documenten/privacy/nieuw', {})
    expect(post.status).toBe(303)
    expect(post.location).toBe('/account/toestemming')

    // Still open: reading the documents, contact, language, own data.
    expect((await client.get('/privacy')).status).toBe(200)
    expect((await client.get('/voorwaarden')).status).toBe(200)
    expect((await client.get('/voorwaarden/versie/1')).status).toBe(200)
    expect((await client.get('/contact')).status).toBe(200)
    expect((await client.get('/mijn-gegevens')).location ?? '').not.toContain('/account/toestemming')

    // The page says what changed, links to the new text, and the box is not ticked.
    const page = await client.get('/account/toestemming?volgende=%2Fcontact')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Nieuwe regels voor het Prikbord.')
    expect(page.body).toMatch(/<a href="\/voorwaarden\/versie\/\d+">/)
    expect(page.body).toMatch(/<input type="checkbox" id="akkoord" name="akkoord"(?![^>]*checked)[^>]*>/)
    expect(page.body).toContain('href="/mijn-gegevens"')
    expect(page.text).toContain('Hulp nodig')

    // Not ticked: 422, nothing recorded.
    const documenten = /name="documenten" value="([^"]*)"/.exec(page.body)![1]!
    expect(documenten).toBe(String(termsId))
    const refused = await client.post('/account/toestemming', { documenten, volgende: '/contact' })
    expect(refused.status).toBe(422)
    expect(refused.text).toContain('Je moet hiermee akkoord gaan om verder te gaan.')
    expect((await consentRows(user.id)).some((r) => r.documentId === termsId)).toBe(false)

    // Ticked: a renewal consent for exactly the new version, then on to where they were going.
    const agreed = await client.post('/account/toestemming', { akkoord: 'on', documenten, volgende: '/contact' })
    expect(agreed.status).toBe(303)
    expect(agreed.location).toBe('/contact?melding=flash.documents.consented')
    const rows = await consentRows(user.id)
    expect(rows.filter((r) => r.documentId === termsId)).toEqual([{ documentId: termsId, channel: 'renewal' }])
    const after = await client.get('/')
    expect(after.location ?? '').not.toContain('/account/toestemming')
  })

  it('lets a user who has not agreed log out', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    await publish('voorwaarden', 'Nog een wijziging.')
    expect((await client.get('/')).location).toMatch(/^\/account\/toestemming/)
    const out = await client.post('/account/uitloggen', {})
    expect(out.status).toBe(303)
    expect(out.location).not.toContain('/account/toestemming')
    expect((await client.get('/')).location ?? '').not.toContain('/account/toestemming')
  })

  it('asks again when an even newer version appeared while the user was reading', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    const first = await publish('voorwaarden', 'Eerste wijziging.')
    const page = await client.get('/account/toestemming')
    expect(page.status).toBe(200)
    const second = await publish('voorwaarden', 'Tweede wijziging.')
    const res = await client.post('/account/toestemming', { akkoord: 'on', documenten: String(first) })
    expect(res.status).toBe(409)
    expect(res.text).toContain('Tweede wijziging.')
    expect((await consentRows(user.id)).some((r) => r.documentId === first || r.documentId === second)).toBe(false)
  })

  it('does not send anyone elsewhere after consenting', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    await publish('voorwaarden', 'Weer een wijziging.')
    const page = await client.get('/account/toestemming')
    const documenten = /name="documenten" value="([^"]*)"/.exec(page.body)![1]!
    const res = await client.post('/account/toestemming', { akkoord: 'on', documenten, volgende: '//evil.example/x' })
    expect(res.location).toBe('/?melding=flash.documents.consented')
  })
})

describe('a new privacy statement', () => {
  it('shows a banner with the date on every page without blocking, until the user has read it', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    t.clock.advance({ days: 3 })
    const privacyId = await publish('privacy', 'We noemen nu ook de nieuwsbrief.')

    const home = await client.get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('De privacyverklaring is gewijzigd op 5 maart 2026.')
    expect(home.body).toContain('href="/privacy#wijzigingen"')
    const contact = await client.get('/contact')
    expect(contact.text).toContain('De privacyverklaring is gewijzigd op 5 maart 2026.')

    const privacy = await client.get('/privacy')
    expect(privacy.text).toContain('We noemen nu ook de nieuwsbrief.')

    const ack = await client.post('/account/toestemming/gelezen', { document: String(privacyId), terug: '/contact' })
    expect(ack.status).toBe(303)
    expect(ack.location).toBe('/contact')
    expect((await consentRows(user.id)).filter((r) => r.documentId === privacyId)).toEqual([{ documentId: privacyId, channel: 'renewal' }])
    const later = await client.get('/contact')
    expect(later.text).not.toContain('De privacyverklaring is gewijzigd')
  })

  it('only records the version the banner announced', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    const privacyId = await publish('privacy', 'Nog een privacywijziging.')
    const stale = await client.post('/account/toestemming/gelezen', { document: String(privacyId - 1), terug: '/contact' })
    expect(stale.status).toBe(303)
    expect((await consentRows(user.id)).some((r) => r.documentId === privacyId)).toBe(false)
    expect((await client.post('/account/toestemming/gelezen', { document: 'x' })).status).toBe(400)
    const current = await currentDocuments(t.deps.db)
    expect(current.privacy?.id).toBe(privacyId)
  })
})

describe('the Deelovereenkomst (an agreement with partners, not a consent)', () => {
  it('is drafted and published like the terms, is public at /deelovereenkomst, and nobody is asked to agree to it', async () => {
    const user = await buildUser(t)
    const client = await signedIn(user)
    const before = await consentRows(user.id)
    const id = await publish('deelovereenkomst', 'Partners verwijderen berichten binnen een dag.')

    const page = await t.client().get('/deelovereenkomst')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Deelovereenkomst')
    expect(page.text).toContain('Partners verwijderen berichten binnen een dag.')
    const [doc] = await t.deps.db.select({ version: legalDocuments.version }).from(legalDocuments).where(eq(legalDocuments.id, id))
    expect((await t.client().get(`/deelovereenkomst/versie/${doc!.version}`)).status).toBe(200)

    // No gate, no banner, no consent page: the user carries on as before.
    const home = await client.get('/contact')
    expect(home.status).toBe(200)
    expect(home.text).not.toContain('Deelovereenkomst')
    const consentPage = await client.get('/account/toestemming')
    expect(consentPage.status).toBe(303)
    expect(await consentRows(user.id)).toEqual(before)

    // A new account agrees to the privacy statement and terms only.
    const signup = t.client()
    await signup.get('/account/registreren')
    const email = `nieuw-${Date.now()}@example.test`
    const res = await signup.post('/account/registreren', { email, firstName: 'Nieuw', password: 'Zonnebloem-Kade-7391-wolk', acceptTerms: 'on', acceptPrivacy: 'on' })
    expect(res.status, res.text.slice(0, 400)).toBe(303)
    const [created] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email))
    const kinds = await t.deps.db
      .select({ kind: legalDocuments.kind })
      .from(consents)
      .innerJoin(legalDocuments, eq(legalDocuments.id, consents.documentId))
      .where(eq(consents.userId, created!.id))
    expect(kinds.map((k) => k.kind).sort()).toEqual(['privacy', 'terms'])
  })
})

describe('the agreements organisations sign when they apply (package, ambassadeur)', () => {
  it.each([
    ['pakketovereenkomst', 'Pakketovereenkomst'],
    ['ambassadeursovereenkomst', 'Ambassadeursovereenkomst'],
  ] as const)('/%s ships a first version, is drafted and published like the terms, and nobody is asked to agree to it', async (slug, title) => {
    const first = await t.client().get(`/${slug}/versie/1`)
    expect(first.status).toBe(200)
    expect(first.text).toContain(title)
    const user = await buildUser(t)
    const client = await signedIn(user)
    const before = await consentRows(user.id)
    const id = await publish(slug, 'Een nieuwe afspraak over opzeggen.')
    const page = await t.client().get(`/${slug}`)
    expect(page.text).toContain('Een nieuwe afspraak over opzeggen.')
    const [doc] = await t.deps.db.select({ version: legalDocuments.version }).from(legalDocuments).where(eq(legalDocuments.id, id))
    expect(doc!.version).toBe(2)
    expect((await client.get('/account/toestemming')).status).toBe(303)
    expect(await consentRows(user.id)).toEqual(before)
  })
})

import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { legalDocuments } from '../documents/documents.tables.js'
import { contentItems } from '../content/content.tables.js'
import { partnerKeys, partners, partnerScope, type PartnerStatus } from './partners.tables.js'
import { parseOrigin } from './partners.schema.js'

let t: TestPlatform
let admin: TestClient
let ambassadeurA: TestClient
let A: { id: number; slug: string; cityId: number }
let B: { id: number; slug: string; cityId: number }
let owner: BuiltUser
let sharingId: number

beforeAll(async () => {
  t = await createTestPlatform()
  A = await buildWijk(t, { name: 'Oosterpark' })
  B = await buildWijk(t, { name: 'Westerkwartier' })
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
  ambassadeurA = t.client()
  await login(ambassadeurA, await buildUser(t, { role: 'ambassadeur', wijkId: A.id }))
  owner = await buildUser(t, { homeWijkId: A.id, firstName: 'Olga' })
  const [doc] = await t.deps.db.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.kind, 'sharing'))
  sharingId = doc!.id
})
afterAll(() => t.stop())

/** A complete, valid agreement form for wijk A. */
function fields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Stadsnetwerk Vrijwilligers',
    contactName: 'Joris Verbeek',
    contactEmail: 'joris@stadsnetwerk.example',
    origins: 'https://www.stadsnetwerk.example\nhttps://agenda.stadsnetwerk.example:8443',
    purposeNl: 'De wijkagenda tonen op onze vrijwilligerssite.',
    purposeEn: 'Showing the neighbourhood agenda on our volunteering site.',
    type_activity: 'on',
    [`wijk_${A.id}`]: 'on',
    startsOn: '2026-03-01',
    endsOn: '',
    ratePerMinute: '600',
    agreementDocumentId: '',
    signedBy: '',
    signedOn: '',
    ...overrides,
  }
}

async function createPartner(overrides: Record<string, string> = {}): Promise<number> {
  await admin.get('/beheer/partners/nieuw')
  const res = await admin.post('/beheer/partners/nieuw', fields(overrides))
  expect(res.status, res.text.slice(0, 600)).toBe(303)
  return Number(/\/beheer\/partners\/(\d+)/.exec(res.location ?? '')![1])
}

async function partnerRow(id: number) {
  const [row] = await t.deps.db.select().from(partners).where(eq(partners.id, id))
  return row!
}

async function audits(id: number) {
  const rows = await t.deps.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.targetType, 'partner'), eq(auditLog.targetId, String(id))))
  return rows
}

/** A partner written straight into the database, for the pages that only read. */
async function insertPartner(name: string, values: { status: PartnerStatus; startsOn?: string; endsOn?: string | null; wijkId?: number; cityId?: number; types?: Array<'activity' | 'news'> }): Promise<number> {
  const now = t.clock.now()
  const [row] = await t.deps.db
    .insert(partners)
    .values({
      name,
      contactName: `Contact van ${name}`,
      contactEmail: 'verborgen@partner.example',
      purposeNl: `Doel van ${name}`,
      purposeEn: `Purpose of ${name}`,
      contentTypes: values.types ?? ['activity'],
      startsOn: values.startsOn ?? '2026-01-01',
      endsOn: values.endsOn ?? null,
      status: values.status,
      agreementDocumentId: sharingId,
      signedBy: 'Iemand',
      signedOn: '2026-01-01',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: partners.id })
  await t.deps.db.insert(partnerScope).values(values.cityId ? { partnerId: row!.id, cityId: values.cityId } : { partnerId: row!.id, wijkId: values.wijkId ?? A.id })
  return row!.id
}

describe('origins', () => {
  it('accepts https origins and localhost over http, normalised; refuses paths, other schemes and plain http', () => {
    expect(parseOrigin('https://Voorbeeld.NL:443/')).toBe('https://voorbeeld.nl')
    expect(parseOrigin('https://voorbeeld.nl:8443')).toBe('https://voorbeeld.nl:8443')
    expect(parseOrigin('http://localhost:3000')).toBe('http://localhost:3000')
    for (const bad of ['http://voorbeeld.nl', 'https://voorbeeld.nl/agenda', 'https://voorbeeld.nl?x=1', 'ftp://voorbeeld.nl', 'voorbeeld.nl', 'https://user:pw@voorbeeld.nl', 'javascript:alert(1)']) {
      expect(parseOrigin(bad), bad).toBeNull()
    }
  })
})

describe('/beheer/partners (admin)', () => {
  it('refuses a bad form with 422, the error next to each field, and keeps what was typed', async () => {
    await admin.get('/beheer/partners/nieuw')
    const res = await admin.post('/beheer/partners/nieuw', fields({ origins: 'https://goed.example\nhttp://fout.example/pad', ratePerMinute: '20000', name: 'Buurtkrant <b>Oost</b>' }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="origins-error"')
    expect(res.body).toContain('id="ratePerMinute-error"')
    // Kept, and escaped.
    expect(res.body).toContain('value="Buurtkrant &lt;b&gt;Oost&lt;/b&gt;"')
    expect(res.body).toContain('http://fout.example/pad')
    expect(res.body).toMatch(new RegExp(`name="wijk_${A.id}" checked`))

    const rules = await admin.post('/beheer/partners/nieuw', fields({ type_activity: '', [`wijk_${A.id}`]: '', endsOn: '2026-02-01' }))
    expect(rules.status).toBe(422)
    expect(rules.body).toContain('id="types-error"')
    expect(rules.body).toContain('id="scope-error"')
    expect(rules.text).toContain('De laatste dag ligt vóór de eerste dag.')
    expect(rules.body).toContain('value="2026-02-01"')
    expect(await t.deps.db.select().from(partners)).toEqual([])
  })

  it('creates a partner as a draft with its scope, normalised origins and an audit row; edits it', async () => {
    const id = await createPartner({ origins: 'https://WWW.Stadsnetwerk.example/\nhttps://www.stadsnetwerk.example', [`city_${B.cityId}`]: 'on', type_prikbord: 'on' })
    const row = await partnerRow(id)
    expect(row.status).toBe('concept')
    expect(row.origins).toEqual(['https://www.stadsnetwerk.example'])
    expect(row.contentTypes).toEqual(['activity', 'request', 'offer'])
    expect(row.ratePerMinute).toBe(600)
    const scope = await t.deps.db.select({ cityId: partnerScope.cityId, wijkId: partnerScope.wijkId }).from(partnerScope).where(eq(partnerScope.partnerId, id))
    expect(scope).toEqual(expect.arrayContaining([{ cityId: null, wijkId: A.id }, { cityId: B.cityId, wijkId: null }]))

    const page = await admin.get(`/beheer/partners/${id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Stadsnetwerk Vrijwilligers')
    expect(page.text).toContain('Oosterpark')

    const edit = await admin.get(`/beheer/partners/${id}/bewerken`)
    expect(edit.body).toContain('value="joris@stadsnetwerk.example"')
    const saved = await admin.post(`/beheer/partners/${id}/bewerken`, fields({ name: 'Stadsnetwerk Oost', ratePerMinute: '120' }))
    expect(saved.status).toBe(303)
    const after = await partnerRow(id)
    expect(after.name).toBe('Stadsnetwerk Oost')
    expect(after.ratePerMinute).toBe(120)
    const actions = (await audits(id)).map((a) => a.action)
    expect(actions).toEqual(['partner.create', 'partner.edit'])
    // The audit log holds the shape of the agreement, never its people.
    expect(JSON.stringify(await audits(id))).not.toMatch(/Joris|joris@/)
  })

  it('activates only a signed agreement, suspends, resumes and ends for good, each step audited', async () => {
    const id = await createPartner()
    const page = await admin.get(`/beheer/partners/${id}`)
    expect(page.text).toContain('Activeren kan pas als de getekende versie')
    const refused = await admin.post(`/beheer/partners/${id}/status`, { status: 'actief' })
    expect(refused.status).toBe(409)
    expect((await partnerRow(id)).status).toBe('concept')

    await admin.get(`/beheer/partners/${id}/bewerken`)
    expect((await admin.post(`/beheer/partners/${id}/bewerken`, fields({ agreementDocumentId: String(sharingId), signedBy: 'Joris Verbeek', signedOn: '2026-02-27' }))).status).toBe(303)
    for (const [to, status] of [['actief', 303], ['opgeschort', 303], ['actief', 303], ['beeindigd', 303], ['actief', 409], ['concept', 409]] as const) {
      await admin.get(`/beheer/partners/${id}`)
      expect((await admin.post(`/beheer/partners/${id}/status`, { status: to })).status, to).toBe(status)
    }
    expect((await partnerRow(id)).status).toBe('beeindigd')
    const changes = (await audits(id)).filter((a) => a.action === 'partner.status').map((a) => a.details)
    expect(changes).toEqual([
      { from: 'concept', to: 'actief' },
      { from: 'actief', to: 'opgeschort' },
      { from: 'opgeschort', to: 'actief' },
      { from: 'actief', to: 'beeindigd' },
    ])
  })

  it('keeps the signed agreement required while the partner is active', async () => {
    const id = await createPartner({ agreementDocumentId: String(sharingId), signedBy: 'Joris', signedOn: '2026-02-27' })
    await admin.get(`/beheer/partners/${id}`)
    expect((await admin.post(`/beheer/partners/${id}/status`, { status: 'actief' })).status).toBe(303)
    await admin.get(`/beheer/partners/${id}/bewerken`)
    const res = await admin.post(`/beheer/partners/${id}/bewerken`, fields({ agreementDocumentId: '', signedBy: '', signedOn: '' }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="signedBy-error"')
    expect((await partnerRow(id)).signedBy).toBe('Joris')
  })

  it('shows a new key once, with no-store, keeps only its hash, and revokes it', async () => {
    const id = await createPartner()
    await admin.get(`/beheer/partners/${id}`)
    const created = await admin.post(`/beheer/partners/${id}/sleutels`, { label: 'website' })
    expect(created.status).toBe(200)
    expect(created.res.headers.get('cache-control')).toBe('no-store')
    const token = /value="(wck_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1]
    expect(token).toBeDefined()
    expect(created.text).toContain('maar één keer getoond')

    const [key] = await t.deps.db.select().from(partnerKeys).where(eq(partnerKeys.partnerId, id))
    expect(key!.tokenHash).toBe(hashToken(token!))
    expect(JSON.stringify(key)).not.toContain(token!.slice(12))

    const again = await admin.get(`/beheer/partners/${id}`)
    expect(again.body).not.toContain(token!)
    expect(again.text).toContain(key!.prefix)
    expect(again.text).toContain('website')

    const empty = await admin.post(`/beheer/partners/${id}/sleutels`, { label: '' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="label-error"')

    const revoked = await admin.post(`/beheer/partners/${id}/sleutels/${key!.id}/intrekken`, {})
    expect(revoked.status).toBe(303)
    const [after] = await t.deps.db.select({ revokedAt: partnerKeys.revokedAt }).from(partnerKeys).where(eq(partnerKeys.id, key!.id))
    expect(after!.revokedAt).not.toBeNull()
    expect((await admin.post(`/beheer/partners/${id}/sleutels/${key!.id}/intrekken`, {})).status).toBe(404)
    expect((await audits(id)).map((a) => a.action)).toEqual(['partner.create', 'partner.key.create', 'partner.key.revoke'])
    // Without the form token the revoke is refused.
    expect((await admin.post(`/beheer/partners/${id}/sleutels/${key!.id}/intrekken`, {}, { csrf: null })).status).toBe(403)
  })

  it('does not revoke a key through another partner’s address', async () => {
    const one = await createPartner({ name: 'Eén' })
    const two = await createPartner({ name: 'Twee' })
    await admin.get(`/beheer/partners/${one}`)
    await admin.post(`/beheer/partners/${one}/sleutels`, { label: 'x' })
    const [key] = await t.deps.db.select({ id: partnerKeys.id }).from(partnerKeys).where(eq(partnerKeys.partnerId, one))
    await admin.get(`/beheer/partners/${two}`)
    expect((await admin.post(`/beheer/partners/${two}/sleutels/${key!.id}/intrekken`, {})).status).toBe(404)
  })
})

describe('ambassadeurs', () => {
  it('see, read only, the partners covering their wijk (also through its city), and nothing of others', async () => {
    const ofA = await insertPartner('Partner van Oosterpark', { status: 'actief', wijkId: A.id })
    const ofCityA = await insertPartner('Stad van Oosterpark', { status: 'concept', cityId: A.cityId })
    const ofB = await insertPartner('Partner van Westerkwartier', { status: 'actief', wijkId: B.id })
    const list = await ambassadeurA.get('/beheer/partners')
    expect(list.status).toBe(200)
    expect(list.text).toContain('Partner van Oosterpark')
    expect(list.text).toContain('Stad van Oosterpark')
    expect(list.text).not.toContain('Partner van Westerkwartier')
    expect(list.text).not.toContain('Nieuwe partner')

    const own = await ambassadeurA.get(`/beheer/partners/${ofA}`)
    expect(own.status).toBe(200)
    expect(own.text).not.toContain('verborgen@partner.example')
    expect(own.body).not.toContain('/sleutels')
    expect((await ambassadeurA.get(`/beheer/partners/${ofCityA}`)).status).toBe(200)
    expect((await ambassadeurA.get(`/beheer/partners/${ofB}`)).status).toBe(403)
    expect((await ambassadeurA.get(`/beheer/partners/${ofA}/bewerken`)).status).toBe(403)
    expect((await ambassadeurA.post(`/beheer/partners/${ofA}/status`, { status: 'opgeschort' })).status).toBe(403)
    expect((await partnerRow(ofA)).status).toBe('actief')
  })
})

describe('public pages', () => {
  it('/partners lists the partners in force only, without their contact person', async () => {
    await insertPartner('Zichtbaar Netwerk', { status: 'actief', startsOn: '2026-01-01', endsOn: '2026-12-31' })
    await insertPartner('Concept Partner', { status: 'concept' })
    await insertPartner('Opgeschorte Partner', { status: 'opgeschort' })
    await insertPartner('Beeindigde Partner', { status: 'beeindigd' })
    await insertPartner('Toekomstige Partner', { status: 'actief', startsOn: '2026-04-01' })
    await insertPartner('Verlopen Partner', { status: 'actief', startsOn: '2025-01-01', endsOn: '2026-03-01' })
    const page = await t.client().get('/partners')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Zichtbaar Netwerk')
    expect(page.text).toContain('Doel van Zichtbaar Netwerk')
    expect(page.text).toContain('Oosterpark')
    expect(page.text).toContain('Agenda')
    for (const hidden of ['Concept Partner', 'Opgeschorte Partner', 'Beeindigde Partner', 'Toekomstige Partner', 'Verlopen Partner', 'Contact van', 'verborgen@partner.example']) {
      expect(page.text, hidden).not.toContain(hidden)
    }
    const en = t.client()
    en.cookies.set('lang', 'en')
    const english = await en.get('/partners')
    expect(english.text).toContain('Purpose of Zichtbaar Netwerk')
    // The footer links to it from every page.
    expect((await t.client().get('/contact')).body).toContain('href="/partners"')
  })

  it('lists each partner in force as a recipient in the register of processing', async () => {
    await insertPartner('Ontvangend Netwerk', { status: 'actief' })
    await insertPartner('Niet Ontvangend', { status: 'opgeschort' })
    const page = await t.client().get('/verwerkingen')
    expect(page.text).toContain('Ontvangers')
    expect(page.text).toContain('Ontvangend Netwerk')
    expect(page.text).toContain('Doel van Ontvangend Netwerk')
    expect(page.text).not.toContain('Niet Ontvangend')
    const adminPage = await admin.get('/beheer/verwerkingen')
    expect(adminPage.text).toContain('Ontvangend Netwerk')
  })
})

describe('the owner’s switch and Mijn gegevens', () => {
  it('saves "only on WijkConnect", keeps the other fields, shows it, and Mijn gegevens follows it', async () => {
    const client = t.client()
    await login(client, owner)
    const newPath = `/mijn-content/nieuw?type=news&wijk=${A.id}`
    const form = await client.get(newPath)
    expect(form.body).toMatch(/name="sharedWithPartners" checked/)
    expect(form.body).toContain('href="/partners"')
    const created = await client.post(newPath, { title: 'Buurtfeest verplaatst', summary: 'Naar zaterdag', publicationDate: '2026-03-02' })
    expect(created.status).toBe(303)
    const id = Number(/\/mijn-content\/(\d+)\//.exec(created.location!)![1])
    const [row] = await t.deps.db.select().from(contentItems).where(eq(contentItems.id, id))
    expect(row!.sharedWithPartners).toBe(false)
    expect((await client.get('/mijn-content')).text).toContain('Alleen op WijkConnect')
    expect((await client.get(`/mijn-content/${id}/bewerken`)).body).not.toMatch(/name="sharedWithPartners" checked/)

    // Published, in wijk A, of type news: a partner in force for news in A could show it, once shared.
    await t.deps.db.update(contentItems).set({ status: 'published', publishedAt: t.clock.now() }).where(eq(contentItems.id, id))
    await insertPartner('Nieuwspartner Oost', { status: 'actief', types: ['news'], wijkId: A.id })
    await insertPartner('Nieuwspartner West', { status: 'actief', types: ['news'], wijkId: B.id })
    const before = await client.get('/mijn-gegevens')
    expect(before.text).toContain('Partners die mijn openbare inhoud kunnen tonen')
    expect(before.text).toContain('Geen enkele partner kan op dit moment een bericht van jou tonen.')

    t.clock.advance({ minutes: 1 })
    await client.get(`/mijn-content/${id}/bewerken`)
    const edited = await client.post(`/mijn-content/${id}/bewerken`, { title: 'Buurtfeest verplaatst', summary: 'Naar zaterdag', publicationDate: '2026-03-02', sharedWithPartners: 'on' })
    expect(edited.status).toBe(303)
    const [after] = await t.deps.db.select().from(contentItems).where(eq(contentItems.id, id))
    expect(after!.sharedWithPartners).toBe(true)
    expect(after!.summary).toBe('Naar zaterdag')
    expect(after!.status).toBe('published')
    expect(after!.updatedAt.getTime()).toBeGreaterThan(row!.updatedAt.getTime())

    const shown = await client.get('/mijn-gegevens')
    expect(shown.text).toContain('Nieuwspartner Oost')
    expect(shown.text).not.toContain('Nieuwspartner West')
  })
})

import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { activityOccurrences, contentItems, contentThemes, wijkThemes } from '../content/content.tables.js'
import { findPublicItem } from '../content/content.public.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let owner: BuiltUser
let client: TestClient

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Lindeburg' })
  owner = await buildUser(t, { homeWijkId: wijk.id, firstName: 'Olga' })
  client = t.client()
  await login(client, owner)
})
afterAll(() => t.stop())

const newPath = (type: string) => `/mijn-content/nieuw?type=${type}&wijk=${wijk.id}`

/** Creates an item through the form; returns its id. */
async function create(c: TestClient, type: string, fields: Record<string, string>): Promise<number> {
  await c.get(newPath(type))
  const res = await c.post(newPath(type), fields)
  expect(res.status, res.text.slice(0, 500)).toBe(303)
  const id = Number(/\/mijn-content\/(\d+)\/voorbeeld/.exec(res.location ?? '')?.[1])
  expect(id).toBeGreaterThan(0)
  return id
}

async function statusOf(id: number) {
  const [row] = await t.deps.db.select({ status: contentItems.status, publishedAt: contentItems.publishedAt }).from(contentItems).where(eq(contentItems.id, id))
  return row!
}

describe('choosing what to place', () => {
  it('sends a visitor to log in first', async () => {
    const res = await t.client().get('/mijn-content/nieuw')
    expect(res.status).toBe(303)
    expect(res.location).toContain('/account/inloggen?volgende=')
  })

  it('offers every type with the home wijk preselected', async () => {
    const page = await client.get('/mijn-content/nieuw')
    expect(page.status).toBe(200)
    for (const label of ['Activiteit', 'Organisatie of initiatief', 'Vraag', 'Aanbod', 'Nieuwsbericht', 'Product of dienst']) expect(page.text).toContain(label)
    expect(page.body).toMatch(new RegExp(`<option value="${wijk.id}" selected`))
  })

  it('seeds the default themes of the wijk when the form opens', async () => {
    const page = await client.get(newPath('activity'))
    expect(page.status).toBe(200)
    for (const theme of ['Ontmoeting', 'Sport en bewegen', 'Duurzaamheid']) expect(page.text).toContain(theme)
    const [n] = await t.deps.db.select({ n: count() }).from(wijkThemes).where(eq(wijkThemes.wijkId, wijk.id))
    expect(n!.n).toBe(7)
  })
})

describe('validation', () => {
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['activity', { title: 'Koffieochtend', startDate: '', startTime: '10:00' }, 'startDate', 'Vul een geldige datum in.'],
    ['activity', { title: 'Koffieochtend', startDate: '2026-03-10', startTime: '', costKind: 'amount', costAmount: 'veel' }, 'startTime', 'Vul een begintijd in'],
    ['organisation', { title: 'Buurthuis De Linde', website: 'niet een adres' }, 'website', 'Vul een volledig webadres in'],
    ['request', { title: 'Wie helpt met verhuizen?', category: '', expiresOn: '2026-03-20' }, 'category', 'Kies een categorie.'],
    ['offer', { title: 'Ik help met computers', category: 'kennis-en-advies', expiresOn: '2026-09-30' }, 'expiresOn', 'Kies een datum binnen 90 dagen.'],
    ['news', { title: 'Nieuwe speeltuin', publicationDate: 'gisteren' }, 'publicationDate', 'Vul een geldige datum in.'],
    ['news', { title: 'Oud nieuws', publicationDate: '0000-01-01' }, 'publicationDate', 'Vul een geldige datum in.'],
    ['activity', { title: 'Nooit', startDate: '2026-02-30', startTime: '10:00' }, 'startDate', 'Vul een geldige datum in.'],
    ['showcase', { title: 'Verse taart', price: '12,50', businessId: '' }, 'businessId', 'Kies het bedrijf'],
  ]
  for (const [type, fields, field, message] of cases) {
    it(`refuses a bad ${type} (${field}) with 422, the message and the typed values`, async () => {
      await client.get(newPath(type))
      const res = await client.post(newPath(type), { ...fields, contactEmail: 'bewaard@example.test' })
      expect(res.status).toBe(422)
      expect(res.text).toContain(message)
      expect(res.body).toContain(`id="${field}-error"`)
      expect(res.body).toContain(`value="${fields.title}"`)
      expect(res.body).toContain('value="bewaard@example.test"')
    })
  }

  it('refuses an empty title', async () => {
    await client.get(newPath('news'))
    const res = await client.post(newPath('news'), { title: ' ', publicationDate: '2026-03-02', summary: 'Samenvatting blijft' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="title-error"')
    expect(res.text).toContain('Samenvatting blijft')
  })
})

describe('creating, previewing and publishing', () => {
  let orgId: number

  it('creates an item of every type as a draft, with a slug from the title', async () => {
    orgId = await create(client, 'organisation', { title: 'Bakkerij Één & Ander!', offers: 'Brood', website: 'https://bakkerij.example' })
    const ids = [
      await create(client, 'activity', { title: 'Koffieochtend', startDate: '2026-03-10', startTime: '10:00', endTime: '12:00', locationOrgId: String(orgId) }),
      await create(client, 'request', { title: 'Wie helpt met verhuizen?', category: 'klussen', expiresOn: '2026-03-30' }),
      await create(client, 'offer', { title: 'Ik help met computers', category: 'kennis-en-advies', expiresOn: '2026-04-01' }),
      await create(client, 'news', { title: 'Nieuwe speeltuin', publicationDate: '2026-03-01', body: 'De **speeltuin** is open.' }),
      await create(client, 'showcase', { title: 'Verse taart', price: '12,50', businessId: String(orgId) }),
    ]
    for (const id of [orgId, ...ids]) expect((await statusOf(id)).status).toBe('draft')
    const [org] = await t.deps.db.select({ slug: contentItems.slug }).from(contentItems).where(eq(contentItems.id, orgId))
    expect(org!.slug).toBe('bakkerij-een-ander')
    const [showcase] = await t.deps.db.select({ priceCents: contentItems.priceCents, businessId: contentItems.businessId }).from(contentItems).where(eq(contentItems.id, ids[4]!))
    expect(showcase).toEqual({ priceCents: 1250, businessId: orgId })
  })

  it('keeps every contact field private unless its switch is on', async () => {
    const id = await create(client, 'activity', {
      title: 'Buurtbarbecue',
      startDate: '2026-06-20',
      startTime: '17:00',
      contactName: 'Priva Naam',
      contactEmail: 'priva@example.test',
      contactPhone: '06-12345678',
      contactPhonePublic: 'on',
      contactAddress: 'Geheimstraat 1',
    })
    const preview = await client.get(`/mijn-content/${id}/voorbeeld`)
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('06-12345678')
    for (const secret of ['Priva Naam', 'priva@example.test', 'Geheimstraat 1']) expect(preview.text).not.toContain(secret)

    expect(await findPublicItem(t.deps.db, id, t.clock.now())).toBeNull()
    const published = await client.post(`/mijn-content/${id}/publiceren`, {})
    expect(published.status).toBe(303)
    const item = await findPublicItem(t.deps.db, id, t.clock.now())
    expect(item).toMatchObject({ contactName: null, contactEmail: null, contactPhone: '06-12345678', contactAddress: null })
    const state = await statusOf(id)
    expect(state.status).toBe('published')
    expect(state.publishedAt?.toISOString()).toBe(t.clock.now().toISOString())
  })

  it('tells where each contact field will be shown, private by default', async () => {
    const page = await client.get(newPath('offer'))
    const privateHint = 'Alleen zichtbaar voor jou en de wijkbeheerder; bezoekers schrijven je via het contactformulier.'
    expect(page.text.split(privateHint).length - 1).toBe(4)
    for (const name of ['contactNamePublic', 'contactEmailPublic', 'contactPhonePublic', 'contactAddressPublic']) {
      expect(page.body).toMatch(new RegExp(`<input type="checkbox" id="${name}" name="${name}"(?! checked)`))
    }
  })

  it('shows the preview from the public projection, with the rendered body and themes', async () => {
    const themes = await t.deps.db.select({ id: wijkThemes.id, nameNl: wijkThemes.nameNl }).from(wijkThemes).where(eq(wijkThemes.wijkId, wijk.id))
    const cultuur = themes.find((th) => th.nameNl === 'Cultuur')!
    const id = await create(client, 'news', { title: 'Open podium', publicationDate: '2026-03-05', body: 'Kom *zingen*.', [`theme_${cultuur.id}`]: 'on', contactEmail: 'verborgen@example.test' })
    const [link] = await t.deps.db.select().from(contentThemes).where(and(eq(contentThemes.contentId, id), eq(contentThemes.themeId, cultuur.id)))
    expect(link).toBeDefined()
    const preview = await client.get(`/mijn-content/${id}/voorbeeld`)
    expect(preview.body).toContain('<em>zingen</em>')
    expect(preview.text).toContain('Cultuur')
    expect(preview.text).toContain('Publiceren')
    expect(preview.text).not.toContain('verborgen@example.test')
  })

  it('expands a weekly activity into occurrences on save and again on edit', async () => {
    const id = await create(client, 'activity', { title: 'Wandelclub', startDate: '2026-03-03', startTime: '09:30', recurrenceKind: 'weekly', recurrenceExceptions: '2026-03-10' })
    const starts = async () =>
      (await t.deps.db.select({ startsAt: activityOccurrences.startsAt }).from(activityOccurrences).where(eq(activityOccurrences.contentId, id)).orderBy(activityOccurrences.startsAt)).map((r) =>
        r.startsAt.toISOString(),
      )
    const first = await starts()
    expect(first[0]).toBe('2026-03-03T08:30:00.000Z')
    expect(first).not.toContain('2026-03-10T08:30:00.000Z')
    // After the switch to summer time the local 09:30 is 07:30 UTC.
    expect(first).toContain('2026-03-31T07:30:00.000Z')
    expect(first.length).toBeGreaterThan(45)

    await client.get(`/mijn-content/${id}/bewerken`)
    const res = await client.post(`/mijn-content/${id}/bewerken`, { title: 'Wandelclub', startDate: '2026-03-03', startTime: '09:30', recurrenceKind: 'weekly', recurrenceUntil: '2026-03-24' })
    expect(res.status).toBe(303)
    expect(await starts()).toEqual(['2026-03-03T08:30:00.000Z', '2026-03-10T08:30:00.000Z', '2026-03-17T08:30:00.000Z', '2026-03-24T08:30:00.000Z'])
  })

  it('shows the stored values in the edit form', async () => {
    const id = await create(client, 'activity', { title: 'Yoga', startDate: '2026-04-07', startTime: '19:30', endTime: '20:30', costKind: 'amount', costAmount: '2,50', contactName: 'Yogi', contactNamePublic: 'on' })
    const page = await client.get(`/mijn-content/${id}/bewerken`)
    expect(page.status).toBe(200)
    for (const v of ['value="2026-04-07"', 'value="19:30"', 'value="20:30"', 'value="2,50"', 'value="Yogi"']) expect(page.body).toContain(v)
    expect(page.body).toMatch(/id="contactNamePublic" name="contactNamePublic" checked/)
  })

  it('refuses a stranger: 403 for edit, preview and delete, 404 for an unknown item', async () => {
    const id = await create(client, 'news', { title: 'Alleen van mij', publicationDate: '2026-03-02' })
    const stranger = await buildUser(t, { homeWijkId: wijk.id })
    const other = t.client()
    await login(other, stranger)
    for (const path of [`/mijn-content/${id}/bewerken`, `/mijn-content/${id}/voorbeeld`, `/mijn-content/${id}/verwijderen`, `/mijn-content/${id}/beheerders`]) {
      expect((await other.get(path)).status, path).toBe(403)
    }
    expect((await other.post(`/mijn-content/${id}/publiceren`, {})).status).toBe(403)
    expect((await other.post(`/mijn-content/${id}/bewerken`, { title: 'Overgenomen', publicationDate: '2026-03-02' })).status).toBe(403)
    expect((await other.get('/mijn-content/999999/bewerken')).status).toBe(404)
    // Beyond the integer range of the id column: still a plain 404, not a database error.
    expect((await other.get('/mijn-content/9999999999/bewerken')).status).toBe(404)
    expect((await other.get('/mijn-content/nieuw?type=news&wijk=9999999999')).status).toBe(200)
    expect((await statusOf(id)).status).toBe('draft')
  })

  it('lets the owner delete after a confirmation page', async () => {
    const id = await create(client, 'news', { title: 'Weg ermee', publicationDate: '2026-03-02' })
    const confirm = await client.get(`/mijn-content/${id}/verwijderen`)
    expect(confirm.status).toBe(200)
    expect(confirm.text).toContain('Ja, definitief verwijderen')
    const res = await client.post(`/mijn-content/${id}/verwijderen`, {})
    expect(res.status).toBe(303)
    const [n] = await t.deps.db.select({ n: count() }).from(contentItems).where(eq(contentItems.id, id))
    expect(n!.n).toBe(0)
  })
})

describe('themes editor', () => {
  it('lets a wijkbeheerder of the wijk add, rename, reorder and delete themes', async () => {
    const beheerder = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const c = t.client()
    await login(c, beheerder)
    const base = `/beheer/wijken/${wijk.id}/themas`
    const page = await c.get(base)
    expect(page.status).toBe(200)
    expect(page.body).toContain('value="Burenhulp"')

    const bad = await c.post(base, { nameNl: '', nameEn: 'Gardening' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('value="Gardening"')
    expect((await c.post(base, { nameNl: 'Tuinieren', nameEn: 'Gardening' })).status).toBe(303)
    expect((await c.post(base, { nameNl: 'Tuinieren', nameEn: 'Gardening' })).status).toBe(422)

    const names = async () =>
      (await t.deps.db.select({ id: wijkThemes.id, nameNl: wijkThemes.nameNl }).from(wijkThemes).where(eq(wijkThemes.wijkId, wijk.id)).orderBy(wijkThemes.position, wijkThemes.id))
    let list = await names()
    expect(list.at(-1)!.nameNl).toBe('Tuinieren')
    const tuin = list.at(-1)!.id
    expect((await c.post(`${base}/${tuin}`, { nameNl: 'Moestuin', nameEn: 'Vegetable garden' })).status).toBe(303)
    expect((await c.post(`${base}/${tuin}/omhoog`, {})).status).toBe(303)
    list = await names()
    expect(list.at(-2)!.nameNl).toBe('Moestuin')
    expect((await c.post(`${base}/${tuin}/verwijderen`, {})).status).toBe(303)
    expect((await names()).some((th) => th.id === tuin)).toBe(false)
  })

  it('refuses an account holder and the wijkbeheerder of another wijk', async () => {
    const other = await buildWijk(t)
    const elsewhere = await buildUser(t, { role: 'wijkbeheerder', wijkId: other.id })
    const c = t.client()
    await login(c, elsewhere)
    expect((await c.get(`/beheer/wijken/${wijk.id}/themas`)).status).toBe(403)
    expect((await c.post(`/beheer/wijken/${wijk.id}/themas`, { nameNl: 'Inbraak', nameEn: 'Break-in' })).status).toBe(403)
    expect((await client.get(`/beheer/wijken/${wijk.id}/themas`)).status).toBe(403)
  })
})

/**
 * The partner API (issue 12, P11): keys and agreements open and close the door, the scope limits
 * what comes through, lists page and sync correctly, and answers carry ETags.
 */
import { gunzipSync } from 'node:zlib'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq, inArray } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { bearer, buildPartner } from '../../../test/partners.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { contentItems, contentThemes, CONTENT_TYPES } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { DAY } from '../../kernel/clock.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { users } from '../accounts/accounts.tables.js'
import { contentChanges, partnerKeys, partnerKeyUse, partners } from './partners.tables.js'
import { RETENTION_RULES } from '../../retention.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { revokeKey } from './partners.keys.js'
import { Contract, validOpenApi31 } from '../../../test/openapi-contract.js'
import { hsdsUuid } from './partners.hsds.js'

let t: TestPlatform
let api: TestClient
let a: Awaited<ReturnType<typeof buildWijk>>
let b: Awaited<ReturnType<typeof buildWijk>>

interface Json {
  data: any
  links: { next: string | null }
  meta: any
  code?: string
  errors?: Array<{ parameter: string }>
}

let contract: Contract
const breaches: string[] = []

/** A request to the API; its answer is held against the OpenAPI document as well. */
async function call(path: string, key: string | null, headers: Record<string, string> = {}) {
  const page = await api.get(path, { ...(key ? bearer(key) : {}), ...headers })
  breaches.push(...contract.check('GET', path, page.status, page.res.headers.get('content-type') ?? '', page.body))
  return { status: page.status, headers: page.res.headers, json: (page.body ? JSON.parse(page.body) : null) as Json, body: page.body }
}

beforeAll(async () => {
  t = await createTestPlatform()
  api = t.client()
  a = await buildWijk(t)
  b = await buildWijk(t)
  contract = new Contract(JSON.parse((await api.get('/api/v1/openapi.json')).body))
})
afterAll(() => t.stop())

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validOpenApi31(contract.doc)
    expect(result.errors).toBeFalsy()
    expect(result.valid).toBe(true)
    expect(result.version).toBe('3.1')
  })

  it('is explained for people at /api/docs, every path with its parameters', async () => {
    const page = await t.client().get('/api/docs')
    expect(page.status).toBe(200)
    for (const path of Object.keys(contract.doc.paths)) expect(page.body).toContain(`GET ${path}`)
    expect(page.body).toContain('id="problem-key_revoked"')
    expect(page.body).toContain('updated_since')
  })
})

describe('keys and agreements', () => {
  it('refuses a request without a key with a 401 problem and no data', async () => {
    await buildItem(t, { wijkId: a.id, type: 'news', title: 'Nieuws zonder sleutel' })
    const res = await call('/api/v1/news', null)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(res.json).toMatchObject({ status: 401, code: 'key_missing' })
    expect(res.body).not.toContain('Nieuws zonder sleutel')
  })

  it('refuses unknown and malformed keys', async () => {
    for (const key of ['wck_' + 'x'.repeat(43), 'not-a-key', 'wck_']) {
      const res = await call('/api/v1/news', key)
      expect(res.status).toBe(401)
      expect(res.json.code).toBe('key_unknown')
    }
  })

  it('a session cookie gives the API nothing', async () => {
    const admin = await buildUser(t, { role: 'admin' })
    const client = t.client()
    await client.post('/account/inloggen', { email: admin.email, password: admin.password })
    const page = await client.get('/api/v1/news')
    expect(page.status).toBe(401)
  })

  it('cuts a revoked key at once, and keeps the partner’s other keys working', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    expect((await call('/api/v1/news', p.key)).status).toBe(200)
    await revokeKey(t.deps.db, p.id, p.keyId, t.clock.now())
    const res = await call('/api/v1/news', p.key)
    expect(res.status).toBe(401)
    expect(res.json.code).toBe('key_revoked')
  })

  it('gives access only while the agreement is active and within its dates', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], startsOn: '2026-03-01', endsOn: '2026-03-31' })
    expect((await call('/api/v1/news', p.key)).status).toBe(200)
    for (const status of ['opgeschort', 'beeindigd', 'concept'] as const) {
      await t.deps.db.update(partners).set({ status }).where(eq(partners.id, p.id))
      const res = await call('/api/v1/news', p.key)
      expect(res.status, status).toBe(401)
      expect(res.json.code).toBe('agreement_not_in_force')
    }
    await t.deps.db.update(partners).set({ status: 'actief' }).where(eq(partners.id, p.id))
    expect((await call('/api/v1/news', p.key)).status).toBe(200)
    // Not yet started, and after its last day.
    await t.deps.db.update(partners).set({ startsOn: '2026-03-03' }).where(eq(partners.id, p.id))
    expect((await call('/api/v1/news', p.key)).status).toBe(401)
    await t.deps.db.update(partners).set({ startsOn: '2026-03-01', endsOn: '2026-03-01' }).where(eq(partners.id, p.id))
    expect((await call('/api/v1/news', p.key)).status).toBe(401)
    // A remembered key still lapses at midnight, with no write to tell anyone.
    await t.deps.db.update(partners).set({ endsOn: '2026-03-02' }).where(eq(partners.id, p.id))
    expect((await call('/api/v1/news', p.key)).status).toBe(200)
    t.clock.advance({ days: 1 })
    expect((await call('/api/v1/news', p.key)).json.code).toBe('agreement_not_in_force')
    t.clock.advance({ days: -1 })
  })

  it('limits requests per key per minute with 429 and Retry-After', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], ratePerMinute: 3 })
    for (let i = 0; i < 3; i++) expect((await call('/api/v1/wijken', p.key)).status).toBe(200)
    const refused = await call('/api/v1/wijken', p.key)
    expect(refused.status).toBe(429)
    expect(refused.json.code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another key of another partner has its own allowance.
    const other = await buildPartner(t, { wijkIds: [a.id], ratePerMinute: 3 })
    expect((await call('/api/v1/wijken', other.key)).status).toBe(200)
    t.clock.advance({ minutes: 1, seconds: 1 })
    expect((await call('/api/v1/wijken', p.key)).status).toBe(200)
  })

  it('counts use per key per day, and when it was last used, nothing more', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    await call('/api/v1/wijken', p.key)
    await call('/api/v1/news', p.key)
    // Counted in memory, written by the meter's flush (every ten seconds, and when the platform stops).
    expect(await t.deps.db.select().from(partnerKeyUse).where(eq(partnerKeyUse.keyId, p.keyId))).toEqual([])
    await t.keyMeter.flush()
    await call('/api/v1/news', p.key)
    await t.keyMeter.flush()
    const [use] = await t.deps.db.select().from(partnerKeyUse).where(eq(partnerKeyUse.keyId, p.keyId))
    expect(use?.requests).toBe(3)
    const [key] = await t.deps.db.select().from(partnerKeys).where(eq(partnerKeys.id, p.keyId))
    expect(key?.lastUsedAt?.getTime()).toBe(t.clock.now().getTime())
    expect(key?.tokenHash).not.toBe(p.key)
    expect(JSON.stringify(key)).not.toContain(p.key.slice(12))
  })
})

describe('scope', () => {
  it('a key for wijk A reads nothing of wijk B', async () => {
    const inA = await buildItem(t, { wijkId: a.id, type: 'news', title: 'Scope nieuws A' })
    const inB = await buildItem(t, { wijkId: b.id, type: 'news', title: 'Scope nieuws B' })
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const list = await call('/api/v1/news?limit=100', p.key)
    const titles = list.json.data.map((i: { title: string }) => i.title)
    expect(titles).toContain('Scope nieuws A')
    expect(titles).not.toContain('Scope nieuws B')
    expect((await call(`/api/v1/news/${inA.id}`, p.key)).status).toBe(200)
    const other = await call(`/api/v1/news/${inB.id}`, p.key)
    expect(other.status).toBe(404)
    expect(other.body).not.toContain('Scope nieuws B')
    const byWijk = await call(`/api/v1/news?wijk=${b.slug}`, p.key)
    expect(byWijk.status).toBe(403)
    expect(byWijk.json.code).toBe('forbidden')
    const wijken = await call('/api/v1/wijken', p.key)
    expect(wijken.json.data.map((w: { id: number }) => w.id)).toEqual([a.id])
  })

  it('a city agreement sees every wijk of that city, also one added later', async () => {
    const first = await buildWijk(t, { citySlug: 'netwerkstad' })
    const p = await buildPartner(t, { cityIds: [first.cityId] })
    const later = await buildWijk(t, { citySlug: 'netwerkstad' })
    await buildItem(t, { wijkId: later.id, type: 'news', title: 'Later wijk nieuws' })
    const res = await call('/api/v1/news?city=netwerkstad', p.key)
    expect(res.status).toBe(200)
    expect(res.json.data.map((i: { title: string }) => i.title)).toContain('Later wijk nieuws')
    const cities = await call('/api/v1/cities', p.key)
    expect(cities.json.data).toHaveLength(1)
    expect(cities.json.data[0].wijken.map((w: { id: number }) => w.id).sort()).toEqual([first.id, later.id].sort())
    expect((await call(`/api/v1/news?city=${a.citySlug}`, p.key)).status).toBe(403)
  })

  it('content types outside the agreement are refused', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], types: ['activity'] })
    const res = await call('/api/v1/news', p.key)
    expect(res.status).toBe(403)
    expect(res.json.code).toBe('out_of_scope')
  })

  it('an item the owner keeps on WijkConnect only is never shared, yet stays on the site', async () => {
    const kept = await buildItem(t, { wijkId: a.id, type: 'news', title: 'Alleen hier nieuws', sharedWithPartners: false })
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const list = await call('/api/v1/news?limit=100', p.key)
    expect(list.body).not.toContain('Alleen hier nieuws')
    expect((await call(`/api/v1/news/${kept.id}`, p.key)).status).toBe(404)
    const site = await t.client().get(`/${a.slug}/nieuws/${kept.id}-${kept.slug}`)
    expect(site.status).toBe(200)
    expect(site.body).toContain('Alleen hier nieuws')
  })
})

describe('answers', () => {
  it('says which parameter does not fit, and refuses unknown ones', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const bad = await call('/api/v1/news?limit=abc&from=gisteren', p.key)
    expect(bad.status).toBe(400)
    expect(bad.json.code).toBe('bad_query')
    expect(bad.json.errors!.map((e) => e.parameter).sort()).toEqual(['from', 'limit'])
    const unknown = await call('/api/v1/news?pagina=2', p.key)
    expect(unknown.status).toBe(400)
    expect(unknown.json.errors![0]!.parameter).toBe('pagina')
    expect((await call('/api/v1/news?limit=101', p.key)).status).toBe(400)
  })

  it('answers 304 to a client that holds the current answer, and 200 after a change', async () => {
    const item = await buildItem(t, { wijkId: a.id, type: 'news', title: 'ETag nieuws' })
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const first = await call(`/api/v1/news/${item.id}`, p.key)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toMatch(/private/)
    const again = await call(`/api/v1/news/${item.id}`, p.key, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    await t.deps.db.update(contentItems).set({ title: 'ETag nieuws bijgewerkt', updatedAt: t.clock.now() }).where(eq(contentItems.id, item.id))
    const changed = await call(`/api/v1/news/${item.id}`, p.key, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.json.data.title).toBe('ETag nieuws bijgewerkt')
  })

  it('sends a kept answer gzipped to a client that takes it, under the weak form of its ETag, and a 304 for either form', async () => {
    const w = await buildWijk(t)
    await buildItem(t, { wijkId: w.id, type: 'news', title: 'Ingepakt nieuws' })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const path = `/api/v1/news?wijk=${w.slug}`
    const first = await call(path, p.key)
    const etag = first.headers.get('etag')!
    const packed = await api.request(path, { headers: { ...bearer(p.key), 'Accept-Encoding': 'gzip' } })
    expect(packed.headers.get('x-page-cache')).toBe('hit')
    expect(packed.headers.get('content-encoding')).toBe('gzip')
    expect(packed.headers.get('etag')).toBe(`W/${etag}`)
    expect(gunzipSync(Buffer.from(await packed.arrayBuffer())).toString('utf8')).toBe(first.body)
    for (const held of [etag, `W/${etag}`]) {
      const again = await api.request(path, { headers: { ...bearer(p.key), 'Accept-Encoding': 'gzip', 'If-None-Match': held } })
      expect(again.status).toBe(304)
    }
  })

  it('sends the first answer gzipped under the same weak ETag and bytes as the kept ones', async () => {
    const w = await buildWijk(t)
    await buildItem(t, { wijkId: w.id, type: 'news', title: 'Meteen ingepakt' })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const ask = () => api.request(`/api/v1/news?wijk=${w.slug}`, { headers: { ...bearer(p.key), 'Accept-Encoding': 'gzip' } })
    const first = await ask()
    const second = await ask()
    expect([first.headers.get('x-page-cache'), second.headers.get('x-page-cache')]).toEqual(['miss', 'hit'])
    expect(first.headers.get('content-encoding')).toBe('gzip')
    expect(first.headers.get('etag')).toMatch(/^W\/".+"$/)
    expect(first.headers.get('etag')).toBe(second.headers.get('etag'))
    expect(Buffer.from(await first.arrayBuffer())).toEqual(Buffer.from(await second.arrayBuffer()))
  })

  it('keeps answers like public pages: shared by partners of one scope, gone after a change, never past a revoked key', async () => {
    const w = await buildWijk(t)
    const item = await buildItem(t, { wijkId: w.id, type: 'news', title: 'Bewaard nieuws' })
    const one = await buildPartner(t, { wijkIds: [w.id] })
    const same = await buildPartner(t, { wijkIds: [w.id] })
    const first = await call(`/api/v1/news?wijk=${w.slug}`, one.key)
    expect(first.headers.get('x-page-cache')).toBe('miss')
    const second = await call(`/api/v1/news?wijk=${w.slug}`, same.key)
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(second.body).toBe(first.body)
    expect((await call(`/api/v1/news?wijk=${w.slug}`, same.key, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304)
    await t.deps.db.update(contentItems).set({ title: 'Bijgewerkt nieuws', updatedAt: t.clock.now() }).where(eq(contentItems.id, item.id))
    const third = await call(`/api/v1/news?wijk=${w.slug}`, one.key)
    expect(third.body).toContain('Bijgewerkt nieuws')
    await revokeKey(t.deps.db, one.id, one.keyId, t.clock.now())
    expect((await call(`/api/v1/news?wijk=${w.slug}`, one.key)).status).toBe(401)
    // Another scope never sees this scope's kept answer.
    const narrower = await buildPartner(t, { wijkIds: [w.id], types: ['activity'] })
    expect((await call(`/api/v1/news?wijk=${w.slug}`, narrower.key)).status).toBe(403)
  })

  it('lists activities with their occurrences in the asked range', async () => {
    const w = await buildWijk(t)
    const now = t.clock.now()
    const weekly = await buildItem(t, {
      wijkId: w.id,
      type: 'activity',
      title: 'Wekelijkse koffie',
      startsAt: new Date('2026-03-03T09:00:00Z'),
      endsAt: new Date('2026-03-03T11:00:00Z'),
      recurrence: { kind: 'weekly', until: null, exceptions: [] },
    })
    const later = await buildItem(t, { wijkId: w.id, type: 'activity', title: 'Zomerfeest', startsAt: new Date('2026-07-04T12:00:00Z') })
    for (const item of [weekly, later]) await rebuildOccurrences(t.deps.db, item.id, now)
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const march = await call('/api/v1/activities?from=2026-03-02&to=2026-03-22', p.key)
    expect(march.json.data.map((i: { title: string }) => i.title)).toEqual(['Wekelijkse koffie'])
    expect(march.json.data[0].occurrences.map((o: { starts_at: string }) => o.starts_at)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-03-17T09:00:00.000Z',
    ])
    const july = await call('/api/v1/activities?from=2026-07-04&to=2026-07-04', p.key)
    expect(july.json.data.map((i: { title: string }) => i.title).sort()).toEqual(['Zomerfeest'])
  })
})

describe('paging and syncing', () => {
  it('returns each of 1,000 items exactly once while items are added between pages', async () => {
    const w = await buildWijk(t)
    const now = t.clock.now()
    const rows = Array.from({ length: 1000 }, (_, i) => ({ wijkId: w.id, type: 'news' as const, status: 'published' as const, title: `Bulk ${i}`, slug: `bulk-${i}`, createdAt: now, updatedAt: now, publishedAt: now }))
    const inserted = await t.deps.db.insert(contentItems).values(rows).returning({ id: contentItems.id })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const seen: number[] = []
    let next: string | null = '/api/v1/news?limit=100'
    let added = 0
    while (next) {
      const page = await call(next, p.key)
      expect(page.status).toBe(200)
      seen.push(...page.json.data.map((i: { id: number }) => i.id))
      next = page.json.links.next
      await buildItem(t, { wijkId: w.id, type: 'news', title: `Tussendoor ${added++}` })
    }
    const original = inserted.map((r) => r.id)
    expect(new Set(seen).size).toBe(seen.length)
    for (const id of original) expect(seen).toContain(id)
  })

  it('keeps a partner’s mirror equal to the scope through edits, deletions, hiding, opting out, expiry and a cancelled owner', async () => {
    const w = await buildWijk(t)
    const owner = await buildUser(t, { wijkId: w.id })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const make = (title: string, extra: Record<string, unknown> = {}) => buildItem(t, { wijkId: w.id, type: 'offer', title, ...extra })
    const edited = await make('Te bewerken')
    const deleted = await make('Te verwijderen')
    const hidden = await make('Te verbergen')
    const optedOut = await make('Wordt privé')
    const expiring = await make('Verloopt', { expiresAt: new Date(t.clock.now().getTime() + 3_600_000) })
    const ofCancelled = await make('Van opgezegd account', { ownerId: owner.id })
    await make('Blijft staan')

    type Mirror = Map<number, string>
    const fetchAll = async (query: string): Promise<{ items: Array<{ id: number; title: string }>; sync: { updated_since: string; changes_since: string } }> => {
      const items: Array<{ id: number; title: string }> = []
      let next: string | null = `/api/v1/prikbord?limit=2${query}`
      let sync
      while (next) {
        const page = await call(next, p.key)
        expect(page.status).toBe(200)
        items.push(...page.json.data)
        sync ??= page.json.meta.sync
        next = page.json.links.next
      }
      return { items, sync }
    }
    const mirror: Mirror = new Map()
    const first = await fetchAll('')
    let sync = first.sync
    for (const i of first.items) mirror.set(i.id, i.title)
    expect(mirror.size).toBe(7)

    t.clock.advance({ hours: 2 })
    const db = t.deps.db
    await db.update(contentItems).set({ title: 'Bewerkt', updatedAt: t.clock.now() }).where(eq(contentItems.id, edited.id))
    await db.delete(contentItems).where(eq(contentItems.id, deleted.id))
    await db.update(contentItems).set({ status: 'hidden', updatedAt: t.clock.now() }).where(eq(contentItems.id, hidden.id))
    await db.update(contentItems).set({ sharedWithPartners: false, updatedAt: t.clock.now() }).where(eq(contentItems.id, optedOut.id))
    await db.update(users).set({ status: 'cancelled', cancelledAt: t.clock.now() }).where(eq(users.id, owner.id))
    const fresh = await make('Nieuw erbij')

    // The partner's sync: what changed since, then what left.
    const changed = await fetchAll(`&updated_since=${encodeURIComponent(sync.updated_since)}`)
    for (const i of changed.items) mirror.set(i.id, i.title)
    let next: string | null = `/api/v1/changes?since=${sync.changes_since}`
    while (next) {
      const page = await call(next, p.key)
      expect(page.status).toBe(200)
      for (const change of page.json.data) if (change.change === 'removed') mirror.delete(change.id)
      next = page.json.meta.has_more ? page.json.links.next : null
    }
    sync = changed.sync

    const truth = await fetchAll('')
    expect([...mirror.entries()].sort()).toEqual(truth.items.map((i) => [i.id, i.title] as [number, string]).sort())
    expect(mirror.get(edited.id)).toBe('Bewerkt')
    expect(mirror.has(fresh.id)).toBe(true)
    for (const gone of [deleted, hidden, optedOut, expiring, ofCancelled]) expect(mirror.has(gone.id)).toBe(false)
    expect(expiring.id).toBeGreaterThan(0)
    const leftovers = await db.select({ id: contentItems.id }).from(contentItems).where(inArray(contentItems.id, [expiring.id, ofCancelled.id]))
    expect(leftovers).toHaveLength(2)
  })
})

describe('the Organisatiegids as Open Referral HSDS 3.0', () => {
  it('maps organisations to organizations and their offer to a service, with only public contact details', async () => {
    const w = await buildWijk(t)
    const open = await buildItem(t, {
      wijkId: w.id,
      type: 'organisation',
      title: 'Buurthuis De Linde',
      summary: 'Ontmoeten en meedoen',
      offers: 'Koffie, taalles en een klusdienst',
      openingHours: 'Ma-vr 9-17',
      website: 'https://delinde.example',
      contactEmail: 'info@delinde.example',
      contactEmailPublic: true,
      contactPhone: '0201234567',
      contactPhonePublic: true,
      contactAddress: 'Lindelaan 1',
    })
    const closed = await buildItem(t, { wijkId: w.id, type: 'organisation', title: 'Stille club', contactEmail: 'prive@club.example' })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const list = await call('/api/hsds/organizations', p.key)
    expect(list.status).toBe(200)
    expect(list.json).toMatchObject({ total_items: 2, page_number: 1, first_page: true, last_page: true, empty: false })
    const [first, second] = (list.json as any).contents
    expect(first).toMatchObject({ id: hsdsUuid('organization', open.id), name: 'Buurthuis De Linde', description: 'Ontmoeten en meedoen', email: 'info@delinde.example', website: 'https://delinde.example' })
    expect(first.phones).toEqual([{ id: hsdsUuid('phone', open.id), number: '0201234567' }])
    expect(second.id).toBe(hsdsUuid('organization', closed.id))
    expect(second.email).toBeUndefined()
    expect(list.body).not.toContain('prive@club.example')
    expect(list.body).not.toContain('Lindelaan')

    const one = await call(`/api/hsds/organizations/${hsdsUuid('organization', open.id)}`, p.key)
    expect((one.json as any).services).toEqual([
      expect.objectContaining({ id: hsdsUuid('service', open.id), organization_id: hsdsUuid('organization', open.id), description: 'Koffie, taalles en een klusdienst', status: 'active', schedules: [{ id: hsdsUuid('schedule', open.id), description: 'Ma-vr 9-17' }] }),
    ])
    const services = await call(`/api/hsds/services?organization_id=${hsdsUuid('organization', closed.id)}`, p.key)
    expect((services.json as any).contents.map((s: { name: string }) => s.name)).toEqual(['Stille club'])
    const service = await call(`/api/hsds/services/${hsdsUuid('service', open.id)}`, p.key)
    expect((service.json as any).name).toBe('Buurthuis De Linde')
    const paged = await call('/api/hsds/services?per_page=1&page=2', p.key)
    expect(paged.json).toMatchObject({ total_items: 2, total_pages: 2, page_number: 2, last_page: true })
    // Out of scope, or not an organisation, or not one of our UUIDs: nothing.
    const other = await buildPartner(t, { wijkIds: [a.id] })
    expect((await call(`/api/hsds/organizations/${hsdsUuid('organization', open.id)}`, other.key)).status).toBe(404)
    expect((await call('/api/hsds/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', p.key)).status).toBe(404)
  })
})

describe('the changes feed', () => {
  it('does not move its cursor past changes of the last seconds: they come again rather than risk being missed', async () => {
    const w = await buildWijk(t)
    const item = await buildItem(t, { wijkId: w.id, type: 'news', title: 'Vers verborgen' })
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const start = await call('/api/v1/changes', p.key)
    await t.deps.db.update(contentItems).set({ status: 'hidden' }).where(eq(contentItems.id, item.id))
    const first = await call(start.json.links.next!, p.key)
    expect(first.json.data).toEqual([expect.objectContaining({ id: item.id, change: 'removed' })])
    const again = await call(first.json.links.next!, p.key)
    expect(again.json.data.map((c: { id: number }) => c.id)).toEqual([item.id])
  })
})

describe('the change log kept 90 days', () => {
  it('purges entries past 90 days, and answers a cursor older than that with 410 rather than a feed with a hole', async () => {
    const w = await buildWijk(t)
    const p = await buildPartner(t, { wijkIds: [w.id] })
    const item = await buildItem(t, { wijkId: w.id, type: 'news', title: 'Lang geleden verborgen' })
    const start = await call('/api/v1/changes', p.key)
    await t.deps.db.update(contentItems).set({ status: 'hidden' }).where(eq(contentItems.id, item.id))
    const logged = () => t.deps.db.select().from(contentChanges).where(eq(contentChanges.contentId, item.id))
    expect(await logged()).not.toHaveLength(0)
    // The log is stamped by the database's clock; the test's clock is another one: align them.
    await t.deps.db.update(contentChanges).set({ changedAt: t.clock.now() }).where(eq(contentChanges.contentId, item.id))

    t.clock.advance({ days: 91 })
    try {
      const rule = RETENTION_RULES.find((r) => r.name === 'partners.changes')!
      expect(await runRetentionRule(t.deps, rule)).toBeGreaterThan(0)
      expect(await logged()).toHaveLength(0)
      const stale = await call(start.json.links.next!, p.key)
      expect(stale.status).toBe(410)
      expect(stale.json.code).toBe('changes_expired')
      // Starting over works: a fresh cursor, then changes again.
      const fresh = await call('/api/v1/changes', p.key)
      expect(fresh.status).toBe(200)
      expect((await call(fresh.json.links.next!, p.key)).status).toBe(200)
    } finally {
      t.clock.advance({ days: -91 })
    }
  })
})

describe('P11: nothing a partner may not have ever reaches it', () => {
  /** Every sentinel contains this; nothing shared ever does. */
  const MARK = 'sntl'

  it('walks every operation, format and page of the API over private fields, drafts, hidden, expired, opted-out and cancelled-owner items', async () => {
    const w = await buildWijk(t)
    const db = t.deps.db
    const now = t.clock.now()
    const before = await call('/api/v1/changes', (await buildPartner(t, { wijkIds: [w.id] })).key)
    const owner = await buildUser(t, { email: 'sntl-owner@leak.test', firstName: 'SNTL-first', lastName: 'SNTL-last' })
    const gone = await buildUser(t, { email: 'sntl-gone@leak.test', firstName: 'SNTL-gone' })
    await ensureDefaultThemes(db, w.id)
    const themes = await listThemes(db, w.id)
    const ids: number[] = []
    const privateFields = (n: string) => ({
      contactName: `SNTL-${n}-name`,
      contactEmail: `sntl-${n}@leak.test`,
      contactPhone: `SNTL-${n}-phone`,
      contactAddress: `SNTL-${n}-address`,
      hiddenReason: `SNTL-${n}-reason`,
    })
    for (const type of CONTENT_TYPES) {
      const extra = {
        wijkId: w.id,
        type,
        ownerId: owner.id,
        ...(type === 'activity' ? { startsAt: new Date(now.getTime() + 2 * DAY), recurrence: { kind: 'weekly' as const, until: null, exceptions: [] } } : {}),
        ...(type === 'request' || type === 'offer' ? { category: 'overig', expiresAt: new Date(now.getTime() + 20 * DAY) } : {}),
      }
      const n = `${type}`
      const made = [
        await buildItem(t, { ...extra, ...privateFields(`${n}-public`), title: `Gedeeld ${type}` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-onepublic`), contactName: 'Openbare Naam', contactNamePublic: true, title: `Gedeeld ${type} met naam` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-draft`), status: 'draft', title: `SNTL-${n}-draft`, body: `SNTL-${n}-draft-body` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-hidden`), status: 'hidden', title: `SNTL-${n}-hidden` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-optout`), sharedWithPartners: false, title: `SNTL-${n}-optout`, summary: `SNTL-${n}-optout-summary` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-gone`), ownerId: gone.id, title: `SNTL-${n}-cancelled-owner` }),
        await buildItem(t, { ...extra, ...privateFields(`${n}-expired`), title: `SNTL-${n}-expired`, expiresAt: new Date(now.getTime() - DAY) }),
      ]
      for (const [i, item] of made.entries()) {
        ids.push(item.id)
        await db.insert(contentThemes).values({ contentId: item.id, themeId: themes[i % themes.length]!.id })
        if (type === 'activity') await rebuildOccurrences(db, item.id, now)
      }
    }
    await db.update(users).set({ status: 'cancelled' }).where(eq(users.id, gone.id))
    const p = await buildPartner(t, { wijkIds: [w.id], ratePerMinute: 100_000 })

    const hsdsQueries = ['', '?per_page=1', '?page=2&per_page=1', '?search=gedeeld', '?search=sntl', '?modified_after=2000-01-01T00:00:00Z']
    const queries = ['', '?limit=1', `?wijk=${w.slug}`, `?city=${w.citySlug}`, '?q=gedeeld', '?q=sntl', `?theme=${themes[0]!.slug}`, '?updated_since=2000-01-01T00:00:00Z', '?type=offer', '?from=2026-01-01&to=2026-12-31']
    const urls: string[] = []
    for (const path of Object.keys(contract.doc.paths)) {
      if (path.startsWith('/api/hsds/') && path.includes('{id}')) for (const id of ids) urls.push(path.replace('{id}', hsdsUuid(path.includes('services') ? 'service' : 'organization', id)))
      else if (path.includes('{id}')) for (const id of ids) urls.push(path.replace('{id}', String(id)))
      else if (path === '/api/v1/changes') urls.push(`${path}?since=${new URL(before.json.links.next!, 'http://x').searchParams.get('since')}`, path)
      else if (path.startsWith('/api/hsds/')) for (const q of hsdsQueries) urls.push(path + q)
      else for (const q of queries) urls.push(path + q)
    }
    const leaks: string[] = []
    let requests = 0
    for (const start of urls) {
      for (const accept of ['application/json', 'application/ld+json']) {
        let next: string | null = start
        while (next) {
          const res = await call(next, p.key, { accept })
          requests++
          if (res.status === 429 || res.status >= 500) leaks.push(`${next}: ${res.status}, not walked`)
          if (res.body.toLowerCase().includes(MARK)) leaks.push(`${next} (${accept})`)
          for (const [name, value] of res.headers) if (value.toLowerCase().includes(MARK)) leaks.push(`${next} header ${name}`)
          next = res.status === 200 && accept === 'application/json' && !next.startsWith('/api/v1/changes') ? (res.json.links?.next ?? null) : null
        }
      }
    }
    expect(leaks).toEqual([])
    // The walk did reach shared content, and the one public contact field.
    const all = await call('/api/v1/activities?limit=100', p.key)
    expect(all.body).toContain('Gedeeld activity')
    expect(all.body).toContain('Openbare Naam')
    expect(requests).toBeGreaterThan(400)
  }, 120_000)
})

describe('the contract', () => {
  it('every answer above fitted the OpenAPI document, and every operation was called', () => {
    expect(breaches).toEqual([])
    const operations = Object.keys(contract.doc.paths).map((path) => `GET ${path}`)
    const missing = operations.filter((op) => !contract.exercised.has(op))
    expect(missing).toEqual([])
  })
})

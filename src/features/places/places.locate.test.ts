/**
 * P17: "use my location" — the browser's coarse location leads to the nearest wijk, and nothing
 * of it is stored, logged or put in a cookie. Admins set each wijk's centre in /beheer.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { asc, count, eq, is } from 'drizzle-orm'
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import * as schema from '../../schema.js'
import { publicVersions } from '../../kernel/http/public-version.tables.js'
import { ASSETS } from '../../kernel/ui/assets.js'
import { wijken } from './places.tables.js'
import { distanceKm, nearest } from './places.location.js'

let t: TestPlatform
let noord: Awaited<ReturnType<typeof buildWijk>>
let zuid: Awaited<ReturnType<typeof buildWijk>>
let eigen: Awaited<ReturnType<typeof buildWijk>>

beforeAll(async () => {
  t = await createTestPlatform()
  noord = await buildWijk(t, { slug: 'kerkbuurt', name: 'Kerkbuurt' })
  zuid = await buildWijk(t, { slug: 'havenkwartier', name: 'Havenkwartier' })
  eigen = await buildWijk(t, { slug: 'duinzicht', name: 'Duinzicht', hostName: 'www.duinzicht.test' })
  await buildWijk(t, { slug: 'zonder-middelpunt', name: 'Zonder middelpunt' })
  await t.deps.db.update(wijken).set({ centerLat: 52.262, centerLon: 6.18 }).where(eq(wijken.id, noord.id))
  await t.deps.db.update(wijken).set({ centerLat: 52.244, centerLon: 6.175 }).where(eq(wijken.id, zuid.id))
  await t.deps.db.update(wijken).set({ centerLat: 52.4, centerLon: 4.55 }).where(eq(wijken.id, eigen.id))
  await t.hostMap.reload(t.deps.db)
})
afterAll(() => t.stop())

/** Row counts of every table and the public version stamps, to prove a request wrote nothing. */
async function snapshot(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {}
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue
    const [row] = await t.deps.db.select({ n: count() }).from(value)
    out[getTableConfig(value).name] = row!.n
  }
  out.public_versions = JSON.stringify(await t.deps.db.select().from(publicVersions).orderBy(asc(publicVersions.scope)))
  return out
}

describe('use my location (P17)', () => {
  it('offers the button only to a browser that runs the script: hidden in the HTML, with the script from our own /static', async () => {
    const page = await t.client().get('/')
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<section id="locate" class="locate" hidden/)
    expect(page.body).toContain(`<script src="${ASSETS.locate.url}" defer=""></script>`)
    expect(page.text).toContain('Gebruik mijn locatie')
    const script = await t.client().get(ASSETS.locate.url)
    expect(script.status).toBe(200)
    expect(script.res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    // Asked only on a click, with low accuracy, rounded to two decimals, sent only to our own /zoek-wijk.
    expect(script.body).toContain("addEventListener('click'")
    expect(script.body).toContain('enableHighAccuracy: false')
    expect(script.body).toContain('toFixed(2)')
    expect(script.body).toContain("'/zoek-wijk?lat='")
    expect(script.body).not.toMatch(/https?:\/\//)
  })

  it('sends the visitor to the wijk whose centre is nearest (P17)', async () => {
    const toNoord = await t.client().get('/zoek-wijk?lat=52.26&lon=6.18')
    expect(toNoord.status).toBe(303)
    expect(toNoord.location).toBe('/kerkbuurt/')
    const toZuid = await t.client().get('/zoek-wijk?lat=52.25&lon=6.17')
    expect(toZuid.status).toBe(303)
    expect(toZuid.location).toBe('/havenkwartier/')
    // Any wijk with a centre counts, also one with its own host name; a wijk without a centre never.
    const toEigen = await t.client().get('/zoek-wijk?lat=52.39&lon=4.56')
    expect(toEigen.status).toBe(303)
    expect(toEigen.location).toBe('/duinzicht/')
  })

  it('rounds a precise location to two decimals before using it (P17)', async () => {
    // 52.2549 rounds to 52.25: nearer Havenkwartier (52.244) than Kerkbuurt (52.262)… and 52.2551 to 52.26.
    expect((await t.client().get('/zoek-wijk?lat=52.2549123&lon=6.1771234')).location).toBe('/havenkwartier/')
    expect((await t.client().get('/zoek-wijk?lat=52.2551&lon=6.1771')).location).toBe('/kerkbuurt/')
  })

  it('says clearly when no wijk is near, and still offers the postcode form and the list (P17)', async () => {
    const page = await t.client().get('/zoek-wijk?lat=51.44&lon=5.48')
    expect(page.status).toBe(200)
    expect(page.text).toContain('We vonden geen wijk binnen 3 km van je locatie')
    expect(page.body).toContain('action="/zoek-wijk"')
    expect(page.body).toContain('href="/kerkbuurt/"')
  })

  for (const query of ['lat=91&lon=6', 'lat=52&lon=-181', 'lat=abc&lon=6', 'lat=52', 'lon=6', 'lat=&lon=', 'lat=1e2&lon=3', 'lat=52,2&lon=6', 'lat=52.2.2&lon=6', 'lat=Infinity&lon=0', `lat=${'9'.repeat(400)}&lon=1`]) {
    it(`refuses "${query.slice(0, 40)}" with a message and a 400, never a 500`, async () => {
      const page = await t.client().get(`/zoek-wijk?${query}`)
      expect(page.status).toBe(400)
      expect(page.text).toContain('Deze locatie kunnen we niet gebruiken')
      expect(page.body).toContain('href="/kerkbuurt/"')
    })
  }

  it('stores nothing, logs no coordinates and sets no cookie (P17)', async () => {
    const before = await snapshot()
    const found = await t.client().get('/zoek-wijk?lat=52.26&lon=6.18')
    const none = await t.client().get('/zoek-wijk?lat=51.4411&lon=5.4822')
    const bad = await t.client().get('/zoek-wijk?lat=95.1234&lon=6')
    for (const page of [found, none, bad]) {
      expect(page.res.headers.getSetCookie()).toEqual([])
      expect(page.res.headers.get('cache-control')).toBe('no-store')
    }
    expect(await snapshot()).toEqual(before)
    // Timestamps are left out: "20:10:06.185Z" would contain "6.18" by chance.
    const logged = t.logs().replace(/"time":"[^"]*"/g, '')
    for (const coordinate of ['52.26', '6.18', '51.44', '5.48', '95.12']) expect(logged).not.toContain(coordinate)
    expect(t.logs()).toContain('"route":"/zoek-wijk"')
  })
})

describe('wijk centres in beheer', () => {
  it('lets an admin set a centre, with checked ranges and both-or-neither', async () => {
    const admin = t.client()
    await login(admin, await buildUser(t, { role: 'admin' }))
    const form = await admin.get(`/beheer/wijken/${noord.id}`)
    expect(form.body).toContain('name="centerLat" type="text" value="52.262"')
    const base = { name: 'Kerkbuurt', slug: 'kerkbuurt', cityId: String(noord.cityId), colour: '#1d6b4f', postcodes: '', introNl: '', introEn: '', hostName: '' }

    const tooFar = await admin.post(`/beheer/wijken/${noord.id}`, { ...base, centerLat: '91', centerLon: '6.1' })
    expect(tooFar.status).toBe(422)
    expect(tooFar.text).toContain('Vul een breedtegraad in tussen -90 en 90')
    expect(tooFar.body).toContain('value="91"')
    const half = await admin.post(`/beheer/wijken/${noord.id}`, { ...base, centerLat: '52.1', centerLon: '' })
    expect(half.status).toBe(422)
    expect(half.text).toContain('Vul zowel de breedte- als de lengtegraad in')
    const junk = await admin.post(`/beheer/wijken/${noord.id}`, { ...base, centerLat: '52.1', centerLon: 'oost' })
    expect(junk.status).toBe(422)
    expect(junk.text).toContain('Vul een lengtegraad in tussen -180 en 180')

    const saved = await admin.post(`/beheer/wijken/${noord.id}`, { ...base, centerLat: '52,2633', centerLon: '6.1812' })
    expect(saved.status).toBe(303)
    const [row] = await t.deps.db.select({ lat: wijken.centerLat, lon: wijken.centerLon }).from(wijken).where(eq(wijken.id, noord.id))
    expect(row).toEqual({ lat: 52.2633, lon: 6.1812 })

    const cleared = await admin.post(`/beheer/wijken/${noord.id}`, { ...base, centerLat: '', centerLon: '' })
    expect(cleared.status).toBe(303)
    const [after] = await t.deps.db.select({ lat: wijken.centerLat, lon: wijken.centerLon }).from(wijken).where(eq(wijken.id, noord.id))
    expect(after).toEqual({ lat: null, lon: null })
    await t.deps.db.update(wijken).set({ centerLat: 52.262, centerLon: 6.18 }).where(eq(wijken.id, noord.id))
  })

  it('does not let an ambassadeur change the centre', async () => {
    const ambassadeur = t.client()
    await login(ambassadeur, await buildUser(t, { role: 'ambassadeur', wijkId: zuid.id }))
    const form = await ambassadeur.get(`/beheer/wijken/${zuid.id}`)
    expect(form.body).not.toContain('name="centerLat"')
    expect(form.text).toContain('52.244, 6.175')
    const res = await ambassadeur.post(`/beheer/wijken/${zuid.id}`, { name: 'Havenkwartier', colour: '#1d6b4f', introNl: '', introEn: '', centerLat: '10', centerLon: '10' })
    expect(res.status).toBe(303)
    const [row] = await t.deps.db.select({ lat: wijken.centerLat }).from(wijken).where(eq(wijken.id, zuid.id))
    expect(row!.lat).toBe(52.244)
  })
})

describe('distance', () => {
  it('measures great-circle kilometres and picks the nearest within the limit', () => {
    // Amsterdam Centraal to Utrecht Centraal: about 35 km.
    expect(distanceKm({ lat: 52.3791, lon: 4.9003 }, { lat: 52.0894, lon: 5.1101 })).toBeCloseTo(35.2, 0)
    const a = { id: 1, center: { lat: 52, lon: 5 } }
    const b = { id: 2, center: { lat: 52.02, lon: 5 } }
    expect(nearest([a, b], { lat: 52.015, lon: 5 })?.id).toBe(2)
    expect(nearest([a, b], { lat: 52.2, lon: 5 })).toBeNull()
  })
})

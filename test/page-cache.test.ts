/**
 * The page cache serves visitors a rendered page again only while nothing it shows can have
 * changed, and never caches anything personal.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildUser, buildWijk, login } from './factories.js'
import { wijken } from '../src/features/places/places.tables.js'

let t: TestPlatform
let slug: string
let wijkId: number
beforeAll(async () => {
  t = await createTestPlatform()
  const wijk = await buildWijk(t, { name: 'Cachebuurt' })
  slug = wijk.slug
  wijkId = wijk.id
})
afterAll(() => t.stop())

describe('page cache', () => {
  it('serves a visitor the same page from the cache the second time', async () => {
    const first = await t.client().get(`/${slug}/`)
    const second = await t.client().get(`/${slug}/`)
    expect(first.res.headers.get('x-page-cache')).toBe('miss')
    expect(second.res.headers.get('x-page-cache')).toBe('hit')
    expect(second.body).toBe(first.body)
    expect(second.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('renders again as soon as something shown changes in the database', async () => {
    await t.client().get(`/${slug}/`)
    await t.deps.db.update(wijken).set({ name: 'Cachebuurt-Oost', updatedAt: t.clock.now() }).where(eq(wijken.id, wijkId))
    const page = await t.client().get(`/${slug}/`)
    expect(page.res.headers.get('x-page-cache')).toBe('miss')
    expect(page.text).toContain('Cachebuurt-Oost')
  })

  it('lets an entry expire with business time', async () => {
    await t.client().get(`/${slug}/`)
    expect((await t.client().get(`/${slug}/`)).res.headers.get('x-page-cache')).toBe('hit')
    t.clock.advance({ minutes: 2 })
    expect((await t.client().get(`/${slug}/`)).res.headers.get('x-page-cache')).toBe('miss')
  })

  it('keeps languages apart', async () => {
    const nl = await t.client().get(`/${slug}/`, { 'accept-language': 'nl' })
    const en = await t.client().get(`/${slug}/`, { 'accept-language': 'en' })
    expect(nl.body).toContain('<html lang="nl"')
    expect(en.body).toContain('<html lang="en"')
  })

  it('never caches or serves a cached page to a logged-in user', async () => {
    const user = await buildUser(t, { firstName: 'Ingelogd' })
    const client = t.client()
    await login(client, user)
    await t.client().get(`/${slug}/`)
    const page = await client.get(`/${slug}/`)
    expect(page.res.headers.get('x-page-cache')).toBeNull()
    expect(page.text).toContain('Mijn gegevens')
  })

  it('never caches personal areas or error pages', async () => {
    for (const path of ['/account/inloggen', '/account/inloggen', '/bestaat-niet/', '/bestaat-niet/']) {
      const page = await t.client().get(path)
      expect(page.res.headers.get('x-page-cache')).toBeNull()
    }
  })
})

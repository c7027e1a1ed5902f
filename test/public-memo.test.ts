/**
 * Issue 15: the rows every page of a wijk reads (the wijk, its themes, its links) are read once
 * while nothing they come from changed (kernel/http/public-memo.ts, decisions/023): a change in
 * another wijk keeps them, a change in their own wijk or the platform reads them again, and a
 * page that misses the page cache never shows them stale.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildWijk } from './factories.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { wijken } from '../src/features/places/places.tables.js'
import { wijkThemes } from '../src/features/content/content.tables.js'
import { wijkScope } from '../src/features/places/places.cache.js'

let t: TestPlatform
let a: { id: number; slug: string }
let b: { id: number; slug: string }
let n = 0
/** A page of wijk A's Agenda that the page cache has never seen. */
const freshAgenda = () => t.client().get(`/${a.slug}/agenda?x=${++n}`)

beforeAll(async () => {
  t = await createTestPlatform()
  a = await buildWijk(t, { name: 'Kersenwijk' })
  b = await buildWijk(t, { name: 'Pruimenwijk' })
  await t.deps.db.insert(wijkThemes).values({ wijkId: a.id, slug: 'tuinieren', nameNl: 'Tuinieren', nameEn: 'Gardening', position: 1 })
})
afterAll(() => t.stop())

describe('rows remembered per scope', () => {
  it('reads again only after a change in its own wijk or the platform', async () => {
    let loads = 0
    const load = async () => ({ read: ++loads })
    const remember = () => t.deps.publicMemo.remember(`proef:${a.id}`, [wijkScope(a.id)], load)
    expect(await remember()).toEqual({ read: 1 })
    expect(await remember()).toEqual({ read: 1 })

    await buildItem(t, { wijkId: b.id, type: 'offer', title: 'Ladder in Pruimenwijk' })
    expect(await remember()).toEqual({ read: 1 })

    await buildItem(t, { wijkId: a.id, type: 'offer', title: 'Ladder in Kersenwijk' })
    expect(await remember()).toEqual({ read: 2 })
    expect(await remember()).toEqual({ read: 2 })

    await t.deps.db.update(wijken).set({ name: 'Pruimenwijk-Zuid' }).where(eq(wijken.id, b.id))
    expect(await remember()).toEqual({ read: 3 })
  })

  it('keeps nothing that was not found', async () => {
    let loads = 0
    const remember = () => t.deps.publicMemo.remember('proef:niets', [], async () => (++loads, null))
    expect(await remember()).toBeNull()
    expect(await remember()).toBeNull()
    expect(loads).toBe(2)
  })

  it('shows a new theme and a new wijk name on the next page that misses the cache', async () => {
    const before = await freshAgenda()
    expect(before.text).toContain('Tuinieren')
    expect(before.text).toContain('Kersenwijk')

    await t.deps.db.insert(wijkThemes).values({ wijkId: a.id, slug: 'koken', nameNl: 'Samen koken', nameEn: 'Cooking together', position: 2 })
    expect((await freshAgenda()).text).toContain('Samen koken')

    await t.deps.db.update(wijken).set({ name: 'Kersenwijk-Noord' }).where(eq(wijken.id, a.id))
    expect((await freshAgenda()).text).toContain('Kersenwijk-Noord')
  })
})

describe('a theme filter', () => {
  it('finds its theme among the kept themes: one added or removed counts on the next page', async () => {
    const filtered = (slug: string) => t.client().get(`/${a.slug}/agenda?thema=${slug}&x=${++n}`)
    expect((await filtered('wandelen')).status).toBe(404)
    await t.deps.db.insert(wijkThemes).values({ wijkId: a.id, slug: 'wandelen', nameNl: 'Wandelen', nameEn: 'Walking', position: 3 })
    const page = await filtered('wandelen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Wandelen')
    // Another wijk has no such theme, and keeps answering so.
    expect((await t.client().get(`/${b.slug}/agenda?thema=wandelen&x=${++n}`)).status).toBe(404)
    await t.deps.db.delete(wijkThemes).where(eq(wijkThemes.slug, 'wandelen'))
    expect((await filtered('wandelen')).status).toBe(404)
  })
})

describe('rows that change with time alone', () => {
  it('are kept at most a minute of business time, and not across a clock set back', async () => {
    let loads = 0
    const remember = () => t.deps.publicMemo.remember(`klok:${a.id}`, [wijkScope(a.id)], async () => ({ read: ++loads }))
    expect(await remember()).toEqual({ read: 1 })
    t.clock.advance({ seconds: 59 })
    expect(await remember()).toEqual({ read: 1 })
    t.clock.advance({ seconds: 2 })
    expect(await remember()).toEqual({ read: 2 })
    t.clock.advance({ seconds: -10 })
    expect(await remember()).toEqual({ read: 3 })
  })

  it("drop a Prikbord category once its last item expired and the page's minute is past, without any write", async () => {
    const prikbord = () => t.client().get(`/${a.slug}/prikbord?x=${++n}`)
    const expiresAt = new Date(t.clock.now().getTime() + 5 * 60_000)
    await buildItem(t, { wijkId: a.id, type: 'offer', title: 'Snoeischaar te leen', category: 'Tuingereedschap', expiresAt })
    expect((await prikbord()).body).toContain('categorie=Tuingereedschap')
    expect((await prikbord()).body).toContain('categorie=Tuingereedschap')

    t.clock.advance({ minutes: 6 })
    const after = await prikbord()
    expect(after.body).not.toContain('Snoeischaar te leen')
    expect(after.body).not.toContain('categorie=Tuingereedschap')
  })
})

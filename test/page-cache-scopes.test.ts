/**
 * Issue 15: the page cache is invalidated per wijk (decisions/023). A write in one wijk leaves the
 * cached pages of every other wijk valid, the changed wijk's pages are never served stale, and a
 * platform-wide change (a wijk renamed, a document) renders everything anew. And one render per
 * miss: visitors who ask for the same uncached page together wait for one render.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { asc, eq, inArray } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildWijk } from './factories.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { wijken } from '../src/features/places/places.tables.js'
import { contentItems } from '../src/features/content/content.tables.js'
import { legalDocuments } from '../src/features/documents/documents.tables.js'
import { newsletters } from '../src/features/newsletter/newsletter.tables.js'
import { publicVersions } from '../src/kernel/http/public-version.tables.js'
import { pageDependsOn } from '../src/kernel/http/page-cache.js'
import { wijkScope } from '../src/features/places/places.cache.js'

interface Wijk {
  id: number
  slug: string
  name: string
  offer: { id: number; slug: string }
  news: { id: number; slug: string }
}

let t: TestPlatform
let a: Wijk
let b: Wijk
let citySlug: string

/** The pages of a wijk the tests look at: home, a module list, an item page, a feed. */
const pagesOf = (w: Wijk) => ({
  home: `/${w.slug}/`,
  list: `/${w.slug}/prikbord`,
  item: `/${w.slug}/prikbord/${w.offer.id}-${w.offer.slug}`,
  feed: `/${w.slug}/prikbord.rss`,
  news: `/${w.slug}/nieuws/${w.news.id}-${w.news.slug}`,
})

const cacheOf = async (path: string) => (await t.client().get(path)).res.headers.get('x-page-cache')

/** Asks for every page until it is kept (a second request is a hit). */
async function warm(paths: string[]) {
  for (const path of paths) {
    await t.client().get(path)
    expect(await cacheOf(path), path).toBe('hit')
  }
}

// The test-only page below: how often its handler ran, and the gate its render waits at.
let probeRenders = 0
let probeGate: Promise<void> = Promise.resolve()
let openProbeGate: () => void = () => {}
function closeProbeGate() {
  probeGate = new Promise<void>((resolve) => (openProbeGate = resolve))
}

async function buildWijkWithContent(name: string): Promise<Wijk> {
  const wijk = await buildWijk(t, { name, citySlug })
  const offer = await buildItem(t, { wijkId: wijk.id, type: 'offer', title: `Ladder te leen in ${name}` })
  const news = await buildItem(t, { wijkId: wijk.id, type: 'news', title: `Nieuws uit ${name}` })
  return { ...wijk, name, offer, news }
}

beforeAll(async () => {
  t = await createTestPlatform()
  citySlug = 'scopestad'
  a = await buildWijkWithContent('Appelwijk')
  b = await buildWijkWithContent('Perenwijk')
  // A page of wijk A that only a test has: it counts its renders and waits at a gate while
  // rendering, so requests that arrive meanwhile can be seen to wait for it. Registered before the
  // first request (the router is built then); four segments, so no feature's route claims it.
  t.app.get('/proef-cache/pagina/:n/x', async (c) => {
    probeRenders++
    pageDependsOn(c, [wijkScope(a.id)])
    await probeGate
    return c.html(`<p>proef ${c.req.param('n')} ${probeRenders}</p>`)
  })
})
afterAll(() => t.stop())

describe('page cache per wijk', () => {
  it('keeps wijk B cached when wijk A changes, and never serves A stale', async () => {
    const pa = pagesOf(a)
    const pb = pagesOf(b)
    await warm([...Object.values(pa), ...Object.values(pb), '/'])

    await t.deps.db.update(contentItems).set({ title: 'Ladder en trap te leen', updatedAt: t.clock.now() }).where(eq(contentItems.id, a.offer.id))

    for (const path of Object.values(pb)) expect(await cacheOf(path), path).toBe('hit')
    // The platform home lists wijken only: A's content does not touch it.
    expect(await cacheOf('/')).toBe('hit')
    for (const path of [pa.home, pa.list, pa.item, pa.feed]) {
      const page = await t.client().get(path)
      expect(page.res.headers.get('x-page-cache'), path).toBe('miss')
      expect(page.text, path).toContain('Ladder en trap te leen')
    }
    // A's news item is of the same wijk: rendered anew too (it may show the wijk's other content).
    expect(await cacheOf(pa.news)).toBe('miss')
  })

  it('renders a city page anew when one of its wijken changes', async () => {
    const city = `/${citySlug}/`
    await warm([city, pagesOf(b).home])
    await t.deps.db.update(contentItems).set({ title: 'Ladder, trap en kruiwagen te leen', updatedAt: t.clock.now() }).where(eq(contentItems.id, a.offer.id))
    const page = await t.client().get(city)
    expect(page.res.headers.get('x-page-cache')).toBe('miss')
    expect(page.text).toContain('Ladder, trap en kruiwagen te leen')
    expect(await cacheOf(pagesOf(b).home)).toBe('hit')
  })

  it('keeps A cached when only B sends a newsletter, and renders B anew', async () => {
    const pa = pagesOf(a)
    const pb = pagesOf(b)
    await warm([pa.home, pb.home])
    const now = t.clock.now()
    await t.deps.db.insert(newsletters).values({
      wijkId: b.id,
      subject: 'Perennieuws',
      blocks: { activities: false, prikbord: false, news: false },
      periodFrom: now,
      periodTo: now,
      status: 'sent',
      sentAt: now,
      archivedHtml: '<p>Perennieuws</p>',
      createdAt: now,
      updatedAt: now,
    })
    expect(await cacheOf(pa.home)).toBe('hit')
    expect(await cacheOf(pb.home)).toBe('miss')
  })

  it('renders both wijken anew after a platform-wide change: a wijk renamed, a document', async () => {
    const pa = pagesOf(a)
    const pb = pagesOf(b)
    await warm([...Object.values(pa), ...Object.values(pb)])
    await t.deps.db.update(wijken).set({ name: 'Perenwijk-Oost', updatedAt: t.clock.now() }).where(eq(wijken.id, b.id))
    for (const path of [...Object.values(pa), ...Object.values(pb)]) expect(await cacheOf(path), path).toBe('miss')
    expect((await t.client().get(pb.home)).text).toContain('Perenwijk-Oost')

    await warm([pa.home, pb.home])
    const [doc] = await t.deps.db.select().from(legalDocuments).orderBy(asc(legalDocuments.id)).limit(1)
    await t.deps.db.update(legalDocuments).set({ changeNote: 'Een zin verduidelijkt', updatedAt: t.clock.now() }).where(eq(legalDocuments.id, doc!.id))
    expect(await cacheOf(pa.home)).toBe('miss')
    expect(await cacheOf(pb.home)).toBe('miss')
  })

  it('renders both wijken anew when an item moves from A to B', async () => {
    const moving = await buildItem(t, { wijkId: a.id, type: 'offer', title: 'Verhuisdozen over' })
    const lists = [pagesOf(a).list, pagesOf(b).list]
    await warm(lists)
    expect((await t.client().get(lists[0]!)).text).toContain('Verhuisdozen over')
    expect((await t.client().get(lists[1]!)).text).not.toContain('Verhuisdozen over')

    await t.deps.db.update(contentItems).set({ wijkId: b.id, updatedAt: t.clock.now() }).where(eq(contentItems.id, moving.id))

    const [fromA, toB] = [await t.client().get(lists[0]!), await t.client().get(lists[1]!)]
    expect(fromA.res.headers.get('x-page-cache')).toBe('miss')
    expect(fromA.text).not.toContain('Verhuisdozen over')
    expect(toB.res.headers.get('x-page-cache')).toBe('miss')
    expect(toB.text).toContain('Verhuisdozen over')
  })

  it('raises each touched wijk once per statement, not once per row, and nothing for a statement that changed no row', async () => {
    const stamps = async () => new Map((await t.deps.db.select().from(publicVersions)).map((r) => [r.scope, r.value]))
    const before = await stamps()
    // Every item of both wijken (several rows each) in one statement.
    const rows = await t.deps.db
      .update(contentItems)
      .set({ updatedAt: t.clock.now() })
      .where(inArray(contentItems.wijkId, [a.id, b.id]))
      .returning({ id: contentItems.id })
    expect(rows.length).toBeGreaterThan(2)
    await t.deps.db.update(contentItems).set({ updatedAt: t.clock.now() }).where(eq(contentItems.id, -1))
    const after = await stamps()
    expect(after.get(wijkScope(a.id))).toBe((before.get(wijkScope(a.id)) ?? 0) + 1)
    expect(after.get(wijkScope(b.id))).toBe((before.get(wijkScope(b.id)) ?? 0) + 1)
    expect(after.get('platform')).toBe(before.get('platform'))
  })
})

describe('one render per miss', () => {
  const N = 20

  it('runs the handler once for twenty visitors who ask for an uncached page together, also right after an invalidation', async () => {
    const path = '/proef-cache/pagina/1/x'
    for (const round of [1, 2]) {
      closeProbeGate()
      const before = probeRenders
      const pages = Array.from({ length: N }, () => t.client().get(path))
      // Let every request reach the cache before the render may finish.
      await new Promise((r) => setTimeout(r, 100))
      openProbeGate()
      const answers = await Promise.all(pages)
      expect(probeRenders - before, `round ${round}`).toBe(1)
      expect(answers.map((p) => p.res.headers.get('x-page-cache')).sort()).toEqual([...Array<string>(N - 1).fill('hit'), 'miss'])
      expect(new Set(answers.map((p) => p.body)).size).toBe(1)
      // The page depends on wijk A: a change there invalidates it for the next round.
      await t.deps.db.update(contentItems).set({ updatedAt: t.clock.now() }).where(eq(contentItems.id, a.offer.id))
    }
    // A change in wijk B does not: twenty more visitors, no render.
    await t.deps.db.update(contentItems).set({ updatedAt: t.clock.now() }).where(eq(contentItems.id, b.offer.id))
    await t.client().get(path)
    const before = probeRenders
    const answers = await Promise.all(Array.from({ length: N }, () => t.client().get(path)))
    expect(probeRenders - before).toBe(0)
    expect(answers.every((p) => p.res.headers.get('x-page-cache') === 'hit')).toBe(true)
  })

  it('renders a real wijk page once for twenty visitors right after a change in its wijk', async () => {
    const home = pagesOf(a).home
    await warm([home])
    await t.deps.db.update(contentItems).set({ title: 'Ladder weer terug', updatedAt: t.clock.now() }).where(eq(contentItems.id, a.offer.id))
    const pages = await Promise.all(Array.from({ length: N }, () => t.client().get(home)))
    expect(pages.map((p) => p.res.headers.get('x-page-cache')).sort()).toEqual([...Array<string>(N - 1).fill('hit'), 'miss'])
    expect(pages.every((p) => p.text.includes('Ladder weer terug'))).toBe(true)
  })

  it('renders a kept answer (partners, widgets) once for twenty callers together', async () => {
    let renders = 0
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const render = async () => {
      renders++
      await gate
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    const now = t.clock.now().getTime()
    const answers = Array.from({ length: N }, () => t.pageCache.answer('proef|/api/iets', now, render))
    await new Promise((r) => setTimeout(r, 50))
    open()
    const done = await Promise.all(answers)
    expect(renders).toBe(1)
    expect(done.filter((r) => r.headers.get('x-page-cache') === 'miss')).toHaveLength(1)
  })
})

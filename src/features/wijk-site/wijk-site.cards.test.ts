/**
 * Cards through HTTP: the Agenda's date badge and one line of facts, vraag and aanbod told apart
 * by a labelled chip, thumbnails that hold their space, an organisation's logo, the same chips and
 * thumbnails in search results, and the icon sprite served from our own origin.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { ASSETS } from '../../kernel/ui/assets.js'
import { ICON_NAMES } from '../../kernel/ui/icons.js'
import { activityOccurrences, contentImages, contentItems } from '../content/content.tables.js'

let t: TestPlatform
let wijkId: number
let ownerId: string

type Insert = typeof contentItems.$inferInsert

async function item(type: Insert['type'], title: string, over: Partial<Insert> = {}) {
  const now = t.clock.now()
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const [row] = await t.deps.db
    .insert(contentItems)
    .values({ wijkId, type, status: 'published', title, slug, summary: `Over ${title}`, ownerId, createdAt: now, updatedAt: now, publishedAt: now, ...over })
    .returning({ id: contentItems.id })
  return row!.id
}

async function image(contentId: number, fileKey: string, width: number, height: number, position = 0) {
  await t.deps.db.insert(contentImages).values({ contentId, fileKey, widths: [320, 640, 1280].filter((w) => w <= Math.max(320, width)), width, height, alt: 'Een foto', position, createdAt: t.clock.now() })
}

/** The <article> of the card whose title is `title`. */
function cardOf(html: string, title: string): string {
  const articles = html.match(/<article class="card item-card[\s\S]*?<\/article>/g) ?? []
  const found = articles.find((a) => a.includes(`>${title}</a>`))
  expect(found, `a card for ${title}`).toBeTruthy()
  return found!
}

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  t = await createTestPlatform()
  wijkId = (await buildWijk(t, { slug: 'kaartwijk', name: 'Kaartwijk' })).id
  ownerId = (await buildUser(t)).id
  const quiz = await item('activity', 'Buurtquiz', { locationText: 'Buurthuis De Linde', costCents: 250 })
  await t.deps.db.insert(activityOccurrences).values({ contentId: quiz, wijkId, startsAt: new Date('2026-03-05T18:00:00Z'), endsAt: new Date('2026-03-05T20:00:00Z') })
  const walk = await item('activity', 'Ochtendwandeling', { locationText: 'Het park' })
  await t.deps.db.insert(activityOccurrences).values({ contentId: walk, wijkId, startsAt: new Date('2026-03-10T08:00:00Z') })
  await item('request', 'Hulp bij de verhuizing', { category: 'Klussen', expiresAt: new Date('2026-04-01T00:00:00Z') })
  await item('offer', 'Gratis kinderkleding', { category: 'Kinderen' })
  const org = await item('organisation', 'Buurthuis De Linde', { openingHours: 'ma-vr 9-17' })
  await image(org, 'content/logo1', 1280, 853)
  await image(org, 'content/later', 800, 800, 1)
  await item('organisation', 'Stichting Zonder Logo')
  const news = await item('news', 'Nieuw speelplein geopend')
  await image(news, 'content/smallpic', 200, 100)
  const shop = await item('showcase', 'Verse appeltaart', { priceCents: 1250 })
  await image(shop, 'content/taart', 640, 480)
})
afterAll(() => t.stop())

describe('Agenda cards', () => {
  it('show a date badge and time, place and price in one line', async () => {
    const page = await t.client().get('/kaartwijk/agenda')
    expect(page.status).toBe(200)
    const card = cardOf(page.body, 'Buurtquiz')
    expect(card).toContain('<time class="date-badge" datetime="2026-03-05"><span class="date-weekday">do</span> <span class="date-day">5</span> <span class="date-month">mrt</span></time>')
    // One paragraph holds the three facts, each behind an icon that names it.
    const meta = /<p class="card-meta">([\s\S]*?)<\/p>/.exec(card)![1]!
    expect(meta).toContain('19:00–21:00')
    expect(meta).toContain('Buurthuis De Linde')
    expect(meta).toMatch(/€\s2,50/)
    for (const label of ['Tijd', 'Waar', 'Kosten']) expect(meta).toContain(`role="img" aria-label="${label}"`)
    expect(card).not.toContain('<dl')
    // No cost means free; the heading comes first in the card.
    expect(cardOf(page.body, 'Ochtendwandeling')).toContain('Gratis')
    expect(card.indexOf('<h4 class="card-title">')).toBeLessThan(card.indexOf('date-badge'))
  })

  it('are a list of articles on the wijk home too', async () => {
    const page = await t.client().get('/kaartwijk/')
    expect(page.body).toMatch(/<ul class="cards item-list"><li><article class="card item-card card-activity has-badge">/)
    expect(cardOf(page.body, 'Buurtquiz')).toContain('datetime="2026-03-05"')
  })
})

describe('Prikbord cards', () => {
  it('tell vraag and aanbod apart by a labelled chip with its own icon and style, with the category', async () => {
    const page = await t.client().get('/kaartwijk/prikbord')
    const vraag = cardOf(page.body, 'Hulp bij de verhuizing')
    expect(vraag).toMatch(/<span class="chip chip-request"><svg class="icon"[^>]*aria-hidden="true"[^>]*><use href="\/static\/icons\.[0-9a-f]{10}\.svg#vraag"><\/use><\/svg>Vraag<\/span>/)
    expect(vraag).toMatch(/<span class="chip chip-category"><svg class="icon"[^>]*role="img" aria-label="Categorie"[^>]*>.*?<\/svg>Klussen<\/span>/)
    expect(vraag).toContain('aria-label="Geldig tot"')
    const aanbod = cardOf(page.body, 'Gratis kinderkleding')
    expect(aanbod).toMatch(/<span class="chip chip-offer"><svg[^>]*>.*?#aanbod.*?<\/svg>Aanbod<\/span>/)
    expect(aanbod).not.toContain('chip-request')
  })
})

describe('thumbnails', () => {
  it('show an organisation’s first image as its logo, lazy, with the served file’s width and height', async () => {
    const page = await t.client().get('/kaartwijk/organisaties')
    const card = cardOf(page.body, 'Buurthuis De Linde')
    expect(card).toContain('<img class="card-thumb thumb-logo" src="/media/content/logo1-320.webp" width="320" height="213" alt="" loading="lazy" decoding="async"/>')
    expect(card).not.toContain('content/later')
    expect(cardOf(page.body, 'Stichting Zonder Logo')).not.toContain('<img')
    expect(card).toContain('aria-label="Openingstijden"')
  })

  it('appear on news and Etalage cards; a small original keeps its own size', async () => {
    const news = cardOf((await t.client().get('/kaartwijk/nieuws')).body, 'Nieuw speelplein geopend')
    expect(news).toContain('src="/media/content/smallpic-320.webp" width="200" height="100" alt="" loading="lazy"')
    const shop = cardOf((await t.client().get('/kaartwijk/etalage')).body, 'Verse appeltaart')
    expect(shop).toContain('src="/media/content/taart-320.webp" width="320" height="240" alt="" loading="lazy"')
    expect(shop).toMatch(/€\s12,50/)
  })

  it('and the type chips appear in search results', async () => {
    const page = await t.client().get('/kaartwijk/zoeken?q=appeltaart')
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<li class="search-hit has-thumb">[\s\S]*?Verse appeltaart[\s\S]*?<span class="chip chip-showcase">[\s\S]*?Etalage[\s\S]*?<img class="card-thumb" src="\/media\/content\/taart-320\.webp" width="320" height="240"/)
  })
})

describe('the icon sprite', () => {
  it('is served from our origin with a content hash and a year of cache, holding every icon the code names', async () => {
    expect(ASSETS.icons.url).toMatch(/^\/static\/icons\.[0-9a-f]{10}\.svg$/)
    const res = await t.app.request(ASSETS.icons.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const svg = await res.text()
    for (const name of ICON_NAMES) expect(svg).toContain(`<symbol id="${name}" viewBox="0 0 24 24">`)
    expect(svg.match(/<symbol id=/g)?.length).toBe(ICON_NAMES.length)
    // Nothing in it comes from elsewhere.
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href=/)
    const page = await t.client().get('/kaartwijk/prikbord')
    const uses = [...page.body.matchAll(/<use href="([^"]+)"/g)].map((m) => m[1]!)
    expect(uses.length).toBeGreaterThan(0)
    for (const href of uses) expect(href.startsWith(`${ASSETS.icons.url}#`)).toBe(true)
  })
})

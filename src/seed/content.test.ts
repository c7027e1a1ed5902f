/** The first start seeds a living demo: enough public items of every type, with occurrences and images. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../test/platform.js'
import { seedDemoData, demoLogins } from './demo.js'
import { users } from '../features/accounts/accounts.tables.js'
import { contentItems, activityOccurrences, contentImages, contentThemes, CONTENT_TYPES } from '../features/content/content.tables.js'
import { publiclyVisible } from '../features/content/content.public.js'
import { wijken } from '../features/places/places.tables.js'
import { newsletterSubscriptions } from '../features/newsletter/newsletter.tables.js'

let t: TestPlatform
let ms = 0
beforeAll(async () => {
  t = await createTestPlatform()
  const started = performance.now()
  await seedDemoData(t.deps)
  ms = performance.now() - started
})
afterAll(() => t.stop())

describe('demo content', () => {
  it('seeds at least 150 public items over the demo wijken, of every type', async () => {
    const rows = await t.deps.db
      .select({ type: contentItems.type, wijkId: contentItems.wijkId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(contentItems)
      .where(publiclyVisible(t.clock.now()))
      .groupBy(contentItems.type, contentItems.wijkId)
    const total = rows.reduce((sum, r) => sum + r.n, 0)
    expect(total).toBeGreaterThanOrEqual(150)
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(CONTENT_TYPES))
    expect(new Set(rows.map((r) => r.wijkId)).size).toBe(3)
    console.info(`demo content seeded in ${Math.round(ms)} ms`)
  })

  it('expands recurring activities into upcoming occurrences and links themes', async () => {
    const [occ] = await t.deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(activityOccurrences)
    expect(occ!.n).toBeGreaterThan(100)
    const [themes] = await t.deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(contentThemes)
    expect(themes!.n).toBeGreaterThan(100)
  })

  it('stores locally drawn images as webp files with alt text', async () => {
    const images = await t.deps.db.select().from(contentImages)
    expect(images.length).toBeGreaterThanOrEqual(4)
    for (const image of images) {
      expect(image.alt.length).toBeGreaterThan(10)
      for (const w of image.widths) {
        const data = await t.deps.files.get(`${image.fileKey}-${w}.webp`)
        expect(data?.subarray(8, 12).toString()).toBe('WEBP')
      }
    }
  })

  it('dresses every demo wijk: logo, cover photo with a description, confirmed newsletter subscribers', async () => {
    const rows = await t.deps.db.select().from(wijken)
    expect(rows).toHaveLength(3)
    for (const w of rows) {
      expect(w.logoPath).toMatch(/^logos\/[a-f0-9]{32}\.webp$/)
      expect(w.coverKey).toMatch(/^covers\/[a-f0-9]{64}$/)
      expect(w.coverAlt!.length).toBeGreaterThan(20)
      for (const width of w.coverWidths!) expect((await t.deps.files.get(`${w.coverKey}-${width}.webp`))?.subarray(8, 12).toString()).toBe('WEBP')
      const subscribers = await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.wijkId, w.id))
      expect(subscribers.length).toBeGreaterThanOrEqual(4)
      expect(subscribers.every((s) => s.status === 'confirmed')).toBe(true)
      expect(subscribers.some((s) => s.userId === null && s.email)).toBe(true)
    }
  })

  it('gives organisations logos and the first items of each module pictures', async () => {
    const pictured = await t.deps.db
      .select({ type: contentItems.type, wijkId: contentItems.wijkId, alt: contentImages.alt })
      .from(contentImages)
      .innerJoin(contentItems, eq(contentItems.id, contentImages.contentId))
    const logos = pictured.filter((p) => p.type === 'organisation' && p.alt.startsWith('Logo van '))
    expect(logos.length).toBeGreaterThanOrEqual(3 * 4)
    for (const type of ['activity', 'news', 'showcase'] as const) expect(new Set(pictured.filter((p) => p.type === type).map((p) => p.wijkId)).size).toBe(3)
  })

  it('keeps every contact email private and owns every item by a demo login', async () => {
    const leaked = await t.deps.db.select({ id: contentItems.id }).from(contentItems).where(and(eq(contentItems.contactEmailPublic, true)))
    expect(leaked).toHaveLength(0)
    const owners = await t.deps.db.selectDistinct({ email: users.email }).from(contentItems).innerJoin(users, eq(users.id, contentItems.ownerId))
    const logins = new Set(demoLogins().map((l) => l.email))
    for (const o of owners) expect(logins.has(o.email)).toBe(true)
  })

  it('names the demo city once on the platform home, with its three wijken under it', async () => {
    const page = await t.client().get('/')
    const main = page.text.slice(page.text.indexOf('Kies je wijk'))
    expect(main.match(/Lindeburg/g)).toHaveLength(1)
    for (const name of ['Oosterpark-Noord', 'De Vlinderhof', 'Brinkveld']) expect(main.match(new RegExp(name, 'g'))).toHaveLength(1)
  })

  it('is found by search on the wijk site', async () => {
    const page = await t.client().get('/oosterpark-noord/zoeken?q=repaircafe')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Repaircafé')
  })
})

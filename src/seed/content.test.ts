/** The first start seeds a living demo: enough public items of every type, with occurrences and images. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../test/platform.js'
import { seedDemoData, demoLogins } from './demo.js'
import { users } from '../features/accounts/accounts.tables.js'
import { contentItems, activityOccurrences, contentImages, contentThemes, CONTENT_TYPES } from '../features/content/content.tables.js'
import { publiclyVisible } from '../features/content/content.public.js'

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

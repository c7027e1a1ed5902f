/**
 * Demo statistics: two months of made-up daily totals for the demo wijken, so the dashboards
 * show something on the very first start. Deterministic (a fixed-seed generator), demo mode only.
 */
import type { Db } from '../../kernel/db/client.js'
import { pageViewsDaily } from './statistics.tables.js'
import { addDays, AmsterdamDay } from './statistics.visit.js'

const DAYS = 60
const PAGES = [
  { path: '/', weight: 10 },
  { path: '/agenda', weight: 6 },
  { path: '/prikbord', weight: 5 },
  { path: '/nieuws', weight: 3 },
  { path: '/organisaties', weight: 2 },
]
/** How a day's views of one page are split: browser, language, referring site, share. */
const SPLIT = [
  { browser: 'Chrome', lang: 'nl', referrer: '', share: 0.4 },
  { browser: 'Safari', lang: 'nl', referrer: '', share: 0.25 },
  { browser: 'Firefox', lang: 'nl', referrer: 'zoeken.example', share: 0.12 },
  { browser: 'Samsung Internet', lang: 'nl', referrer: '', share: 0.08 },
  { browser: 'Edge', lang: 'en', referrer: '', share: 0.08 },
  { browser: 'Chrome', lang: 'nl', referrer: 'buurtkrant.example', share: 0.07 },
]

function generator(seed: number): () => number {
  let s = seed
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0
    return s / 4_294_967_296
  }
}

export async function seedDemoStatistics(db: Db, now: Date, wijken: Array<{ id: number; slug: string }>): Promise<void> {
  const random = generator(20_260_302)
  const today = new AmsterdamDay().of(now)
  const rows: Array<typeof pageViewsDaily.$inferInsert> = []
  for (const [w, wijk] of wijken.entries()) {
    for (let i = DAYS - 1; i >= 0; i--) {
      const day = addDays(today, -i)
      const weekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())
      for (const page of PAGES) {
        const total = Math.round(page.weight * (3 - w * 0.6) * (weekend ? 1.4 : 1) * (0.6 + random() * 0.8))
        for (const part of SPLIT) {
          const views = Math.round(total * part.share * (0.7 + random() * 0.6))
          if (views > 0) rows.push({ day, wijkId: wijk.id, path: `/${wijk.slug}${page.path === '/' ? '/' : page.path}`, referrer: part.referrer, browser: part.browser, lang: part.lang, views })
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(pageViewsDaily).values(rows.slice(i, i + 500))
}

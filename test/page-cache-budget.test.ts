/**
 * The page cache stays within its memory budget (PAGE_CACHE_MB) and lets the least recently
 * served page go first.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildWijk } from './factories.js'
import { loadConfig, ConfigError } from '../src/config/env.js'

const BUDGET_MB = 1
let t: TestPlatform
let slug: string
beforeAll(async () => {
  t = await createTestPlatform({ PAGE_CACHE_MB: String(BUDGET_MB) })
  slug = (await buildWijk(t, { name: 'Volbuurt' })).slug
})
afterAll(() => t.stop())

const cacheOf = async (url: string): Promise<string | null> => (await t.client().get(url)).res.headers.get('x-page-cache')

describe('page cache budget', () => {
  it('holds no more than PAGE_CACHE_MB and evicts the least recently served page first', async () => {
    const favourite = `/${slug}/agenda`
    const first = `/${slug}/?pagina=0`
    expect(await cacheOf(favourite)).toBe('miss')
    expect(await cacheOf(first)).toBe('miss')
    expect(await cacheOf(first)).toBe('hit')
    // Distinct pages until the budget is used up; the favourite is served in between, so it stays
    // among the recently used while the first page, never asked again, ages.
    let pages = 1
    while (t.pageCache.heldBytes + 20_000 < BUDGET_MB * 1024 * 1024 && pages < 2_000) {
      expect(await cacheOf(`/${slug}/?pagina=${pages++}`)).toBe('miss')
      if (pages % 10 === 0) expect(await cacheOf(favourite)).toBe('hit')
    }
    for (let more = 0; more < 20; more++) await cacheOf(`/${slug}/?pagina=${pages++}`)
    expect(pages).toBeLessThan(2_000)
    expect(t.pageCache.heldBytes).toBeGreaterThan(BUDGET_MB * 1024 * 1024 * 0.9)
    expect(t.pageCache.heldBytes).toBeLessThanOrEqual(BUDGET_MB * 1024 * 1024)
    expect(await cacheOf(favourite)).toBe('hit')
    expect(await cacheOf(first)).toBe('miss')
    // Each entry is counted with its key and headers, not only its gzipped body (a few KB).
    expect(t.pageCache.heldBytes / t.pageCache.size).toBeGreaterThan(1_000)
  })

  it('refuses a budget that is not a whole number of MB from 1', () => {
    for (const bad of ['0', '-5', '1.5', 'veel']) {
      expect(() => loadConfig({ NODE_ENV: 'test', PAGE_CACHE_MB: bad }), bad).toThrow(ConfigError)
    }
    expect(loadConfig({ NODE_ENV: 'test' }).pageCacheBytes).toBe(16 * 1024 * 1024)
  })
})

/**
 * The page cache stays within its memory budget (PAGE_CACHE_MB) and lets the least recently
 * served page go first.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildWijk } from './factories.js'
import { loadConfig, ConfigError } from '../src/config/env.js'

/** Small, so a few dozen pages fill it; PAGE_CACHE_MB counts whole MB (the last test). */
const BUDGET = 64 * 1024
let t: TestPlatform
let slug: string
beforeAll(async () => {
  t = await createTestPlatform({}, undefined, { pageCache: { maxBytes: BUDGET } })
  slug = (await buildWijk(t, { name: 'Volbuurt' })).slug
})
afterAll(() => t.stop())

const cacheOf = async (url: string): Promise<string | null> => (await t.client().get(url)).res.headers.get('x-page-cache')

describe('page cache budget', () => {
  it('holds no more than its budget and evicts the least recently served page first', async () => {
    const favourite = `/${slug}/agenda`
    const first = `/${slug}/?pagina=0`
    expect(await cacheOf(favourite)).toBe('miss')
    expect(await cacheOf(first)).toBe('miss')
    expect(await cacheOf(first)).toBe('hit')
    // Distinct pages until the budget is used up; the favourite is served in between, so it stays
    // among the recently used while the first page, never asked again, ages.
    let pages = 1
    while (t.pageCache.heldBytes + 5_000 < BUDGET && pages < 500) {
      expect(await cacheOf(`/${slug}/?pagina=${pages++}`)).toBe('miss')
      if (pages % 3 === 0) expect(await cacheOf(favourite)).toBe('hit')
    }
    for (let more = 0; more < 5; more++) await cacheOf(`/${slug}/?pagina=${pages++}`)
    expect(pages).toBeLessThan(500)
    expect(t.pageCache.heldBytes).toBeGreaterThan(BUDGET * 0.8)
    expect(t.pageCache.heldBytes).toBeLessThanOrEqual(BUDGET)
    expect(await cacheOf(favourite)).toBe('hit')
    expect(await cacheOf(first)).toBe('miss')
    // Each entry is counted with its key and headers, not only its gzipped body (a few KB).
    expect(t.pageCache.heldBytes / t.pageCache.size).toBeGreaterThan(1_000)
  })

  it('takes its size from PAGE_CACHE_MB, and refuses one that is not a whole number of MB from 1', async () => {
    const configured = await createTestPlatform({ PAGE_CACHE_MB: '3' })
    try {
      expect(configured.pageCache.maxBytes).toBe(3 * 1024 * 1024)
    } finally {
      await configured.stop()
    }
    for (const bad of ['0', '-5', '1.5', 'veel']) {
      expect(() => loadConfig({ NODE_ENV: 'test', PAGE_CACHE_MB: bad }), bad).toThrow(ConfigError)
    }
    expect(loadConfig({ NODE_ENV: 'test' }).pageCacheBytes).toBe(16 * 1024 * 1024)
  })
})

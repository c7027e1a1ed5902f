/**
 * Search latency per query, measured inside the process (npm run bench runs it after the HTTP
 * runs). Opens the configured database (DATABASE_URL or DATA_DIR) and runs each query many
 * times, within one wijk and across all wijken. Prints p50/p99 per query as JSON on the last line.
 */
import { asc } from 'drizzle-orm'
import { loadConfig } from '../src/config/env.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { searchWijk, searchAll } from '../src/features/search/search.queries.js'
import { wijken } from '../src/features/places/places.tables.js'

const QUERIES = ['koffie', 'boodschapen', 'moestuin', 'fietsen repareren', 'hulp bij de computer']
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 60)

const config = loadConfig(process.env)
const database = await openConfiguredDatabase(config)
const db = database.db
const [wijk] = await db.select({ id: wijken.id }).from(wijken).orderBy(asc(wijken.id)).limit(1)
if (!wijk) throw new Error('no wijk to search in')

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const results: Array<{ scope: string; q: string; p50ms: number; p99ms: number; hits: number }> = []
for (const scope of ['wijk', 'all'] as const) {
  for (const q of QUERIES) {
    const times: number[] = []
    let hits = 0
    for (let i = 0; i < RUNS + 5; i++) {
      const started = performance.now()
      const r = scope === 'wijk' ? await searchWijk(db, { wijkId: wijk.id, q, now: new Date(), limit: 20, offset: 0 }) : await searchAll(db, { q, now: new Date(), limit: 20, offset: 0 })
      if (i >= 5) times.push(performance.now() - started) // the first runs warm caches
      hits = r.hits.length
    }
    times.sort((a, b) => a - b)
    results.push({ scope, q, p50ms: pct(times, 50), p99ms: pct(times, 99), hits })
  }
}
await database.close()
process.stdout.write(JSON.stringify(results) + '\n')

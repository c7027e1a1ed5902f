/** npm run seed -- --items N: fills a database for benchmarks, and never one a running server holds. */
import { describe, it, expect, afterAll } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { runScript } from '../../test/spawn.js'
import { openPglite } from '../kernel/db/client.js'
import { lockFile } from '../kernel/db/lock.js'

const dirs: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-seed-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('seed script', () => {
  it('inserts the requested number of items over at least 10 wijken, with occurrences', async () => {
    const dir = tempDir()
    const res = await runScript('scripts/seed.ts', ['--items', '2500', '--horizon-days', '60'], { DATA_DIR: dir })
    expect(res.code, res.output).toBe(0)
    expect(res.output).toContain('Done: 2500 items')
    const database = await openPglite(path.join(dir, 'pgdata'))
    try {
      const result = (await database.db.execute(
        sql`select (select count(*) from content_items) as items, (select count(distinct wijk_id) from content_items) as wijken, (select count(*) from activity_occurrences) as occ, (select count(distinct type) from content_items) as types`,
      )) as unknown as { rows: Array<Record<string, unknown>> }
      const row = result.rows[0]
      expect(Number(row!.items)).toBe(2500)
      expect(Number(row!.wijken)).toBeGreaterThanOrEqual(10)
      expect(Number(row!.types)).toBe(6)
      expect(Number(row!.occ)).toBeGreaterThan(500)
    } finally {
      await database.close()
    }
  }, 120_000)

  it('refuses a data folder that a running server holds', async () => {
    const dir = tempDir()
    fs.writeFileSync(lockFile(dir), String(process.pid))
    const res = await runScript('scripts/seed.ts', ['--items', '10'], { DATA_DIR: dir })
    expect(res.code).not.toBe(0)
    expect(res.output).toContain('in use by a running WijkConnect server')
  }, 60_000)

  it('explains its usage when --items is missing or bad', async () => {
    const res = await runScript('scripts/seed.ts', ['--items', 'veel'], { DATA_DIR: tempDir() })
    expect(res.code).not.toBe(0)
    expect(res.output).toContain('Usage: npm run seed -- --items')
  }, 60_000)
})

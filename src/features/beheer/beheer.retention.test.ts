import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { users } from '../accounts/accounts.tables.js'
import { retentionRuns } from '../../kernel/retention/retention.tables.js'
import { runRetentionRule, type RetentionRule } from '../../kernel/retention/retention.js'
import { RETENTION_RULES } from '../../retention.js'
import { retentionDocument } from '../../kernel/retention/document.js'
import { ROOT } from '../../../test/spawn.js'

let t: TestPlatform
let admin: TestClient
let adminUser: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform()
  adminUser = await buildUser(t, { role: 'admin' })
  admin = t.client()
  await login(admin, adminUser)
})
afterAll(() => t.stop())

async function exists(id: string): Promise<boolean> {
  return (await t.deps.db.select({ id: users.id }).from(users).where(eq(users.id, id))).length === 1
}

describe('retention rules', () => {
  it('lists every rule with what it removes and its period, not yet run', async () => {
    const page = await admin.get('/beheer/bewaartermijnen')
    expect(page.status).toBe(200)
    expect(RETENTION_RULES.length).toBeGreaterThan(5)
    for (const rule of RETENTION_RULES) {
      expect(page.body).toContain(`id="regel-${rule.name.replace(/\./g, '-')}"`)
      expect(page.text).toContain(rule.describe.nl.period)
    }
    expect(page.text).toContain('Nog niet')
  })

  it('deletes accounts never confirmed within 14 days, keeps younger and confirmed ones, and shows the run', async () => {
    const old = await buildUser(t, { verified: false })
    const confirmed = await buildUser(t)
    t.clock.advance({ days: 2 })
    const young = await buildUser(t, { verified: false })
    t.clock.advance({ days: 12, hours: 1 })
    await t.drain()

    expect(await exists(old.id)).toBe(false)
    expect(await exists(young.id)).toBe(true)
    expect(await exists(confirmed.id)).toBe(true)

    const [run] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'accounts.unverified'))
    expect(run).toMatchObject({ lastRemoved: 1, totalRemoved: 1, lastError: null })
    // Two weeks later the admin's session has lapsed: log in again.
    await login(admin, adminUser)
    const page = await admin.get('/beheer/bewaartermijnen')
    const row = /id="regel-accounts-unverified"[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? ''
    expect(row).toContain('1 bij de laatste keer, 1 in totaal')
  })

  it('records a failing run with its error, and the next good run clears it', async () => {
    let fail = true
    const rule: RetentionRule = {
      name: 'test.flaky',
      everyMs: 3_600_000,
      describe: { nl: { what: 'x', period: 'y' }, en: { what: 'x', period: 'y' } },
      purge: async () => {
        if (fail) throw new Error('disk full')
        return 3
      },
    }
    await expect(runRetentionRule(t.deps, rule)).rejects.toThrow('disk full')
    const [failed] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'test.flaky'))
    expect(failed).toMatchObject({ lastError: 'disk full', lastRemoved: 0 })
    fail = false
    expect(await runRetentionRule(t.deps, rule)).toBe(3)
    const [ok] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'test.flaky'))
    expect(ok).toMatchObject({ lastError: null, lastRemoved: 3, totalRemoved: 3 })
  })

  it('is documented in docs/retention.md exactly as the code runs it (npm run docs:retention)', () => {
    const file = fs.readFileSync(path.join(ROOT, 'docs', 'retention.md'), 'utf8')
    expect(file).toBe(retentionDocument(RETENTION_RULES))
    for (const rule of RETENTION_RULES) expect(file).toContain(`\`${rule.name}\``)
    // Counted in words, not "1 day(s)".
    expect(file).not.toMatch(/\((s|en)\)/)
    expect(file).toMatch(/\| 1 day \|/)
  })

  it('is for platform admins only', async () => {
    const wijk = await buildWijk(t)
    const beheerder = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const client = t.client()
    await login(client, beheerder)
    expect((await client.get('/beheer/bewaartermijnen')).status).toBe(403)
    expect((await t.client().get('/beheer/bewaartermijnen')).status).toBe(303)
  })
})

/**
 * Privacy of the second-factor tables: the export holds the facts (which factors, passkey names,
 * dates, codes left) and no secret; cancelling removes every row at once, erasure leaves none;
 * pending logins and challenges have retention rules.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, loggedInClient } from '../../../test/factories.js'
import { collectExport } from '../my-data/my-data.export.js'
import { exportSchema } from '../my-data/export.schema.js'
import { RETENTION_RULES } from '../../retention.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { passkeys, pendingLogins, recoveryCodes, secondFactorReminders, totpFactors, webauthnChallenges } from './two-factor.tables.js'
import { linkApp, passwordStep } from './two-factor.test-helpers.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())

async function rowsOf(userId: string): Promise<number[]> {
  const db = t.deps.db
  return Promise.all([
    db.$count(totpFactors, eq(totpFactors.userId, userId)),
    db.$count(recoveryCodes, eq(recoveryCodes.userId, userId)),
    db.$count(passkeys, eq(passkeys.userId, userId)),
    db.$count(pendingLogins, eq(pendingLogins.userId, userId)),
    db.$count(webauthnChallenges, eq(webauthnChallenges.userId, userId)),
    db.$count(secondFactorReminders, eq(secondFactorReminders.userId, userId)),
  ])
}

async function addPasskeyRow(userId: string, name: string) {
  await t.deps.db.insert(passkeys).values({ userId, credentialId: `cred-${name}-${userId}`, publicKey: 'cHVibGljLWtleS1ieXRlcw', name, createdAt: t.clock.now() })
}

describe('the export', () => {
  it('holds which factors are on, passkey names and dates and codes left, never the secret or a code', async () => {
    const user = await buildUser(t)
    const { secret, codes } = await linkApp(t, await loggedInClient(t, user))
    await addPasskeyRow(user.id, 'Werklaptop')
    const collected = await collectExport(t.deps, user.id, t.clock.now())
    const data = exportSchema.parse(collected!.data)
    expect(data.secondFactor.authenticatorApp?.enabledAt).toBe(t.clock.now().toISOString())
    expect(data.secondFactor.passkeys).toEqual([{ name: 'Werklaptop', createdAt: t.clock.now().toISOString(), lastUsedAt: null }])
    expect(data.secondFactor.recoveryCodes).toMatchObject({ total: 10, unused: 10 })
    const json = JSON.stringify(collected!.data)
    expect(json).not.toContain(secret)
    expect(json).not.toContain('cHVibGljLWtleS1ieXRlcw')
    for (const code of codes) expect(json).not.toContain(code)
  })
})

describe('cancelling and erasure', () => {
  it('removes the factors, codes, passkeys, pending logins, challenges and reminder at once, and nothing is left after erasure', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await linkApp(t, client)
    await addPasskeyRow(user.id, 'Telefoon')
    await passwordStep(t.client(), user)
    await t.deps.db.insert(webauthnChallenges).values({ userId: user.id, purpose: 'login', challenge: 'abc', expiresAt: t.clock.now() })
    await t.deps.db.insert(secondFactorReminders).values({ userId: user.id, sentAt: t.clock.now(), daysLeft: 3 })
    expect(await rowsOf(user.id)).toEqual([1, 10, 1, 1, 1, 1])

    await client.get('/hulp/opzeggen')
    const cancelled = await client.post('/hulp/opzeggen', { password: user.password })
    expect(cancelled.status).toBe(303)
    expect(await rowsOf(user.id)).toEqual([0, 0, 0, 0, 0, 0])
    t.clock.advance({ hours: 1 })
    await t.drain()
    expect(await rowsOf(user.id)).toEqual([0, 0, 0, 0, 0, 0])
  })
})

describe('retention', () => {
  it('removes pending logins and passkey challenges once their five minutes are over, and not before', async () => {
    const user = await buildUser(t)
    await linkApp(t, await loggedInClient(t, user))
    await passwordStep(t.client(), user)
    await t.deps.db.insert(webauthnChallenges).values({ userId: user.id, purpose: 'register', challenge: 'xyz', expiresAt: new Date(t.clock.now().getTime() + 5 * 60_000) })
    const rule = (name: string) => RETENTION_RULES.find((r) => r.name === name)!
    await runRetentionRule(t.deps, rule('two-factor.pending-logins'))
    await runRetentionRule(t.deps, rule('two-factor.passkey-challenges'))
    expect((await rowsOf(user.id)).slice(3, 5)).toEqual([1, 1])
    t.clock.advance({ minutes: 5, seconds: 1 })
    expect(await runRetentionRule(t.deps, rule('two-factor.pending-logins'))).toBeGreaterThanOrEqual(1)
    expect(await runRetentionRule(t.deps, rule('two-factor.passkey-challenges'))).toBeGreaterThanOrEqual(1)
    expect((await rowsOf(user.id)).slice(3, 5)).toEqual([0, 0])
  })
})

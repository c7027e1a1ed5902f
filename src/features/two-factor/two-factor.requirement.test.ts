/**
 * The requirement: with SECOND_FACTOR_REQUIRED_FOR=all-roles every role needs a second factor
 * after a grace period (banner with days left, one reminder mail), after which the role's powers
 * are withheld at the session loader (every guarded route: GET /beheer… redirects to the setup
 * page, a POST is refused by the policy) until a factor is set up. Plus the configuration rules.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, loggedInClient } from '../../../test/factories.js'
import { ConfigError, loadConfig } from '../../config/env.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { secondFactorReminders } from './two-factor.tables.js'
import { linkApp } from './two-factor.test-helpers.js'
import { splitRoles } from './two-factor.requirement.js'

const DAY = 86_400_000
let t: TestPlatform
let wijk: { id: number }
beforeAll(async () => {
  t = await createTestPlatform({ SECOND_FACTOR_REQUIRED_FOR: 'all-roles', SECOND_FACTOR_GRACE_DAYS: '14' })
  wijk = await buildWijk(t)
})
afterAll(() => t.stop())

describe('a role that needs a second factor', () => {
  it('works with a banner during the grace period, is withheld after it, and returns with a factor', async () => {
    t.clock.advance({ days: 1 })
    const manager = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const client = await loggedInClient(t, manager)
    const overview = `/beheer/wijken/${wijk.id}/overzicht`

    const during = await client.get(overview)
    expect(during.status).toBe(200)
    expect(during.text).toContain('nog 14 dagen om het in te stellen')
    expect((await client.get('/')).text).toContain('nog 14 dagen')

    // Three days before the end: one reminder mail, never a second.
    t.clock.advance({ days: 11, hours: 1 })
    await t.drain()
    const reminder = await t.smtp.waitFor((m) => m.to === manager.email && m.subject.includes('dagen om tweestapsverificatie'))
    expect(reminder.subject).toBe('Nog 3 dagen om tweestapsverificatie in te stellen')
    expect(reminder.text).toContain('http://localhost/mijn-gegevens/tweede-factor')
    t.clock.advance({ hours: 2 })
    await t.drain()
    expect(t.smtp.messages.filter((m) => m.to === manager.email && m.subject.includes('tweestapsverificatie')).length).toBe(1)
    expect(await t.deps.db.$count(secondFactorReminders, eq(secondFactorReminders.userId, manager.id))).toBe(1)
    expect((await client.get(overview)).text).toContain('nog 3 dagen om het in te stellen')

    // After 14 days the powers are withheld: management pages send to the setup page …
    t.clock.advance({ days: 3 })
    const after = await client.get(overview)
    expect(after.status).toBe(303)
    expect(after.location).toBe('/mijn-gegevens/tweede-factor')
    const setup = await client.follow(after)
    expect(setup.text).toContain('de termijn is voorbij')
    // … and the policy itself no longer sees the role (a POST is not redirected, it is refused).
    const links = await client.post(`/beheer/wijken/${wijk.id}/links`, { title: 'Buurthuis', url: 'https://example.nl' })
    expect(links.status).toBe(403)
    expect((await client.get('/')).text).toContain('Je beheerfuncties zijn uitgeschakeld')

    await linkApp(t, client)
    const back = await client.get(overview)
    expect(back.status).toBe(200)
    expect(back.text).not.toContain('tweestapsverificatie')
  })

  it('gives someone appointed before the requirement a grace period from when it started, not none', async () => {
    const long = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id })
    // Appointed long before this platform started requiring a factor.
    await t.deps.db.update(roleAssignments).set({ createdAt: new Date(Date.parse('2025-01-01T00:00:00Z')) }).where(eq(roleAssignments.userId, long.id))
    const client = await loggedInClient(t, long)
    // The platform started requiring at its start, 2026-03-02; now is more than 14 days later.
    const page = await client.get(`/beheer/wijken/${wijk.id}/overzicht`)
    expect(page.status).toBe(303)
    expect(page.location).toBe('/mijn-gegevens/tweede-factor')
  })

  it('leaves a person without a role alone: no banner, no redirect', async () => {
    const resident = await buildUser(t)
    const client = await loggedInClient(t, resident)
    const page = await client.get('/mijn-gegevens')
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Je rol vraagt om tweestapsverificatie')
  })
})

describe('with the requirement for admins only (the production default)', () => {
  it('withholds an admin without a factor after the grace period, and leaves a wijkbeheerder alone', async () => {
    const p = await createTestPlatform({ SECOND_FACTOR_REQUIRED_FOR: 'admins' })
    try {
      const w = await buildWijk(p)
      const admin = await buildUser(p, { role: 'admin' })
      const manager = await buildUser(p, { role: 'wijkbeheerder', wijkId: w.id })
      p.clock.advance({ days: 14, minutes: 1 })
      const adminClient = await loggedInClient(p, admin)
      expect((await adminClient.get('/beheer/steden')).location).toBe('/mijn-gegevens/tweede-factor')
      const managerClient = await loggedInClient(p, manager)
      const page = await managerClient.get(`/beheer/wijken/${w.id}/overzicht`)
      expect(page.status).toBe(200)
      expect(page.text).not.toContain('tweestapsverificatie')
    } finally {
      await p.stop()
    }
  })
})

describe('which roles need it', () => {
  const held = (role: 'admin' | 'wijkbeheerder', appointedAt: Date) => ({ role, wijkId: role === 'admin' ? null : 1, appointedAt })
  const start = new Date('2026-01-01T00:00:00Z')

  it('with "admins", withholds only the admin role of someone who also manages a wijk', () => {
    const since = new Map([['admin' as const, start]])
    const now = new Date(start.getTime() + 15 * DAY)
    const split = splitRoles({ secondFactor: { requiredFor: 'admins', graceDays: 14 } }, [held('admin', start), held('wijkbeheerder', start)], since, now)
    expect(split.roles).toEqual([{ role: 'wijkbeheerder', wijkId: 1 }])
    expect(split.due?.withheld).toEqual([{ role: 'admin', wijkId: null }])
  })

  it('counts the grace period from the appointment when that is later than the requirement', () => {
    const since = new Map([['admin' as const, start]])
    const appointed = new Date(start.getTime() + 30 * DAY)
    const split = splitRoles({ secondFactor: { requiredFor: 'admins', graceDays: 14 } }, [held('admin', appointed)], since, new Date(appointed.getTime() + 13 * DAY))
    expect(split.roles).toHaveLength(1)
    expect(split.due?.graceEndsAt?.toISOString()).toBe(new Date(appointed.getTime() + 14 * DAY).toISOString())
  })
})

describe('configuration', () => {
  const production = {
    NODE_ENV: 'production',
    PUBLIC_BASE_URL: 'https://wijk.example.nl',
    SESSION_SECRET: 'a-session-secret-of-at-least-32-characters!',
    SMTP_URL: 'smtp://mail.example.nl:587',
    MAIL_FROM: 'noreply@example.nl',
    ARCHIVE_KEY: Buffer.alloc(32, 7).toString('base64'),
    OPERATOR_NAME: 'Stichting Test',
    OPERATOR_ADDRESS: 'Teststraat 1, 1234 AB Test',
    OPERATOR_KVK: '12345678',
    OPERATOR_EMAIL: 'privacy@example.nl',
  }

  it('requires it of admins in production by default, and refuses "nobody" there', () => {
    expect(loadConfig(production).secondFactor).toEqual({ requiredFor: 'admins', graceDays: 14 })
    expect(loadConfig({ ...production, SECOND_FACTOR_REQUIRED_FOR: 'all-roles', SECOND_FACTOR_GRACE_DAYS: '7' }).secondFactor).toEqual({ requiredFor: 'all-roles', graceDays: 7 })
    expect(() => loadConfig({ ...production, SECOND_FACTOR_REQUIRED_FOR: 'nobody' })).toThrow(ConfigError)
  })

  it('requires nobody in demo mode unless set, and rejects unknown values', () => {
    expect(loadConfig({}).secondFactor.requiredFor).toBe('nobody')
    expect(() => loadConfig({ SECOND_FACTOR_REQUIRED_FOR: 'everyone' })).toThrow(ConfigError)
    expect(() => loadConfig({ SECOND_FACTOR_GRACE_DAYS: '-1' })).toThrow(ConfigError)
  })
})

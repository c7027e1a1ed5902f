import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { can, POLICY, type Action } from '../src/kernel/policy/policy.js'
import { authorizationDocument } from '../src/kernel/policy/document.js'
import type { Actor } from '../src/kernel/policy/actor.js'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { ROOT } from './spawn.js'

const user = { id: 'u1', email: 'a@b.nl', firstName: 'A', lastName: null, lang: 'nl' as const, homeWijkId: 1, emailVerified: true }
const visitor: Actor = { user: null, roles: [] }
const resident: Actor = { user, roles: [] }
const admin: Actor = { user, roles: [{ role: 'admin', wijkId: null }] }
const ambassadeurA: Actor = { user, roles: [{ role: 'ambassadeur', wijkId: 1 }] }

describe('policy', () => {
  it('denies an unknown action to everyone, even an admin', () => {
    expect(can(admin, 'no.such.action' as Action)).toBe(false)
  })

  it('scopes wijk editing to the ambassadeur of that wijk', () => {
    expect(can(ambassadeurA, 'wijk.edit', { wijkId: 1 })).toBe(true)
    expect(can(ambassadeurA, 'wijk.edit', { wijkId: 2 })).toBe(false)
    expect(can(ambassadeurA, 'wijk.edit')).toBe(false)
    expect(can(admin, 'wijk.edit', { wijkId: 2 })).toBe(true)
  })

  it('keeps visitors and residents out of management', () => {
    for (const actor of [visitor, resident]) {
      expect(can(actor, 'beheer.access')).toBe(false)
      expect(can(actor, 'document.manage')).toBe(false)
      expect(can(actor, 'role.manage')).toBe(false)
    }
    expect(can(visitor, 'account.manage')).toBe(false)
    expect(can(resident, 'account.manage')).toBe(true)
  })

  it("decides an entitlement's action on what the resource's owner holds, not on roles", () => {
    expect(can(resident, 'etalage.beyondFree', { ownerId: 'u1', entitlements: ['etalage.extra'] })).toBe(true)
    expect(can(resident, 'etalage.beyondFree', { ownerId: 'u1', entitlements: ['organisation.verified'] })).toBe(false)
    expect(can(resident, 'etalage.beyondFree', { ownerId: 'u1' })).toBe(false)
    expect(can(admin, 'etalage.beyondFree', { ownerId: 'someone-else', entitlements: ['etalage.extra'] })).toBe(false)
    expect(can(visitor, 'organisation.verifiedMark', { ownerId: 'u2', entitlements: ['organisation.verified'] })).toBe(true)
    expect(can(admin, 'organisation.verifiedMark', { ownerId: 'u2', entitlements: ['etalage.extra', 'featured'] })).toBe(false)
    expect(can(resident, 'content.featureOnHome', { ownerId: 'u1', entitlements: ['featured'] })).toBe(true)
    expect(can(resident, 'content.featureOnHome', { ownerId: 'u1', entitlements: ['etalage.extra'] })).toBe(false)
    expect(can(admin, 'content.featureOnHome', { ownerId: 'someone-else', entitlements: ['featured'] })).toBe(false)
    // The wijk's own host name: its ambassadeur, with their package's wijk.host; not an admin, not another wijk.
    expect(can(ambassadeurA, 'wijk.host.own', { wijkId: 1, entitlements: ['wijk.host'] })).toBe(true)
    expect(can(ambassadeurA, 'wijk.host.own', { wijkId: 1, entitlements: ['featured'] })).toBe(false)
    expect(can(ambassadeurA, 'wijk.host.own', { wijkId: 2, entitlements: ['wijk.host'] })).toBe(false)
    expect(can(admin, 'wijk.host.own', { wijkId: 1, entitlements: ['wijk.host'] })).toBe(false)
    expect(can(visitor, 'wijk.host.served', { wijkId: 1, entitlements: ['wijk.host'] })).toBe(true)
    expect(can(visitor, 'wijk.host.served', { wijkId: 1 })).toBe(false)
  })

  it('is documented in docs/authorization.md exactly as the code enforces it', () => {
    const file = fs.readFileSync(path.join(ROOT, 'docs', 'authorization.md'), 'utf8')
    expect(file).toBe(authorizationDocument())
    for (const action of Object.keys(POLICY)) expect(file).toContain(`\`${action}\``)
  })
})

describe('route inventory', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await createTestPlatform()
  })
  afterAll(() => t.stop())

  it('gives every route a guard that names its action', () => {
    const byRoute = new Map<string, boolean>()
    for (const r of t.app.routes) {
      if (r.method === 'ALL') continue
      const key = `${r.method} ${r.path}`
      const guarded = typeof (r.handler as { action?: unknown }).action === 'string'
      byRoute.set(key, (byRoute.get(key) ?? false) || guarded)
    }
    // The static file route is served before the session middleware and needs no policy.
    byRoute.delete('GET /static/:file')
    const unguarded = [...byRoute].filter(([, guarded]) => !guarded).map(([route]) => route)
    expect(byRoute.size).toBeGreaterThan(3)
    expect(unguarded).toEqual([])
  })
})

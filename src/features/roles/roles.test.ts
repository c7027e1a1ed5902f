import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, desc } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { roleAssignments } from './roles.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'

let t: TestPlatform
let admin: BuiltUser
let adminClient: TestClient
let wijk: Awaited<ReturnType<typeof buildWijk>>

beforeAll(async () => {
  t = await createTestPlatform()
  admin = await buildUser(t, { role: 'admin', firstName: 'Ada' })
  adminClient = t.client()
  await login(adminClient, admin)
  wijk = await buildWijk(t, { name: 'Rolwijk' })
})
afterAll(() => t.stop())


async function rolesOf(userId: string) {
  return t.deps.db.select({ id: roleAssignments.id, role: roleAssignments.role, wijkId: roleAssignments.wijkId }).from(roleAssignments).where(eq(roleAssignments.userId, userId))
}

describe('appointing', () => {
  it('appoints an existing account as wijkbeheerder, audits it, and mails them in their language', async () => {
    const bram = await buildUser(t, { firstName: 'Bram', lastName: 'Bakker', lang: 'en' })
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: bram.email.toUpperCase(), role: 'wijkbeheerder', wijkId: String(wijk.id) })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer/rollen?melding=flash.roles.appointed')
    expect(await rolesOf(bram.id)).toEqual([expect.objectContaining({ role: 'wijkbeheerder', wijkId: wijk.id })])

    const list = await adminClient.get('/beheer/rollen')
    expect(list.text).toContain('Bram Bakker')
    expect(list.text).toContain(bram.email)
    expect(list.text).toContain('Rolwijk')

    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.appoint')).orderBy(desc(auditLog.id))
    expect(audit).toMatchObject({ actorUserId: admin.id, subjectUserId: bram.id, targetType: 'wijk', targetId: String(wijk.id) })

    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === bram.email)
    expect(mail.subject).toBe('You have been appointed neighbourhood manager')
    expect(mail.text).toContain('Hello Bram,')
    expect(mail.text).toContain('Rolwijk')
    expect(mail.text).toContain('http://localhost/beheer')
  })

  it('appoints another platform admin without a wijk', async () => {
    const cor = await buildUser(t, { firstName: 'Cor' })
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: cor.email, role: 'admin', wijkId: String(wijk.id) })
    expect(res.status).toBe(303)
    expect(await rolesOf(cor.id)).toEqual([expect.objectContaining({ role: 'admin', wijkId: null })])
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === cor.email)
    expect(mail.subject).toBe('Je bent benoemd tot platformbeheerder')
  })

  it('invites an address without an account instead of refusing it (more in roles.invitations.test.ts)', async () => {
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: 'niemand@example.test', role: 'ambassadeur', wijkId: String(wijk.id) })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer/rollen?melding=flash.roles.invited')
    const page = await adminClient.get(res.location!)
    expect(page.text).toContain('We hebben een uitnodiging gestuurd')
    expect(page.text).toContain('niemand@example.test')
  })

  it('asks for a wijk for an ambassadeur or wijkbeheerder', async () => {
    const dirk = await buildUser(t)
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: dirk.email, role: 'ambassadeur', wijkId: '' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="wijkId-error"')
    expect(await rolesOf(dirk.id)).toEqual([])
  })

  it('refuses a duplicate appointment with a friendly message', async () => {
    const eva = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id })
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: eva.email, role: 'ambassadeur', wijkId: String(wijk.id) })
    expect(res.status).toBe(422)
    expect(res.body).toMatch(/id="email-error"[^>]*>[^<]*heeft deze rol al/)
    expect(await rolesOf(eva.id)).toHaveLength(1)
  })

  it('refuses a bad role value', async () => {
    const fien = await buildUser(t)
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post('/beheer/rollen', { email: fien.email, role: 'keizer', wijkId: '' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="role-error"')
  })
})

describe('revoking', () => {
  it('revokes a role, audits it and tells the person', async () => {
    const gijs = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id, firstName: 'Gijs' })
    const [role] = await rolesOf(gijs.id)
    await adminClient.get('/beheer/rollen')
    const res = await adminClient.post(`/beheer/rollen/${role!.id}/intrekken`, {})
    expect(res.status).toBe(303)
    expect(await rolesOf(gijs.id)).toEqual([])
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'role.revoke'), eq(auditLog.subjectUserId, gijs.id)))
    expect(audit).toMatchObject({ actorUserId: admin.id, details: { role: 'wijkbeheerder', assignmentId: role!.id } })
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === gijs.email)
    expect(mail.subject).toBe('Je rol als wijkbeheerder is beëindigd')
  })

  it('takes the role away at once: the next request is refused', async () => {
    const hans = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id })
    const client = await loggedInClient(t, hans)
    expect((await client.get(`/beheer/wijken/${wijk.id}`)).status).toBe(200)
    const [role] = await rolesOf(hans.id)
    await adminClient.get('/beheer/rollen')
    await adminClient.post(`/beheer/rollen/${role!.id}/intrekken`, {})
    expect((await client.get(`/beheer/wijken/${wijk.id}`)).status).toBe(403)
  })

  it('never lets the last platform admin revoke their own role', async () => {
    const solo = await createTestPlatform()
    try {
      const only = await buildUser(solo, { role: 'admin' })
      const client = solo.client()
      await login(client, only)
      const [role] = await solo.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, only.id))
      await client.get('/beheer/rollen')
      const res = await client.post(`/beheer/rollen/${role!.id}/intrekken`, {})
      expect(res.status).toBe(409)
      expect(res.text).toContain('laatste platformbeheerder')
      expect(await solo.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, only.id))).toHaveLength(1)
    } finally {
      await solo.stop()
    }
  })

  it('lets an admin step down when another admin remains', async () => {
    const ina = await buildUser(t, { role: 'admin' })
    const client = await loggedInClient(t, ina)
    const [role] = await rolesOf(ina.id)
    await client.get('/beheer/rollen')
    const res = await client.post(`/beheer/rollen/${role!.id}/intrekken`, {})
    expect(res.status).toBe(303)
    expect(res.location).toBe('/?melding=flash.roles.revoked')
    expect(await rolesOf(ina.id)).toEqual([])
  })

  it('answers 404 for an appointment that does not exist', async () => {
    await adminClient.get('/beheer/rollen')
    expect((await adminClient.post('/beheer/rollen/999999/intrekken', {})).status).toBe(404)
  })
})

describe('who may manage roles', () => {
  it('refuses the roles page to ambassadeurs, wijkbeheerders and plain users, and sends visitors to log in', async () => {
    for (const opts of [{ role: 'ambassadeur' as const, wijkId: wijk.id }, { role: 'wijkbeheerder' as const, wijkId: wijk.id }, {}]) {
      const client = await loggedInClient(t, await buildUser(t, opts))
      expect((await client.get('/beheer/rollen')).status).toBe(403)
      const target = await buildUser(t)
      expect((await client.post('/beheer/rollen', { email: target.email, role: 'admin', wijkId: '' })).status).toBe(403)
      expect(await rolesOf(target.id)).toEqual([])
    }
    const visitor = await t.client().get('/beheer/rollen')
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen/)
  })
})

describe('an ambassadeur and the wijkbeheerders of their wijk', () => {
  it('appoints and revokes wijkbeheerders of their own wijk only', async () => {
    const own = await buildWijk(t, { name: 'Ambassadewijk' })
    const other = await buildWijk(t)
    const amb = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: own.id }))
    const jan = await buildUser(t, { firstName: 'Jan' })

    const page = await amb.get(`/beheer/wijken/${own.id}/wijkbeheerders`)
    expect(page.status).toBe(200)
    const res = await amb.post(`/beheer/wijken/${own.id}/wijkbeheerders`, { email: jan.email })
    expect(res.status).toBe(303)
    const [role] = await rolesOf(jan.id)
    expect(role).toMatchObject({ role: 'wijkbeheerder', wijkId: own.id })

    expect((await amb.get(`/beheer/wijken/${other.id}/wijkbeheerders`)).status).toBe(403)
    expect((await amb.post(`/beheer/wijken/${other.id}/wijkbeheerders`, { email: jan.email })).status).toBe(403)

    // A role in another wijk cannot be revoked through one's own wijk's page.
    const elsewhere = await buildUser(t, { role: 'wijkbeheerder', wijkId: other.id })
    const [foreign] = await rolesOf(elsewhere.id)
    await amb.get(`/beheer/wijken/${own.id}/wijkbeheerders`)
    expect((await amb.post(`/beheer/wijken/${own.id}/wijkbeheerders/${foreign!.id}/intrekken`, {})).status).toBe(404)
    expect(await rolesOf(elsewhere.id)).toHaveLength(1)

    const revoked = await amb.post(`/beheer/wijken/${own.id}/wijkbeheerders/${role!.id}/intrekken`, {})
    expect(revoked.status).toBe(303)
    expect(await rolesOf(jan.id)).toEqual([])
  })

  it('is refused to a wijkbeheerder', async () => {
    const wb = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    expect((await wb.get(`/beheer/wijken/${wijk.id}/wijkbeheerders`)).status).toBe(403)
  })
})

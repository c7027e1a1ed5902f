/**
 * Role invitations for addresses without an account (issue 5), through HTTP, real SMTP and the
 * real sign-up: invite, accept with the invited address only, cancel, expiry and retention.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { signUpVerified, uniqueEmail } from '../accounts/accounts.test-helpers.js'
import { users } from '../accounts/accounts.tables.js'
import { RETENTION_RULES } from '../../retention.js'
import { roleAssignments, roleInvitations } from './roles.tables.js'

let t: TestPlatform
let wijk: Awaited<ReturnType<typeof buildWijk>>
let other: Awaited<ReturnType<typeof buildWijk>>
let ambassadeur: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Uitnodigwijk' })
  other = await buildWijk(t, { name: 'Anderewijk' })
  ambassadeur = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id, firstName: 'Anouk' })
})
afterAll(() => t.stop())


const teamPage = (wijkId: number) => `/beheer/wijken/${wijkId}/wijkbeheerders`

/** Invites through the wijkbeheerders page; returns the path of the mailed link. */
async function invite(client: TestClient, wijkId: number, email: string): Promise<string> {
  await client.get(teamPage(wijkId))
  const res = await client.post(teamPage(wijkId), { email })
  expect(res.status, res.text.slice(0, 300)).toBe(303)
  expect(res.location).toBe(`${teamPage(wijkId)}?melding=flash.roles.invited`)
  await t.drain()
  const mail = await t.smtp.waitFor((m) => m.to === email.toLowerCase())
  return /http:\/\/localhost(\/rol-uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!
}

async function invitationsTo(email: string) {
  return t.deps.db.select().from(roleInvitations).where(eq(roleInvitations.email, email))
}

/** The action of the first cancel form on a page. */
function cancelAction(html: string): string {
  return /action="([^"]*\/uitnodigingen\/\d+\/intrekken)"/.exec(html)![1]!
}

describe('inviting an address without an account', () => {
  const email = uniqueEmail('nieuw')
  let link: string
  let ambClient: TestClient

  beforeAll(async () => {
    ambClient = await loggedInClient(t, ambassadeur)
  })

  it('mails a Dutch invitation with a link, audits it, and lists it on the page', async () => {
    await ambClient.get(teamPage(wijk.id))
    const res = await ambClient.post(teamPage(wijk.id), { email: email.toUpperCase() })
    expect(res.status).toBe(303)
    const page = await ambClient.get(res.location!)
    expect(page.text).toContain('We hebben een uitnodiging gestuurd')
    expect(page.text).toContain('Openstaande uitnodigingen')
    expect(page.text).toContain(email)

    const [row] = await invitationsTo(email)
    expect(row).toMatchObject({ role: 'wijkbeheerder', wijkId: wijk.id, invitedBy: ambassadeur.id, acceptedAt: null, revokedAt: null })
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(14 * 86_400_000)

    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.invite')).orderBy(desc(auditLog.id))
    expect(audit).toMatchObject({ actorUserId: ambassadeur.id, targetType: 'wijk', targetId: String(wijk.id), details: { role: 'wijkbeheerder', invitationId: row!.id } })
    expect(JSON.stringify(audit!.details)).not.toContain(email)

    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === email)
    expect(mail.subject).toBe('Uitnodiging: word wijkbeheerder van Uitnodigwijk')
    expect(mail.text).toContain('Anouk nodigt je uit')
    link = /http:\/\/localhost(\/rol-uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!
    // Only the hash of the token is stored.
    expect(row!.tokenHash).toBe(hashToken(link.split('/').pop()!))
  })

  it('says next to the field that an invitation is already open, without a second row', async () => {
    await ambClient.get(teamPage(wijk.id))
    const res = await ambClient.post(teamPage(wijk.id), { email })
    expect(res.status).toBe(422)
    expect(res.body).toMatch(/id="email-error"[^>]*>[^<]*al een openstaande uitnodiging/)
    expect(res.body).toContain(`value="${email}"`)
    expect(await invitationsTo(email)).toHaveLength(1)
  })

  it('sends a visitor who opens the link to log in first, then back', async () => {
    const res = await t.client().get(link)
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/account/inloggen?volgende=${encodeURIComponent(link)}`)
  })

  it('refuses another account with a clear 403 page', async () => {
    const someoneElse = await loggedInClient(t, await buildUser(t))
    const page = await someoneElse.get(link)
    expect(page.status).toBe(403)
    expect(page.text).toContain('voor een ander account')
    expect((await someoneElse.post(link, {})).status).toBe(403)
    const [row] = await invitationsTo(email)
    expect(row!.acceptedAt).toBeNull()
  })

  it('lets the person sign up with the address, accept, and then manage the wijk', async () => {
    const account = await signUpVerified(t, { email, firstName: 'Nina', homeWijkId: String(wijk.id) })
    const client = t.client()
    await client.get(`/account/inloggen?volgende=${encodeURIComponent(link)}`)
    const loginRes = await client.post('/account/inloggen', { email: account.email, password: account.password, volgende: link })
    expect(loginRes.location).toBe(link)

    const offer = await client.get(link)
    expect(offer.status).toBe(200)
    expect(offer.text).toContain('wijkbeheerder van Uitnodigwijk')
    expect((await client.get(`/beheer/wijken/${wijk.id}/overzicht`)).status).toBe(403)

    const res = await client.post(link, {})
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer?melding=flash.roles.invitationAccepted')
    expect((await client.get(`/beheer/wijken/${wijk.id}/overzicht`)).status).toBe(200)

    const [user] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email))
    const roles = await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user!.id))
    expect(roles).toEqual([expect.objectContaining({ role: 'wijkbeheerder', wijkId: wijk.id, createdBy: ambassadeur.id })])
    const [row] = await invitationsTo(email)
    expect(row).toMatchObject({ acceptedBy: user!.id })

    // The same audit and mail as a direct appointment.
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'role.appoint'), eq(auditLog.subjectUserId, user!.id)))
    expect(audit).toMatchObject({ actorUserId: ambassadeur.id, targetId: String(wijk.id), details: { role: 'wijkbeheerder', assignmentId: roles[0]!.id, invitationId: row!.id } })
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === email && m.subject.startsWith('Je bent benoemd'))
    expect(mail.text).toContain('Hallo Nina,')

    // A used link is dead, and the invitation is no longer open.
    expect((await client.get(link)).status).toBe(404)
    expect((await client.post(link, {})).status).toBe(404)
    expect((await ambClient.get(teamPage(wijk.id))).text).not.toContain('Openstaande uitnodigingen')
  })
})

describe('links that no longer work', () => {
  it('answers 404 for a cancelled invitation, and for an unknown or malformed token', async () => {
    const amb = await loggedInClient(t, ambassadeur)
    const email = uniqueEmail('ingetrokken')
    const link = await invite(amb, wijk.id, email)
    const page = await amb.get(teamPage(wijk.id))
    expect(page.text).toContain(email)
    const cancel = await amb.post(cancelAction(page.body), {})
    expect(cancel.status).toBe(303)
    expect(cancel.location).toBe(`${teamPage(wijk.id)}?melding=flash.roles.invitationRevoked`)
    expect((await amb.get(teamPage(wijk.id))).text).not.toContain(email)
    const [row] = await invitationsTo(email)
    expect(row!.revokedAt).not.toBeNull()

    const invitee = await loggedInClient(t, await buildUser(t, { email }))
    expect((await invitee.get(link)).status).toBe(404)
    expect((await invitee.post(link, {})).status).toBe(404)
    expect((await invitee.get('/rol-uitnodiging/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).status).toBe(404)
    expect((await invitee.get('/rol-uitnodiging/kort')).status).toBe(404)
  })

  it('answers 404 once the invitation has expired, and allows a new one then', async () => {
    const amb = await loggedInClient(t, ambassadeur)
    const email = uniqueEmail('verlopen')
    const link = await invite(amb, wijk.id, email)
    const invitee = await buildUser(t, { email })
    t.clock.advance({ days: 15 })
    const client = await loggedInClient(t, invitee)
    expect((await client.get(link)).status).toBe(404)
    expect((await client.post(link, {})).status).toBe(404)
    expect(await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, invitee.id))).toEqual([])

    // Still without an account, the address can be invited again: the expired invitation does not block it.
    await t.deps.db.delete(users).where(eq(users.id, invitee.id))
    const again = await loggedInClient(t, ambassadeur)
    await invite(again, wijk.id, email)
    expect(await invitationsTo(email)).toHaveLength(2)
  })
})

describe('an ambassadeur and invitations of another wijk', () => {
  it('cannot invite for, see or cancel an invitation of another wijk', async () => {
    const amb = await loggedInClient(t, ambassadeur)
    const otherAmb = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: other.id }))
    const email = uniqueEmail('anders')
    await invite(otherAmb, other.id, email)
    const [row] = await invitationsTo(email)

    await amb.get(teamPage(wijk.id))
    expect((await amb.post(teamPage(other.id), { email: uniqueEmail() })).status).toBe(403)
    expect((await amb.get(teamPage(wijk.id))).text).not.toContain(email)
    expect((await amb.post(`${teamPage(other.id)}/uitnodigingen/${row!.id}/intrekken`, {})).status).toBe(403)
    // Another wijk's invitation under one's own wijk's address does not exist.
    expect((await amb.post(`${teamPage(wijk.id)}/uitnodigingen/${row!.id}/intrekken`, {})).status).toBe(404)
    const [after] = await invitationsTo(email)
    expect(after!.revokedAt).toBeNull()
  })
})

describe('the platform roles page', () => {
  it('invites for any role, lists open invitations of every wijk and cancels them', async () => {
    const admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
    const email = uniqueEmail('amb')
    await admin.get('/beheer/rollen')
    const res = await admin.post('/beheer/rollen', { email, role: 'ambassadeur', wijkId: String(other.id) })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer/rollen?melding=flash.roles.invited')
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === email)
    expect(mail.subject).toBe('Uitnodiging: word ambassadeur van Anderewijk')

    const dup = await admin.post('/beheer/rollen', { email, role: 'ambassadeur', wijkId: String(other.id) })
    expect(dup.status).toBe(422)
    expect(dup.body).toMatch(/id="email-error"[^>]*>[^<]*al een openstaande uitnodiging/)

    const page = await admin.get('/beheer/rollen')
    expect(page.text).toContain(email)
    const [row] = await invitationsTo(email)
    const cancel = await admin.post(`/beheer/rollen/uitnodigingen/${row!.id}/intrekken`, {})
    expect(cancel.status).toBe(303)
    expect((await admin.get('/beheer/rollen')).text).not.toContain(email)
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'role.invitation.revoke')).orderBy(desc(auditLog.id))
    expect(audit).toMatchObject({ details: { role: 'ambassadeur', invitationId: row!.id } })
    expect((await admin.post('/beheer/rollen/uitnodigingen/999999/intrekken', {})).status).toBe(404)
  })
})

describe('retention', () => {
  it('deletes invitations 30 days after they expired, were used or cancelled, and keeps open ones', async () => {
    const { db, clock } = t.deps
    const rule = RETENTION_RULES.find((r) => r.name === 'roles.invitations')!
    const now = clock.now()
    const day = 86_400_000
    const at = (days: number) => new Date(now.getTime() + days * day)
    const base = { role: 'wijkbeheerder' as const, wijkId: wijk.id, createdAt: at(-60) }
    const rows = await db
      .insert(roleInvitations)
      .values([
        { ...base, tokenHash: hashToken('oud-verlopen'), email: 'r1@example.test', expiresAt: at(-31) },
        { ...base, tokenHash: hashToken('oud-gebruikt'), email: 'r2@example.test', expiresAt: at(1), acceptedAt: at(-31) },
        { ...base, tokenHash: hashToken('oud-ingetrokken'), email: 'r3@example.test', expiresAt: at(1), revokedAt: at(-31) },
        { ...base, tokenHash: hashToken('pas-verlopen'), email: 'r4@example.test', expiresAt: at(-29) },
        { ...base, tokenHash: hashToken('open'), email: 'r5@example.test', expiresAt: at(10) },
      ])
      .returning({ email: roleInvitations.email })
    expect(rows).toHaveLength(5)
    expect(await rule.purge(t.deps)).toBe(3)
    const left = (await db.select({ email: roleInvitations.email }).from(roleInvitations)).map((r) => r.email)
    expect(left).toEqual(expect.arrayContaining(['r4@example.test', 'r5@example.test']))
    expect(left.filter((e) => ['r1@example.test', 'r2@example.test', 'r3@example.test'].includes(e))).toEqual([])
  })
})

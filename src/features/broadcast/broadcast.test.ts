import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { contentManagers } from '../content/content.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { broadcastRecipients, broadcasts } from './broadcast.tables.js'
import { BROADCAST_BATCH } from './broadcast.service.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let teamB: TestClient
let ambA: TestClient
let admin: TestClient
let plain: TestClient


beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Lindenhof' })
  wijkB = await buildWijk(t, { name: 'Beukenrode' })
  teamA = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id }))
  teamB = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))
  ambA = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijkA.id }))
  admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
  plain = await loggedInClient(t, await buildUser(t, { homeWijkId: wijkA.id }))
})
afterAll(() => t.stop())

const base = () => `/beheer/wijken/${wijkA.id}/bericht`

describe('broadcast to the content owners of a wijk', () => {
  it('is for the team of that wijk only', async () => {
    for (const c of [teamA, ambA, admin]) expect((await c.get(base())).status).toBe(200)
    expect((await teamB.get(base())).status).toBe(403)
    expect((await plain.get(base())).status).toBe(403)
    expect((await teamB.post(base(), { subject: 'x', body: 'y' })).status).toBe(403)
    expect((await plain.post(base(), { subject: 'x', body: 'y' })).status).toBe(403)
    const visitor = await t.client().get(base())
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen\?volgende=/)
  })

  it('refuses an empty message next to the field and keeps what was typed', async () => {
    await teamA.get(base())
    const res = await teamA.post(base(), { subject: 'Wie helpt?', body: '   ' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="body-error"')
    expect(res.body).toContain('value="Wie helpt?"')
  })

  it('mails every owner and co-manager of the wijk’s public items exactly once over SMTP, in their language, with progress and a record', async () => {
    const now = t.clock.now()
    const owners: BuiltUser[] = []
    // More people than one batch, so the job takes several transactions.
    for (let i = 0; i < BROADCAST_BATCH + 5; i++) {
      const owner = await buildUser(t, { firstName: `Eigenaar${i}`, email: `eigenaar${i}@example.test`, lang: i === 0 ? 'en' : 'nl' })
      owners.push(owner)
      await buildItem(t, { wijkId: wijkA.id, title: `Aanbod ${i}`, ownerId: owner.id })
    }
    // One owner with two items is mailed once; a co-manager of a public item is mailed too.
    await buildItem(t, { wijkId: wijkA.id, title: 'Tweede aanbod', ownerId: owners[1]!.id, type: 'activity' })
    const coManager = await buildUser(t, { firstName: 'Mede', email: 'mede@example.test' })
    const shared = await buildItem(t, { wijkId: wijkA.id, title: 'Gedeeld', ownerId: owners[2]!.id })
    await t.deps.db.insert(contentManagers).values({ contentId: shared.id, userId: coManager.id, addedAt: now })
    // Not reached: a draft's owner, an expired item's owner, a cancelled owner, an owner in wijk B, an item without owner.
    const draftOwner = await buildUser(t, { email: 'concept@example.test' })
    await buildItem(t, { wijkId: wijkA.id, title: 'Concept', ownerId: draftOwner.id, status: 'draft' })
    const expiredOwner = await buildUser(t, { email: 'verlopen@example.test' })
    await buildItem(t, { wijkId: wijkA.id, title: 'Verlopen', ownerId: expiredOwner.id, expiresAt: new Date(now.getTime() - 1000) })
    const cancelled = await buildUser(t, { email: 'opgezegd@example.test' })
    await buildItem(t, { wijkId: wijkA.id, title: 'Van opgezegd', ownerId: cancelled.id })
    await t.deps.db.update(users).set({ status: 'cancelled', cancelledAt: now }).where(eq(users.id, cancelled.id))
    const ownerB = await buildUser(t, { email: 'beuk@example.test' })
    await buildItem(t, { wijkId: wijkB.id, title: 'In B', ownerId: ownerB.id })
    await buildItem(t, { wijkId: wijkA.id, title: 'Van de wijk', ownerId: null })

    const expected = [...owners.map((o) => o.email), 'mede@example.test'].sort()
    const compose = await teamA.get(base())
    expect(compose.text).toContain(`Dit bericht gaat nu naar ${expected.length} personen.`)

    const res = await teamA.post(base(), { subject: 'Wie helpt zaterdag?', body: 'We zoeken handen voor de buurtschoonmaak.\n\nZaterdag om 10 uur bij het buurthuis.' })
    expect(res.status).toBe(303)
    const id = Number(/\/bericht\/(\d+)\?/.exec(res.location ?? '')?.[1])
    expect(id).toBeGreaterThan(0)

    // Before the job ran: everyone is queued, nobody sent; the page shows the progress bar at 0.
    const before = await teamA.get(`${base()}/${id}`)
    expect(before.body).toContain(`<progress id="voortgang" class="progress" max="${expected.length}" value="0">`)
    expect(before.text).toContain('Het versturen is bezig.')

    await t.drain()
    const sent = await t.smtp.waitFor((m) => m.to === 'mede@example.test')
    expect(sent.subject).toBe('Lindenhof: Wie helpt zaterdag?')
    expect(sent.text).toContain('Hallo Mede,')
    expect(sent.text).toContain('Zaterdag om 10 uur bij het buurthuis.')
    const english = await t.smtp.waitFor((m) => m.to === 'eigenaar0@example.test')
    expect(english.text).toContain('Hello Eigenaar0,')
    expect(english.text).toContain('The neighbourhood managers of Lindenhof')

    const mails = t.smtp.messages.filter((m) => m.subject.endsWith('Wie helpt zaterdag?'))
    expect(mails.map((m) => m.to).sort()).toEqual(expected)

    const rows = await t.deps.db.select().from(broadcastRecipients).where(eq(broadcastRecipients.broadcastId, id))
    expect(rows).toHaveLength(expected.length)
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true)
    const [b] = await t.deps.db.select().from(broadcasts).where(eq(broadcasts.id, id))
    expect(b).toMatchObject({ status: 'sent', recipients: expected.length, delivered: expected.length, wijkId: wijkA.id })

    const after = await teamA.get(`${base()}/${id}`)
    expect(after.body).toContain(`max="${expected.length}" value="${expected.length}"`)
    expect(after.text).toContain('Iedereen heeft het bericht gekregen.')
    // The record: first name and the items it went through; no email address.
    expect(after.text).toContain('Mede')
    expect(after.text).toContain('Gedeeld')
    expect(after.body).not.toContain('@example.test')

    // Draining again mails nobody twice.
    await t.drain()
    expect(t.smtp.messages.filter((m) => m.subject.endsWith('Wie helpt zaterdag?'))).toHaveLength(expected.length)
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.broadcast'), eq(auditLog.targetId, String(id))))
    expect(audit[0]?.details).toEqual({ wijkId: wijkA.id, recipients: expected.length })
  })

  it('answers 404 for a broadcast of another wijk, also to the admin through the other wijk’s URL', async () => {
    const [b] = await t.deps.db.select().from(broadcasts).where(eq(broadcasts.wijkId, wijkA.id))
    expect((await admin.get(`/beheer/wijken/${wijkB.id}/bericht/${b!.id}`)).status).toBe(404)
    expect((await teamB.get(`/beheer/wijken/${wijkA.id}/bericht/${b!.id}`)).status).toBe(403)
    expect((await teamA.get(`/beheer/wijken/${wijkA.id}/bericht/99999`)).status).toBe(404)
    expect((await teamA.get(`/beheer/wijken/${wijkA.id}/bericht/abc`)).status).toBe(404)
    const list = await teamA.get(base())
    expect(list.body).toContain(`href="${base()}/${b!.id}"`)
  })
})

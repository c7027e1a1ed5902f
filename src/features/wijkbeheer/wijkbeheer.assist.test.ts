import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { contentItems } from '../content/content.tables.js'
import { itemPath } from '../content/content.urls.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { offlineParticipants } from '../content/content.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let wbA: BuiltUser
let teamA: TestClient
let teamB: TestClient
let ambA: TestClient
let admin: TestClient
let plain: TestClient


beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Lindenhof' })
  wijkB = await buildWijk(t, { name: 'Beukenrode' })
  wbA = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id })
  teamA = await loggedInClient(t, wbA)
  teamB = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))
  ambA = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijkA.id }))
  admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
  plain = await loggedInClient(t, await buildUser(t, { homeWijkId: wijkA.id }))
})
afterAll(() => t.stop())

const base = () => `/beheer/wijken/${wijkA.id}/namens`
const participant = { name: 'Mevrouw Jansen', howToReach: 'PRIVATE-REACH telefoon 020-1234567, via het buurthuis', paperConsentOn: '2026-02-27', paperConsent: 'on' }

describe('assisted posting for people without email or computer', () => {
  let pid: number

  it('is for the team of that wijk only', async () => {
    for (const c of [teamA, ambA, admin]) expect((await c.get(base())).status).toBe(200)
    expect((await teamB.get(base())).status).toBe(403)
    expect((await plain.get(base())).status).toBe(403)
    expect((await teamB.post(base(), participant)).status).toBe(403)
    expect((await plain.post(base(), participant)).status).toBe(403)
    const visitor = await t.client().get(base())
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen\?volgende=/)
  })

  it('asks for the signed paper consent and a date that is not in the future, keeping what was typed', async () => {
    await teamA.get(base())
    const noConsent = await teamA.post(base(), { ...participant, paperConsent: '' })
    expect(noConsent.status).toBe(422)
    expect(noConsent.body).toContain('id="paperConsent-error"')
    expect(noConsent.body).toContain('value="Mevrouw Jansen"')
    const future = await teamA.post(base(), { ...participant, paperConsentOn: '2026-03-10' })
    expect(future.status).toBe(422)
    expect(future.body).toContain('id="paperConsentOn-error"')
    const bad = await teamA.post(base(), { ...participant, paperConsentOn: '2026-02-31' })
    expect(bad.status).toBe(422)
  })

  it('registers the participant with the date of the paper consent and who recorded it', async () => {
    const res = await teamA.post(base(), participant)
    expect(res.status).toBe(303)
    pid = Number(/\/namens\/(\d+)\?/.exec(res.location ?? '')?.[1])
    const [row] = await t.deps.db.select().from(offlineParticipants).where(eq(offlineParticipants.id, pid))
    expect(row).toMatchObject({ wijkId: wijkA.id, name: 'Mevrouw Jansen', paperConsentOn: '2026-02-27', recordedBy: wbA.id })
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.offline.register'), eq(auditLog.targetId, String(pid))))
    expect(audits[0]?.details).toEqual({ wijkId: wijkA.id, paperConsentOn: '2026-02-27' })
    expect(JSON.stringify(audits[0]?.details)).not.toContain('PRIVATE-REACH')
  })

  it('creates an item on their behalf with the content form, publishes it, and the public sees it with only the switched-on contact fields', async () => {
    const form = await teamA.get(`${base()}/nieuw?voor=${pid}&type=activity`)
    expect(form.status).toBe(200)
    expect(form.body).toContain('name="contactEmailPublic"')
    const invalid = await teamA.post(`${base()}/nieuw?voor=${pid}&type=activity`, { title: 'Breiclub' })
    expect(invalid.status).toBe(422)
    expect(invalid.body).toContain('id="startDate-error"')
    expect(invalid.body).toContain('value="Breiclub"')

    const res = await teamA.post(`${base()}/nieuw?voor=${pid}&type=activity`, {
      title: 'Breiclub in het buurthuis',
      summary: 'Samen breien en koffie drinken.',
      startDate: '2026-03-12',
      startTime: '14:00',
      contactName: 'Mevrouw Jansen',
      contactNamePublic: 'on',
      contactPhone: '06-PRIVATE-PHONE',
    })
    expect(res.status).toBe(303)
    const [item] = await t.deps.db.select().from(contentItems).where(eq(contentItems.offlineParticipantId, pid))
    expect(item).toMatchObject({ ownerId: null, wijkId: wijkA.id, status: 'draft', title: 'Breiclub in het buurthuis' })

    const path = itemPath(wijkA.slug, item!)
    expect((await t.client().get(path)).status).toBe(404)
    const pub = await teamA.post(`${base()}/inhoud/${item!.id}/publiceren`, {})
    expect(pub.status).toBe(303)
    expect(pub.location).toContain('flash.wijkbeheer.assistedPublished')

    const page = await t.client().get(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Breiclub in het buurthuis')
    expect(page.text).toContain('Mevrouw Jansen')
    expect(page.text).not.toContain('PRIVATE-PHONE')
    expect(page.text).not.toContain('PRIVATE-REACH')
    const agenda = await t.client().get(`/${wijkA.slug}/agenda`)
    expect(agenda.text).toContain('Breiclub in het buurthuis')
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'content'), eq(auditLog.targetId, String(item!.id))))
    expect(audits.map((a) => a.action).sort()).toEqual(['wijk.offline.item.create', 'wijk.offline.item.publish'])
  })

  it('maintains their item: edits keep it published and can take it offline', async () => {
    const [item] = await t.deps.db.select().from(contentItems).where(eq(contentItems.offlineParticipantId, pid))
    const edit = await teamA.get(`${base()}/inhoud/${item!.id}`)
    expect(edit.status).toBe(200)
    expect(edit.body).toContain('value="Breiclub in het buurthuis"')
    const saved = await teamA.post(`${base()}/inhoud/${item!.id}`, {
      title: 'Breiclub op dinsdag',
      startDate: '2026-03-12',
      startTime: '14:00',
      contactName: 'Mevrouw Jansen',
      contactNamePublic: 'on',
    })
    expect(saved.status).toBe(303)
    const path = itemPath(wijkA.slug, { ...item!, slug: 'breiclub-op-dinsdag' })
    const page = await t.client().get(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Breiclub op dinsdag')
    const detail = await teamA.get(`${base()}/${pid}`)
    expect(detail.text).toContain('Breiclub op dinsdag')
    expect(detail.text).toContain('PRIVATE-REACH')
    await teamA.post(`${base()}/inhoud/${item!.id}/depubliceren`, {})
    expect((await t.client().get(path)).status).toBe(404)
    await teamA.post(`${base()}/inhoud/${item!.id}/publiceren`, {})
  })

  it('reaches nothing of another wijk or another participant: 404 by id, 403 for the other team', async () => {
    const [item] = await t.deps.db.select().from(contentItems).where(eq(contentItems.offlineParticipantId, pid))
    expect((await teamB.get(`${base()}/${pid}`)).status).toBe(403)
    expect((await teamB.post(`${base()}/inhoud/${item!.id}/depubliceren`, {})).status).toBe(403)
    expect((await admin.get(`/beheer/wijken/${wijkB.id}/namens/${pid}`)).status).toBe(404)
    expect((await admin.get(`/beheer/wijken/${wijkB.id}/namens/inhoud/${item!.id}`)).status).toBe(404)
    expect((await admin.get(`/beheer/wijken/${wijkB.id}/namens/nieuw?voor=${pid}&type=activity`)).status).toBe(404)
    expect((await admin.post(`/beheer/wijken/${wijkB.id}/namens/nieuw?voor=${pid}&type=news`, { title: 'Kaping', publicationDate: '2026-03-02' })).status).toBe(404)
    // An ordinary item of the same wijk is not editable through a participant's URL.
    const owner = await buildUser(t)
    const other = await buildItem(t, { wijkId: wijkA.id, title: 'Van iemand anders', ownerId: owner.id })
    expect((await teamA.get(`${base()}/inhoud/${other.id}`)).status).toBe(404)
    expect((await teamA.post(`${base()}/inhoud/${other.id}/depubliceren`, {})).status).toBe(404)
    expect((await teamA.get(`${base()}/nieuw?voor=${pid}&type=showcase`)).status).toBe(404)
    expect((await teamA.get(`${base()}/999999`)).status).toBe(404)
  })

  it('keeps how to reach them off every public page (the wijk home, search)', async () => {
    for (const path of [`/${wijkA.slug}/`, `/${wijkA.slug}/zoeken?q=Jansen`, `/${wijkA.slug}/agenda`]) {
      const res = await t.client().get(path)
      expect(res.text, path).not.toContain('PRIVATE-REACH')
    }
  })
})

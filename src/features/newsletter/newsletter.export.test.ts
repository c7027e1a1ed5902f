/**
 * The Mailchimp export (P14): exactly the confirmed subscribers of the wijk, in the file Mailchimp
 * imports; refused while no processor agreement with Mailchimp is recorded (P12); one access-log
 * row per exported person; and out of reach of another wijk's team (P13).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { users } from '../accounts/accounts.tables.js'
import { processors } from '../register/register.tables.js'
import { MAILCHIMP_PROCESSOR_KEY } from '../register/register.defaults.js'
import { subscribeNewsletter } from '../my-data/my-data.service.js'
import { newsletterSubscriptions } from './newsletter.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let teamB: TestClient
let beheerderA: BuiltUser
let fenna: BuiltUser

const EXPORT = () => `/beheer/wijken/${wijkA.id}/nieuwsbrieven/export`

async function visitor(wijkId: number, email: string, firstName: string, lastName: string | null, status: 'pending' | 'confirmed' = 'confirmed') {
  const now = t.clock.now()
  const [row] = await t.deps.db
    .insert(newsletterSubscriptions)
    .values({ wijkId, email, firstName, lastName, status, tokenHash: hashToken(randomToken()), createdAt: now, confirmedAt: status === 'confirmed' ? now : null })
    .returning()
  return row!
}

async function setAgreement(inPlace: boolean) {
  const rows = await t.deps.db.update(processors).set({ agreementInPlace: inPlace }).where(eq(processors.key, MAILCHIMP_PROCESSOR_KEY)).returning()
  expect(rows).toHaveLength(1)
}

const exportRows = () => t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'newsletter.export'))

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Vlinderhof' })
  wijkB = await buildWijk(t, { name: 'Bloemenbuurt' })
  beheerderA = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id })
  teamA = t.client()
  await login(teamA, beheerderA)
  teamB = t.client()
  await login(teamB, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))

  await visitor(wijkA.id, 'noor@example.test', 'Noor', 'de Wit')
  await visitor(wijkA.id, 'ali@example.test', 'Ali', 'Bakker, jr.')
  await visitor(wijkA.id, 'zoe@example.test', 'Zoë', null)
  await visitor(wijkA.id, 'pending@example.test', 'Piet', 'Pending', 'pending')
  await visitor(wijkB.id, 'bea@example.test', 'Bea', 'Bloem')
  fenna = await buildUser(t, { email: 'fenna@example.test', firstName: 'Fenna', lastName: 'Jansen', homeWijkId: wijkA.id })
  await subscribeNewsletter(t.deps, fenna, wijkA.id)
  // The account's current name counts, not the one it had when it subscribed.
  await t.deps.db.update(users).set({ lastName: 'Jansen-Smit' }).where(eq(users.id, fenna.id))
  // Someone with an account who did not subscribe is not in the file.
  await buildUser(t, { email: 'niet@example.test', firstName: 'Niet', homeWijkId: wijkA.id })
})
afterAll(() => t.stop())

describe('the Mailchimp export (P14)', () => {
  it('is refused while no processor agreement with Mailchimp is recorded, with a link to the register (P12)', async () => {
    await setAgreement(false)
    const page = await teamA.get(EXPORT())
    expect(page.status).toBe(200)
    expect(page.text).toContain('geen verwerkersovereenkomst met Mailchimp')
    expect(page.body).toContain('href="/verwerkingen"')
    expect(page.body).not.toContain(`action="${EXPORT()}"`)
    const res = await teamA.post(EXPORT(), {})
    expect(res.status).toBe(409)
    expect(res.res.headers.get('content-type')).toContain('text/html')
    expect(res.text).toContain('geen verwerkersovereenkomst met Mailchimp')
    expect(res.body).not.toContain('noor@example.test')
    expect(await exportRows()).toHaveLength(0)
  })

  it('with an agreement: exactly the confirmed subscribers of this wijk, in the CSV Mailchimp imports', async () => {
    await setAgreement(true)
    const page = await teamA.get(EXPORT())
    expect(page.text).toContain('Abonnees in het bestand: 4.')
    const res = await teamA.post(EXPORT(), {})
    expect(res.status).toBe(200)
    expect(res.res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.res.headers.get('content-disposition')).toBe(`attachment; filename="nieuwsbrief-${wijkA.slug}-2026-03-02.csv"`)
    expect(res.res.headers.get('cache-control')).toBe('no-store')
    expect(res.body).toBe(
      [
        'Email Address,First Name,Last Name',
        'ali@example.test,Ali,"Bakker, jr."',
        'fenna@example.test,Fenna,Jansen-Smit',
        'noor@example.test,Noor,de Wit',
        'zoe@example.test,Zoë,',
        '',
      ].join('\r\n'),
    )
    // UTF-8 without a byte-order mark: the first header is exactly "Email Address".
    const bytes = new Uint8Array(await new Response(res.body).arrayBuffer())
    expect([...bytes.slice(0, 5)]).toEqual([...new TextEncoder().encode('Email')])
  })

  it('records the export in the access log of each exported person, one row each, without the data itself', async () => {
    const rows = await exportRows()
    expect(rows).toHaveLength(4)
    expect(new Set(rows.map((r) => r.targetId)).size).toBe(4)
    for (const r of rows) {
      expect(r.actorUserId).toBe(beheerderA.id)
      expect(r.targetType).toBe('newsletter_subscription')
      expect(JSON.stringify(r.details)).not.toMatch(/@example\.test|Noor|Fenna|Bakker/)
    }
    expect(rows.filter((r) => r.subjectUserId === fenna.id)).toHaveLength(1)
    const own = t.client()
    await login(own, fenna)
    const myData = await own.get('/mijn-gegevens')
    expect(myData.text).toContain('exporteerde je naam en e-mailadres als abonnee van de wijknieuwsbrief')
  })

  it('is out of reach of the wijkbeheerder of another wijk (403), and of visitors', async () => {
    expect((await teamB.get(EXPORT())).status).toBe(403)
    await teamB.get(`/beheer/wijken/${wijkB.id}/nieuwsbrieven/export`)
    const res = await teamB.post(EXPORT(), {})
    expect(res.status).toBe(403)
    expect(res.body).not.toContain('noor@example.test')
    const own = await teamB.post(`/beheer/wijken/${wijkB.id}/nieuwsbrieven/export`, {})
    expect(own.status).toBe(200)
    expect(own.body).toBe('Email Address,First Name,Last Name\r\nbea@example.test,Bea,Bloem\r\n')
    expect((await exportRows()).filter((r) => r.actorUserId === beheerderA.id)).toHaveLength(4)
    const anon = await t.client().get(EXPORT())
    expect(anon.status).toBe(303)
    expect(await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'newsletter.export'), eq(auditLog.subjectUserId, fenna.id)))).toHaveLength(1)
  })
})

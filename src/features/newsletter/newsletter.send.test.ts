/**
 * The wijk team composes, previews, test-sends and sends a newsletter; subscribers receive it over
 * real SMTP, greeted by first name (P10), with a one-click unsubscribe link and the RFC 8058
 * headers that work without login (P25); the public archive holds no personal data; and nothing
 * of wijk A is reachable from wijk B's team (P13).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import type { CapturedMail } from '../../../test/smtp.js'
import { mailTo, mailsTo } from '../accounts/accounts.test-helpers.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { subscribeNewsletter } from '../my-data/my-data.service.js'
import { jobs } from '../../kernel/jobs/jobs.tables.js'
import { DAY } from '../../kernel/clock.js'
import { newsletterDeliveries, newsletters, newsletterSubscriptions } from './newsletter.tables.js'
import { SEND_JOB } from './newsletter.send.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let teamB: TestClient
let beheerderA: BuiltUser
let newsletterId: number
let noorMail: CapturedMail
let fennaMail: CapturedMail

const SUBJECT = 'Lente in de Vlinderhof'

/** A visitor signs up through the form and confirms through the mailed link. */
async function visitorSubscribes(wijk: { slug: string }, firstName: string, email: string, confirm = true) {
  const client = t.client()
  await client.get(`/${wijk.slug}/nieuwsbrieven`)
  expect((await client.post(`/${wijk.slug}/nieuwsbrieven`, { firstName, email })).status).toBe(303)
  if (!confirm) return
  const mail = await mailTo(t, email, 'Bevestig je aanmelding')
  const link = /http:\/\/localhost(\/nieuwsbrief\/bevestigen\/[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!
  await client.get(link)
  expect((await client.post(link, {})).status).toBe(303)
}

/** The value of a header in the raw message, unfolded. */
function rawHeader(mail: CapturedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim()
}

function newsletterMails(to: string) {
  return mailsTo(t, to).filter((m) => m.subject === SUBJECT)
}

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Vlinderhof' })
  wijkB = await buildWijk(t, { name: 'Bloemenbuurt' })
  beheerderA = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wim' })
  teamA = t.client()
  await login(teamA, beheerderA)
  teamB = t.client()
  await login(teamB, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))

  // Subscribers: confirmed visitor and account holder in A; a pending visitor in A; one in B.
  await visitorSubscribes(wijkA, 'Noor', 'noor@example.test')
  await visitorSubscribes(wijkA, 'Piet', 'pending@example.test', false)
  await visitorSubscribes(wijkB, 'Bea', 'bea@example.test')
  const fenna = await buildUser(t, { email: 'fenna@example.test', firstName: 'Fenna', lang: 'en', homeWijkId: wijkA.id })
  await subscribeNewsletter(t.deps, fenna, wijkA.id)

  // Content of A: public news, a draft, an upcoming activity, a Prikbord request; news of B.
  const now = t.clock.now()
  await buildItem(t, { wijkId: wijkA.id, type: 'news', title: 'Nieuwe speeltuin geopend', summary: 'Aan de Lindelaan', publishedAt: new Date(now.getTime() - 2 * DAY) })
  await buildItem(t, { wijkId: wijkA.id, type: 'news', status: 'draft', title: 'Geheim concept', publishedAt: null })
  await buildItem(t, { wijkId: wijkA.id, type: 'request', title: 'Wie helpt met verhuizen?', category: 'overig', expiresAt: new Date(now.getTime() + 20 * DAY) })
  const activity = await buildItem(t, { wijkId: wijkA.id, type: 'activity', title: 'Koffie-inloop', startsAt: new Date(now.getTime() + 3 * DAY), endsAt: new Date(now.getTime() + 3 * DAY + 7_200_000) })
  await rebuildOccurrences(t.deps.db, activity.id, now)
  await buildItem(t, { wijkId: wijkB.id, type: 'news', title: 'Nieuws van de Bloemenbuurt' })
}, 60_000)
afterAll(() => t.stop())

/** The page's own content, without the layout's header and footer. */
const mainOf = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'))

describe('composing a newsletter (wijk team, newsletter.manage)', () => {
  it('refuses a form without subject or with a reversed period, keeping what was typed (422)', async () => {
    await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/nieuw`)
    const res = await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven`, { subject: '', body: 'Hallo buurt', periodFrom: '2026-03-02', periodTo: '2026-02-01' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="subject-error"')
    expect(res.body).toContain('id="periodTo-error"')
    expect(res.body).toContain('Hallo buurt')
  })

  it('saves a draft, previews it with public content of this wijk only, and mails a test to the composer', async () => {
    // One path: the new form has one button, and it leads to the preview.
    const form = await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/nieuw`)
    expect(mainOf(form.body).match(/<button /g)).toHaveLength(1)
    expect(form.body).toContain('<button type="submit">Opslaan en voorbeeld bekijken</button>')
    expect(form.text).toContain('Stap 1 van 4: schrijven')
    const res = await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven`, {
      subject: SUBJECT,
      body: '# Welkom\n\nDe **lente** is begonnen.',
      activities: 'on',
      prikbord: 'on',
      news: 'on',
      periodFrom: '2026-02-01',
      periodTo: '2026-03-02',
    })
    expect(res.status).toBe(303)
    expect(res.location).toMatch(/\/nieuwsbrieven\/\d+\/voorbeeld\?melding=flash\.newsletter\.saved$/)
    newsletterId = Number(/nieuwsbrieven\/(\d+)/.exec(res.location!)![1])
    const list = await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven`)
    expect(list.text).toContain(SUBJECT)
    expect(list.text).toContain('Bevestigde abonnees: 2.')

    const preview = await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/voorbeeld`)
    expect(preview.status).toBe(200)
    expect(preview.body).toContain('<strong>lente</strong>')
    for (const shown of ['Hallo Wim,', 'Nieuwe speeltuin geopend', 'Wie helpt met verhuizen?', 'Koffie-inloop']) expect(preview.text).toContain(shown)
    for (const hidden of ['Geheim concept', 'Nieuws van de Bloemenbuurt']) expect(preview.text).not.toContain(hidden)
    // After the preview come the test mail, then sending: in that order, each once.
    const order = ['Stap 2 van 4: voorbeeld bekijken', 'Stap 3 van 4: testmail', 'Stuur mij een testmail', 'Stap 4 van 4: versturen', 'Versturen naar 2 abonnees'].map((s) => preview.text.indexOf(s))
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), preview.text).toBe(true)
    expect(mainOf(preview.body).match(/<button /g)).toHaveLength(2)

    // Editing the draft again offers saving only: test and send stay on the preview.
    const edit = await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}`)
    expect(edit.body).not.toContain('/versturen"')
    expect(edit.body).not.toContain('/test"')
    expect(edit.body).toContain(`href="/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/voorbeeld"`)
    const test = await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/test`, {})
    expect(test.status).toBe(303)
    expect(test.location).toBe(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/voorbeeld?melding=flash.newsletter.testSent`)
    const testMail = await mailTo(t, beheerderA.email, `[Test] ${SUBJECT}`)
    expect(testMail.text).toContain('Hallo Wim,')
    expect(testMail.text).toContain('Nieuwe speeltuin geopend')
    // Nobody else got anything yet.
    expect(newsletterMails('noor@example.test')).toHaveLength(0)
  })
})

describe('sending a newsletter', () => {
  it('goes only to the confirmed subscribers of this wijk, and the progress reaches 100', async () => {
    await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}`)
    const res = await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/versturen`, {})
    expect(res.status).toBe(303)
    await t.drain()
    noorMail = await t.smtp.waitFor((m) => m.to === 'noor@example.test' && m.subject === SUBJECT)
    fennaMail = await t.smtp.waitFor((m) => m.to === 'fenna@example.test' && m.subject === SUBJECT)
    expect(newsletterMails('pending@example.test')).toHaveLength(0)
    expect(newsletterMails('bea@example.test')).toHaveLength(0)
    expect(t.smtp.messages.filter((m) => m.subject === SUBJECT)).toHaveLength(2)

    const [n] = await t.deps.db.select().from(newsletters).where(eq(newsletters.id, newsletterId))
    expect(n?.status).toBe('sent')
    expect(n?.recipients).toBe(2)
    expect(n?.delivered).toBe(2)
    const deliveries = await t.deps.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.newsletterId, newsletterId))
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent'])
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.type, SEND_JOB))
    expect(job?.progress).toBe(100)
    const page = await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}`)
    expect(page.text).toContain('Verstuurd: 2 van 2 (100%)')
    expect(page.body).toContain('value="100"')
  })

  it('greets each subscriber by first name (P10)', () => {
    expect(noorMail.text).toMatch(/^Hallo Noor,/)
    expect(noorMail.html).toContain('Hallo Noor,')
    expect(fennaMail.text).toMatch(/^Hello Fenna,/)
    expect(noorMail.text).not.toContain('Fenna')
  })

  it('carries List-Unsubscribe and List-Unsubscribe-Post headers over SMTP (RFC 2369, RFC 8058) (P25)', () => {
    for (const mail of [noorMail, fennaMail]) {
      expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]{43}>$/)
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      expect(rawHeader(mail, 'List-Id')).toContain('nieuwsbrief.localhost')
    }
    expect(rawHeader(noorMail, 'List-Unsubscribe')).not.toBe(rawHeader(fennaMail, 'List-Unsubscribe'))
  })

  it('a second press, or the job running again, mails nobody twice', async () => {
    await teamA.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}`)
    expect((await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven/${newsletterId}/versturen`, {})).status).toBe(303)
    const { runSending } = await import('./newsletter.send.js')
    await runSending(t.deps, 0, newsletterId)
    await t.drain()
    expect(t.smtp.messages.filter((m) => m.subject === SUBJECT)).toHaveLength(2)
  })
})

describe('unsubscribing from a newsletter received over SMTP, without login (P25)', () => {
  it('the link in the mail: a page with one button, then gone', async () => {
    const link = /http:\/\/localhost(\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]{43})/.exec(noorMail.text)![1]!
    expect(noorMail.html).toContain(`href="http://localhost${link}"`)
    const stranger = t.client()
    const page = await stranger.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Afmelden: nieuwsbrief van Vlinderhof')
    const res = await stranger.post(link, {})
    expect(res.status).toBe(303)
    const left = await t.deps.db.select().from(newsletterSubscriptions).where(and(eq(newsletterSubscriptions.wijkId, wijkA.id), eq(newsletterSubscriptions.email, 'noor@example.test')))
    expect(left).toHaveLength(0)
  })

  it('the mail client’s one-click POST to the List-Unsubscribe address (RFC 8058)', async () => {
    const url = new URL(/^<(.+)>$/.exec(rawHeader(fennaMail, 'List-Unsubscribe')!)![1]!)
    const res = await t.app.request(url.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: rawHeader(fennaMail, 'List-Unsubscribe-Post')! })
    expect(res.status).toBe(200)
    const fenna = await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.wijkId, wijkA.id))
    expect(fenna.filter((s) => s.userId !== null)).toHaveLength(0)
  })
})

describe('the public archive', () => {
  it('lists and shows the sent newsletter without any subscriber’s name or link', async () => {
    const visitor = t.client()
    const list = await visitor.get(`/${wijkA.slug}/nieuwsbrieven`)
    expect(list.text).toContain(SUBJECT)
    const page = await visitor.get(`/${wijkA.slug}/nieuwsbrieven/${newsletterId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Nieuwe speeltuin geopend')
    expect(page.body).toContain('<strong>lente</strong>')
    for (const personal of ['Noor', 'Fenna', 'noor@example.test', 'fenna@example.test', '/nieuwsbrief/afmelden/', 'Hallo ', 'Hello ']) expect(page.body).not.toContain(personal)
    const [n] = await t.deps.db.select().from(newsletters).where(eq(newsletters.id, newsletterId))
    for (const personal of ['Noor', 'Fenna', 'afmelden']) {
      expect(n?.archivedHtml).not.toContain(personal)
      expect(n?.archivedText).not.toContain(personal)
    }
  })

  it('shows drafts to nobody, and no wijk shows another wijk’s newsletter', async () => {
    expect((await t.client().get(`/${wijkB.slug}/nieuwsbrieven/${newsletterId}`)).status).toBe(404)
    const draft = await teamA.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven`, { subject: 'Concept', periodFrom: '2026-02-01', periodTo: '2026-03-02' })
    const draftId = /nieuwsbrieven\/(\d+)/.exec(draft.location!)![1]
    expect((await t.client().get(`/${wijkA.slug}/nieuwsbrieven/${draftId}`)).status).toBe(404)
  })
})

describe('fenced to the own wijk (P13)', () => {
  it('the wijkbeheerder of wijk B gets 403 on A’s newsletter pages and 404 on A’s newsletter through B', async () => {
    for (const path of ['', '/nieuw', `/${newsletterId}`, `/${newsletterId}/voorbeeld`]) {
      expect((await teamB.get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven${path}`)).status, path).toBe(403)
    }
    await teamB.get(`/beheer/wijken/${wijkB.id}/nieuwsbrieven`)
    for (const path of [`/${newsletterId}/test`, `/${newsletterId}/versturen`]) {
      expect((await teamB.post(`/beheer/wijken/${wijkA.id}/nieuwsbrieven${path}`, {})).status, path).toBe(403)
      expect((await teamB.post(`/beheer/wijken/${wijkB.id}/nieuwsbrieven${path}`, {})).status, path).toBe(404)
    }
    expect((await teamB.get(`/beheer/wijken/${wijkB.id}/nieuwsbrieven/${newsletterId}`)).status).toBe(404)
    expect((await teamB.get(`/beheer/wijken/${wijkB.id}/nieuwsbrieven/${newsletterId}/voorbeeld`)).status).toBe(404)
    const visitor = await t.client().get(`/beheer/wijken/${wijkA.id}/nieuwsbrieven`)
    expect(visitor.status).toBe(303)
    expect(visitor.location).toContain('/account/inloggen')
  })
})

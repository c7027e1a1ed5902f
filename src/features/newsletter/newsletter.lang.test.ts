/**
 * The language of a subscriber without an account: the page's language at sign-up is stored with
 * the subscription and used for the confirmation mail, the newsletter's greeting and footer, and
 * the pages behind the mailed links, whatever browser opens them. Account holders keep their
 * account's language. Over real SMTP and HTTP.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import type { CapturedMail } from '../../../test/smtp.js'
import { mailTo } from '../accounts/accounts.test-helpers.js'
import { subscribeNewsletter } from '../my-data/my-data.service.js'
import { newsletterSubscriptions } from './newsletter.tables.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let team: TestClient

const SUBJECT = 'Zomer in de Vlinderhof'

/** A client whose browser asks for `lang` (no language chosen on the site, so no cookie). */
function browser(lang: 'nl' | 'en'): TestClient {
  const client = t.client()
  client.headers['accept-language'] = lang
  return client
}

async function signUp(client: TestClient, firstName: string, email: string) {
  await client.get(`/${wijk.slug}/nieuwsbrieven`)
  expect((await client.post(`/${wijk.slug}/nieuwsbrieven`, { firstName, email })).status).toBe(303)
}

async function subscription(email: string) {
  const [row] = await t.deps.db.select().from(newsletterSubscriptions).where(and(eq(newsletterSubscriptions.wijkId, wijk.id), eq(newsletterSubscriptions.email, email)))
  return row
}

function linkIn(mail: CapturedMail, path: string): string {
  const m = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]{43})`).exec(mail.text)
  if (!m?.[1]) throw new Error(`no ${path} link in "${mail.subject}"`)
  return m[1]
}

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Vlinderhof' })
  team = t.client()
  await login(team, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id, firstName: 'Wim' }))
})
afterAll(() => t.stop())

describe('a subscriber without an account, signed up on an English page', () => {
  let emmaMail: CapturedMail
  let noorMail: CapturedMail
  let adaMail: CapturedMail

  it('stores the language and mails the confirmation in it; the confirm page speaks it in any browser', async () => {
    await signUp(browser('en'), 'Emma', 'emma@example.test')
    expect(await subscription('emma@example.test')).toMatchObject({ status: 'pending', lang: 'en' })
    const confirm = await mailTo(t, 'emma@example.test', 'Confirm your sign-up for the newsletter of Vlinderhof')
    expect(confirm.text).toContain('Hello Emma,')

    // The mail client opens the link in a browser that asks for Dutch.
    const link = linkIn(confirm, '/nieuwsbrief/bevestigen')
    const opened = browser('nl')
    const page = await opened.get(link)
    expect(page.body).toContain('<html lang="en"')
    expect(page.text).toContain('Confirm your sign-up: newsletter of Vlinderhof')
    const done = await opened.follow(await opened.post(link, {}))
    expect(done.text).toContain('You are signed up for the newsletter of Vlinderhof.')
    expect((await subscription('emma@example.test'))?.status).toBe('confirmed')
  })

  it('a Dutch page stores Dutch; signing up again before confirming takes the language of that page', async () => {
    await signUp(browser('nl'), 'Noor', 'noor@example.test')
    expect((await subscription('noor@example.test'))?.lang).toBe('nl')
    const link = linkIn(await mailTo(t, 'noor@example.test', 'Bevestig je aanmelding'), '/nieuwsbrief/bevestigen')
    const noor = browser('nl')
    await noor.get(link)
    await noor.post(link, {})

    await signUp(browser('en'), 'Piet', 'piet@example.test')
    expect((await subscription('piet@example.test'))?.lang).toBe('en')
    t.clock.advance({ minutes: 61 })
    await signUp(browser('nl'), 'Piet', 'piet@example.test')
    expect((await subscription('piet@example.test'))?.lang).toBe('nl')
    await mailTo(t, 'piet@example.test', 'Bevestig je aanmelding')
  })

  it("the newsletter's greeting, unsubscribe text and footer are in each subscriber's language; an account holder's is the account's", async () => {
    const ada = await buildUser(t, { email: 'ada@example.test', firstName: 'Ada', lang: 'en', homeWijkId: wijk.id })
    await subscribeNewsletter(t.deps, ada, wijk.id)

    await team.get(`/beheer/wijken/${wijk.id}/nieuwsbrieven/nieuw`)
    const created = await team.post(`/beheer/wijken/${wijk.id}/nieuwsbrieven`, { subject: SUBJECT, body: 'De zomer is begonnen.', periodFrom: '2026-02-01', periodTo: '2026-03-02' })
    expect(created.status).toBe(303)
    const id = Number(/nieuwsbrieven\/(\d+)/.exec(created.location!)![1])
    await team.get(`/beheer/wijken/${wijk.id}/nieuwsbrieven/${id}`)
    expect((await team.post(`/beheer/wijken/${wijk.id}/nieuwsbrieven/${id}/versturen`, {})).status).toBe(303)
    await t.drain()
    emmaMail = await t.smtp.waitFor((m) => m.to === 'emma@example.test' && m.subject === SUBJECT)
    noorMail = await t.smtp.waitFor((m) => m.to === 'noor@example.test' && m.subject === SUBJECT)
    adaMail = await t.smtp.waitFor((m) => m.to === 'ada@example.test' && m.subject === SUBJECT)

    expect(emmaMail.text).toMatch(/^Hello Emma,/)
    expect(emmaMail.text).toContain('You receive this mail because you signed up for the newsletter of Vlinderhof.')
    expect(emmaMail.text).toContain('Unsubscribe with one click: http://localhost/nieuwsbrief/afmelden/')
    expect(emmaMail.html).toContain('<html lang="en"')
    expect(emmaMail.text).not.toContain('Afmelden met één klik')
    // The issue itself is the wijk's, in Dutch, for everyone.
    expect(emmaMail.text).toContain('De zomer is begonnen.')

    expect(noorMail.text).toMatch(/^Hallo Noor,/)
    expect(noorMail.text).toContain('Afmelden met één klik')
    expect(noorMail.html).toContain('<html lang="nl"')

    expect(adaMail.text).toMatch(/^Hello Ada,/)
    expect(adaMail.text).toContain('Unsubscribe with one click')
  })

  it('the unsubscribe page and its answer speak the subscriber’s language, also in a Dutch browser', async () => {
    const link = linkIn(emmaMail, '/nieuwsbrief/afmelden')
    const opened = browser('nl')
    const page = await opened.get(link)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<html lang="en"')
    expect(page.text).toContain('Unsubscribe: newsletter of Vlinderhof')
    const res = await opened.post(link, {})
    expect(res.status).toBe(303)
    expect(res.location).toBe('/nieuwsbrief/afgemeld?taal=en')
    const done = await opened.follow(res)
    expect(done.text).toContain('You are unsubscribed')
    expect(await subscription('emma@example.test')).toBeUndefined()
  })

  it("an account holder's link pages follow the account's language; a language chosen on the site wins", async () => {
    const ada = browser('nl')
    const page = await ada.get(linkIn(adaMail, '/nieuwsbrief/afmelden'))
    expect(page.text).toContain('Unsubscribe: newsletter of Vlinderhof')

    const noorLink = linkIn(noorMail, '/nieuwsbrief/afmelden')
    expect((await browser('en').get(noorLink)).text).toContain('Afmelden: nieuwsbrief van Vlinderhof')
    const chose = browser('nl')
    await chose.get('/')
    await chose.post('/taal', { lang: 'en', terug: '/' })
    const chosen = await chose.get(noorLink)
    expect(chosen.text).toContain('Unsubscribe: newsletter of Vlinderhof')
    // Same language as the next page would pick anyway: a plain redirect.
    const res = await browser('nl').post(noorLink, {})
    expect(res.location).toBe('/nieuwsbrief/afgemeld')
  })
})

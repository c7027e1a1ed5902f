/**
 * Signing up for a wijk's newsletter: double opt-in for visitors (over real SMTP), the unticked
 * offer at account sign-up, and unsubscribing without login — the page with its button and the
 * RFC 8058 one-click POST of mail clients, the one request that needs no CSRF token (P25).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, isNull } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildWijk } from '../../../test/factories.js'
import { mailTo, mailsTo, signUp, signupFields, linkIn, findUser } from '../accounts/accounts.test-helpers.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { newsletterSubscriptions } from './newsletter.tables.js'
import { linkToken } from './newsletter.tokens.js'
import { NEWSLETTER_LIMITS } from './newsletter.public.routes.js'
import { newsletterRetentionRules } from './newsletter.retention.js'

let t: TestPlatform
let wijk: { id: number; slug: string }

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Vlinderhof' })
})
afterAll(() => t.stop())

async function subscriptionOf(email: string) {
  const [row] = await t.deps.db
    .select()
    .from(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.wijkId, wijk.id), eq(newsletterSubscriptions.email, email)))
  return row
}

async function subscribe(fields: Record<string, string>) {
  const client = t.client()
  await client.get(`/${wijk.slug}/nieuwsbrieven`)
  return { client, res: await client.post(`/${wijk.slug}/nieuwsbrieven`, fields) }
}

/** The path of the first link to `path`/<secret> in a mail's text. */
function secretLink(text: string, path: string): string {
  const m = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]{43})`).exec(text)
  if (!m?.[1]) throw new Error(`no ${path} link`)
  return m[1]
}

describe('newsletter sign-up without an account: double opt-in', () => {
  it('mails a confirmation link over SMTP, and only the button behind it confirms the subscription', async () => {
    const { res } = await subscribe({ firstName: 'Noor', lastName: 'de Wit', email: 'Noor@Example.test' })
    expect(res.status).toBe(303)
    expect(res.location).toContain(`/${wijk.slug}/nieuwsbrieven?melding=flash.newsletter.checkMail`)
    expect((await subscriptionOf('noor@example.test'))?.status).toBe('pending')

    const mail = await mailTo(t, 'noor@example.test', 'Bevestig je aanmelding')
    expect(mail.text).toContain('Hallo Noor,')
    const link = secretLink(mail.text, '/nieuwsbrief/bevestigen')

    // Opening the link (as a mail scanner would) confirms nothing.
    const visitor = t.client()
    const page = await visitor.get(link)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Aanmelding bevestigen: nieuwsbrief van Vlinderhof</h1>')
    expect(page.res.headers.get('cache-control')).toBe('no-store')
    expect(page.text).toContain('Vlinderhof')
    expect((await subscriptionOf('noor@example.test'))?.status).toBe('pending')

    const confirmed = await visitor.post(link, {})
    expect(confirmed.status).toBe(303)
    const row = await subscriptionOf('noor@example.test')
    expect(row?.status).toBe('confirmed')
    expect(row?.confirmedAt).toEqual(t.clock.now())
    expect(row?.firstName).toBe('Noor')
    expect(row?.lastName).toBe('de Wit')
    const after = await visitor.follow(confirmed)
    expect(after.text).toContain('Je bent aangemeld voor de nieuwsbrief van Vlinderhof')
    // Done: the heading no longer asks to confirm.
    expect(after.body).toContain('<h1>Aanmelding bevestigd: nieuwsbrief van Vlinderhof</h1>')
    expect(after.body).not.toContain('Aanmelding bevestigen')
  })

  it('answers exactly the same for an address that is subscribed already, and mails it nothing', async () => {
    const before = mailsTo(t, 'noor@example.test').length
    const { res } = await subscribe({ firstName: 'Iemand', email: 'noor@example.test' })
    expect(res.status).toBe(303)
    expect(res.location).toContain(`/${wijk.slug}/nieuwsbrieven?melding=flash.newsletter.checkMail`)
    await t.drain()
    expect(mailsTo(t, 'noor@example.test')).toHaveLength(before)
    expect((await subscriptionOf('noor@example.test'))?.firstName).toBe('Noor')
    const queued = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, 'noor@example.test'))
    expect(queued).toHaveLength(before)
  })

  it('keeps what was typed and says what is wrong (422), storing nothing', async () => {
    const { res } = await subscribe({ firstName: '', lastName: 'Bakker', email: 'geen-adres' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="firstName-error"')
    expect(res.body).toContain('id="email-error"')
    expect(res.body).toContain('value="Bakker"')
    expect(res.body).toContain('value="geen-adres"')
    expect(await subscriptionOf('geen-adres')).toBeUndefined()
  })

  it('is rate-limited per address, so the form cannot flood someone with confirmation mails', async () => {
    const email = 'vaak@example.test'
    for (let i = 0; i < NEWSLETTER_LIMITS.perAddress.max; i++) {
      t.clock.advance({ hours: 2 })
      expect((await subscribe({ firstName: 'Vaak', email })).res.status).toBe(303)
    }
    const limited = await subscribe({ firstName: 'Vaak', email })
    expect(limited.res.status).toBe(429)
    expect(limited.res.res.headers.get('retry-after')).toBeTruthy()
    expect(limited.res.text).toContain('te veel aanmeldingen')
    await t.drain()
    expect(mailsTo(t, email).length).toBeLessThanOrEqual(NEWSLETTER_LIMITS.perAddress.max)
  })

  it('removes sign-ups that were never confirmed after 30 days', async () => {
    await subscribe({ firstName: 'Later', email: 'later@example.test' })
    expect(await subscriptionOf('later@example.test')).toBeDefined()
    t.clock.advance({ days: 31 })
    await runRetentionRule(t.deps, newsletterRetentionRules[0]!)
    expect(await subscriptionOf('later@example.test')).toBeUndefined()
    expect((await subscriptionOf('noor@example.test'))?.status).toBe('confirmed')
  })
})

describe('unsubscribing without login (P25)', () => {
  async function confirmedVisitor(email: string) {
    const { res } = await subscribe({ firstName: 'Sam', email })
    expect(res.status).toBe(303)
    const row = (await subscriptionOf(email))!
    await t.deps.db.update(newsletterSubscriptions).set({ status: 'confirmed', confirmedAt: t.clock.now() }).where(eq(newsletterSubscriptions.id, row.id))
    return `/nieuwsbrief/afmelden/${linkToken(t.deps.config.sessionSecret, row)}`
  }

  it('the link shows a page with one button; pressing it unsubscribes, no login needed', async () => {
    const link = await confirmedVisitor('knop@example.test')
    const visitor = t.client()
    const page = await visitor.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Afmelden: nieuwsbrief van Vlinderhof')
    expect(await subscriptionOf('knop@example.test')).toBeDefined()
    const res = await visitor.post(link, {})
    expect(res.status).toBe(303)
    expect(await subscriptionOf('knop@example.test')).toBeUndefined()
    expect((await visitor.follow(res)).text).toContain('Je bent afgemeld')
    // The link has done its work: a second visit says so, and changes nothing.
    expect((await visitor.get(link)).status).toBe(404)
  })

  it('takes the RFC 8058 one-click POST of a mail client: no session, no Origin, no CSRF token (P25)', async () => {
    const link = await confirmedVisitor('oneclick@example.test')
    const res = await t.app.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('location')).toBeNull()
    expect(await subscriptionOf('oneclick@example.test')).toBeUndefined()
  })

  it('keeps the CSRF exception narrow: another body, or another path, is still refused', async () => {
    const link = await confirmedVisitor('smal@example.test')
    const other = await t.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'iets=anders' })
    expect(other.status).toBe(403)
    const confirm = link.replace('/afmelden/', '/bevestigen/')
    const elsewhere = await t.app.request(confirm, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(elsewhere.status).toBe(403)
    expect(await subscriptionOf('smal@example.test')).toBeDefined()
    // A guessed secret reaches nothing.
    const guessed = await t.app.request(`/nieuwsbrief/afmelden/${'A'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(guessed.status).toBe(404)
    expect(await subscriptionOf('smal@example.test')).toBeDefined()
  })
})

describe('the home wijk’s newsletter at account sign-up', () => {
  it('is offered unticked', async () => {
    const page = await t.client().get('/account/registreren')
    expect(page.text).toContain('Stuur mij de nieuwsbrief van mijn wijk')
    expect(page.body).toMatch(/<input type="checkbox" id="newsletter" name="newsletter"(?![^>]*checked)[^>]*>/)
  })

  it('ticked: starts when the address is confirmed, not before', async () => {
    const fields = signupFields({ homeWijkId: String(wijk.id) })
    const client = t.client()
    expect((await signUp(client, { ...fields, newsletter: 'on' })).status).toBe(303)
    const user = (await findUser(t, fields.email!))!
    const rows = () => t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, user.id))
    expect((await rows())[0]?.status).toBe('pending')
    const mail = await mailTo(t, fields.email!.toLowerCase(), 'Bevestig')
    expect((await client.get(linkIn(mail, '/account/bevestigen'))).text).toContain('Je e-mailadres is bevestigd')
    const [row] = await rows()
    expect(row?.status).toBe('confirmed')
    expect(row?.wijkId).toBe(wijk.id)
  })

  it('left unticked: no subscription', async () => {
    const fields = signupFields({ homeWijkId: String(wijk.id) })
    expect((await signUp(t.client(), fields)).status).toBe(303)
    const user = (await findUser(t, fields.email!))!
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, user.id))).toHaveLength(0)
  })
})

describe('the wijk site links to its newsletter', () => {
  it('from the home page and the module navigation', async () => {
    const home = await t.client().get(`/${wijk.slug}/`)
    expect(home.body).toContain(`href="/${wijk.slug}/nieuwsbrieven"`)
    const agenda = await t.client().get(`/${wijk.slug}/agenda`)
    expect(agenda.body).toContain(`href="/${wijk.slug}/nieuwsbrieven"`)
    const page = await t.client().get(`/${wijk.slug}/nieuwsbrieven`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Nieuwsbrief van Vlinderhof')
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(and(eq(newsletterSubscriptions.wijkId, wijk.id), isNull(newsletterSubscriptions.email), isNull(newsletterSubscriptions.userId)))).toHaveLength(0)
  })
})

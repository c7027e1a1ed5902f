/** P06: a visitor writes to an item's contact person without ever learning their address. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { DAY, HOUR, addMs } from '../../kernel/clock.js'
import { buildItem } from './items.test-helpers.js'
import type { Page } from '../../../test/client.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let ipCounter = 0

beforeAll(async () => {
  t = await createTestPlatform({ TRUST_PROXY: '1' })
  wijk = await buildWijk(t)
})
afterAll(() => t.stop())

/** A visitor from an address of its own, so per-client limits of one test don't touch another. */
function visitor() {
  const client = t.client()
  client.headers['x-forwarded-for'] = `198.51.100.${++ipCounter}`
  return client
}

const SECRET = 'geheim-contact@example.test'

async function publicItem(values: Partial<Parameters<typeof buildItem>[1]> = {}) {
  const owner = await buildUser(t, { email: `owner-${Math.random().toString(36).slice(2)}@example.test` })
  const item = await buildItem(t, { wijkId: wijk.id, type: 'offer', title: 'Hulp bij de boodschappen', ownerId: owner.id, contactName: 'Ria', contactEmail: SECRET, ...values })
  return { ...item, owner, path: `/${wijk.slug}/prikbord/${item.id}-${item.slug}/contact` }
}

function expectNoAddress(page: Page, address: string) {
  expect(page.body.toLowerCase()).not.toContain(address.toLowerCase())
  for (const [name, value] of page.res.headers) expect(`${name}: ${value}`.toLowerCase()).not.toContain(address.toLowerCase())
}

describe('contact form', () => {
  it('delivers the message over SMTP to the private contact address with Reply-To the visitor, and never shows that address', async () => {
    const item = await publicItem()
    const client = visitor()
    const seen: Page[] = []
    const form = await client.get(item.path)
    seen.push(form)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Hulp bij de boodschappen')

    const invalid = await client.post(item.path, { name: 'Bezoeker', email: 'geen-adres', message: 'Hoi' })
    seen.push(invalid)
    expect(invalid.status).toBe(422)
    expect(invalid.body).toContain('value="Bezoeker"')

    const res = await client.post(item.path, { name: 'Karin Bezoeker', email: 'karin@example.test', message: 'Ik kan dinsdag helpen.\n\nGroet, Karin' })
    seen.push(res)
    expect(res.status).toBe(303)
    const done = await client.follow(res)
    seen.push(done)
    expect(done.status).toBe(200)
    expect(done.text).toContain('verstuurd')

    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === SECRET)
    expect(mail.replyTo).toBe('karin@example.test')
    expect(mail.subject).toContain('Hulp bij de boodschappen')
    expect(mail.text).toContain('Ik kan dinsdag helpen.')
    expect(mail.text).toContain('Karin Bezoeker')
    for (const page of seen) expectNoAddress(page, SECRET)
  })

  it("falls back to the owner's account address, in the owner's language", async () => {
    const owner = await buildUser(t, { email: 'owner-en@example.test', lang: 'en', firstName: 'Olive' })
    const item = await buildItem(t, { wijkId: wijk.id, type: 'activity', title: 'Koffieochtend', ownerId: owner.id })
    const path = `/${wijk.slug}/agenda/${item.id}-${item.slug}/contact`
    const client = visitor()
    await client.get(path)
    const res = await client.post(path, { name: 'Piet', email: 'piet@example.test', message: 'Mag ik komen?' })
    expect(res.status).toBe(303)
    const done = await client.follow(res)
    expectNoAddress(done, owner.email)
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === owner.email)
    expect(mail.subject).toMatch(/^Message via/)
    expect(mail.text).toContain('Hello Olive')
    expect(mail.replyTo).toBe('piet@example.test')
  })

  it('refuses line breaks in name or email with 422, keeping what was typed', async () => {
    const item = await publicItem()
    const client = visitor()
    await client.get(item.path)
    const before = t.smtp.messages.length
    const res = await client.post(item.path, { name: 'Evil\r\nBcc: x@example.test', email: 'a@example.test', message: 'spam' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('spam')
    const res2 = await client.post(item.path, { name: 'Evil', email: 'a@example.test\r\nBcc: x@example.test', message: 'spam' })
    expect(res2.status).toBe(422)
    await t.drain()
    expect(t.smtp.messages.length).toBe(before)
  })

  it('pretends success when the honeypot is filled, and sends nothing', async () => {
    const item = await publicItem()
    const client = visitor()
    const form = await client.get(item.path)
    expect(form.body).toMatch(/<div class="visually-hidden" aria-hidden="true"><label for="website_extra">Laat leeg<\/label><input type="text" id="website_extra" name="website_extra" tabindex="-1" autocomplete="off"/)
    const res = await client.post(item.path, { name: 'Bot', email: 'bot@example.test', message: 'Koop nu', website_extra: 'http://spam.example' })
    expect(res.status).toBe(303)
    await t.drain()
    const rows = await t.deps.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.replyTo, 'bot@example.test'))
    expect(rows).toHaveLength(0)
  })

  it('limits messages per client with 429 and Retry-After, keeping the form', async () => {
    const item = await publicItem()
    const client = visitor()
    await client.get(item.path)
    for (let i = 0; i < 5; i++) {
      expect((await client.post(item.path, { name: 'Veel', email: 'veel@example.test', message: `bericht ${i}` })).status).toBe(303)
    }
    const limited = await client.post(item.path, { name: 'Veel', email: 'veel@example.test', message: 'nog eentje' })
    expect(limited.status).toBe(429)
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body).toContain('nog eentje')
    expectNoAddress(limited, SECRET)
    // Another visitor is not affected.
    const other = visitor()
    await other.get(item.path)
    expect((await other.post(item.path, { name: 'Ander', email: 'ander@example.test', message: 'hoi' })).status).toBe(303)
  })

  it('does not count a form with mistakes against the limit', async () => {
    const item = await publicItem()
    const client = visitor()
    await client.get(item.path)
    for (let i = 0; i < 6; i++) expect((await client.post(item.path, { name: 'Typo', email: 'geen-adres', message: 'hoi' })).status).toBe(422)
    expect((await client.post(item.path, { name: 'Typo', email: 'typo@example.test', message: 'hoi' })).status).toBe(303)
  })

  it('limits messages per item across clients', async () => {
    const item = await publicItem()
    for (let i = 0; i < 20; i++) {
      const client = visitor()
      await client.get(item.path)
      expect((await client.post(item.path, { name: 'Veel', email: `v${i}@example.test`, message: 'hoi' })).status).toBe(303)
    }
    const client = visitor()
    await client.get(item.path)
    const limited = await client.post(item.path, { name: 'Laatste', email: 'laatste@example.test', message: 'hoi' })
    expect(limited.status).toBe(429)
    expect(limited.res.headers.get('retry-after')).toBeTruthy()
  })

  it('has no form for drafts, hidden items, items of another wijk or the wrong module', async () => {
    const draft = await publicItem({ status: 'draft' })
    const hidden = await publicItem({ status: 'hidden' })
    const other = await buildWijk(t)
    const item = await publicItem()
    const client = visitor()
    expect((await client.get(draft.path)).status).toBe(404)
    expect((await client.get(hidden.path)).status).toBe(404)
    expect((await client.get(item.path.replace(`/${wijk.slug}/`, `/${other.slug}/`))).status).toBe(404)
    expect((await client.get(item.path.replace('/prikbord/', '/nieuws/'))).status).toBe(404)
    expect((await client.get(`/${wijk.slug}/prikbord/abc/contact`)).status).toBe(404)
    const res = await client.post(draft.path, { name: 'X', email: 'x@example.test', message: 'hoi' })
    expect(res.status).toBe(404)
  })

  it('offers the form only when there is an address to deliver to, and the item page agrees with the contact routes', async () => {
    // An imported organisation: owned by the wijk (no owner account) and without an email.
    const noAddress = await buildItem(t, { wijkId: wijk.id, type: 'organisation', title: 'Voedselbank Zonder Mail', ownerId: null, contactPhone: '010-1234567' })
    const itemPath = `/${wijk.slug}/organisaties/${noAddress.id}-${noAddress.slug}`
    const client = visitor()
    const page = await client.get(itemPath)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain(`${itemPath}/contact`)
    expect(page.text).not.toContain('Stuur een bericht')
    expect((await client.get(`${itemPath}/contact`)).status).toBe(404)
    expect((await client.post(`${itemPath}/contact`, { name: 'X', email: 'x@example.test', message: 'hoi' })).status).toBe(404)
    expect((await client.get(`${itemPath}/contact/verzonden`)).status).toBe(404)

    // The same kind of entry with a private email gets the form, and the address stays hidden.
    const withAddress = await buildItem(t, { wijkId: wijk.id, type: 'organisation', title: 'Voedselbank Met Mail', ownerId: null, contactEmail: SECRET })
    const otherPath = `/${wijk.slug}/organisaties/${withAddress.id}-${withAddress.slug}`
    const other = await client.get(otherPath)
    expect(other.body).toContain(`href="${otherPath}/contact"`)
    expectNoAddress(other, SECRET)
    expect((await client.get(`${otherPath}/contact`)).status).toBe(200)
  })

  it('deletes the stored message 30 days after delivery', async () => {
    const item = await publicItem()
    const client = visitor()
    await client.get(item.path)
    await client.post(item.path, { name: 'Bewaar', email: 'bewaar@example.test', message: 'Tijdelijk bericht' })
    await t.drain()
    await t.smtp.waitFor((m) => m.replyTo === 'bewaar@example.test')
    const rows = () => t.deps.db.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.replyTo, 'bewaar@example.test'))
    expect((await rows())[0]?.status).toBe('sent')
    t.clock.set(addMs(t.clock.now(), 29 * DAY))
    await t.drain()
    expect(await rows()).toHaveLength(1)
    t.clock.set(addMs(t.clock.now(), DAY + 2 * HOUR))
    await t.drain()
    expect(await rows()).toHaveLength(0)
  })
})

import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import { ORIGIN, type TestClient } from '../../../test/client.js'
import { activityOccurrences, contentImages, contentItems, contentManagers } from '../content/content.tables.js'
import { findPublicItem } from '../content/content.public.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let owner: BuiltUser
let client: TestClient

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t)
  owner = await buildUser(t, { homeWijkId: wijk.id, firstName: 'Olga' })
  client = t.client()
  await login(client, owner)
})
afterAll(() => t.stop())

const newPath = (type: string) => `/mijn-content/nieuw?type=${type}&wijk=${wijk.id}`

async function create(c: TestClient, type: string, fields: Record<string, string>): Promise<number> {
  await c.get(newPath(type))
  const res = await c.post(newPath(type), fields)
  expect(res.status, res.text.slice(0, 500)).toBe(303)
  return Number(/\/mijn-content\/(\d+)\/voorbeeld/.exec(res.location ?? '')?.[1])
}


describe('co-managers (P07)', () => {
  let itemId: number
  let bea: BuiltUser
  let beaClient: TestClient
  let link: string

  beforeAll(async () => {
    itemId = await create(client, 'activity', { title: 'Repair café', startDate: '2026-03-14', startTime: '13:00' })
    bea = await buildUser(t, { firstName: 'Bea', email: 'bea@example.test' })
  })

  it('mails an invitation link over SMTP', async () => {
    await client.get(`/mijn-content/${itemId}/beheerders`)
    const res = await client.post(`/mijn-content/${itemId}/beheerders`, { email: 'Bea@Example.test' })
    expect(res.status).toBe(303)
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === 'bea@example.test')
    expect(mail.subject).toContain('Repair café')
    link = /http:\/\/localhost(\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!
    expect(link).toBeTruthy()
    const page = await client.get(`/mijn-content/${itemId}/beheerders`)
    expect(page.text).toContain('bea@example.test')
  })

  it('sends a visitor who opens the link to log in first, then back', async () => {
    const res = await t.client().get(link)
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/account/inloggen?volgende=${encodeURIComponent(link)}`)
  })

  it('refuses an account with another address', async () => {
    const carl = await loggedInClient(t, await buildUser(t))
    await carl.get(link)
    const res = await carl.post(link, {})
    expect(res.status).toBe(403)
    expect(res.text).toContain('voor een ander e-mailadres')
  })

  it('lets the invitee accept, then edit but not delete or invite', async () => {
    beaClient = await loggedInClient(t, bea)
    const page = await beaClient.get(link)
    expect(page.status).toBe(200)
    const res = await beaClient.post(link, {})
    expect(res.status).toBe(303)
    expect(res.location).toContain(`/mijn-content/${itemId}/bewerken`)

    expect((await beaClient.get(`/mijn-content/${itemId}/bewerken`)).status).toBe(200)
    const edit = await beaClient.post(`/mijn-content/${itemId}/bewerken`, { title: 'Repair café (nieuw)', startDate: '2026-03-14', startTime: '13:00' })
    expect(edit.status).toBe(303)
    const [row] = await t.deps.db.select({ title: contentItems.title }).from(contentItems).where(eq(contentItems.id, itemId))
    expect(row!.title).toBe('Repair café (nieuw)')

    expect((await beaClient.get(`/mijn-content/${itemId}/verwijderen`)).status).toBe(403)
    expect((await beaClient.post(`/mijn-content/${itemId}/verwijderen`, {})).status).toBe(403)
    expect((await beaClient.post(`/mijn-content/${itemId}/beheerders`, { email: 'x@example.test' })).status).toBe(403)

    const list = await beaClient.get('/mijn-content')
    expect(list.text).toContain('Repair café (nieuw)')
    expect(list.text).toContain('mede-beheerder')
    // A used link cannot be used again.
    expect((await beaClient.get(link)).status).toBe(404)
  })

  it('lists owned and co-managed items in Mijn content', async () => {
    const own = await create(beaClient, 'news', { title: 'Bea schrijft', publicationDate: '2026-03-02' })
    const list = await beaClient.get('/mijn-content')
    expect(list.text).toContain('Bea schrijft')
    expect(list.body).toContain(`/mijn-content/${own}/verwijderen`)
    expect(list.body).not.toContain(`/mijn-content/${itemId}/verwijderen`)
    const ownerList = await client.get('/mijn-content')
    expect(ownerList.text).not.toContain('Bea schrijft')
  })

  it('lets the owner revoke a co-manager', async () => {
    await client.get(`/mijn-content/${itemId}/beheerders`)
    const res = await client.post(`/mijn-content/${itemId}/beheerders/${bea.id}/intrekken`, {})
    expect(res.status).toBe(303)
    expect((await beaClient.get(`/mijn-content/${itemId}/bewerken`)).status).toBe(403)
    const [n] = await t.deps.db.select({ n: count() }).from(contentManagers).where(eq(contentManagers.contentId, itemId))
    expect(n!.n).toBe(0)
  })

  it('lets the owner cancel a pending invitation, after which the link is dead', async () => {
    const dirk = await buildUser(t, { email: 'dirk@example.test' })
    await client.get(`/mijn-content/${itemId}/beheerders`)
    await client.post(`/mijn-content/${itemId}/beheerders`, { email: 'dirk@example.test' })
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === 'dirk@example.test')
    const dirkLink = /http:\/\/localhost(\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!
    const page = await client.get(`/mijn-content/${itemId}/beheerders`)
    const cancel = /action="(\/mijn-content\/\d+\/uitnodigingen\/\d+\/intrekken)"/.exec(page.body)![1]!
    expect((await client.post(cancel, {})).status).toBe(303)
    const dirkClient = await loggedInClient(t, dirk)
    expect((await dirkClient.get(dirkLink)).status).toBe(404)
    await dirkClient.get('/mijn-content')
    expect((await dirkClient.post(dirkLink, {})).status).toBe(404)
  })
})

describe('invitation limits', () => {
  it('refuses inviting yourself, and more than 20 invitations a day', async () => {
    const c = await loggedInClient(t, owner)
    const id = await create(c, 'news', { title: 'Uitnodigingen', publicationDate: '2026-03-02' })
    await c.get(`/mijn-content/${id}/beheerders`)
    const self = await c.post(`/mijn-content/${id}/beheerders`, { email: owner.email })
    expect(self.status).toBe(422)
    expect(self.text).toContain('Je beheert dit bericht zelf al.')
    // Earlier tests in this file sent two invitations (and the refused one above counts too).
    let last = 0
    for (let i = 0; i < 20; i++) last = (await c.post(`/mijn-content/${id}/beheerders`, { email: `gast-${i}@example.test` })).status
    expect(last).toBe(429)
    const refused = await c.post(`/mijn-content/${id}/beheerders`, { email: 'nog-een@example.test' })
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('value="nog-een@example.test"')
    expect(refused.text).toContain('Probeer het morgen opnieuw.')
  })
})

describe('Prikbord expiry and renewal', () => {
  it('hides an expired item from the public, keeps it in Mijn content, and renews it for 30 days', async () => {
    const id = await create(client, 'request', { title: 'Wie leent een ladder?', category: 'spullen', expiresOn: '2026-03-05' })
    await client.post(`/mijn-content/${id}/publiceren`, {})
    expect(await findPublicItem(t.deps.db, id, t.clock.now())).not.toBeNull()
    t.clock.advance({ days: 4 })
    expect(await findPublicItem(t.deps.db, id, t.clock.now())).toBeNull()
    const list = await client.get('/mijn-content')
    expect(list.text).toContain('Wie leent een ladder?')
    expect(list.text).toContain('verlopen')

    const res = await client.post(`/mijn-content/${id}/verlengen`, {})
    expect(res.status).toBe(303)
    const item = await findPublicItem(t.deps.db, id, t.clock.now())
    expect(item?.expiresAt?.getTime()).toBe(t.clock.now().getTime() + 30 * 86_400_000)
  })

  it('mails the owner once, three days before expiry, with a renew link', async () => {
    const id = await create(client, 'offer', { title: 'Gratis kinderfiets', category: 'spullen', expiresOn: '2026-03-30' })
    await client.post(`/mijn-content/${id}/publiceren`, {})
    const reminders = async () => {
      const [n] = await t.deps.db.select({ n: count() }).from(outbox).where(eq(outbox.template, 'my-content.expiry-reminder'))
      return n!.n
    }
    await t.drain()
    const before = await reminders()
    // It expires at midnight after 30 March (22:00 UTC): three days before is 27 March 22:00 UTC.
    t.clock.set('2026-03-27T21:00:00Z')
    await t.drain()
    expect(await reminders()).toBe(before)
    t.clock.set('2026-03-28T06:00:00Z')
    await t.drain()
    expect(await reminders()).toBe(before + 1)
    const mail = await t.smtp.waitFor((m) => m.to === owner.email && m.subject.includes('Gratis kinderfiets'))
    expect(mail.text).toContain(`http://localhost/mijn-content/${id}/verlengen`)
    t.clock.advance({ hours: 2 })
    await t.drain()
    t.clock.advance({ hours: 20 })
    await t.drain()
    expect(await reminders()).toBe(before + 1)

    // The link leads (after login) to a confirmation; renewing allows a new reminder later.
    const fresh = await loggedInClient(t, owner)
    const confirm = await fresh.get(`/mijn-content/${id}/verlengen`)
    expect(confirm.status).toBe(200)
    expect(confirm.text).toContain('30 dagen verlengen')
    expect((await t.client().get(`/mijn-content/${id}/verlengen`)).status).toBe(303)
  })
})

describe('images', () => {
  let itemId: number

  beforeAll(async () => {
    // The clock moved on weeks in the tests above: a fresh session.
    client = t.client()
    await login(client, owner)
    itemId = await create(client, 'news', { title: 'Fotoverslag', publicationDate: '2026-03-02' })
  })

  async function upload(c: TestClient, file: Blob | null, alt: string) {
    await c.get(`/mijn-content/${itemId}/afbeeldingen`)
    const form = new FormData()
    form.set('_csrf', c.csrf!)
    form.set('alt', alt)
    if (file) form.set('image', file, 'foto.jpg')
    const res = await c.request(`/mijn-content/${itemId}/afbeeldingen`, { method: 'POST', body: form, headers: { origin: ORIGIN } })
    return { status: res.status, body: await res.text(), location: res.headers.get('location') }
  }

  it('stores resized WebP files without any metadata (GPS stripped)', async () => {
    const { default: sharp } = await import('sharp')
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' } })
      .toBuffer()
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()

    const res = await upload(client, new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'Buren bij de opening')
    expect(res.status, res.body.slice(0, 300)).toBe(303)
    const [row] = await t.deps.db.select().from(contentImages).where(eq(contentImages.contentId, itemId))
    expect(row).toMatchObject({ width: 900, height: 600, alt: 'Buren bij de opening', widths: [320, 640, 1280] })
    expect(row!.fileKey).toMatch(/^content\/[a-f0-9]{64}$/)
    for (const w of row!.widths) {
      const data = (await t.deps.files.get(`${row!.fileKey}-${w}.webp`))!
      const meta = await sharp(data).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
      expect(meta.width).toBe(Math.min(w, 900))
      expect(data.includes(Buffer.from('TestCam'))).toBe(false)
    }

    // A draft's image: its editor sees it, nobody else does.
    const file = `/media/${row!.fileKey}-320.webp`
    const asOwner = await client.request(file)
    expect(asOwner.status).toBe(200)
    expect(asOwner.headers.get('content-type')).toBe('image/webp')
    expect(asOwner.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await t.client().request(file)).status).toBe(404)

    await client.get(`/mijn-content/${itemId}/voorbeeld`)
    await client.post(`/mijn-content/${itemId}/publiceren`, {})
    const asVisitor = await t.client().request(file)
    expect(asVisitor.status).toBe(200)
    expect(asVisitor.headers.get('cache-control')).toContain('max-age=31536000')
    expect((await t.client().request('/media/content/..%2F..%2Fsecret-320.webp')).status).toBe(404)
  })

  it('explains a bad file or a missing alt text next to the field', async () => {
    const notImage = await upload(client, new Blob(['dit is geen foto'], { type: 'image/jpeg' }), 'Iets')
    expect(notImage.status).toBe(422)
    expect(notImage.body).toContain('id="image-error"')
    expect(notImage.body).toContain('geen afbeelding die we kunnen lezen')

    const { default: sharp } = await import('sharp')
    const png = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#336699' } }).png().toBuffer()
    const noAlt = await upload(client, new Blob([new Uint8Array(png)], { type: 'image/png' }), '')
    expect(noAlt.status).toBe(422)
    expect(noAlt.body).toContain('id="alt-error"')

    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer()
    const wrongType = await upload(client, new Blob([new Uint8Array(gif)], { type: 'image/gif' }), 'Gif')
    expect(wrongType.status).toBe(422)
    expect(wrongType.body).toContain('Alleen JPEG, PNG of WebP.')
  })
})

describe('images: limits and removal', () => {
  it('takes at most six images per item and removes one on request', async () => {
    const c = await loggedInClient(t, owner)
    const itemId = await create(c, 'news', { title: 'Veel foto’s', publicationDate: '2026-03-02' })
    const { default: sharp } = await import('sharp')
    const send = async (n: number) => {
      await c.get(`/mijn-content/${itemId}/afbeeldingen`)
      const png = await sharp({ create: { width: 50 + n, height: 40, channels: 3, background: '#336699' } }).png().toBuffer()
      const form = new FormData()
      form.set('_csrf', c.csrf!)
      form.set('alt', `Foto ${n}`)
      form.set('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), `foto-${n}.png`)
      const res = await c.request(`/mijn-content/${itemId}/afbeeldingen`, { method: 'POST', body: form, headers: { origin: ORIGIN } })
      return { status: res.status, body: await res.text() }
    }
    for (let n = 1; n <= 6; n++) expect((await send(n)).status).toBe(303)
    const seventh = await send(7)
    expect(seventh.status).toBe(422)
    const rows = await t.deps.db.select({ id: contentImages.id, fileKey: contentImages.fileKey }).from(contentImages).where(eq(contentImages.contentId, itemId))
    expect(rows).toHaveLength(6)
    // A picture narrower than the smallest width is stored once, not enlarged.
    const data = (await t.deps.files.get(`${rows[0]!.fileKey}-320.webp`))!
    expect((await sharp(data).metadata()).width).toBe(51)

    await c.get(`/mijn-content/${itemId}/afbeeldingen`)
    expect((await c.post(`/mijn-content/${itemId}/afbeeldingen/${rows[0]!.id}/verwijderen`, {})).status).toBe(303)
    const [n] = await t.deps.db.select({ n: count() }).from(contentImages).where(eq(contentImages.contentId, itemId))
    expect(n!.n).toBe(5)
    expect(await t.deps.files.get(`${rows[0]!.fileKey}-320.webp`)).toBeNull()
  })
})

describe('occurrence horizon', () => {
  it('is moved along by the daily job for published recurring activities', async () => {
    const c = await loggedInClient(t, owner)
    const start = t.clock.now()
    const day = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10)
    const id = await create(c, 'activity', { title: 'Schaakclub', startDate: day, startTime: '19:30', recurrenceKind: 'weekly' })
    await c.post(`/mijn-content/${id}/publiceren`, {})
    const last = async () => {
      const rows = await t.deps.db.select({ startsAt: activityOccurrences.startsAt }).from(activityOccurrences).where(eq(activityOccurrences.contentId, id))
      return Math.max(...rows.map((r) => r.startsAt.getTime()))
    }
    const before = await last()
    expect(before).toBeLessThanOrEqual(start.getTime() + 365 * 86_400_000)
    t.clock.advance({ days: 30 })
    await t.drain()
    expect(await last()).toBeGreaterThan(before + 27 * 86_400_000)
  })
})

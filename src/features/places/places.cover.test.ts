/**
 * The wijk cover photo through HTTP: a JPEG with EXIF becomes a 5:2 banner in WebP sizes without
 * metadata; the description is required (422 next to the field); only the wijk's own team and
 * admins may change it; removing it deletes its files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, loggedInClient } from '../../../test/factories.js'
import { ORIGIN, type TestClient } from '../../../test/client.js'
import { wijken } from './places.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let jpeg: Buffer

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Lindenhof' })
  wijkB = await buildWijk(t, { name: 'Beukenrode' })
  teamA = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id }))
  const { default: sharp } = await import('sharp')
  // A 1200 × 900 photo: wider than the middle width, narrower than the largest.
  jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' } })
    .toBuffer()
})
afterAll(() => t.stop())

async function upload(c: TestClient, wijkId: number, file: Buffer | null, alt: string) {
  await c.get(`/beheer/wijken/${wijkId}/omslagfoto`)
  const form = new FormData()
  form.set('_csrf', c.csrf ?? '')
  form.set('alt', alt)
  if (file) form.set('cover', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'plein.jpg')
  const res = await c.request(`/beheer/wijken/${wijkId}/omslagfoto`, { method: 'POST', body: form, headers: { origin: ORIGIN } })
  return { status: res.status, body: await res.text(), location: res.headers.get('location') }
}

const coverOf = async (id: number) => (await t.deps.db.select().from(wijken).where(eq(wijken.id, id)))[0]!

describe('wijk cover photo', () => {
  it('invites the team to add one while there is none', async () => {
    const page = await teamA.get(`/beheer/wijken/${wijkA.id}/omslagfoto`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Er is nog geen omslagfoto')
  })

  it('requires a description, next to its field, and a readable image, next to the file', async () => {
    const noAlt = await upload(teamA, wijkA.id, jpeg, '  ')
    expect(noAlt.status).toBe(422)
    expect(noAlt.body).toContain('id="alt-error"')
    // The file itself was fine but cannot be refilled: the page says so.
    expect(noAlt.body).toContain('Kies de foto opnieuw')

    const notImage = await upload(teamA, wijkA.id, Buffer.from('geen foto'), 'Het plein')
    expect(notImage.status).toBe(422)
    expect(notImage.body).toContain('id="cover-error"')
    expect(notImage.body).toContain('geen afbeelding die we kunnen lezen')
    // What was typed stays.
    expect(notImage.body).toContain('value="Het plein"')

    const none = await upload(teamA, wijkA.id, null, 'Het plein')
    expect(none.status).toBe(422)
    expect(none.body).toContain('Kies een foto.')
    expect((await coverOf(wijkA.id)).coverKey).toBeNull()
  })

  it('stores a JPEG with EXIF as 5:2 WebP sizes without metadata, and shows it on the wijk home', async () => {
    const { default: sharp } = await import('sharp')
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()
    const res = await upload(teamA, wijkA.id, jpeg, 'Het Lindeplein met de markt')
    expect(res.status, res.body.slice(0, 300)).toBe(303)
    const row = await coverOf(wijkA.id)
    expect(row).toMatchObject({ coverAlt: 'Het Lindeplein met de markt', coverWidths: [400, 800, 1600], coverWidth: 1200, coverHeight: 480 })
    expect(row.coverKey).toMatch(/^covers\/[a-f0-9]{64}$/)
    for (const w of row.coverWidths!) {
      const data = (await t.deps.files.get(`${row.coverKey}-${w}.webp`))!
      const meta = await sharp(data).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
      expect(meta.width).toBe(Math.min(w, 1200))
      expect(meta.height).toBe(Math.round(Math.min(w, 1200) / 2.5))
      expect(data.includes(Buffer.from('TestCam'))).toBe(false)
    }
    const file = await t.client().request(`/media/${row.coverKey}-400.webp`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/webp')
    expect(file.headers.get('cache-control')).toContain('immutable')
    expect((await t.client().request('/media/covers/..%2Fsecret-400.webp')).status).toBe(404)

    const home = await t.client().get(`/${wijkA.slug}/`)
    expect(home.body).toMatch(new RegExp(`<img[^>]+src="/media/${row.coverKey}-400\\.webp"`))
    expect(home.body).toContain('alt="Het Lindeplein met de markt"')
    expect(home.body).toContain('width="1200" height="480"')
  })

  it('is for the wijk team and admins only: another wijk’s beheerder, a resident and a visitor are refused', async () => {
    const teamB = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))
    expect((await teamB.get(`/beheer/wijken/${wijkA.id}/omslagfoto`)).status).toBe(403)
    expect((await upload(teamB, wijkA.id, jpeg, 'Iets anders')).status).toBe(403)
    expect((await teamB.post(`/beheer/wijken/${wijkA.id}/omslagfoto/verwijderen`, {})).status).toBe(403)
    const resident = await loggedInClient(t, await buildUser(t, { homeWijkId: wijkA.id }))
    expect((await resident.get(`/beheer/wijken/${wijkA.id}/omslagfoto`)).status).toBe(403)
    expect((await t.client().get(`/beheer/wijken/${wijkA.id}/omslagfoto`)).status).toBe(303)
    const ambassadeur = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijkA.id }))
    expect((await ambassadeur.get(`/beheer/wijken/${wijkA.id}/omslagfoto`)).status).toBe(200)
    const admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
    expect((await admin.get(`/beheer/wijken/${wijkB.id}/omslagfoto`)).status).toBe(200)
    expect((await coverOf(wijkA.id)).coverAlt).toBe('Het Lindeplein met de markt')
  })

  it('can be removed, and its files go with it', async () => {
    const before = await coverOf(wijkA.id)
    const res = await teamA.post(`/beheer/wijken/${wijkA.id}/omslagfoto/verwijderen`, {})
    expect(res.status).toBe(303)
    const after = await coverOf(wijkA.id)
    expect(after).toMatchObject({ coverKey: null, coverWidths: null, coverAlt: null })
    expect(await t.deps.files.get(`${before.coverKey}-400.webp`)).toBeNull()
    expect((await t.client().get(`/${wijkA.slug}/`)).body).not.toContain('/media/covers/')
  })
})

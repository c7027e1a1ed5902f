import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq, desc } from 'drizzle-orm'
import sharp from 'sharp'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import { ORIGIN, type TestClient } from '../../../test/client.js'
import { cities, wijken, wijkPostcodes } from '../places/places.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'

let t: TestPlatform
let admin: BuiltUser
let adminClient: TestClient
let cityId: number

beforeAll(async () => {
  t = await createTestPlatform()
  admin = await buildUser(t, { role: 'admin', firstName: 'Ada' })
  adminClient = t.client()
  await login(adminClient, admin)
  const now = t.clock.now()
  const [city] = await t.deps.db.insert(cities).values({ slug: 'zeestad', name: 'Zeestad', createdAt: now, updatedAt: now }).returning()
  cityId = city!.id
})
afterAll(() => t.stop())


/**
 * Posts a multipart form (with files) the way a browser on this site would: after loading a page
 * (every POST path here also answers GET), whose form token it sends along.
 */
async function postMultipart(client: TestClient, path: string, fields: Record<string, string>, files: Record<string, { data: Buffer; name: string; type: string }> = {}) {
  await client.get(path)
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  for (const [k, f] of Object.entries(files)) body.set(k, new File([new Uint8Array(f.data)], f.name, { type: f.type }))
  body.set('_csrf', client.csrf!)
  const res = await client.request(path, { method: 'POST', body, headers: { origin: ORIGIN } })
  const text = await res.text()
  return { status: res.status, location: res.headers.get('location'), body: text }
}

function wijkFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Strandwijk',
    slug: `strandwijk-${Math.random().toString(36).slice(2, 8)}`,
    cityId: String(cityId),
    postcodes: '7501, 7502 7502',
    introNl: 'Aan zee.',
    introEn: 'By the sea.',
    colour: '#0055AA',
    hostName: '',
    // "Meteen lanceren" is ticked on the form, so a browser sends it (places.launch.test.ts leaves it out).
    launch: 'on',
    ...overrides,
  }
}

async function wijkBySlug(slug: string) {
  const [row] = await t.deps.db.select().from(wijken).where(eq(wijken.slug, slug))
  return row
}

describe('dashboard', () => {
  it('shows a platform admin the platform tools', async () => {
    const page = await adminClient.get('/beheer')
    expect(page.status).toBe(200)
    for (const href of ['/beheer/wijken', '/beheer/steden', '/beheer/rollen', '/beheer/documenten']) expect(page.body).toContain(`href="${href}"`)
  })

  it('shows an ambassadeur their own wijk with its site and settings, and no platform tools', async () => {
    const wijk = await buildWijk(t, { name: 'Ambawijk' })
    const amb = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))
    const page = await amb.get('/beheer')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Ambawijk')
    expect(page.body).toContain(`href="/${wijk.slug}/"`)
    expect(page.body).toContain(`href="/beheer/wijken/${wijk.id}"`)
    expect(page.body).not.toContain('href="/beheer/rollen"')
  })

  it('shows a wijkbeheerder their wijk with its dashboard and presentation settings, not the wijkbeheerders', async () => {
    const wijk = await buildWijk(t, { name: 'Helperwijk' })
    const wb = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const page = await wb.get('/beheer')
    expect(page.text).toContain('Helperwijk')
    expect(page.body).toContain(`href="/${wijk.slug}/"`)
    expect(page.body).toContain(`href="/beheer/wijken/${wijk.id}/overzicht"`)
    expect(page.body).toContain(`href="/beheer/wijken/${wijk.id}"`)
    expect(page.body).not.toContain(`href="/beheer/wijken/${wijk.id}/wijkbeheerders"`)
  })

  it('sends a visitor to the login page and refuses a plain user', async () => {
    const visitor = await t.client().get('/beheer')
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen\?volgende=%2Fbeheer/)
    const user = await loggedInClient(t, await buildUser(t))
    expect((await user.get('/beheer')).status).toBe(403)
  })
})

describe('cities', () => {
  it('creates and renames a city, with an audit record for each', async () => {
    await adminClient.get('/beheer/steden/nieuw')
    const created = await adminClient.post('/beheer/steden', { name: 'Duinstad', slug: 'duinstad' })
    expect(created.status).toBe(303)
    const [city] = await t.deps.db.select().from(cities).where(eq(cities.slug, 'duinstad'))
    expect(city?.name).toBe('Duinstad')
    const list = await adminClient.get('/beheer/steden')
    expect(list.text).toContain('Duinstad')

    await adminClient.get(`/beheer/steden/${city!.id}`)
    const updated = await adminClient.post(`/beheer/steden/${city!.id}`, { name: 'Duinstad aan Zee', slug: 'duinstad-aan-zee' })
    expect(updated.status).toBe(303)
    expect((await adminClient.get('/duinstad-aan-zee/')).text).toContain('Duinstad aan Zee')
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, String(city!.id)))
    expect(audits.map((a) => a.action).sort()).toEqual(['city.create', 'city.update'])
    expect(audits.find((a) => a.action === 'city.update')?.details).toEqual({ fields: ['name', 'slug'] })
  })

  for (const slug of ['beheer', 'account', 'privacy', 'agenda']) {
    it(`refuses the reserved slug "${slug}" next to the field`, async () => {
      await adminClient.get('/beheer/steden/nieuw')
      const page = await adminClient.post('/beheer/steden', { name: 'Fout', slug })
      expect(page.status).toBe(422)
      expect(page.body).toMatch(/id="slug-error"[^>]*>[^<]*gereserveerd/)
      expect(page.body).toContain(`value="${slug}"`)
    })
  }

  it('refuses a slug with capitals or spaces', async () => {
    const page = await adminClient.post('/beheer/steden', { name: 'Fout', slug: 'Groot Dorp' })
    expect(page.status).toBe(422)
    expect(page.body).toContain('id="slug-error"')
  })

  it('refuses a city slug that a wijk already uses', async () => {
    const wijk = await buildWijk(t)
    await adminClient.get('/beheer/steden/nieuw')
    const page = await adminClient.post('/beheer/steden', { name: 'Botsing', slug: wijk.slug })
    expect(page.status).toBe(422)
    expect(page.body).toMatch(/id="slug-error"[^>]*>[^<]*al in gebruik/)
  })

  it('is for platform admins only', async () => {
    const wijk = await buildWijk(t)
    for (const opts of [{ role: 'ambassadeur' as const, wijkId: wijk.id }, { role: 'wijkbeheerder' as const, wijkId: wijk.id }, {}]) {
      const client = await loggedInClient(t, await buildUser(t, opts))
      expect((await client.get('/beheer/steden')).status).toBe(403)
      expect((await client.post('/beheer/steden', { name: 'X', slug: 'x-stad' })).status).toBe(403)
    }
    expect((await t.client().get('/beheer/steden/nieuw')).status).toBe(303)
  })
})

describe('wijken', () => {
  it('creates a wijk that is then live at its slug, and audits it', async () => {
    const fields = wijkFields()
    const res = await postMultipart(adminClient, '/beheer/wijken', fields)
    expect(res.status).toBe(303)
    const wijk = await wijkBySlug(fields.slug!)
    expect(wijk).toMatchObject({ name: 'Strandwijk', colour: '#0055aa', introNl: 'Aan zee.', introEn: 'By the sea.', hostName: null, cityId })
    const pcs = await t.deps.db.select().from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, wijk!.id))
    expect(pcs.map((p) => p.pc4).sort()).toEqual(['7501', '7502'])
    expect(res.location).toBe(`/beheer/wijken/${wijk!.id}?melding=flash.beheer.wijkSaved`)
    const home = await t.client().get(`/${fields.slug}/`)
    expect(home.status).toBe(200)
    expect(home.text).toContain('Aan zee.')
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'wijk.create')).orderBy(desc(auditLog.id))
    expect(audit).toMatchObject({ targetId: String(wijk!.id), actorUserId: admin.id })
  })

  it('offers the create form with the cities to choose from', async () => {
    const page = await adminClient.get('/beheer/wijken/nieuw')
    expect(page.status).toBe(200)
    expect(page.body).toContain('enctype="multipart/form-data"')
    expect(page.body).toContain(`<option value="${cityId}"`)
  })

  for (const slug of ['beheer', 'account', 'privacy', 'thema.css', 'zoek-wijk']) {
    it(`refuses the reserved wijk slug "${slug}"`, async () => {
      const res = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ slug }))
      expect(res.status).toBe(422)
      expect(res.body).toContain('id="slug-error"')
      expect(await wijkBySlug(slug)).toBeUndefined()
    })
  }

  it('refuses a wijk slug that a city or another wijk already uses', async () => {
    const asCity = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ slug: 'zeestad' }))
    expect(asCity.status).toBe(422)
    expect(asCity.body).toMatch(/id="slug-error"[^>]*>[^<]*al in gebruik/)
    const other = await buildWijk(t)
    const asWijk = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ slug: other.slug, name: 'Dubbel' }))
    expect(asWijk.status).toBe(422)
    expect(asWijk.body).toContain('id="slug-error"')
    expect(asWijk.body).toContain('value="Dubbel"')
  })

  it('gives one of two simultaneous claims on a slug a field error, never a 500', async () => {
    await adminClient.get('/beheer/wijken/nieuw')
    const slug = `tegelijk-${Math.random().toString(36).slice(2, 8)}`
    const [a, b] = await Promise.all([
      postMultipart(adminClient, '/beheer/wijken', wijkFields({ slug })),
      adminClient.post('/beheer/steden', { name: 'Tegelijk', slug }),
    ])
    expect([a.status, b.status].sort()).toEqual([303, 422])
  })

  for (const postcodes of ['0999', '123', '12345', '74a1', '7411 AB']) {
    it(`refuses the postcode list "${postcodes}" and keeps what was typed`, async () => {
      const res = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ postcodes, name: 'Postcodetest' }))
      expect(res.status).toBe(422)
      expect(res.body).toContain('id="postcodes-error"')
      expect(res.body).toContain(`value="${postcodes}"`)
      expect(res.body).toContain('Postcodetest')
    })
  }

  for (const colour of ['red', '#12345', '#gggggg', 'url(x)', '']) {
    it(`refuses the colour "${colour}"`, async () => {
      const res = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ colour }))
      expect(res.status).toBe(422)
      expect(res.body).toContain('id="colour-error"')
    })
  }

  it('refuses an invalid host name, the platform host, and one another wijk has', async () => {
    for (const hostName of ['https://x.nl', 'localhost', 'x..nl', '1.2.3.4', 'a_b.nl']) {
      const res = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ hostName }))
      expect(res.status, hostName).toBe(422)
      expect(res.body).toContain('id="hostName-error"')
    }
    const first = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ hostName: 'WWW.Kustwijk.test' }))
    expect(first.status).toBe(303)
    const second = await postMultipart(adminClient, '/beheer/wijken', wijkFields({ hostName: 'www.kustwijk.test' }))
    expect(second.status).toBe(422)
    expect(second.body).toMatch(/id="hostName-error"[^>]*>[^<]*andere wijk/)
  })

  it('serves a wijk at its new host name right after saving', async () => {
    const fields = wijkFields({ name: 'Havenhoofd' })
    expect((await postMultipart(adminClient, '/beheer/wijken', fields)).status).toBe(303)
    const wijk = await wijkBySlug(fields.slug!)
    await adminClient.get(`/beheer/wijken/${wijk!.id}`)
    const res = await postMultipart(adminClient, `/beheer/wijken/${wijk!.id}`, { ...fields, hostName: 'havenhoofd.test' })
    expect(res.status).toBe(303)
    const page = await t.client().get('/', { host: 'havenhoofd.test' })
    expect(page.body).toMatch(/<h1>Havenhoofd<\/h1>/)
    // A new slug must not break the host: the host map routes to the slug.
    await postMultipart(adminClient, `/beheer/wijken/${wijk!.id}`, { ...fields, slug: `${fields.slug}-nieuw`, hostName: 'havenhoofd.test' })
    expect((await t.client().get('/', { host: 'havenhoofd.test' })).body).toMatch(/<h1>Havenhoofd<\/h1>/)
  })

  it('edits a wijk: replaces postcodes and audits the changed fields', async () => {
    const fields = wijkFields()
    await postMultipart(adminClient, '/beheer/wijken', fields)
    const wijk = await wijkBySlug(fields.slug!)
    const form = await adminClient.get(`/beheer/wijken/${wijk!.id}`)
    expect(form.body).toContain('value="7501, 7502"')
    const res = await postMultipart(adminClient, `/beheer/wijken/${wijk!.id}`, { ...fields, postcodes: '7600', colour: '#112233' })
    expect(res.status).toBe(303)
    const pcs = await t.deps.db.select().from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, wijk!.id))
    expect(pcs.map((p) => p.pc4)).toEqual(['7600'])
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'wijk.update')).orderBy(desc(auditLog.id))
    expect(audit?.details).toEqual({ fields: ['colour', 'postcodes'] })
  })
})

describe('wijk logos', () => {
  async function imageWithExif(format: 'png' | 'jpeg'): Promise<Buffer> {
    // A colour of its own: logos are stored by content hash, so equal images would share a file.
    const background = { r: Math.floor(Math.random() * 256), g: Math.floor(Math.random() * 256), b: 99 }
    const img = sharp({ create: { width: 800, height: 400, channels: 3, background } }).withExif({
      IFD0: { Artist: 'Geheime Fotograaf', Copyright: 'Privé' },
    })
    const data = format === 'png' ? await img.png().toBuffer() : await img.jpeg().toBuffer()
    expect((await sharp(data).metadata()).exif).toBeDefined()
    return data
  }

  for (const format of ['png', 'jpeg'] as const) {
    it(`stores an uploaded ${format.toUpperCase()} as a small WebP without any metadata`, async () => {
      const fields = wijkFields()
      const res = await postMultipart(adminClient, '/beheer/wijken', fields, { logo: { data: await imageWithExif(format), name: `logo.${format}`, type: `image/${format}` } })
      expect(res.status).toBe(303)
      const wijk = await wijkBySlug(fields.slug!)
      expect(wijk!.logoPath).toMatch(/^logos\/[a-f0-9]{32}\.webp$/)
      const served = await t.app.request(`/media/${wijk!.logoPath}`)
      expect(served.status).toBe(200)
      const stored = Buffer.from(await served.arrayBuffer())
      const meta = await sharp(stored).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(Math.max(meta.width, meta.height)).toBe(256)
      expect(stored.includes(Buffer.from('Geheime Fotograaf'))).toBe(false)
      const home = await t.client().get(`/${fields.slug}/`)
      expect(home.body).toContain(`src="/media/${wijk!.logoPath}"`)
    })
  }

  it('refuses a text file named .png with a message next to the field', async () => {
    const fields = wijkFields({ name: 'Tekstlogo' })
    const res = await postMultipart(adminClient, '/beheer/wijken', fields, { logo: { data: Buffer.from('dit is geen plaatje'), name: 'logo.png', type: 'image/png' } })
    expect(res.status).toBe(422)
    expect(res.body).toMatch(/id="logo-error"[^>]*>[^<]*geen afbeelding/)
    expect(res.body).toContain('value="Tekstlogo"')
    expect(await wijkBySlug(fields.slug!)).toBeUndefined()
  })

  it('refuses a GIF and a file over 2 MB', async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer()
    const asGif = await postMultipart(adminClient, '/beheer/wijken', wijkFields(), { logo: { data: gif, name: 'logo.gif', type: 'image/gif' } })
    expect(asGif.status).toBe(422)
    expect(asGif.body).toMatch(/id="logo-error"[^>]*>[^<]*JPEG-, PNG- of WebP/)
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 1)
    const tooBig = await postMultipart(adminClient, '/beheer/wijken', wijkFields(), { logo: { data: big, name: 'logo.png', type: 'image/png' } })
    expect(tooBig.status).toBe(422)
    expect(tooBig.body).toMatch(/id="logo-error"[^>]*>[^<]*2 MB/)
  })

  it('removes a logo when asked, and deletes the file nobody uses any more', async () => {
    const fields = wijkFields()
    await postMultipart(adminClient, '/beheer/wijken', fields, { logo: { data: await imageWithExif('png'), name: 'l.png', type: 'image/png' } })
    const wijk = await wijkBySlug(fields.slug!)
    const key = wijk!.logoPath!
    await adminClient.get(`/beheer/wijken/${wijk!.id}`)
    const res = await postMultipart(adminClient, `/beheer/wijken/${wijk!.id}`, { ...fields, removeLogo: 'on' })
    expect(res.status).toBe(303)
    expect((await wijkBySlug(fields.slug!))!.logoPath).toBeNull()
    expect(await t.deps.files.get(key)).toBeNull()
  })
})

describe('who may manage wijken', () => {
  it('lets an ambassadeur edit how their own wijk looks, but not its address, and not another wijk', async () => {
    const own = await buildWijk(t, { name: 'Eigenwijk', postcodes: ['7700'] })
    const other = await buildWijk(t)
    const amb = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: own.id }))

    const form = await amb.get(`/beheer/wijken/${own.id}`)
    expect(form.status).toBe(200)
    expect(form.body).not.toContain('name="slug"')
    const res = await postMultipart(amb, `/beheer/wijken/${own.id}`, { name: 'Eigenwijk Nieuw', colour: '#aa0000', introNl: 'Hallo', introEn: '', slug: 'gekaapt', postcodes: '1000', hostName: 'evil.test' })
    expect(res.status).toBe(303)
    const saved = await wijkBySlug(own.slug)
    expect(saved).toMatchObject({ name: 'Eigenwijk Nieuw', colour: '#aa0000', introNl: 'Hallo', hostName: null })
    const pcs = await t.deps.db.select().from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, own.id))
    expect(pcs.map((p) => p.pc4)).toEqual(['7700'])

    expect((await amb.get(`/beheer/wijken/${other.id}`)).status).toBe(403)
    const refused = await postMultipart(amb, `/beheer/wijken/${other.id}`, { name: 'Overname', colour: '#000000' })
    expect(refused.status).toBe(403)
    expect((await t.deps.db.select().from(wijken).where(eq(wijken.id, other.id)))[0]!.name).not.toBe('Overname')
  })

  it('refuses the wijk list and create form to everyone but platform admins', async () => {
    const wijk = await buildWijk(t)
    for (const opts of [{ role: 'ambassadeur' as const, wijkId: wijk.id }, { role: 'wijkbeheerder' as const, wijkId: wijk.id }, {}]) {
      const client = await loggedInClient(t, await buildUser(t, opts))
      expect((await client.get('/beheer/wijken/nieuw')).status).toBe(403)
      expect((await client.get('/beheer/wijken')).status).toBe(403)
      expect((await postMultipart(client, '/beheer/wijken', wijkFields())).status).toBe(403)
    }
    // A wijkbeheerder edits the wijk's presentation, but never its address, city, postcodes or host name.
    const wb = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const settings = await wb.get(`/beheer/wijken/${wijk.id}`)
    expect(settings.status).toBe(200)
    expect(settings.body).not.toContain('name="hostName"')
    expect(settings.body).not.toContain('name="slug"')
    const visitor = await t.client().get('/beheer/wijken/nieuw')
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen/)
  })

  it('answers 404 for a wijk that does not exist', async () => {
    expect((await adminClient.get('/beheer/wijken/999999')).status).toBe(404)
  })
})

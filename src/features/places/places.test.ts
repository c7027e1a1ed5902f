import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq, count, is } from 'drizzle-orm'
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildWijk } from '../../../test/factories.js'
import * as schema from '../../schema.js'
import { wijken } from './places.tables.js'

let t: TestPlatform
let oost: Awaited<ReturnType<typeof buildWijk>>
let west: Awaited<ReturnType<typeof buildWijk>>
let hosted: Awaited<ReturnType<typeof buildWijk>>

beforeAll(async () => {
  t = await createTestPlatform()
  oost = await buildWijk(t, { slug: 'oostpoort', name: 'Oostpoort', citySlug: 'havenstad', postcodes: ['7411', '7412'] })
  west = await buildWijk(t, { slug: 'westwal', name: 'Westwal', citySlug: 'havenstad', postcodes: ['7420', '7421'] })
  await buildWijk(t, { slug: 'noordkamp', name: 'Noordkamp', citySlug: 'dorpveen', postcodes: ['7421'] })
  hosted = await buildWijk(t, { slug: 'eigenhof', name: 'Eigenhof', postcodes: ['8001'], hostName: 'www.eigenhof.test' })
  await t.deps.db
    .update(wijken)
    .set({ introNl: 'Welkom in Oostpoort, waar de haven begint.', introEn: 'Welcome to Oostpoort, where the harbour starts.', colour: '#ffcc00' })
    .where(eq(wijken.id, oost.id))
  await t.hostMap.reload(t.deps.db)
})
afterAll(() => t.stop())

/** Row counts of every table, to prove a request wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue
    const [row] = await t.deps.db.select({ n: count() }).from(value)
    out[getTableConfig(value).name] = row!.n
  }
  return out
}

describe('choosing a wijk', () => {
  it('lists every wijk grouped by city, and the cities', async () => {
    const page = await t.client().get('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('href="/oostpoort/"')
    expect(page.body).toContain('href="/westwal/"')
    expect(page.body).toContain('href="/noordkamp/"')
    expect(page.body).toContain('href="/havenstad/"')
    expect(page.body).toContain('href="/dorpveen/"')
    expect(page.body).toMatch(/<form method="get" action="\/zoek-wijk"/)
  })

  for (const typed of ['7411 AB', '7411ab', '7411', ' 7411  ab ']) {
    it(`sends postcode "${typed}" straight to its only wijk`, async () => {
      const page = await t.client().get(`/zoek-wijk?postcode=${encodeURIComponent(typed)}`)
      expect(page.status).toBe(303)
      expect(page.location).toBe('/oostpoort/')
    })
  }

  it('lets the visitor choose when a postcode area belongs to several wijken', async () => {
    const page = await t.client().get('/zoek-wijk?postcode=7421+XY')
    expect(page.status).toBe(200)
    expect(page.text).toContain('meer dan één wijk')
    expect(page.body).toContain('href="/westwal/"')
    expect(page.body).toContain('href="/noordkamp/"')
    expect(page.body).not.toContain('href="/oostpoort/"')
  })

  it('says so kindly when no wijk covers the postcode, and shows the list', async () => {
    const page = await t.client().get('/zoek-wijk?postcode=9999')
    expect(page.status).toBe(200)
    expect(page.text).toContain('geen wijk voor postcodegebied 9999')
    expect(page.body).toContain('href="/oostpoort/"')
  })

  for (const typed of ['hallo', '0123 AB', '12345', '7411 ABC', '']) {
    it(`refuses "${typed}" with a message next to the field, keeps it, and stores nothing`, async () => {
      const before = await rowCounts()
      const page = await t.client().get(`/zoek-wijk?postcode=${encodeURIComponent(typed)}`)
      expect(page.status).toBe(422)
      expect(page.body).toMatch(/id="postcode-error"/)
      expect(page.body).toContain(`value="${typed}"`)
      expect(page.body).toContain('aria-invalid="true"')
      expect(await rowCounts()).toEqual(before)
    })
  }

  it('stores nothing and sets no cookie for a successful search either', async () => {
    const before = await rowCounts()
    const page = await t.client().get('/zoek-wijk?postcode=7411+AB')
    expect(page.res.headers.getSetCookie()).toEqual([])
    expect(page.res.headers.get('cache-control')).toBe('no-store')
    expect(await rowCounts()).toEqual(before)
  })
})

describe('city page', () => {
  it('lists the wijken of that city only', async () => {
    const page = await t.client().get('/havenstad/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('href="/oostpoort/"')
    expect(page.body).toContain('href="/westwal/"')
    expect(page.body).not.toContain('href="/noordkamp/"')
    expect(page.text).toContain('Welkom in Oostpoort')
    expect(page.body).toContain('<link rel="canonical" href="http://localhost/havenstad/"/>')
  })
})

describe('wijk home', () => {
  it('shows name, intro, postcodes, city and honest empty module sections', async () => {
    const page = await t.client().get('/oostpoort/')
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<h1>Oostpoort<\/h1>/)
    expect(page.text).toContain('Welkom in Oostpoort, waar de haven begint.')
    expect(page.text).toContain('7411, 7412')
    expect(page.body).toContain('href="/havenstad/"')
    for (const section of ['Agenda', 'Prikbord', 'Nieuws']) expect(page.text).toContain(section)
    expect(page.text).toContain('Nog niets gepland.')
    // The wijk bar: every module in a menu, none marked on the home, and the wijk's search.
    const nav = /<nav class="wijk-nav" aria-label="Onderdelen van Oostpoort">([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? ''
    for (const m of ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage']) expect(nav).toContain(`href="/oostpoort/${m}"`)
    expect(nav).toContain('>Organisatiegids</a>')
    expect(nav).not.toContain('aria-current')
    expect(page.body).toMatch(/<form class="wijk-search" method="get" action="\/oostpoort\/zoeken" role="search"/)
    expect(page.body).toContain('<link rel="canonical" href="http://localhost/oostpoort/"/>')
  })

  it('shows the English intro to an English reader', async () => {
    const page = await t.client().get('/oostpoort/', { 'accept-language': 'en' })
    expect(page.text).toContain('Welcome to Oostpoort, where the harbour starts.')
  })

  it('falls back to the Dutch intro when there is no English one', async () => {
    await t.deps.db.update(wijken).set({ introNl: 'Alleen in het Nederlands.', introEn: '' }).where(eq(wijken.id, west.id))
    const page = await t.client().get('/westwal/', { 'accept-language': 'en' })
    expect(page.text).toContain('Alleen in het Nederlands.')
  })

  it('takes its header colour from a cacheable theme stylesheet', async () => {
    const page = await t.client().get('/oostpoort/')
    const href = /<link rel="stylesheet" href="(\/oostpoort\/thema\.css\?v=\d+-[0-9a-f]{8})"/.exec(page.body)?.[1]
    expect(href).toBeDefined()
    expect(page.body).toMatch(/<a class="brand" href="\/oostpoort\/">/)
    const css = await t.app.request(href!)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toContain('text/css')
    expect(css.headers.get('cache-control')).toContain('max-age=31536000')
    // Yellow is light, so the text on it is our ink; as text on white it is darkened to 4.5:1.
    // Havenstad has no theme of its own: nothing imported.
    expect(await css.text()).toMatch(/^:root\{--basis-color-accent-1-bg-default:#ffcc00;--basis-color-accent-1-color-default:#1b1f23;--brand-ink:#[0-9a-f]{6}\}\n@media screen and \(prefers-color-scheme:dark\)\{:root\{--brand-ink:#ffcc00\}\}\n$/)
    const stale = await t.app.request('/oostpoort/thema.css?v=1')
    expect(stale.headers.get('cache-control')).not.toContain('immutable')
  })

  it("dresses the wijken of a city with a theme in that city's theme, by configuration", async () => {
    const themed = await buildWijk(t, { slug: 'bloemhof', name: 'Bloemhof', citySlug: 'bloemdorp' })
    const before = /href="(\/bloemhof\/thema\.css\?v=[^"]+)"/.exec((await t.client().get('/bloemhof/')).body)?.[1]
    const plain = t.config.cityThemes
    t.config.cityThemes = new Map([[themed.citySlug, 'stadsblauw']])
    try {
      // A new page version, so nothing cached from before shows the old link.
      await t.deps.db.update(wijken).set({ colour: '#6b2f8a' }).where(eq(wijken.id, themed.id))
      const page = await t.client().get('/bloemhof/')
      const href = /href="(\/bloemhof\/thema\.css\?v=[^"]+)"/.exec(page.body)?.[1]
      // Another theme is another address, so a browser holding the old stylesheet asks again.
      expect(href).toBeDefined()
      expect(href!.split('-').pop()).not.toBe(before!.split('-').pop())
      const css = await (await t.app.request(href!)).text()
      const theme = /^@import url\("(\/static\/theme-stadsblauw\.[0-9a-f]{10}\.css)"\);\n/.exec(css)?.[1]
      expect(theme).toBeDefined()
      // The wijk's own colour comes after the theme, so it stays the wijk's accent.
      expect(css).toMatch(/:root\{--basis-color-accent-1-bg-default:#6b2f8a;--basis-color-accent-1-color-default:#ffffff;--brand-ink:#[0-9a-f]{6}\}\n/)
      const file = await t.app.request(theme!)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toContain('text/css')
      expect(file.headers.get('cache-control')).toContain('immutable')
      expect(await file.text()).toContain('--wc-page-header-background-color')
      // A wijk of another city wears none.
      expect(await (await t.app.request('/oostpoort/thema.css')).text()).not.toContain('@import')
    } finally {
      t.config.cityThemes = plain
    }
  })

  it('moves /<slug> to /<slug>/ for good', async () => {
    const page = await t.client().get('/oostpoort')
    expect(page.status).toBe(301)
    expect(page.location).toBe('/oostpoort/')
  })

  it('answers 404 for an unknown slug, with or without slash, and for its theme', async () => {
    expect((await t.client().get('/bestaat-niet')).status).toBe(404)
    expect((await t.client().get('/bestaat-niet/')).status).toBe(404)
    expect((await t.client().get('/Oostpoort/')).status).toBe(404)
    expect((await t.client().get('/bestaat-niet/thema.css')).status).toBe(404)
  })
})

describe('a wijk on its own host name', () => {
  const host = { host: 'www.eigenhof.test' }

  it('serves the wijk home at / with links that omit the slug', async () => {
    const page = await t.client().get('/', host)
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<h1>Eigenhof<\/h1>/)
    expect(page.body).toMatch(/<a class="brand" href="\/">/)
    expect(page.body).toMatch(/<link rel="stylesheet" href="\/thema\.css\?v=\d+-[0-9a-f]{8}"/)
    expect(page.body).not.toContain('/eigenhof/')
    // The city page lives on the platform, not on this host.
    expect(page.body).toContain(`href="http://localhost/${hosted.citySlug}/"`)
  })

  it('serves the theme stylesheet at the root as well', async () => {
    const res = await t.app.request('/thema.css', { headers: host })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('--basis-color-accent-1-bg-default:#1d6b4f')
  })

  it('keeps platform pages at their own paths', async () => {
    const page = await t.client().get('/contact', host)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Contact')
  })

  it('leaves the platform host untouched', async () => {
    const page = await t.client().get('/')
    expect(page.text).toContain('Kies je wijk')
  })
})

describe('logos', () => {
  it('serves a stored logo of a launched wijk as WebP with nosniff and a long cache', async () => {
    const key = 'logos/0123456789abcdef0123456789abcdef.webp'
    await t.deps.files.put(key, Buffer.from('RIFF fake webp'))
    await t.deps.db.update(wijken).set({ logoPath: key }).where(eq(wijken.id, west.id))
    const res = await t.app.request(`/media/${key}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toContain('immutable')
  })

  it('answers 404 for a missing logo or a name that is not a logo key', async () => {
    expect((await t.app.request('/media/logos/ffffffffffffffffffffffffffffffff.webp')).status).toBe(404)
    expect((await t.app.request('/media/logos/..%2F..%2Fpgdata.webp')).status).toBe(404)
    expect((await t.app.request('/media/logos/abc.png')).status).toBe(404)
  })
})

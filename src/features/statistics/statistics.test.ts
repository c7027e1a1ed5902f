/**
 * P15, P16: page views are counted first-party as daily aggregates — per day, wijk, path,
 * referring site, browser family and language — and nothing that identifies a visitor is kept.
 * The dashboards show them to admins (every site) and to a wijk's team (that wijk only).
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest'
import { asc } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { pageViewsDaily } from './statistics.tables.js'
import { statisticsRetentionRules } from './statistics.retention.js'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0 Kwartelkoning/7.3'
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36'
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

let t: TestPlatform
let a: Awaited<ReturnType<typeof buildWijk>>
let b: Awaited<ReturnType<typeof buildWijk>>
let hosted: Awaited<ReturnType<typeof buildWijk>>
let admin: BuiltUser
let beheerderA: BuiltUser
let ambassadeurA: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform({ TRUST_PROXY: '1' })
  a = await buildWijk(t, { slug: 'oostpoort', name: 'Oostpoort' })
  b = await buildWijk(t, { slug: 'westwal', name: 'Westwal' })
  hosted = await buildWijk(t, { slug: 'eigenhof', name: 'Eigenhof', hostName: 'www.eigenhof.test' })
  await t.hostMap.reload(t.deps.db)
  admin = await buildUser(t, { role: 'admin' })
  beheerderA = await buildUser(t, { role: 'wijkbeheerder', wijkId: a.id })
  ambassadeurA = await buildUser(t, { role: 'ambassadeur', wijkId: a.id })
})
afterAll(() => t.stop())

/** Starts each test from an empty statistics table (whatever earlier tests counted is written first). */
beforeEach(async () => {
  await t.stats.flush()
  await t.deps.db.delete(pageViewsDaily)
})

function browser(ua: string, extra: Record<string, string> = {}): TestClient {
  const client = t.client()
  client.headers = { 'user-agent': ua, ...extra }
  return client
}

async function rows() {
  await t.stats.flush()
  return t.deps.db
    .select()
    .from(pageViewsDaily)
    .orderBy(asc(pageViewsDaily.day), asc(pageViewsDaily.wijkId), asc(pageViewsDaily.path), asc(pageViewsDaily.referrer), asc(pageViewsDaily.browser), asc(pageViewsDaily.lang))
}


describe('counting page views (P16)', () => {
  it('counts views per day, wijk, path, referring site, browser family and language once flushed (P16)', async () => {
    const firefox = browser(FIREFOX, { referer: 'https://www.buurtkrant.example/artikel/12?utm_source=x' })
    expect((await firefox.get('/oostpoort/')).status).toBe(200)
    // The second answer comes from the page cache, and counts too.
    const cached = await firefox.get('/oostpoort/')
    expect(cached.res.headers.get('x-page-cache')).toBe('hit')
    const chrome = browser(CHROME, { 'accept-language': 'en-GB,en;q=0.9', referer: 'http://localhost/oostpoort/' })
    expect((await chrome.get('/oostpoort/agenda')).status).toBe(200)
    expect((await browser(SAFARI).get('/')).status).toBe(200)
    expect((await browser(SAFARI).get('/westwal/')).status).toBe(200)
    // A wijk on its own host name: counted for that wijk, under the same path as on the platform.
    expect((await browser(FIREFOX, { host: 'www.eigenhof.test', referer: 'https://www.eigenhof.test/agenda' }).get('/')).status).toBe(200)
    expect(t.stats.pending).toBeGreaterThan(0)
    // Nothing is written per request: only a flush writes.
    expect(await t.deps.db.select().from(pageViewsDaily)).toEqual([])

    const day = '2026-03-02'
    expect((await rows()).map((r) => ({ ...r }))).toEqual([
      { day, wijkId: 0, path: '/', referrer: '', browser: 'Safari', lang: 'nl', views: 1 },
      { day, wijkId: a.id, path: '/oostpoort/', referrer: 'www.buurtkrant.example', browser: 'Firefox', lang: 'nl', views: 2 },
      { day, wijkId: a.id, path: '/oostpoort/agenda', referrer: '', browser: 'Chrome', lang: 'en', views: 1 },
      { day, wijkId: b.id, path: '/westwal/', referrer: '', browser: 'Safari', lang: 'nl', views: 1 },
      { day, wijkId: hosted.id, path: '/eigenhof/', referrer: '', browser: 'Firefox', lang: 'nl', views: 1 },
    ])
    expect(t.stats.pending).toBe(0)
  })

  it('adds later views to the same row, and starts a new row on the next Amsterdam day (P16)', async () => {
    const visitor = browser(CHROME)
    await visitor.get('/westwal/')
    await rows()
    await visitor.get('/westwal/')
    await visitor.get('/westwal/')
    expect((await rows()).map((r) => [r.day, r.views])).toEqual([['2026-03-02', 3]])
    // 23:30 UTC on 2 March is 00:30 on 3 March in Amsterdam.
    t.clock.set('2026-03-02T23:30:00Z')
    try {
      await visitor.get('/westwal/')
      expect((await rows()).map((r) => [r.day, r.views])).toEqual([
        ['2026-03-02', 3],
        ['2026-03-03', 1],
      ])
    } finally {
      t.clock.set('2026-03-02T09:00:00Z')
    }
  })

  it('never stores or logs the query string, IP address or user agent, and sets no cookie (P15, P16)', async () => {
    const visitor = browser(FIREFOX, { 'x-forwarded-for': '203.0.113.77', 'x-real-ip': '198.51.100.23', referer: 'https://198.51.100.99/pagina' })
    const page = await visitor.get('/oostpoort/zoeken?q=geheimzinnige-zoekterm')
    expect(page.status).toBe(200)
    expect(page.res.headers.getSetCookie()).toEqual([])
    expect((await visitor.get('/westwal/agenda?week=2026-W10&spoor=zeldzaam-kenmerk')).status).toBe(200)
    const stored = await rows()
    expect(stored.map((r) => r.path).sort()).toEqual(['/oostpoort/zoeken', '/westwal/agenda'])
    // Every text column of every row, and the log.
    const text = JSON.stringify(stored) + t.logs()
    for (const secret of ['geheimzinnige', 'zeldzaam', '203.0.113.77', '198.51.100.23', '198.51.100.99', 'Kwartelkoning', FIREFOX, 'Gecko', 'X11']) {
      expect(text).not.toContain(secret)
    }
    // An IP address as referring site is dropped too.
    expect(stored.every((r) => r.referrer === '')).toBe(true)
  })

  it('does not count robots, link previews, prefetches, feeds, errors, personal areas or beheer pages (P16)', async () => {
    const admins = await loggedInClient(t, admin)
    admins.headers['user-agent'] = FIREFOX
    expect((await admins.get('/beheer')).status).toBe(200)
    expect((await admins.get('/beheer/statistieken')).status).toBe(200)
    expect((await admins.get('/mijn-gegevens')).status).toBe(200)
    expect((await browser(FIREFOX).get('/account/inloggen')).status).toBe(200)
    expect((await browser('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)').get('/oostpoort/')).status).toBe(200)
    expect((await browser('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)').get('/oostpoort/')).status).toBe(200)
    expect((await browser('Mozilla/5.0 (compatible; SemrushCrawler)').get('/oostpoort/')).status).toBe(200)
    expect((await t.client().get('/oostpoort/')).status).toBe(200)
    expect((await browser(CHROME, { 'sec-purpose': 'prefetch;prerender' }).get('/oostpoort/')).status).toBe(200)
    expect((await browser(FIREFOX, { purpose: 'prefetch' }).get('/oostpoort/')).status).toBe(200)
    expect((await browser(FIREFOX).get('/oostpoort/nieuws.rss')).status).toBe(200)
    expect((await browser(FIREFOX).get('/bestaat-niet/')).status).toBe(404)
    expect((await browser(FIREFOX).get('/zoek-wijk?postcode=1234')).status).toBe(200)
    // The last one is a public page: the control that counting works at all here.
    expect((await rows()).map((r) => r.path)).toEqual(['/zoek-wijk'])
  })

  it('folds a flood of different paths into one row once the key limit is reached', async () => {
    const { PageViewCounter, OVERFLOW_PATH } = await import('./statistics.counter.js')
    const counter = new PageViewCounter(t.deps.db, t.deps.log, { maxKeys: 3 })
    for (let i = 0; i < 10; i++) counter.record({ day: '2026-03-02', site: 'oostpoort', path: `/oostpoort/p${i}`, referrer: '', browser: 'Firefox', lang: 'nl' })
    expect(counter.pending).toBe(4)
    await counter.flush()
    const stored = await t.deps.db.select().from(pageViewsDaily).orderBy(asc(pageViewsDaily.path))
    expect(stored.map((r) => [r.wijkId, r.path, r.views])).toEqual([
      [a.id, OVERFLOW_PATH, 7],
      [a.id, '/oostpoort/p0', 1],
      [a.id, '/oostpoort/p1', 1],
      [a.id, '/oostpoort/p2', 1],
    ])
  })
})

async function seedViews() {
  await t.deps.db.insert(pageViewsDaily).values([
    { day: '2026-03-02', wijkId: a.id, path: '/oostpoort/', referrer: 'www.buurtkrant.example', browser: 'Firefox', lang: 'nl', views: 12 },
    { day: '2026-03-01', wijkId: a.id, path: '/oostpoort/agenda', referrer: '', browser: 'Chrome', lang: 'en', views: 5 },
    { day: '2026-01-10', wijkId: a.id, path: '/oostpoort/nieuws', referrer: '', browser: 'other', lang: 'nl', views: 4 },
    { day: '2026-03-02', wijkId: b.id, path: '/westwal/', referrer: 'zoeken.example', browser: 'Safari', lang: 'nl', views: 7 },
    { day: '2026-03-02', wijkId: 0, path: '/privacy', referrer: '', browser: 'Edge', lang: 'nl', views: 3 },
  ])
}

describe('statistics dashboards', () => {
  it('shows a wijk team its own wijk, and refuses other wijken and the all-sites page (P16)', async () => {
    await seedViews()
    const beheerder = await loggedInClient(t, beheerderA)
    const home = await beheerder.get('/beheer')
    expect(home.body).toContain(`href="/beheer/wijken/${a.id}/statistieken"`)
    expect(home.body).not.toContain('href="/beheer/statistieken"')

    const own = await beheerder.get(`/beheer/wijken/${a.id}/statistieken`)
    expect(own.status).toBe(200)
    expect(own.text).toContain('Statistieken van Oostpoort')
    expect(own.text).toContain('17 weergaven')
    expect(own.body).toContain('/oostpoort/agenda')
    expect(own.body).not.toContain('/westwal/')
    expect(own.body).not.toContain('/privacy<')

    for (const url of [`/beheer/wijken/${b.id}/statistieken`, `/beheer/wijken/${b.id}/statistieken.csv`, '/beheer/statistieken', '/beheer/statistieken.csv?periode=7']) {
      expect((await beheerder.get(url)).status, url).toBe(403)
    }
    const ambassadeur = await loggedInClient(t, ambassadeurA)
    expect((await ambassadeur.get(`/beheer/wijken/${a.id}/statistieken`)).status).toBe(200)
    expect((await ambassadeur.get(`/beheer/wijken/${b.id}/statistieken`)).status).toBe(403)
    const resident = await loggedInClient(t, await buildUser(t))
    expect((await resident.get(`/beheer/wijken/${a.id}/statistieken`)).status).toBe(403)
    const anonymous = await t.client().get('/beheer/statistieken')
    expect(anonymous.status).toBe(303)
    expect(anonymous.location).toMatch(/^\/account\/inloggen/)
  })

  it('shows admins every site with a wijk filter and a period, as accessible SVG charts with tables (P16)', async () => {
    await seedViews()
    const admins = await loggedInClient(t, admin)
    const all = await admins.get('/beheer/statistieken')
    expect(all.status).toBe(200)
    expect(all.text).toContain('27 weergaven')
    expect(all.body).toContain('<svg')
    expect(all.body.match(/role="img"/g)?.length).toBe(5)
    expect(all.body).toContain('<title id="chart-days-title">Weergaven per dag</title>')
    expect(all.body).toMatch(/<desc id="chart-days-desc">Staafdiagram van 30 dagen/)
    expect(all.body).toContain('aria-labelledby="chart-pages-title chart-pages-desc"')
    expect(all.text).toContain('www.buurtkrant.example')
    expect(all.text).toContain('Engels')
    expect(all.body).toContain('<details class="chart-table">')

    const onlyB = await admins.get(`/beheer/statistieken?periode=7&wijk=${b.id}`)
    expect(onlyB.text).toContain('7 weergaven')
    expect(onlyB.body).not.toContain('/oostpoort/')
    expect(onlyB.body).toContain(`href="/beheer/statistieken.csv?periode=7&amp;wijk=${b.id}"`)
    const platform = await admins.get('/beheer/statistieken?wijk=0')
    expect(platform.text).toContain('3 weergaven')
    // 90 days reaches back to 10 January.
    const long = await admins.get(`/beheer/wijken/${a.id}/statistieken?periode=90`)
    expect(long.text).toContain('21 weergaven')
    expect(long.body).toContain('/oostpoort/nieuws')
    expect((await admins.get(`/beheer/wijken/999999/statistieken`)).status).toBe(404)
  })

  it('answers a bad filter with a message next to the field, never a 500', async () => {
    const admins = await loggedInClient(t, admin)
    for (const query of ['periode=12', 'periode=abc', 'wijk=x', 'wijk=999999', 'periode=-7', 'wijk=1e3']) {
      const page = await admins.get(`/beheer/statistieken?${query}`)
      expect(page.status, query).toBe(422)
      expect(page.body).toContain('class="error-summary"')
    }
    const wijkPage = await admins.get(`/beheer/wijken/${a.id}/statistieken?periode=8`)
    expect(wijkPage.status).toBe(422)
    expect(wijkPage.text).toContain('Kies een periode van 7, 30 of 90 dagen.')
  })

  it('downloads the same filter as CSV (P16)', async () => {
    await seedViews()
    const admins = await loggedInClient(t, admin)
    const csv = await admins.get(`/beheer/statistieken.csv?periode=90`)
    expect(csv.status).toBe(200)
    expect(csv.res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.res.headers.get('content-disposition')).toBe('attachment; filename="statistieken-alle-2025-12-03-2026-03-02.csv"')
    expect(csv.body).toBe(
      [
        'day,wijk,path,referrer,browser,lang,views',
        '2026-01-10,oostpoort,/oostpoort/nieuws,,other,nl,4',
        '2026-03-01,oostpoort,/oostpoort/agenda,,Chrome,en,5',
        '2026-03-02,,/privacy,,Edge,nl,3',
        '2026-03-02,oostpoort,/oostpoort/,www.buurtkrant.example,Firefox,nl,12',
        '2026-03-02,westwal,/westwal/,zoeken.example,Safari,nl,7',
        '',
      ].join('\r\n'),
    )
    const beheerder = await loggedInClient(t, beheerderA)
    const own = await beheerder.get(`/beheer/wijken/${a.id}/statistieken.csv?periode=7`)
    expect(own.res.headers.get('content-disposition')).toBe('attachment; filename="statistieken-oostpoort-2026-02-24-2026-03-02.csv"')
    expect(own.body.split('\r\n')).toEqual([
      'day,wijk,path,referrer,browser,lang,views',
      '2026-03-01,oostpoort,/oostpoort/agenda,,Chrome,en,5',
      '2026-03-02,oostpoort,/oostpoort/,www.buurtkrant.example,Firefox,nl,12',
      '',
    ])
  })

  it('quotes CSV cells and disarms anything a spreadsheet would run as a formula', async () => {
    const { statsCsv } = await import('./statistics.csv.js')
    const out = statsCsv([{ day: '2026-03-02', wijkId: 0, wijkSlug: null, path: '/a,"b"', referrer: '=cmd', browser: 'other', lang: 'nl', views: 1 }])
    expect(out).toBe('day,wijk,path,referrer,browser,lang,views\r\n2026-03-02,,"/a,""b""",\'=cmd,other,nl,1\r\n')
  })
})

describe('statistics retention', () => {
  it('deletes daily aggregates older than 25 months and keeps the rest (P16)', async () => {
    await t.deps.db.insert(pageViewsDaily).values([
      { day: '2024-02-01', wijkId: a.id, path: '/oostpoort/', referrer: '', browser: 'Firefox', lang: 'nl', views: 1 },
      { day: '2024-02-02', wijkId: a.id, path: '/oostpoort/', referrer: '', browser: 'Firefox', lang: 'nl', views: 1 },
      { day: '2026-03-01', wijkId: a.id, path: '/oostpoort/', referrer: '', browser: 'Firefox', lang: 'nl', views: 1 },
    ])
    const removed = await runRetentionRule(t.deps, statisticsRetentionRules[0]!)
    expect(removed).toBe(1)
    expect((await rows()).map((r) => r.day)).toEqual(['2024-02-02', '2026-03-01'])
  })
})

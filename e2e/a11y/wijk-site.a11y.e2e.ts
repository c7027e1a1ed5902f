/**
 * Every page type of the public wijk site in Chromium with axe-core (WCAG 2.1 A and AA): module
 * lists, the Agenda with filters, as a month calendar and one day, item pages of each type, the
 * print view, wijk home, city page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, axeViolations, type BrowserRig } from '../browser.js'
import { buildWijk } from '../../test/factories.js'
import { activityOccurrences, contentItems, contentThemes, contentImages } from '../../src/features/content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../../src/features/content/content.themes.js'
import { itemPath } from '../../src/features/content/content.urls.js'
import { dayKey, monthOf } from '../../src/features/wijk-site/wijk-site.dates.js'

const run = browserAvailable()
let rig: BrowserRig
const paths: string[] = []

beforeAll(async () => {
  if (!run) return
  rig = await startBrowserRig()
  const { t } = rig
  const db = t.deps.db
  const now = t.clock.now()
  const wijk = await buildWijk(t, { slug: 'toegankelijk', name: 'Toegankelijk', citySlug: 'toegankelijkstad' })
  await ensureDefaultThemes(db, wijk.id)
  const [theme] = await listThemes(db, wijk.id)
  const base = { wijkId: wijk.id, status: 'published' as const, createdAt: now, updatedAt: now, publishedAt: now, contactName: 'Ria', contactNamePublic: true, contactPhone: '010 123 4567', contactPhonePublic: true }
  const rows = await db
    .insert(contentItems)
    .values([
      { ...base, type: 'organisation', title: 'Buurthuis', slug: 'buurthuis', summary: 'Een plek voor iedereen.', body: '## Over ons\n\nWelkom.', openingHours: 'ma-vr 9-17', website: 'https://example.org' },
      { ...base, type: 'activity', title: 'Koffieochtend', slug: 'koffieochtend', summary: 'Koffie met buren.', startsAt: new Date(now.getTime() + 3_600_000), endsAt: new Date(now.getTime() + 7_200_000), locationText: 'Dorpsstraat 1' },
      { ...base, type: 'request', title: 'Hulp gezocht', slug: 'hulp-gezocht', summary: 'Wie kan helpen?', category: 'Klussen', expiresAt: new Date(now.getTime() + 20 * 86_400_000) },
      { ...base, type: 'offer', title: 'Ik kan oppassen', slug: 'ik-kan-oppassen', summary: 'Oppas aangeboden.', category: 'Kinderen' },
      { ...base, type: 'news', title: 'Nieuwe speeltuin', slug: 'nieuwe-speeltuin', summary: 'Open vanaf zaterdag.' },
      { ...base, type: 'showcase', title: 'Verse taart', slug: 'verse-taart', summary: 'Elke dag vers.', priceCents: 450 },
    ])
    .returning({ id: contentItems.id, type: contentItems.type, slug: contentItems.slug })
  const activity = rows.find((r) => r.type === 'activity')!
  await db.insert(activityOccurrences).values({ contentId: activity.id, wijkId: wijk.id, startsAt: new Date(now.getTime() + 3_600_000), endsAt: new Date(now.getTime() + 7_200_000) })
  await db.insert(contentThemes).values({ contentId: activity.id, themeId: theme!.id })
  await db.insert(contentImages).values({ contentId: rows[0]!.id, fileKey: 'content/x', widths: [320, 640], width: 640, height: 480, alt: 'Het buurthuis', createdAt: now })
  for (const row of rows) paths.push(itemPath(wijk.slug, row))
  paths.push(
    '/toegankelijk/',
    '/toegankelijkstad/',
    '/toegankelijk/agenda',
    `/toegankelijk/agenda?thema=${theme!.slug}&wanneer=deze-week`,
    '/toegankelijk/agenda?maand=2026-01',
    `/toegankelijk/agenda?maand=${monthOf(now)}`,
    `/toegankelijk/agenda?dag=${dayKey(now)}`,
    '/toegankelijk/agenda?dag=2026-01-01',
    '/toegankelijk/agenda/afdrukken',
    `/toegankelijk/agenda/abonneren?thema=${theme!.slug}`,
    '/toegankelijk/organisaties',
    '/toegankelijk/prikbord?soort=vraag',
    '/toegankelijk/nieuws',
    '/toegankelijk/etalage',
  )
}, 60_000)
afterAll(async () => {
  if (run) await rig.stop()
})

describe.runIf(run)('wijk site accessibility', () => {
  it('finds no axe violations on any public page type', async () => {
    const failures: string[] = []
    // One visitor walks the pages: the public site sets no cookie that could carry one page into the next.
    const page = await rig.newPage()
    for (const path of paths) {
      const res = await page.goto(rig.baseUrl + path)
      if (res?.status() !== 200) failures.push(`${path}: status ${res?.status()}`)
      for (const v of await axeViolations(page)) failures.push(`${path}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }
    expect(await page.context().cookies(), 'the public site set a cookie').toEqual([])
    expect(failures).toEqual([])
  }, 120_000)
})

/**
 * The wijk bar on every wijk page (modules with the current one marked, search), "deze week" on
 * the wijk home, and what every empty list invites you to do next.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, loggedInClient } from '../../../test/factories.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { activityOccurrences } from '../content/content.tables.js'

let t: TestPlatform
let busy: { id: number; slug: string }
let empty: { id: number; slug: string }
let koffie: { id: number; slug: string }

/** The wijk bar's menu of a page, or '' when it has none. */
const navOf = (body: string) => /<nav class="wijk-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? ''

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  t = await createTestPlatform()
  busy = await buildWijk(t, { name: 'Drukke Hoek' })
  empty = await buildWijk(t, { name: 'Stille Hoek' })
  koffie = await buildItem(t, { wijkId: busy.id, type: 'activity', title: 'Koffie op woensdag', startsAt: new Date('2026-03-04T09:00:00Z') })
  await t.deps.db.insert(activityOccurrences).values({ contentId: koffie.id, wijkId: busy.id, startsAt: new Date('2026-03-04T09:00:00Z'), endsAt: null })
  const later = await buildItem(t, { wijkId: busy.id, type: 'activity', title: 'Lentefeest in april', startsAt: new Date('2026-04-10T09:00:00Z') })
  await t.deps.db.insert(activityOccurrences).values({ contentId: later.id, wijkId: busy.id, startsAt: new Date('2026-04-10T09:00:00Z'), endsAt: null })
})
afterAll(() => t.stop())

describe('the wijk bar', () => {
  it('is on the home, every module list and item pages, with the current module marked', async () => {
    const home = await t.client().get(`/${busy.slug}/`)
    expect(navOf(home.body)).toContain(`href="/${busy.slug}/organisaties">Organisatiegids</a>`)
    expect(navOf(home.body)).not.toContain('aria-current')
    expect(home.body).toContain(`action="/${busy.slug}/zoeken"`)

    for (const m of ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage']) {
      const page = await t.client().get(`/${busy.slug}/${m}`)
      expect(page.status).toBe(200)
      expect(navOf(page.body)).toContain(`<a href="/${busy.slug}/${m}" aria-current="page">`)
      expect(navOf(page.body).match(/aria-current/g)).toHaveLength(1)
      expect(page.body.match(/class="wijk-nav"/g)).toHaveLength(1)
      expect(page.body).toContain('class="wijk-search"')
      // The old per-page module links are gone, not hidden.
      expect(page.body).not.toContain('module-nav')
    }

    const item = await t.client().get(`/${busy.slug}/agenda/${koffie.id}-${koffie.slug}`)
    expect(item.status).toBe(200)
    // Inside the Agenda, not the Agenda page itself.
    expect(navOf(item.body)).toContain(`<a href="/${busy.slug}/agenda" aria-current="true">`)
  })

  it('leaves its search box out on the search page, which is one', async () => {
    const page = await t.client().get(`/${busy.slug}/zoeken?q=koffie`)
    expect(page.body).toContain('class="wijk-nav"')
    expect(page.body).not.toContain('class="wijk-search"')
    expect(page.body.match(/role="search"/g)).toHaveLength(1)
  })
})

describe('deze week on the wijk home', () => {
  it('shows this week’s activities at a glance, and not later ones', async () => {
    const home = await t.client().get(`/${busy.slug}/`)
    const week = /<section class="this-week"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? ''
    expect(week).toContain('Deze week')
    expect(week).toContain('Koffie op woensdag')
    expect(week).not.toContain('Lentefeest')
    expect(week).toContain(`href="/${busy.slug}/agenda?wanneer=deze-week"`)
  })

  it('invites you to put something in the agenda when nothing is planned', async () => {
    const home = await t.client().get(`/${empty.slug}/`)
    const week = /<section class="this-week"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? ''
    expect(week).toContain('Deze week staat er nog niets in de agenda.')
    expect(week).toContain(`href="/mijn-content/nieuw?type=activity&amp;wijk=${empty.id}"`)
  })
})

describe('empty states', () => {
  it('a wijk without news invites residents to write the first item, with a link', async () => {
    const page = await t.client().get(`/${empty.slug}/nieuws`)
    expect(page.text).toContain('Er is (nog) geen nieuws.')
    expect(page.body).toContain(`<a href="/mijn-content/nieuw?type=news&amp;wijk=${empty.id}">Weet je iets wat de buren moeten weten? Schrijf het eerste bericht</a>`)
    expect(page.text).not.toContain('Als wijkteam')
  })

  it('and tells its own team they can post it themselves', async () => {
    const team = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: empty.id }))
    const page = await team.get(`/${empty.slug}/nieuws`)
    expect(page.text).toContain('Als wijkteam kun je het eerste bericht plaatsen')
    const other = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: busy.id }))
    expect((await other.get(`/${empty.slug}/nieuws`)).text).not.toContain('Als wijkteam')
  })

  it('every module list says what to do next', async () => {
    const next: Record<string, string> = {
      agenda: 'type=activity',
      organisaties: 'type=organisation',
      prikbord: `nieuw?wijk=${empty.id}`,
      etalage: 'type=showcase',
    }
    for (const [m, href] of Object.entries(next)) {
      const page = await t.client().get(`/${empty.slug}/${m}`)
      const state = /<div class="notice info empty-state">([\s\S]*?)<\/div>/.exec(page.body)?.[1] ?? ''
      expect(state, m).toContain('/mijn-content/nieuw')
      expect(state, m).toContain(href)
    }
  })

  it('an empty home block links to posting the first item', async () => {
    const home = await t.client().get(`/${empty.slug}/`)
    expect(home.text).toContain('Nog geen nieuws.')
    expect(home.body).toContain(`href="/mijn-content/nieuw?type=news&amp;wijk=${empty.id}"`)
    expect(home.body).toContain(`href="/mijn-content/nieuw?wijk=${empty.id}"`)
  })

  it('a filter that finds nothing offers to show everything', async () => {
    const page = await t.client().get(`/${busy.slug}/prikbord?soort=vraag`)
    expect(page.text).toContain('Met dit filter is er niets gevonden.')
    expect(page.body).toContain(`<a href="/${busy.slug}/prikbord">Toon alles, zonder filter</a>`)
  })

  it('a search without results suggests what to try', async () => {
    const page = await t.client().get(`/${busy.slug}/zoeken?q=olifantenparade`)
    expect(page.text).toContain('Niets gevonden')
    expect(page.text).toContain('Probeer een ander of korter woord')
  })
})

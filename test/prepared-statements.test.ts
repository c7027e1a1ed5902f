/**
 * Statements are parsed once per database session and, where their plan does not depend on the
 * values, planned once: on PostgreSQL through node-postgres' named statements, on PGlite through
 * its own thread (pglite-worker.mjs). Each test runs in one session (PGlite has only one; on
 * PostgreSQL a pool of one connection), where pg_prepared_statements shows what it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql, type SQL } from 'drizzle-orm'
import { openPglite, openPostgres, type Database, type Db } from '../src/kernel/db/client.js'
import { builtOnceRunner, prepareWithConstants } from '../src/kernel/db/prepared.js'
import { instantPlaceholder } from '../src/kernel/db/instant.js'
import { systemClock } from '../src/kernel/clock.js'
import { wijken } from '../src/features/places/places.tables.js'
import { accountEntitlements } from '../src/features/billing/billing.entitlements.queries.js'
import { activitiesAt, homeLists, imagesOf, listItems, listOccurrences, nextOccurrences, themesOfItems } from '../src/features/wijk-site/wijk-site.queries.js'
import { findPublicItem } from '../src/features/content/content.public.js'
import { activityOccurrences, contentImages, contentItems, contentThemes, wijkThemes } from '../src/features/content/content.tables.js'
import { buildWijk } from './factories.js'
import { openTestDatabase, testEngine } from './db.js'

let database: Database
/** The one session the tests look into. */
let session: Database
let db: Db

beforeAll(async () => {
  database = await openTestDatabase()
  session = database.engine === 'postgres' ? openPostgres(database.url!, 1) : database
  db = session.db
})
afterAll(async () => {
  if (session !== database) await session.close()
  await database.close()
})

interface Held {
  name: string
  statement: string
  generic_plans: number
  custom_plans: number
}

/** The rows of a statement, read as both drivers return them. */
async function rows(query: SQL): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as { rows: Record<string, unknown>[] }).rows
}

/** The statements the session holds, but for this question itself. */
async function held(): Promise<Held[]> {
  const all = (await rows(sql`select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements`)) as unknown as Held[]
  return all.filter((h) => !h.statement.includes('pg_prepared_statements'))
}

describe('statements prepared once per session', () => {
  it('names a repeated query and prepares it once, with the same answers each time', async () => {
    const { id, slug } = await buildWijk({ deps: { db, clock: systemClock } })
    const bySlug = (s: string) => db.select({ id: wijken.id }).from(wijken).where(eq(wijken.slug, s))
    for (let i = 0; i < 3; i++) expect(await bySlug(slug)).toEqual([{ id }])
    expect(await bySlug('geen-wijk')).toEqual([])
    const text = bySlug(slug).toSQL().sql
    const mine = (await held()).filter((h) => h.statement === text)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.name).toMatch(/^wc_/)
    expect(mine[0]!.generic_plans + mine[0]!.custom_plans).toBe(4)
  })

  it("sends each parameter's type as the statement declares it: numbers, text with quotes, null, instants, JSON", async () => {
    const at = new Date('2026-03-02T09:15:00.000Z')
    const row = async () =>
      (
        await rows(
          sql`select ${41}::integer + 1 as n, ${"Jan's buurt"}::text as t, ${null}::text as nothing, ${at.toISOString()}::timestamptz = '2026-03-02 10:15:00+01' as same, ${JSON.stringify({ a: [1] })}::jsonb -> 'a' as j`,
        )
      )[0]
    const first = await row()
    expect(first).toEqual({ n: 42, t: "Jan's buurt", nothing: null, same: true, j: [1] })
    expect(await row()).toEqual(first)
  })

  it('reports a faulty statement with its code and goes on with the next', async () => {
    await expect(db.execute(sql`select from_nowhere from nowhere_at_all`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42P01' }) })
    await expect(db.execute(sql`select ${1}::integer / 0 as x`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '22012' }) })
    expect(await rows(sql`select ${2}::integer as x`)).toEqual([{ x: 2 }])
  })

  it('writes the constants of a statement built once into its text, leaving only the placeholders as parameters', async () => {
    const { slug } = await buildWijk({ deps: { db, clock: systemClock } })
    const query = db
      .select({ slug: wijken.slug })
      .from(wijken)
      .where(sql`${wijken.slug} in (${sql.placeholder('slug')}, ${"o'neill"}) and ${wijken.createdAt} <= ${instantPlaceholder('now')}`)
      .limit(2)
    const statement = prepareWithConstants(query, 'wc_test_constants')
    const { sql: text, params } = statement.getQuery()
    expect(text).toContain(`'o''neill'`)
    expect(text).toMatch(/limit 2$/)
    expect(params).toHaveLength(2)
    expect(await statement.execute({ slug, now: new Date(Date.now() + 60_000).toISOString() })).toEqual([{ slug }])
  })

  it("keeps one plan for the wijk home's statement after its first executions", async () => {
    const wijk = await buildWijk({ deps: { db, clock: systemClock } })
    const limits = { featured: 6, agenda: 5, prikbord: 5, news: 3, updated: 5 }
    const holders = (at: Date | SQL) => accountEntitlements.holders('featured', at)
    for (let i = 0; i < 8; i++) await homeLists(db, new Date(), wijk.id, holders, limits)
    // Its Agenda branch goes first and names its list.
    const home = (await held()).filter((h) => h.statement.includes('as "list" from "activity_occurrences"'))
    expect(home).toHaveLength(1)
    // Its limits and conditions are in its text, so a generic plan knows them: only the wijk and
    // the time are parameters (with 100,000 items a generic plan without them was 50-100x slower).
    expect(home[0]!.statement).not.toMatch(/limit \$\d/)
    expect(home[0]!.statement).toContain(`"status" = 'published'`)
    // PostgreSQL plans the first five executions for their values, then keeps the generic plan.
    expect(home[0]!.generic_plans).toBeGreaterThanOrEqual(3)
  })
})

/** A published activity in the wijk with one occurrence per start. */
async function activity(wijkId: number, title: string, starts: Date[]): Promise<number> {
  const now = new Date()
  const [row] = await db
    .insert(contentItems)
    .values({ wijkId, type: 'activity', status: 'published', title, slug: title.toLowerCase(), summary: '', createdAt: now, updatedAt: now, publishedAt: now })
    .returning({ id: contentItems.id })
  await db.insert(activityOccurrences).values(starts.map((startsAt) => ({ contentId: row!.id, wijkId, startsAt })))
  return row!.id
}

describe("the Agenda's statement", () => {
  it('is built once per shape and serves every wijk, time, filter value and page with its own answers', async () => {
    const deps = { deps: { db, clock: systemClock } }
    const [a, b] = [await buildWijk(deps), await buildWijk(deps)]
    const day = 86_400_000
    const base = Date.now()
    const soon = (days: number) => new Date(base + days * day)
    await activity(a.id, 'Soepavond', [soon(1), soon(2), soon(3)])
    await activity(b.id, 'Buurtquiz', [soon(2)])

    const firstPage = await listOccurrences(db, new Date(), { wijkIds: [a.id], from: new Date(), limit: 2 })
    expect(firstPage.items.map((i) => i.occursAt)).toEqual([soon(1), soon(2)])
    expect(firstPage.hasNext).toBe(true)
    const secondPage = await listOccurrences(db, new Date(), { wijkIds: [a.id], from: new Date(), limit: 2, offset: 2 })
    expect(secondPage.items.map((i) => i.title)).toEqual(['Soepavond'])
    expect(secondPage.hasNext).toBe(false)
    // Another wijk, and a later start, through the same statement.
    expect((await listOccurrences(db, new Date(), { wijkIds: [b.id], from: new Date(), limit: 2 })).items.map((i) => i.title)).toEqual(['Buurtquiz'])
    expect((await listOccurrences(db, new Date(), { wijkIds: [a.id], from: soon(2.5), limit: 2 })).items).toHaveLength(1)
    // A range with an end is a shape of its own.
    expect((await listOccurrences(db, new Date(), { wijkIds: [a.id], from: new Date(), to: soon(1.5), limit: 2 })).items).toHaveLength(1)
    expect((await listOccurrences(db, new Date(), { wijkIds: [b.id], from: new Date(), to: soon(1.5), limit: 2 })).items).toHaveLength(0)

    const agenda = (await held()).filter((h) => h.statement.includes('from "activity_occurrences"') && !h.statement.includes('as "list"'))
    // Two shapes (without and with an end), each parsed once for all of its calls.
    expect(agenda).toHaveLength(2)
    expect(agenda.map((h) => h.generic_plans + h.custom_plans).sort()).toEqual([2, 4])
    for (const h of agenda) {
      // The page size is in the text; the wijk, the times and the offset are parameters.
      expect(h.statement).toMatch(/limit 3 offset \$\d+$/)
      expect(h.statement).toContain(`"status" = 'published'`)
    }
  })
})

describe.runIf(testEngine() === 'postgres')('statements built once on PostgreSQL', () => {
  it('run on connections of their own that plan each of them once, and everything else on the others', async () => {
    // Two connections: one for the statements built once, one for the rest.
    const split = openPostgres(database.url!, 2)
    try {
      const runner = builtOnceRunner(split.db)
      expect(runner).not.toBe(split.db)
      const setting = async (on: Db) => ((await on.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { rows: Array<{ mode: string }> }).rows[0]!.mode
      expect(await setting(runner)).toBe('force_generic_plan')
      expect(await setting(split.db)).toBe('auto')

      const deps = { deps: { db: split.db, clock: systemClock } }
      const [a, b] = [await buildWijk(deps), await buildWijk(deps)]
      const soon = (days: number) => new Date(Date.now() + days * 86_400_000)
      await activity(a.id, 'Taalcafé', [soon(1), soon(2)])
      await activity(b.id, 'Repaircafé', [soon(1)])
      // Every execution from the first gets the one plan, and each wijk still its own answers.
      for (let i = 0; i < 3; i++) {
        expect((await listOccurrences(split.db, new Date(), { wijkIds: [a.id], from: new Date(), limit: 5 })).items.map((o) => o.title)).toEqual(['Taalcafé', 'Taalcafé'])
        expect((await listOccurrences(split.db, new Date(), { wijkIds: [b.id], from: new Date(), limit: 5 })).items.map((o) => o.title)).toEqual(['Repaircafé'])
      }
      const heldBy = async (on: Db) =>
        ((await on.execute(sql`select name, generic_plans::int, custom_plans::int from pg_prepared_statements where name like 'wc_occ%'`)) as unknown as { rows: Held[] }).rows
      const [agenda, ...others] = await heldBy(runner)
      expect(others).toEqual([])
      expect(agenda).toMatchObject({ generic_plans: 6, custom_plans: 0 })
      expect(await heldBy(split.db)).toEqual([])
    } finally {
      await split.close()
    }
  })

  it('share one connection when there is only one', async () => {
    const single = openPostgres(database.url!, 1)
    try {
      expect(builtOnceRunner(single.db)).toBe(single.db)
    } finally {
      await single.close()
    }
  })
})

describe.runIf(testEngine() === 'pglite')('statements built once on the embedded engine', () => {
  it('are planned once in its one session, while everything else keeps plans made for its values', async () => {
    const runner = builtOnceRunner(db)
    expect(runner).not.toBe(db)
    const deps = { deps: { db, clock: systemClock } }
    const [a, b] = [await buildWijk(deps), await buildWijk(deps)]
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000)
    await activity(a.id, 'Voorleesuur', [soon(1), soon(2)])
    await activity(b.id, 'Klaverjassen', [soon(1)])
    const wijkById = (id: number) => db.select({ slug: wijken.slug, cityId: wijken.cityId }).from(wijken).where(eq(wijken.id, id))
    const before = await held()
    for (let i = 0; i < 3; i++) {
      expect((await listOccurrences(db, new Date(), { wijkIds: [a.id], from: new Date(), limit: 5 })).items.map((o) => o.title)).toEqual(['Voorleesuur', 'Voorleesuur'])
      expect((await listOccurrences(db, new Date(), { wijkIds: [b.id], from: new Date(), limit: 5 })).items.map((o) => o.title)).toEqual(['Klaverjassen'])
      expect(await wijkById(a.id)).toEqual([{ slug: a.slug, cityId: a.cityId }])
    }
    // What each statement of these calls added to its counts (earlier tests share the session).
    const added = (await held()).map((h) => {
      const was = before.find((b) => b.name === h.name)
      return { statement: h.statement, generic: h.generic_plans - (was?.generic_plans ?? 0), custom: h.custom_plans - (was?.custom_plans ?? 0) }
    })
    // Every execution of the Agenda's statement gets the one plan, and each wijk its own answers.
    expect(added.filter((h) => h.statement.includes('from "activity_occurrences"') && (h.generic || h.custom))).toMatchObject([{ generic: 6, custom: 0 }])
    // A statement built per call is planned for its values, as PostgreSQL's auto mode does at first.
    expect(added.filter((h) => h.statement.startsWith('select "slug", "city_id" from "wijken"'))).toMatchObject([{ generic: 0, custom: 3 }])
    // And the session is back on its default for whatever comes next.
    const mode = ((await db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { rows: Array<{ mode: string }> }).rows[0]!.mode
    expect(mode).toBe('auto')
  })

  it('leave the session on its default when one of them fails', async () => {
    const failing = builtOnceRunner(db).execute(sql`select 1 / ${0}::int as quotient`)
    await expect(failing).rejects.toMatchObject({ cause: { code: '22012' } })
    const mode = ((await db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { rows: Array<{ mode: string }> }).rows[0]!.mode
    expect(mode).toBe('auto')
  })
})

describe("a module list's statement", () => {
  it('is built once per shape and serves every wijk, category and page with its own answers', async () => {
    const deps = { deps: { db, clock: systemClock } }
    const [a, b] = [await buildWijk(deps), await buildWijk(deps)]
    const now = new Date()
    const item = (wijkId: number, title: string, category: string, minutesAgo: number) => {
      const at = new Date(now.getTime() - minutesAgo * 60_000)
      return { wijkId, type: 'offer' as const, status: 'published' as const, title, slug: title.toLowerCase(), summary: '', category, createdAt: at, updatedAt: at, publishedAt: at }
    }
    await db.insert(contentItems).values([item(a.id, 'Ladder', 'klussen', 3), item(a.id, 'Boormachine', 'klussen', 2), item(a.id, "Oppas's avond", 'oppas', 1), item(b.id, 'Fiets', 'vervoer', 1)])
    const prikbord = { types: ['request', 'offer'] as const, order: 'newest' as const, limit: 2 }
    const titles = async (q: Partial<Parameters<typeof listItems>[2]> & { wijkId: number }) =>
      (await listItems(db, new Date(), { ...prikbord, offset: 0, ...q })).items.map((i) => i.title)

    expect(await titles({ wijkId: a.id })).toEqual(["Oppas's avond", 'Boormachine'])
    expect(await titles({ wijkId: a.id, offset: 2 })).toEqual(['Ladder'])
    expect(await titles({ wijkId: b.id })).toEqual(['Fiets'])
    // A category is a value of the statement, even one with a quote in it.
    expect(await titles({ wijkId: a.id, category: 'klussen' })).toEqual(['Boormachine', 'Ladder'])
    expect(await titles({ wijkId: a.id, category: 'oppas' })).toEqual(["Oppas's avond"])
    expect(await titles({ wijkId: a.id, category: "o'ppas" })).toEqual([])

    const lists = (await held()).filter((h) => h.statement.includes(`"type" in ('request', 'offer')`) && !h.statement.includes('as "list"'))
    // Without and with a category: two statements, each parsed once for all of its calls.
    expect(lists).toHaveLength(2)
    expect(lists.map((h) => h.generic_plans + h.custom_plans).sort()).toEqual([3, 3])
    for (const h of lists) expect(h.statement).toMatch(/limit 3 offset \$\d+$/)
  })
})

describe("an item page's statements", () => {
  it('are built once and answer for every item: the item, its themes, images, next dates and the activities at an organisation', async () => {
    const deps = { deps: { db, clock: systemClock } }
    const wijk = await buildWijk(deps)
    const now = new Date()
    const hourAgo = new Date(now.getTime() - 3_600_000)
    const base = { wijkId: wijk.id, status: 'published' as const, summary: '', createdAt: hourAgo, updatedAt: hourAgo, publishedAt: hourAgo }
    const [org, other] = await db
      .insert(contentItems)
      .values([
        { ...base, type: 'organisation', title: 'Buurthuis', slug: 'buurthuis' },
        { ...base, type: 'organisation', title: 'Bibliotheek', slug: 'bibliotheek' },
      ])
      .returning({ id: contentItems.id })
    const [yoga, quiz, draft] = await db
      .insert(contentItems)
      .values([
        { ...base, type: 'activity', title: 'Yoga', slug: 'yoga', locationOrgId: org!.id },
        { ...base, type: 'activity', title: 'Quiz', slug: 'quiz', locationOrgId: other!.id },
        { ...base, type: 'activity', title: 'Concept', slug: 'concept', status: 'draft', locationOrgId: org!.id },
      ])
      .returning({ id: contentItems.id })
    const [theme] = await db.insert(wijkThemes).values({ wijkId: wijk.id, slug: 'sport', nameNl: 'Sport', nameEn: 'Sport', position: 1 }).returning({ id: wijkThemes.id })
    await db.insert(contentThemes).values({ contentId: yoga!.id, themeId: theme!.id })
    await db.insert(contentImages).values({ contentId: quiz!.id, fileKey: 'content/quiz', widths: [320], width: 320, height: 200, alt: 'Quizavond', createdAt: now })
    const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)
    await db.insert(activityOccurrences).values([
      { contentId: yoga!.id, wijkId: wijk.id, startsAt: hours(-2), endsAt: hours(-1) },
      { contentId: yoga!.id, wijkId: wijk.id, startsAt: hours(24) },
      { contentId: quiz!.id, wijkId: wijk.id, startsAt: hours(48) },
    ])

    expect((await findPublicItem(db, yoga!.id, now))?.title).toBe('Yoga')
    expect((await findPublicItem(db, quiz!.id, now))?.title).toBe('Quiz')
    expect(await findPublicItem(db, draft!.id, now)).toBeNull()
    expect((await themesOfItems(db, [yoga!.id])).get(yoga!.id)?.map((t) => t.slug)).toEqual(['sport'])
    expect((await themesOfItems(db, [quiz!.id])).size).toBe(0)
    expect(await imagesOf(db, yoga!.id)).toEqual([])
    expect((await imagesOf(db, quiz!.id)).map((i) => i.alt)).toEqual(['Quizavond'])
    expect((await nextOccurrences(db, yoga!.id, now, 10)).map((o) => o.startsAt)).toEqual([hours(24)])
    expect((await nextOccurrences(db, quiz!.id, now, 10)).map((o) => o.startsAt)).toEqual([hours(48)])
    expect((await activitiesAt(db, now, org!.id, wijk.id)).map((a) => a.title)).toEqual(['Yoga'])
    expect((await activitiesAt(db, now, other!.id, wijk.id)).map((a) => a.title)).toEqual(['Quiz'])

    // Each is one statement of the session, whatever the item (the names differ per engine, the texts do not).
    const kinds = {
      item: (text: string) => text.includes('"accepts_messages"') && text.endsWith('limit 1'),
      themes: (text: string) => text.includes('"content_themes"."content_id" = $1::integer'),
      images: (text: string) => text.includes('from "content_images" where "content_images"."content_id" = $1::integer'),
      dates: (text: string) => text.includes('from "activity_occurrences" where ("activity_occurrences"."content_id" = $1::integer'),
      activities: (text: string) => text.includes('"location_org_id" = $'),
    }
    const session = await held()
    const calls = Object.fromEntries(Object.entries(kinds).map(([kind, is]) => [kind, session.filter((h) => is(h.statement)).map((h) => h.generic_plans + h.custom_plans)]))
    expect(calls).toEqual({ item: [3], themes: [2], images: [2], dates: [2], activities: [2] })
    // The constants are in the text; the item, the wijk and the time are parameters.
    expect(session.find((h) => kinds.item(h.statement))!.statement).toContain(`"status" = 'published'`)
  })
})

describe("the embedded engine's statements", () => {
  // Its own engine on either test run: the thread keeps the list of what its session holds.
  let embedded: Database
  beforeAll(async () => {
    embedded = await openPglite(undefined)
  })
  afterAll(() => embedded.close())

  it('names new statements again once the session dropped them all, after its limit of texts was reached', async () => {
    const engine = embedded.pglite!
    const heldHere = async () => (await engine.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.filter((r) => !r.statement.includes('pg_prepared_statements'))
    await engine.query('deallocate all')
    // The embedded engine names at most 500 texts (statement-names.ts); fill them.
    for (let i = 0; i < 500; i++) await engine.query(`select ${i}::integer + $1::integer as x`, [1])
    const beyond = 'select $1::integer * 2 as beyond'
    expect(await engine.query(beyond, [21])).toMatchObject({ rows: [{ beyond: 42 }] })
    expect((await heldHere()).some((r) => r.statement === beyond)).toBe(false)
    await engine.query('deallocate all')
    expect(await engine.query(beyond, [21])).toMatchObject({ rows: [{ beyond: 42 }] })
    expect((await heldHere()).map((r) => r.statement)).toEqual([beyond])
    await engine.query('deallocate all')
  })

  it('prepares a statement again after the session dropped them all', async () => {
    const engine = embedded.pglite!
    const two = async () => (await engine.query('select $1::integer * 21 as x', [2])).rows
    const heldHere = async () => (await engine.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.filter((r) => !r.statement.includes('pg_prepared_statements'))
    expect(await two()).toEqual([{ x: 42 }])
    expect(await heldHere()).toHaveLength(1)
    for (const drop of ['deallocate all', 'DISCARD ALL']) {
      await engine.query(drop)
      expect(await heldHere()).toHaveLength(0)
      expect(await two()).toEqual([{ x: 42 }])
      expect(await heldHere()).toHaveLength(1)
    }
  })
})

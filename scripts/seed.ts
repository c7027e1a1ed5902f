/**
 * npm run seed -- --items 100000 [--horizon-days 365]
 *
 * Fills the configured database (DATABASE_URL, or the embedded one in DATA_DIR) with N
 * fictional content items for benchmarks: spread over the wijken (extra wijken are created in
 * the city "Benchstad" when there are fewer than 10), every type, themes, and occurrences for
 * activities up to the platform's horizon (HORIZON_DAYS), as the daily job keeps them: a shorter
 * --horizon-days seeds faster, but the first start then spends minutes catching up. Inserts in batches of 1000 rows with multi-row INSERTs, one transaction per batch.
 * Refuses to touch an embedded database that a running server holds.
 */
import path from 'node:path'
import { eq, inArray, sql } from 'drizzle-orm'
import { loadConfig } from '../src/config/env.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { migrate } from '../src/kernel/db/migrate.js'
import { acquireDataDirLock, lockHolder } from '../src/kernel/db/lock.js'
import type { Db } from '../src/kernel/db/client.js'
import { DAY } from '../src/kernel/clock.js'
import { cities, wijken } from '../src/features/places/places.tables.js'
import { users } from '../src/features/accounts/accounts.tables.js'
import { contentItems, activityOccurrences, contentThemes, type ContentType, type Recurrence } from '../src/features/content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../src/features/content/content.themes.js'
import { expandOccurrences, HORIZON_DAYS } from '../src/features/content/content.recurrence.js'
import { slugify } from '../src/features/my-content/my-content.schema.js'
import { ACTIVITIES, NEWS, ORGANISATIONS, PRIKBORD, SHOWCASES, PLACES } from '../src/seed/content.texts.js'

const BATCH = 1000
const MIN_WIJKEN = 10

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0) return process.argv[i + 1]
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

const items = Number(arg('items'))
if (!Number.isInteger(items) || items < 1 || items > 10_000_000) fail('Usage: npm run seed -- --items <1..10000000> [--horizon-days <1..365>]')
const horizonDays = Number(arg('horizon-days') ?? HORIZON_DAYS)
if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 365) fail('--horizon-days must be a whole number from 1 to 365')

const config = loadConfig(process.env)
let release = () => {}
if (!config.databaseUrl) {
  const pid = lockHolder(config.dataDir)
  if (pid !== null) fail(`The data folder ${path.resolve(config.dataDir)} is in use by a running WijkConnect server (pid ${pid}). Stop it first.`)
  release = acquireDataDirLock(config.dataDir)
}

let seed = 42
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!

const EXTRA = ['in de wijk', 'voor buren', 'op zaterdag', 'voor jong en oud', 'bij de brink', 'in het park', 'extra editie', 'met koffie', 'voor beginners', 'in de zomer', 'najaarseditie', 'met muziek']
const places = Object.values(PLACES)

function fill(text: string, wijkName: string): string {
  const place = pick(places)
  return text
    .replaceAll('{wijk}', wijkName)
    .replaceAll('{buurthuis}', place.buurthuis)
    .replaceAll('{plein}', place.plein)
    .replaceAll('{park}', place.park)
    .replaceAll('{straat}', pick(place.straten))
    .replaceAll('{school}', place.school)
    .replaceAll('{slug}', 'bench')
}

async function ensureWijken(db: Db, now: Date): Promise<Array<{ id: number; name: string }>> {
  let list = await db.select({ id: wijken.id, name: wijken.name }).from(wijken)
  if (list.length >= MIN_WIJKEN) return list
  const [city] = await db
    .insert(cities)
    .values({ slug: 'benchstad', name: 'Benchstad', createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: cities.slug, set: { updatedAt: now } })
    .returning({ id: cities.id })
  const missing = MIN_WIJKEN - list.length
  const rows = Array.from({ length: missing }, (_, i) => ({ cityId: city!.id, slug: `bench-wijk-${list.length + i + 1}`, name: `Benchwijk ${list.length + i + 1}`, launchedAt: now, createdAt: now, updatedAt: now }))
  await db.insert(wijken).values(rows).onConflictDoNothing()
  list = await db.select({ id: wijken.id, name: wijken.name }).from(wijken)
  return list
}

const TYPES: Array<[ContentType, number]> = [
  ['activity', 0.25],
  ['organisation', 0.1],
  ['request', 0.15],
  ['offer', 0.15],
  ['news', 0.2],
  ['showcase', 0.15],
]

function pickType(): ContentType {
  let r = rand()
  for (const [type, share] of TYPES) {
    if (r < share) return type
    r -= share
  }
  return 'news'
}

function buildItem(type: ContentType, wijk: { id: number; name: string }, ownerId: string | null, now: Date, n: number): typeof contentItems.$inferInsert {
  const created = new Date(now.getTime() - Math.floor(rand() * 365 * DAY))
  const status = rand() < 0.05 ? 'draft' : rand() < 0.02 ? 'hidden' : 'published'
  const base = { wijkId: wijk.id, status, ownerId, createdAt: created, updatedAt: created, publishedAt: status === 'published' ? created : null } as const
  const titled = (title: string) => {
    const full = `${fill(title, wijk.name)} ${pick(EXTRA)} ${n}`
    return { title: full, slug: slugify(full) }
  }
  const contact = { contactName: `Bench Contact ${n}`, contactEmail: `contact-${n}@bench.test`, contactPhone: '06 0000 0000', contactNamePublic: rand() < 0.3 }
  switch (type) {
    case 'activity': {
      const a = pick(ACTIVITIES)
      const startsAt = new Date(now.getTime() + Math.floor(rand() * 60) * DAY + a.start[0] * 3_600_000)
      const recurrence: Recurrence | null = a.recurrence ? { kind: a.recurrence, until: null, exceptions: [] } : null
      return { ...base, ...titled(a.title), ...contact, type, summary: fill(a.summary, wijk.name), body: fill(a.body, wijk.name), startsAt, endsAt: a.minutes ? new Date(startsAt.getTime() + a.minutes * 60_000) : null, allDay: a.allDay ?? false, recurrence, costCents: a.costCents, joinInfo: fill(a.joinInfo, wijk.name), locationText: a.locationText ? fill(a.locationText, wijk.name) : null }
    }
    case 'organisation': {
      const o = pick(ORGANISATIONS)
      return { ...base, ...titled(o.title), ...contact, type, summary: fill(o.summary, wijk.name), body: fill(o.body, wijk.name), offers: fill(o.offers, wijk.name), openingHours: o.openingHours, website: o.website ? fill(o.website, wijk.name) : null }
    }
    case 'request':
    case 'offer': {
      const r = pick(PRIKBORD.filter((p) => p.type === type))
      return { ...base, ...titled(r.title), ...contact, type, summary: fill(r.summary, wijk.name), body: fill(r.body, wijk.name), category: r.category, expiresAt: new Date(now.getTime() + (Math.floor(rand() * 40) - 10) * DAY) }
    }
    case 'news': {
      const nw = pick(NEWS)
      return { ...base, ...titled(nw.title), type, summary: fill(nw.summary, wijk.name), body: fill(nw.body, wijk.name) }
    }
    case 'showcase': {
      const s = pick(SHOWCASES)
      return { ...base, ...titled(s.title), ...contact, type, summary: s.summary, body: s.body, priceCents: s.priceCents }
    }
  }
}

const database = await openConfiguredDatabase(config)
try {
  await migrate(database)
  const { db } = database
  const now = new Date()
  const list = await ensureWijken(db, now)
  const themesOf = new Map<number, number[]>()
  for (const w of list) {
    await ensureDefaultThemes(db, w.id)
    themesOf.set(
      w.id,
      (await listThemes(db, w.id)).map((t) => t.id),
    )
  }
  const owners = (await db.select({ id: users.id }).from(users).where(eq(users.status, 'active')).limit(200)).map((u) => u.id)
  const horizon = new Date(now.getTime() + horizonDays * DAY)
  const started = Date.now()
  let occurrenceCount = 0

  for (let done = 0; done < items; done += BATCH) {
    const size = Math.min(BATCH, items - done)
    const rows = Array.from({ length: size }, (_, i) => {
      const wijk = list[(done + i) % list.length]!
      // Some items belong to the wijk itself (no owner), as after a bulk import.
      const owner = owners.length && rand() > 0.1 ? pick(owners) : null
      return buildItem(pickType(), wijk, owner, now, done + i + 1)
    })
    await db.transaction(async (tx) => {
      const ids = await tx.insert(contentItems).values(rows).returning({ id: contentItems.id })
      const themeRows = ids.flatMap(({ id }, i) => {
        const themes = themesOf.get(rows[i]!.wijkId) ?? []
        return themes.length ? [{ contentId: id, themeId: pick(themes) }] : []
      })
      if (themeRows.length) await tx.insert(contentThemes).values(themeRows).onConflictDoNothing()
      const occurrences = ids.flatMap(({ id }, i) => {
        const r = rows[i]!
        if (r.type !== 'activity' || !r.startsAt) return []
        return expandOccurrences({ startsAt: r.startsAt, endsAt: r.endsAt ?? null, allDay: r.allDay ?? false, recurrence: r.recurrence ?? null }, now, horizon).map((o) => ({
          contentId: id,
          wijkId: r.wijkId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        }))
      })
      for (let i = 0; i < occurrences.length; i += BATCH) {
        await tx.insert(activityOccurrences).values(occurrences.slice(i, i + BATCH)).onConflictDoNothing()
      }
      occurrenceCount += occurrences.length
    })
    const total = done + size
    if (total % 10_000 === 0 || total === items) process.stdout.write(`${total} items (${occurrenceCount} occurrences) in ${Math.round((Date.now() - started) / 1000)} s\n`)
  }
  // What autovacuum would do in time, done now, so the folder is ready to measure: fresh statistics
  // for the planner, the GIN indexes' pending lists merged, the visibility map set (decisions/037).
  await db.execute(sql`vacuum (analyze) ${contentItems}, ${contentThemes}, ${activityOccurrences}`)
  const [count] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(contentItems).where(inArray(contentItems.wijkId, list.map((w) => w.id)))
  process.stdout.write(`Done: ${items} items added over ${list.length} wijken; the database now holds ${count?.n ?? 0} items.\n`)
} finally {
  await database.close()
  release()
}

/**
 * Demo content for the first start: about 170 fictional items over the demo wijken and every
 * type (recurring activities with occurrences, organisations with opening hours, Prikbord
 * requests and offers with expiry, news, showcases with prices), themes, contact persons with a
 * few fields public, and a handful of images drawn locally with sharp (no downloads).
 * Runs inside the demo seed's transaction; kept to a few multi-row inserts so the first start
 * stays fast.
 */
import type { Deps } from '../kernel/context.js'
import type { Db } from '../kernel/db/client.js'
import { DAY } from '../kernel/clock.js'
import { contentItems, contentImages, contentThemes, type Recurrence } from '../features/content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../features/content/content.themes.js'
import { fromLocal, rebuildOccurrences, toLocal } from '../features/content/content.recurrence.js'
import { slugify } from '../features/my-content/my-content.schema.js'
import { processImage } from '../features/my-content/my-content.images.js'
import { storeImage as storeFiles, type ProcessedImage } from '../kernel/files/images.js'
import { LOGO_COLOURS, organisationLogoSvg, rasterise } from './pictures.js'
import { ACTIVITIES, CONTACT_PEOPLE, NEWS, ORGANISATIONS, PLACES, PRIKBORD, SHOWCASES, type Place, type Weekday } from './content.texts.js'

type NewItem = typeof contentItems.$inferInsert

export interface DemoContentOwners {
  /** Places activities, runs organisations and businesses. */
  organisation: string
  /** Writes on the Prikbord. */
  residents: string[]
  /** Writes the news. */
  editor: string
}

export interface DemoWijk {
  id: number
  slug: string
  name: string
  owners: DemoContentOwners
}

/** A small deterministic generator, so every first start looks the same. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function fill(text: string, wijk: DemoWijk, place: Place, i: number): string {
  return text
    .replaceAll('{wijk}', wijk.name)
    .replaceAll('{buurthuis}', place.buurthuis)
    .replaceAll('{plein}', place.plein)
    .replaceAll('{park}', place.park)
    .replaceAll('{straat}', place.straten[i % place.straten.length]!)
    .replaceAll('{school}', place.school)
    .replaceAll('{slug}', wijk.slug)
}

/** Capitalises the first letter ("het Kastanjeplein" as a title start). */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The next given weekday (ISO, 1 = Monday) at a wall-clock time in Amsterdam, at least a day ahead. */
function nextWeekday(now: Date, weekday: Weekday, [hour, minute]: [number, number], weeksAhead = 0, firstOfMonth = false): Date {
  const today = toLocal(now)
  const base = Date.UTC(today.year, today.month - 1, today.day)
  for (let d = 1; d < 400; d++) {
    const day = new Date(base + d * DAY)
    const iso = ((day.getUTCDay() + 6) % 7) + 1
    if (iso !== weekday) continue
    if (firstOfMonth && day.getUTCDate() > 7) continue
    const at = new Date(day.getTime() + weeksAhead * 7 * DAY)
    return fromLocal({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour, minute })
  }
  throw new Error('no weekday found')
}

const IMAGE_COLOURS: Array<[string, string, string]> = [
  ['#1d6b4f', '#9ed8b5', 'Groene vlakken met een gele zon, als een tekening van een tuin'],
  ['#6b2f8a', '#f2b5d4', 'Paarse en roze vormen, als vleugels van een vlinder'],
  ['#9a3b12', '#f6c36b', 'Oranje en gele cirkels op een warme achtergrond'],
  ['#1b4e8a', '#a5d3f2', 'Blauwe golven onder een lichte lucht'],
  ['#5a5a1d', '#e6e29a', 'Olijfgroene heuvels met een lichte streep horizon'],
  ['#8a1b3c', '#f2c0a5', 'Rode en zalmroze blokken als daken van huizen'],
]

/** A simple picture: a gradient with a sun and hills, drawn from SVG by sharp. */
async function demoImage(index: number): Promise<{ png: Buffer; alt: string }> {
  const [dark, light, alt] = IMAGE_COLOURS[index % IMAGE_COLOURS.length]!
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="800" height="500" fill="url(#g)"/>
<circle cx="${560 + index * 20}" cy="150" r="70" fill="#f7d154"/>
<path d="M0 380 Q200 ${260 + index * 10} 400 360 T800 340 V500 H0 Z" fill="${dark}"/>
<path d="M0 430 Q250 380 500 440 T800 420 V500 H0 Z" fill="${dark}" opacity="0.6"/>
</svg>`
  return { png: await rasterise(svg), alt }
}

/** A picture for an item: drawn once per first start, processed once, stored under its content hash. */
type Picture = { kind: 'scene'; index: number } | { kind: 'logo'; key: string; title: string }

async function drawn(picture: Picture): Promise<{ png: Buffer; alt: string }> {
  if (picture.kind === 'scene') return demoImage(picture.index)
  return { png: await rasterise(organisationLogoSvg(picture.key)!), alt: `Logo van ${picture.title}` }
}

async function storeImage(deps: Pick<Deps, 'files'>, db: Db, contentId: number, picture: Picture, now: Date, done: Map<string, { image: ProcessedImage; alt: string }>): Promise<void> {
  const id = picture.kind === 'scene' ? `scene-${picture.index}` : `logo-${picture.key}`
  let stored = done.get(id)
  if (!stored) {
    const { png, alt } = await drawn(picture)
    const result = await processImage(new File([new Uint8Array(png)], `${id}.png`, { type: 'image/png' }))
    if (!result.ok) throw new Error(`demo image failed: ${result.error}`)
    await storeFiles(deps.files, result.image)
    stored = { image: result.image, alt }
    done.set(id, stored)
  }
  // A logo names its organisation; scenes are shared, so their description is general.
  const alt = picture.kind === 'logo' ? `Logo van ${picture.title}` : stored.alt
  const image = stored.image
  await db.insert(contentImages).values({
    contentId,
    position: 0,
    fileKey: image.key,
    widths: image.files.map((f) => f.width),
    width: image.width,
    height: image.height,
    alt,
    createdAt: now,
  })
}

interface Planned {
  item: NewItem
  themes: string[]
  /** Key of the organisation it belongs to or takes place at (resolved after insert). */
  orgKey?: string
  role: 'location' | 'business' | null
  image?: Picture
}

/** The items of one wijk, before insert. */
function planWijk(wijk: DemoWijk, wijkIndex: number, now: Date): Planned[] {
  const place = PLACES[wijk.slug] ?? PLACES['oosterpark-noord']!
  const rand = prng(wijk.id * 7919 + wijkIndex)
  const ago = (maxDays: number) => new Date(now.getTime() - Math.floor(rand() * maxDays * DAY) - Math.floor(rand() * 8) * 3_600_000)
  const person = (i: number) => CONTACT_PEOPLE[(i + wijkIndex * 3) % CONTACT_PEOPLE.length]!
  const contactEmail = (name: string) => `${slugify(name).replace(/-/g, '.')}@${wijk.slug}.test`
  const base = (title: string, _i: number) => {
    const created = ago(60)
    const touched = ago(20)
    return { wijkId: wijk.id, status: 'published' as const, title, slug: slugify(title), createdAt: created, updatedAt: touched > created ? touched : created, publishedAt: created }
  }
  const plans: Planned[] = []

  // Organisations: the contact person's name and phone are public, the email stays private.
  ORGANISATIONS.forEach((o, i) => {
    const title = cap(fill(o.title, wijk, place, i))
    const p = person(i)
    plans.push({
      item: {
        ...base(title, i),
        type: 'organisation',
        ownerId: wijk.owners.organisation,
        summary: fill(o.summary, wijk, place, i),
        body: fill(o.body, wijk, place, i),
        offers: fill(o.offers, wijk, place, i),
        openingHours: o.openingHours,
        website: o.website ? fill(o.website, wijk, place, i) : null,
        contactName: p.name,
        contactNamePublic: true,
        contactPhone: p.phone,
        contactPhonePublic: i % 2 === 0,
        contactEmail: contactEmail(p.name),
        contactAddress: `${place.straten[i % place.straten.length]} ${10 + i * 3}, Lindeburg`,
        contactAddressPublic: o.business === true,
      },
      themes: o.themes,
      orgKey: o.key,
      role: null,
      image:
        o.key === 'buurthuis' || o.key === 'bakker'
          ? { kind: 'scene', index: wijkIndex * 2 + (o.key === 'bakker' ? 1 : 0) }
          : o.key in LOGO_COLOURS
            ? { kind: 'logo', key: o.key, title }
            : undefined,
    })
  })

  ACTIVITIES.forEach((a, i) => {
    const title = cap(fill(a.title, wijk, place, i))
    const startsAt = a.recurrence === null ? nextWeekday(now, a.weekday, a.start, a.inWeeks ?? 1) : nextWeekday(now, a.weekday, a.start, 0, a.recurrence === 'monthly-weekday')
    const recurrence: Recurrence | null = a.recurrence ? { kind: a.recurrence, until: null, exceptions: [] } : null
    const p = person(i + 2)
    // Some activities name a contact person publicly; the others keep everything private.
    const showName = i % 3 === 0
    plans.push({
      item: {
        ...base(title, i),
        type: 'activity',
        ownerId: i % 4 === 3 ? wijk.owners.residents[0]! : wijk.owners.organisation,
        summary: fill(a.summary, wijk, place, i),
        body: fill(a.body, wijk, place, i),
        startsAt,
        endsAt: a.minutes === null ? null : new Date(startsAt.getTime() + a.minutes * 60_000),
        allDay: a.allDay ?? false,
        recurrence,
        locationText: a.locationText ? cap(fill(a.locationText, wijk, place, i)) : null,
        costCents: a.costCents,
        joinInfo: fill(a.joinInfo, wijk, place, i),
        contactName: p.name,
        contactNamePublic: showName,
        contactEmail: i % 2 === 0 ? contactEmail(p.name) : null,
        contactPhone: p.phone,
      },
      themes: a.themes,
      orgKey: a.atOrganisation,
      role: a.atOrganisation ? 'location' : null,
      // The first activities of every wijk show a picture, so the Agenda is not text alone.
      image: i < 3 ? { kind: 'scene', index: (i + wijkIndex * 2 + 4) % IMAGE_COLOURS.length } : undefined,
    })
  })

  PRIKBORD.forEach((r, i) => {
    const title = fill(r.title, wijk, place, i + wijkIndex)
    const created = ago(25)
    const owner = wijk.owners.residents[(i + wijkIndex) % wijk.owners.residents.length]!
    plans.push({
      item: {
        ...base(title, i),
        createdAt: created,
        updatedAt: created,
        publishedAt: created,
        type: r.type,
        ownerId: owner,
        summary: fill(r.summary, wijk, place, i),
        body: fill(r.body, wijk, place, i + wijkIndex),
        category: r.category,
        // Default 30 days after placing; a few run out soon, so the reminder can be tried.
        expiresAt: new Date(created.getTime() + (i % 5 === 0 ? 32 : 30) * DAY),
        contactName: i % 4 === 0 ? person(i).name : null,
        contactNamePublic: i % 4 === 0,
      },
      themes: r.themes,
      role: null,
    })
  })

  NEWS.forEach((n, i) => {
    const title = cap(fill(n.title, wijk, place, i))
    const published = new Date(now.getTime() - (n.daysAgo + wijkIndex) * DAY)
    plans.push({
      item: { ...base(title, i), createdAt: published, updatedAt: published, publishedAt: published, type: 'news', ownerId: wijk.owners.editor, summary: fill(n.summary, wijk, place, i), body: fill(n.body, wijk, place, i) },
      themes: n.themes,
      role: null,
      image: i < 2 ? { kind: 'scene', index: (i + wijkIndex + 1) % IMAGE_COLOURS.length } : undefined,
    })
  })

  SHOWCASES.forEach((s, i) => {
    const title = fill(s.title, wijk, place, i)
    plans.push({
      item: { ...base(title, i), type: 'showcase', ownerId: wijk.owners.organisation, summary: s.summary, body: s.body, priceCents: s.priceCents },
      themes: [],
      orgKey: s.business,
      role: 'business',
      image: i === 0 ? { kind: 'scene', index: (5 + wijkIndex) % IMAGE_COLOURS.length } : undefined,
    })
  })
  return plans
}

/** Seeds the demo content of the given wijken. Returns how many items it created. */
export async function seedDemoContent(deps: Pick<Deps, 'files'>, db: Db, wijkList: DemoWijk[], now: Date): Promise<number> {
  let count = 0
  const pictures = new Map<string, { image: ProcessedImage; alt: string }>()
  for (const [wijkIndex, wijk] of wijkList.entries()) {
    await ensureDefaultThemes(db, wijk.id)
    const themeIds = new Map((await listThemes(db, wijk.id)).map((t) => [t.slug, t.id]))
    const plans = planWijk(wijk, wijkIndex, now)

    const orgPlans = plans.filter((p) => p.item.type === 'organisation')
    const others = plans.filter((p) => p.item.type !== 'organisation')
    const orgRows = await db.insert(contentItems).values(orgPlans.map((p) => p.item)).returning({ id: contentItems.id })
    const orgIdByKey = new Map(orgPlans.map((p, i) => [p.orgKey!, orgRows[i]!.id]))
    for (const p of others) {
      const orgId = p.orgKey ? orgIdByKey.get(p.orgKey) : undefined
      if (orgId && p.role === 'location') p.item.locationOrgId = orgId
      if (orgId && p.role === 'business') p.item.businessId = orgId
    }
    const otherRows = await db.insert(contentItems).values(others.map((p) => p.item)).returning({ id: contentItems.id })
    const ids = [...orgRows, ...otherRows].map((r) => r.id)
    const ordered = [...orgPlans, ...others]

    const themeRows = ordered.flatMap((p, i) => p.themes.map((slug) => themeIds.get(slug)).filter((id): id is number => id !== undefined).map((themeId) => ({ contentId: ids[i]!, themeId })))
    if (themeRows.length) await db.insert(contentThemes).values(themeRows).onConflictDoNothing()

    for (const [i, p] of ordered.entries()) {
      if (p.item.type === 'activity') await rebuildOccurrences(db, ids[i]!, now)
      if (p.image !== undefined) await storeImage(deps, db, ids[i]!, p.image, now, pictures)
    }
    count += ids.length
  }
  return count
}

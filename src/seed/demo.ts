/**
 * Demo data for the very first start in demo mode: the fictional city Lindeburg with three
 * wijken, a platform admin, and an ambassadeur and a wijkbeheerder per wijk, each wijk with its
 * logo, cover photo and newsletter subscribers (identity.ts). Never runs in production. Later
 * features add their own demo content through seed modules here.
 */
import { eq, isNotNull, desc } from 'drizzle-orm'
import type { Deps } from '../kernel/context.js'
import { appMeta } from '../kernel/audit/audit.tables.js'
import { hashPassword } from '../kernel/auth/password.js'
import { cities, wijken, wijkPostcodes } from '../features/places/places.tables.js'
import { users } from '../features/accounts/accounts.tables.js'
import { roleAssignments } from '../features/roles/roles.tables.js'
import { legalDocuments, consents, CONSENT_KINDS } from '../features/documents/documents.tables.js'
import type { Role } from '../kernel/policy/actor.js'
import { seedDemoContent } from './content.js'
import { seedDemoIdentity } from './identity.js'
import { seedDemoStatistics } from '../features/statistics/statistics.seed.js'

export const DEMO_PASSWORD = 'wijkdemo-2026'
const SEEDED_KEY = 'demo_seeded_at'

export const DEMO_CITY = { slug: 'lindeburg', name: 'Lindeburg' }

export const DEMO_WIJKEN = [
  {
    slug: 'oosterpark-noord',
    name: 'Oosterpark-Noord',
    colour: '#1d6b4f',
    postcodes: ['7411', '7412'],
    center: { lat: 52.2615, lon: 6.1795 },
    introNl: 'Groen, gezellig en vol initiatieven: dit is wat Oosterpark-Noord te bieden heeft.',
    introEn: 'Green, friendly and full of initiatives: this is what Oosterpark-Noord has to offer.',
  },
  {
    slug: 'de-vlinderhof',
    name: 'De Vlinderhof',
    colour: '#6b2f8a',
    postcodes: ['7413', '7414'],
    center: { lat: 52.2445, lon: 6.1745 },
    introNl: 'Van moestuin tot repaircafé: de buren van De Vlinderhof doen het samen.',
    introEn: 'From vegetable garden to repair café: the neighbours of De Vlinderhof do it together.',
  },
  {
    slug: 'brinkveld',
    name: 'Brinkveld',
    colour: '#9a3b12',
    postcodes: ['7415', '7416'],
    center: { lat: 52.2525, lon: 6.1465 },
    introNl: 'Rond de oude brink vind je verenigingen, winkels en hulp om de hoek.',
    introEn: 'Around the old village green you find clubs, shops and help around the corner.',
  },
]

export interface DemoLogin {
  role: string
  email: string
}

interface DemoUser {
  email: string
  firstName: string
  lastName: string
  label: string
  role?: Role
  wijkSlug?: string
}

function demoUsers(): DemoUser[] {
  const list: DemoUser[] = [
    { email: 'admin@lindeburg.test', firstName: 'Anouk', lastName: 'de Beheerder', label: 'platform admin', role: 'admin' },
    { email: 'bewoner@lindeburg.test', firstName: 'Sem', lastName: 'Jansen', label: 'resident (Oosterpark-Noord)', wijkSlug: 'oosterpark-noord' },
  ]
  const names = [
    ['Fatima', 'El Amrani', 'Joost', 'Verbeek'],
    ['Marieke', 'Kuipers', 'Dewi', 'Santoso'],
    ['Henk', 'Brouwer', 'Noor', 'Visser'],
  ]
  DEMO_WIJKEN.forEach((w, i) => {
    const [af, al, bf, bl] = names[i]!
    list.push(
      { email: `ambassadeur.${w.slug}@lindeburg.test`, firstName: af!, lastName: al!, label: `ambassadeur ${w.name}`, role: 'ambassadeur', wijkSlug: w.slug },
      { email: `wijkbeheer.${w.slug}@lindeburg.test`, firstName: bf!, lastName: bl!, label: `wijkbeheerder ${w.name}`, role: 'wijkbeheerder', wijkSlug: w.slug },
      // Owners of the demo content (seed/content.ts): the organisations and businesses of the wijk, and residents.
      { email: `organisatie.${w.slug}@lindeburg.test`, firstName: 'Stichting', lastName: `Samen ${w.name}`, label: `organisation ${w.name}`, wijkSlug: w.slug },
    )
    if (i > 0) list.push({ email: `bewoner.${w.slug}@lindeburg.test`, firstName: ['Lieke', 'Yusuf'][i - 1]!, lastName: ['Dekker', 'Demir'][i - 1]!, label: `resident (${w.name})`, wijkSlug: w.slug })
  })
  return list
}

export function demoLogins(): DemoLogin[] {
  return demoUsers().map((u) => ({ role: u.label, email: u.email }))
}

/** Seeds once; later starts leave the data alone. Returns the demo logins to print. */
export async function seedDemoData(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'files'>): Promise<{ created: boolean; logins: DemoLogin[] }> {
  if (!deps.config.demo) throw new Error('demo data is never seeded in production')
  const { db, clock } = deps
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY))
  if (done) return { created: false, logins: demoLogins() }

  const now = clock.now()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    const [city] = await tx.insert(cities).values({ ...DEMO_CITY, createdAt: now, updatedAt: now }).returning()
    const wijkIds = new Map<string, number>()
    for (const w of DEMO_WIJKEN) {
      const [row] = await tx
        .insert(wijken)
        .values({
          cityId: city!.id,
          slug: w.slug,
          name: w.name,
          colour: w.colour,
          introNl: w.introNl,
          introEn: w.introEn,
          centerLat: w.center.lat,
          centerLon: w.center.lon,
          launchedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: wijken.id })
      wijkIds.set(w.slug, row!.id)
      await tx.insert(wijkPostcodes).values(w.postcodes.map((pc4) => ({ wijkId: row!.id, pc4 })))
    }
    const docs = await tx
      .select({ id: legalDocuments.id, kind: legalDocuments.kind })
      .from(legalDocuments)
      .where(isNotNull(legalDocuments.publishedAt))
      .orderBy(desc(legalDocuments.version))
    const current = CONSENT_KINDS.map((k) => docs.find((d) => d.kind === k)).filter((d) => d !== undefined)
    const userIds = new Map<string, string>()
    for (const u of demoUsers()) {
      const wijkId = u.wijkSlug ? (wijkIds.get(u.wijkSlug) ?? null) : null
      const [user] = await tx
        .insert(users)
        .values({
          email: u.email,
          emailVerifiedAt: now,
          passwordHash,
          firstName: u.firstName,
          lastName: u.lastName,
          homeWijkId: wijkId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id })
      userIds.set(u.email, user!.id)
      if (u.role) {
        await tx.insert(roleAssignments).values({ userId: user!.id, role: u.role, wijkId: u.role === 'admin' ? null : wijkId, createdAt: now })
      }
      if (current.length) {
        await tx.insert(consents).values(current.map((d) => ({ userId: user!.id, documentId: d.id, channel: 'signup' as const, givenAt: now })))
      }
    }
    const owner = (email: string) => userIds.get(email)!
    const contentWijken = DEMO_WIJKEN.map((w, i) => ({
      id: wijkIds.get(w.slug)!,
      slug: w.slug,
      name: w.name,
      owners: {
        organisation: owner(`organisatie.${w.slug}@lindeburg.test`),
        residents: [owner(i === 0 ? 'bewoner@lindeburg.test' : `bewoner.${w.slug}@lindeburg.test`), owner(`wijkbeheer.${w.slug}@lindeburg.test`)],
        editor: owner(`wijkbeheer.${w.slug}@lindeburg.test`),
      },
    }))
    await seedDemoContent(deps, tx, contentWijken, now)
    await seedDemoIdentity(
      deps,
      tx,
      DEMO_WIJKEN.map((w, i) => ({
        id: wijkIds.get(w.slug)!,
        name: w.name,
        colour: w.colour,
        subscribers: [...new Set([...contentWijken[i]!.owners.residents, contentWijken[i]!.owners.organisation])],
      })),
      now,
    )
    await seedDemoStatistics(tx, now, contentWijken)
    await tx.insert(appMeta).values({ key: SEEDED_KEY, value: now.toISOString() })
  })
  return { created: true, logins: demoLogins() }
}

/**
 * Test data straight into the database, for tests whose subject is something else.
 * Accounts made here are verified and have consented to the current documents.
 *
 * @example const anna = await buildUser(t, { role: 'wijkbeheerder', wijkId })
 */
import { isNotNull, desc } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type { Deps } from '../src/kernel/context.js'
import { hashPassword } from '../src/kernel/auth/password.js'
import { users } from '../src/features/accounts/accounts.tables.js'
import { roleAssignments } from '../src/features/roles/roles.tables.js'
import { legalDocuments, consents, CONSENT_KINDS } from '../src/features/documents/documents.tables.js'
import { cities, wijken, wijkPostcodes } from '../src/features/places/places.tables.js'
import type { Role } from '../src/kernel/policy/actor.js'
import type { TestClient } from './client.js'

export const TEST_PASSWORD = 'correct-horse-battery-9'
let passwordHash: Promise<string> | undefined

export interface BuiltUser {
  id: string
  email: string
  password: string
  firstName: string
}

export async function buildUser(
  t: { deps: Pick<Deps, 'db' | 'clock'> },
  opts: { email?: string; firstName?: string; lastName?: string; role?: Role; wijkId?: number; homeWijkId?: number; lang?: 'nl' | 'en'; verified?: boolean; consent?: boolean } = {},
): Promise<BuiltUser> {
  const { db, clock } = t.deps
  const now = clock.now()
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const email = opts.email ?? `user-${randomBytes(4).toString('hex')}@example.test`
  const firstName = opts.firstName ?? 'Test'
  const [user] = await db
    .insert(users)
    .values({
      email,
      firstName,
      lastName: opts.lastName ?? null,
      passwordHash: await passwordHash,
      emailVerifiedAt: opts.verified === false ? null : now,
      homeWijkId: opts.homeWijkId ?? opts.wijkId ?? null,
      lang: opts.lang ?? 'nl',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id })
  if (opts.role) {
    await db.insert(roleAssignments).values({ userId: user!.id, role: opts.role, wijkId: opts.role === 'admin' ? null : (opts.wijkId ?? null), createdAt: now })
  }
  if (opts.consent !== false) {
    const docs = await db.select().from(legalDocuments).where(isNotNull(legalDocuments.publishedAt)).orderBy(desc(legalDocuments.version))
    for (const kind of CONSENT_KINDS) {
      const doc = docs.find((d) => d.kind === kind)
      if (doc) await db.insert(consents).values({ userId: user!.id, documentId: doc.id, channel: 'signup', givenAt: now })
    }
  }
  return { id: user!.id, email, password: TEST_PASSWORD, firstName }
}

let counter = 0
export async function buildWijk(
  t: { deps: Pick<Deps, 'db' | 'clock'> },
  opts: { slug?: string; name?: string; citySlug?: string; postcodes?: string[]; hostName?: string; launched?: boolean } = {},
): Promise<{ id: number; slug: string; cityId: number; citySlug: string }> {
  const { db, clock } = t.deps
  const now = clock.now()
  counter++
  const citySlug = opts.citySlug ?? `stad-${counter}-${randomBytes(2).toString('hex')}`
  const [city] = await db
    .insert(cities)
    .values({ slug: citySlug, name: `Stad ${counter}`, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: cities.slug, set: { updatedAt: now } })
    .returning()
  const slug = opts.slug ?? `wijk-${counter}-${randomBytes(2).toString('hex')}`
  const [wijk] = await db
    .insert(wijken)
    .values({ cityId: city!.id, slug, name: opts.name ?? `Wijk ${counter}`, hostName: opts.hostName ?? null, launchedAt: opts.launched === false ? null : now, createdAt: now, updatedAt: now })
    .returning()
  if (opts.postcodes?.length) await db.insert(wijkPostcodes).values(opts.postcodes.map((pc4) => ({ wijkId: wijk!.id, pc4 })))
  return { id: wijk!.id, slug, cityId: city!.id, citySlug }
}

/** Logs a client in through the real login form. */
export async function login(client: TestClient, user: { email: string; password: string }): Promise<void> {
  await client.get('/account/inloggen')
  const res = await client.post('/account/inloggen', { email: user.email, password: user.password })
  if (res.status !== 303) throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`)
}

/** A new client of the platform, logged in as the user through the real login form. */
export async function loggedInClient(t: { client(): TestClient }, user: { email: string; password: string }): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  return client
}

/**
 * Writes of cities and wijken. Cities and wijken share one slug namespace (/<slug>/ is either),
 * which no single unique index can guard; so every slug write takes one transaction-scoped
 * advisory lock, checks both tables, and writes. The per-table unique indexes stay as the
 * backstop, and a violation of one becomes a field error, never a 500.
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { cities, wijken, wijkPostcodes } from './places.tables.js'
import type { CityInput, WijkInput, WijkPresentationInput } from './places.schema.js'
import type { ProcessedLogo } from './logo.js'
import { uniqueViolation } from '../../kernel/db/unique-violation.js'

export type ServiceErrors = Record<string, MessageKey>
export type ServiceResult<T> = { ok: true; value: T } | { ok: false; errors: ServiceErrors }

/** Any constant: all slug writes queue behind this one lock, in every process. */
const PLACE_SLUG_LOCK = 0x57_4b_53_4c

class FieldErrors extends Error {
  constructor(readonly errors: ServiceErrors) {
    super('field errors')
  }
}

const CONSTRAINT_FIELDS: Record<string, [string, MessageKey]> = {
  cities_slug_unique: ['slug', 'places.slug.taken'],
  wijken_slug_unique: ['slug', 'places.slug.taken'],
  wijken_host_name_unique: ['hostName', 'places.hostName.taken'],
}

/** Runs a write; known refusals (thrown FieldErrors, unique violations) come back as field errors. */
async function attempt<T>(work: () => Promise<T>): Promise<ServiceResult<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (err) {
    if (err instanceof FieldErrors) return { ok: false, errors: err.errors }
    const constraint = uniqueViolation(err)
    const field = constraint === null ? undefined : CONSTRAINT_FIELDS[constraint]
    if (field) return { ok: false, errors: { [field[0]]: field[1] } }
    throw err
  }
}

async function lockSlugs(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLACE_SLUG_LOCK})`)
}

/** True when a city or wijk other than `self` already uses this slug. */
async function slugTaken(tx: Db, slug: string, self: { city?: number; wijk?: number }): Promise<boolean> {
  const cityWhere = self.city === undefined ? eq(cities.slug, slug) : and(eq(cities.slug, slug), ne(cities.id, self.city))
  const wijkWhere = self.wijk === undefined ? eq(wijken.slug, slug) : and(eq(wijken.slug, slug), ne(wijken.id, self.wijk))
  const [city] = await tx.select({ id: cities.id }).from(cities).where(cityWhere).limit(1)
  if (city) return true
  const [wijk] = await tx.select({ id: wijken.id }).from(wijken).where(wijkWhere).limit(1)
  return wijk !== undefined
}

/** The changed fields' names, for the audit log (never their values). */
function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

type ActorRef = { actorUserId: string }

export async function createCity(deps: Pick<Deps, 'db' | 'clock'>, input: CityInput & ActorRef): Promise<ServiceResult<number>> {
  const now = deps.clock.now()
  return attempt(() =>
    deps.db.transaction(async (tx) => {
      await lockSlugs(tx)
      if (await slugTaken(tx, input.slug, {})) throw new FieldErrors({ slug: 'places.slug.taken' })
      const [row] = await tx.insert(cities).values({ name: input.name, slug: input.slug, createdAt: now, updatedAt: now }).returning({ id: cities.id })
      await recordAudit(tx, now, { actorUserId: input.actorUserId, action: 'city.create', targetType: 'city', targetId: String(row!.id) })
      return row!.id
    }),
  )
}

export async function updateCity(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: CityInput & ActorRef & { id: number },
): Promise<ServiceResult<number>> {
  const now = deps.clock.now()
  return attempt(() =>
    deps.db.transaction(async (tx) => {
      await lockSlugs(tx)
      const [before] = await tx.select({ name: cities.name, slug: cities.slug }).from(cities).where(eq(cities.id, input.id)).for('update')
      if (!before) throw new FieldErrors({ _form: 'error.notFound.body' })
      if (await slugTaken(tx, input.slug, { city: input.id })) throw new FieldErrors({ slug: 'places.slug.taken' })
      const next = { name: input.name, slug: input.slug }
      await tx.update(cities).set({ ...next, updatedAt: now }).where(eq(cities.id, input.id))
      await recordAudit(tx, now, {
        actorUserId: input.actorUserId,
        action: 'city.update',
        targetType: 'city',
        targetId: String(input.id),
        details: { fields: changedFields(before, next) },
      })
      return input.id
    }),
  )
}

async function hostNameTaken(tx: Db, hostName: string, selfId?: number): Promise<boolean> {
  const where = selfId === undefined ? eq(wijken.hostName, hostName) : and(eq(wijken.hostName, hostName), ne(wijken.id, selfId))
  const [row] = await tx.select({ id: wijken.id }).from(wijken).where(where).limit(1)
  return row !== undefined
}

async function cityExists(tx: Db, id: number): Promise<boolean> {
  const [row] = await tx.select({ id: cities.id }).from(cities).where(eq(cities.id, id)).limit(1)
  return row !== undefined
}

interface WijkWriteContext extends ActorRef {
  /** The new logo, already processed; null keeps the current one. */
  logo: Extract<ProcessedLogo, { ok: true }> | null
  /** The platform's own host name: a wijk can never claim it. */
  platformHost: string
}

/** Checks the fields only an admin sets; throws FieldErrors. */
async function checkStructure(tx: Db, input: WijkInput, ctx: WijkWriteContext, selfId?: number): Promise<void> {
  const errors: ServiceErrors = {}
  if (await slugTaken(tx, input.slug, { wijk: selfId })) errors.slug = 'places.slug.taken'
  if (!(await cityExists(tx, input.cityId))) errors.cityId = 'error.required'
  if (input.hostName !== null) {
    if (input.hostName === ctx.platformHost) errors.hostName = 'places.hostName.platform'
    else if (await hostNameTaken(tx, input.hostName, selfId)) errors.hostName = 'places.hostName.taken'
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors)
}

/** Creates a wijk; `launch: false` prepares it unseen by the public until it is launched (places.launch.ts). */
export async function createWijk(
  deps: Pick<Deps, 'db' | 'clock' | 'files'>,
  input: WijkInput & WijkWriteContext & { launch: boolean },
): Promise<ServiceResult<number>> {
  const now = deps.clock.now()
  return attempt(() =>
    deps.db.transaction(async (tx) => {
      await lockSlugs(tx)
      await checkStructure(tx, input, input)
      const [row] = await tx
        .insert(wijken)
        .values({
          cityId: input.cityId,
          slug: input.slug,
          name: input.name,
          introNl: input.introNl,
          introEn: input.introEn,
          colour: input.colour,
          logoPath: input.logo?.key ?? null,
          hostName: input.hostName,
          centerLat: input.centerLat,
          centerLon: input.centerLon,
          launchedAt: input.launch ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: wijken.id })
      const id = row!.id
      if (input.postcodes.length) await tx.insert(wijkPostcodes).values(input.postcodes.map((pc4) => ({ wijkId: id, pc4 })))
      await recordAudit(tx, now, { actorUserId: input.actorUserId, action: 'wijk.create', targetType: 'wijk', targetId: String(id), details: { launched: input.launch } })
      // Inside the transaction: if storing fails, no row points at a missing file.
      if (input.logo) await deps.files.put(input.logo.key, input.logo.data)
      return id
    }),
  )
}

/**
 * Updates a wijk. `structure` is present only when the actor may change the admin-only fields
 * (slug, city, postcodes, host name, centre); without it those stay as they are.
 */
export async function updateWijk(
  deps: Pick<Deps, 'db' | 'clock' | 'files'>,
  input: WijkPresentationInput & WijkWriteContext & { id: number; structure: WijkInput | null },
): Promise<ServiceResult<number>> {
  const now = deps.clock.now()
  let droppedLogo: string | null = null
  const result = await attempt(() =>
    deps.db.transaction(async (tx) => {
      await lockSlugs(tx)
      const [before] = await tx
        .select({
          name: wijken.name,
          introNl: wijken.introNl,
          introEn: wijken.introEn,
          colour: wijken.colour,
          logoPath: wijken.logoPath,
          slug: wijken.slug,
          cityId: wijken.cityId,
          hostName: wijken.hostName,
          hostNameByPackage: wijken.hostNameByPackage,
          centerLat: wijken.centerLat,
          centerLon: wijken.centerLon,
        })
        .from(wijken)
        .where(eq(wijken.id, input.id))
        .for('update')
      if (!before) throw new FieldErrors({ _form: 'error.notFound.body' })
      const s = input.structure
      if (s) await checkStructure(tx, s, input, input.id)

      const logoPath = input.logo ? input.logo.key : input.removeLogo ? null : before.logoPath
      const next = {
        name: input.name,
        introNl: input.introNl,
        introEn: input.introEn,
        colour: input.colour,
        logoPath,
        // A host name the admin changes is the admin's; one left as it was keeps where it came from.
        ...(s
          ? { slug: s.slug, cityId: s.cityId, hostName: s.hostName, hostNameByPackage: s.hostName !== null && s.hostName === before.hostName && before.hostNameByPackage, centerLat: s.centerLat, centerLon: s.centerLon }
          : {}),
      }
      await tx.update(wijken).set({ ...next, updatedAt: now }).where(eq(wijken.id, input.id))

      const fields = changedFields(before, next)
      if (s) {
        const current = await tx.select({ pc4: wijkPostcodes.pc4 }).from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, input.id))
        const had = current.map((r) => r.pc4).sort()
        if (had.join() !== s.postcodes.join()) {
          fields.push('postcodes')
          await tx.delete(wijkPostcodes).where(eq(wijkPostcodes.wijkId, input.id))
          if (s.postcodes.length) await tx.insert(wijkPostcodes).values(s.postcodes.map((pc4) => ({ wijkId: input.id, pc4 })))
        }
      }
      await recordAudit(tx, now, { actorUserId: input.actorUserId, action: 'wijk.update', targetType: 'wijk', targetId: String(input.id), details: { fields } })
      if (input.logo) await deps.files.put(input.logo.key, input.logo.data)
      if (before.logoPath && before.logoPath !== logoPath) droppedLogo = before.logoPath
      return input.id
    }),
  )
  if (result.ok && droppedLogo) await deleteLogoIfUnused(deps, droppedLogo)
  return result
}

export type OwnHostResult = ServiceResult<void> | { ok: false; refused: 'package' | 'byAdmin' }

/**
 * Sets or clears (null) a wijk's own host name for its ambassadeur, under a package (issue 14):
 * the same checks as the admin's form (not the platform's own host, not another wijk's), and
 * `mayOwn` (the policy's `wijk.host.own`, asked by wijkbeheer) only for setting one; clearing a
 * name set this way never needs a package. A name a platform admin set stays theirs: refused.
 * The host map is reloaded at once, so the name routes (or stops routing) right away.
 */
export async function setOwnHostName(
  deps: Pick<Deps, 'db' | 'clock' | 'hostMap'>,
  input: { wijkId: number; hostName: string | null; platformHost: string; actorUserId: string; mayOwn: (tx: Db) => Promise<boolean> },
): Promise<OwnHostResult> {
  const now = deps.clock.now()
  const result = await attempt(() =>
    deps.db.transaction(async (tx) => {
      await lockSlugs(tx)
      const [before] = await tx.select({ hostName: wijken.hostName, byPackage: wijken.hostNameByPackage }).from(wijken).where(eq(wijken.id, input.wijkId)).for('update')
      if (!before) throw new FieldErrors({ _form: 'error.notFound.body' })
      if (before.hostName !== null && !before.byPackage) return 'byAdmin' as const
      if (input.hostName === before.hostName) return 'done' as const
      if (input.hostName !== null) {
        if (!(await input.mayOwn(tx))) return 'package' as const
        if (input.hostName === input.platformHost) throw new FieldErrors({ hostName: 'places.hostName.platform' })
        if (await hostNameTaken(tx, input.hostName, input.wijkId)) throw new FieldErrors({ hostName: 'places.hostName.taken' })
      }
      await tx.update(wijken).set({ hostName: input.hostName, hostNameByPackage: input.hostName !== null, updatedAt: now }).where(eq(wijken.id, input.wijkId))
      await recordAudit(tx, now, { actorUserId: input.actorUserId, action: 'wijk.host', targetType: 'wijk', targetId: String(input.wijkId), details: { hostName: input.hostName } })
      return 'done' as const
    }),
  )
  if (!result.ok) return result
  if (result.value !== 'done') return { ok: false, refused: result.value }
  await deps.hostMap.reload(deps.db)
  return { ok: true, value: undefined }
}

/** Logos are content-addressed, so two wijken can share a file: delete only the last reference. */
async function deleteLogoIfUnused(deps: Pick<Deps, 'db' | 'files'>, key: string): Promise<void> {
  const [user] = await deps.db.select({ id: wijken.id }).from(wijken).where(eq(wijken.logoPath, key)).limit(1)
  if (!user) await deps.files.delete(key)
}

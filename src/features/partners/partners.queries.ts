/**
 * Reads of partners for the admin pages, the public list, the register and Mijn gegevens, with
 * explicit columns. Scope is read for many partners at once (two queries), not per partner.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, or } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { cities, wijken } from '../places/places.tables.js'
import { contentItems, type ContentType } from '../content/content.tables.js'
import { publiclyVisible } from '../content/content.public.js'
import { legalDocuments } from '../documents/documents.tables.js'
import { partnerKeys, partnerKeyUse, partners, partnerScope } from './partners.tables.js'
import { inForce } from './partners.access.js'

export type Partner = typeof partners.$inferSelect

export interface PartnerScope {
  /** What the agreement names. */
  cities: Array<{ id: number; name: string }>
  wijken: Array<{ id: number; name: string; cityName: string }>
  /** Every wijk covered, the wijken of the named cities included (what access and policy use). */
  coveredWijkIds: number[]
}

const EMPTY_SCOPE: PartnerScope = { cities: [], wijken: [], coveredWijkIds: [] }

/** The scope of each of these partners, by partner id. */
export async function scopesOf(db: Db, partnerIds: readonly number[]): Promise<Map<number, PartnerScope>> {
  const out = new Map<number, PartnerScope>()
  if (partnerIds.length === 0) return out
  const named = await db
    .select({
      partnerId: partnerScope.partnerId,
      cityId: partnerScope.cityId,
      cityName: cities.name,
      wijkId: partnerScope.wijkId,
      wijkName: wijken.name,
    })
    .from(partnerScope)
    .leftJoin(cities, eq(cities.id, partnerScope.cityId))
    .leftJoin(wijken, eq(wijken.id, partnerScope.wijkId))
    .where(inArray(partnerScope.partnerId, [...partnerIds]))
  const cityIds = [...new Set(named.flatMap((r) => (r.cityId === null ? [] : [r.cityId])))]
  const namedWijkIds = [...new Set(named.flatMap((r) => (r.wijkId === null ? [] : [r.wijkId])))]
  const allWijken = cityIds.length + namedWijkIds.length
    ? await db
        .select({ id: wijken.id, cityId: wijken.cityId, cityName: cities.name })
        .from(wijken)
        .innerJoin(cities, eq(cities.id, wijken.cityId))
        .where(or(cityIds.length ? inArray(wijken.cityId, cityIds) : undefined, namedWijkIds.length ? inArray(wijken.id, namedWijkIds) : undefined))
    : []
  const cityOf = new Map(allWijken.map((w) => [w.id, w.cityName]))
  for (const id of partnerIds) out.set(id, { cities: [], wijken: [], coveredWijkIds: [] })
  for (const r of named) {
    const scope = out.get(r.partnerId)!
    if (r.cityId !== null) scope.cities.push({ id: r.cityId, name: r.cityName ?? '' })
    if (r.wijkId !== null) scope.wijken.push({ id: r.wijkId, name: r.wijkName ?? '', cityName: cityOf.get(r.wijkId) ?? '' })
  }
  for (const scope of out.values()) {
    const inCities = allWijken.filter((w) => scope.cities.some((c) => c.id === w.cityId)).map((w) => w.id)
    scope.coveredWijkIds = [...new Set([...inCities, ...scope.wijken.map((w) => w.id)])].sort((a, b) => a - b)
    scope.cities.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    scope.wijken.sort((a, b) => a.cityName.localeCompare(b.cityName, 'nl') || a.name.localeCompare(b.name, 'nl'))
  }
  return out
}

export interface PartnerRow {
  partner: Partner
  scope: PartnerScope
  activeKeys: number
}

/** Every partner with its scope and number of active keys, newest first. */
export async function listPartners(db: Db): Promise<PartnerRow[]> {
  const rows = await db.select().from(partners).orderBy(desc(partners.createdAt), desc(partners.id))
  const [scopes, keys] = await Promise.all([
    scopesOf(
      db,
      rows.map((p) => p.id),
    ),
    db
      .select({ partnerId: partnerKeys.partnerId, n: count() })
      .from(partnerKeys)
      .where(isNull(partnerKeys.revokedAt))
      .groupBy(partnerKeys.partnerId),
  ])
  const activeKeys = new Map(keys.map((k) => [k.partnerId, k.n]))
  return rows.map((partner) => ({ partner, scope: scopes.get(partner.id) ?? EMPTY_SCOPE, activeKeys: activeKeys.get(partner.id) ?? 0 }))
}

/** One partner with its scope; null when there is none. */
export async function findPartner(db: Db, id: number): Promise<{ partner: Partner; scope: PartnerScope } | null> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, id)).limit(1)
  if (!partner) return null
  return { partner, scope: (await scopesOf(db, [id])).get(id) ?? EMPTY_SCOPE }
}

export interface KeyRow {
  id: number
  label: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** A partner's keys, newest first. Never the hash. */
export function listKeys(db: Db, partnerId: number): Promise<KeyRow[]> {
  return db
    .select({ id: partnerKeys.id, label: partnerKeys.label, prefix: partnerKeys.prefix, createdAt: partnerKeys.createdAt, lastUsedAt: partnerKeys.lastUsedAt, revokedAt: partnerKeys.revokedAt })
    .from(partnerKeys)
    .where(eq(partnerKeys.partnerId, partnerId))
    .orderBy(desc(partnerKeys.createdAt), desc(partnerKeys.id))
}

/** Requests per key per day since `fromDay` ("YYYY-MM-DD"), newest day first. */
export function keyUseSince(db: Db, partnerId: number, fromDay: string) {
  return db
    .select({ day: partnerKeyUse.day, keyId: partnerKeyUse.keyId, prefix: partnerKeys.prefix, label: partnerKeys.label, requests: partnerKeyUse.requests })
    .from(partnerKeyUse)
    .innerJoin(partnerKeys, eq(partnerKeys.id, partnerKeyUse.keyId))
    .where(and(eq(partnerKeys.partnerId, partnerId), gte(partnerKeyUse.day, fromDay)))
    .orderBy(desc(partnerKeyUse.day), asc(partnerKeys.id))
}

/** Published versions of the Deelovereenkomst, newest first: what a partner can have signed. */
export function sharingVersions(db: Db) {
  return db
    .select({ id: legalDocuments.id, version: legalDocuments.version, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, 'sharing'), isNotNull(legalDocuments.publishedAt)))
    .orderBy(desc(legalDocuments.version))
}

export interface PublicPartner {
  id: number
  name: string
  purposeNl: string
  purposeEn: string
  contentTypes: ContentType[]
  startsOn: string
  endsOn: string | null
  scope: PartnerScope
}

/**
 * The partners whose agreement is in force now, by name: for /partners, the register and Mijn
 * gegevens. Never the contact person: they are the partner's people, not the public's business.
 */
export async function publicPartners(db: Db, now: Date): Promise<PublicPartner[]> {
  const rows = (await db.select().from(partners).where(eq(partners.status, 'actief')).orderBy(asc(partners.name))).filter((p) => inForce(p, now))
  const scopes = await scopesOf(
    db,
    rows.map((p) => p.id),
  )
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    purposeNl: p.purposeNl,
    purposeEn: p.purposeEn,
    contentTypes: p.contentTypes,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    scope: scopes.get(p.id) ?? EMPTY_SCOPE,
  }))
}

/**
 * The partners in force that can show at least one of this person's items now: a published,
 * publicly visible item that is shared, in a wijk and of a type the agreement covers.
 */
export async function partnersShowingOwner(db: Db, ownerId: string, now: Date): Promise<PublicPartner[]> {
  const inForceNow = await publicPartners(db, now)
  if (inForceNow.length === 0) return []
  const items = await db
    .selectDistinct({ wijkId: contentItems.wijkId, type: contentItems.type })
    .from(contentItems)
    .where(and(eq(contentItems.ownerId, ownerId), eq(contentItems.sharedWithPartners, true), publiclyVisible(now)))
  return inForceNow.filter((p) => items.some((i) => p.contentTypes.includes(i.type) && p.scope.coveredWijkIds.includes(i.wijkId)))
}

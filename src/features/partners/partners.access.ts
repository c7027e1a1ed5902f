/**
 * When a partner may receive content, and which (P11). One rule, used by the API, the widgets
 * and the partner feeds alike: an agreement gives access only while its status is "actief" and
 * today (Amsterdam) lies between its start and end date; its scope is the wijken it names plus
 * every wijk of the cities it names, and the content types it names.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { wijken } from '../places/places.tables.js'
import { launchedWijken } from '../places/places.queries.js'
import { localDate, toLocal } from '../content/content.recurrence.js'
import type { ContentType } from '../content/content.tables.js'
import { partnerKeys, partners, partnerScope, type PartnerStatus } from './partners.tables.js'
import { looksLikeKey } from './partners.keys.js'

/** What one request of a partner may see. */
export interface PartnerAccess {
  partnerId: number
  keyId: number
  ratePerMinute: number
  origins: readonly string[]
  types: readonly ContentType[]
  /** Every wijk in scope, cities expanded. */
  wijkIds: readonly number[]
}

export type KeyCheck = { ok: true; access: PartnerAccess } | { ok: false; reason: 'unknown' | 'revoked' | 'not-in-force' }

/** The agreement's date rule, as "YYYY-MM-DD" strings (they compare in date order). */
export function inForce(p: { status: PartnerStatus; startsOn: string; endsOn: string | null }, now: Date): boolean {
  const today = localDate(toLocal(now))
  return p.status === 'actief' && p.startsOn <= today && (p.endsOn === null || today <= p.endsOn)
}

/**
 * The launched wijken a partner's scope covers today (a city covers wijken added after signing
 * too; a wijk being prepared joins the scope when it is launched).
 */
export async function scopeWijkIds(db: Db, partnerId: number): Promise<number[]> {
  const scope = await db.select({ cityId: partnerScope.cityId, wijkId: partnerScope.wijkId }).from(partnerScope).where(eq(partnerScope.partnerId, partnerId))
  const cityIds = scope.flatMap((s) => (s.cityId === null ? [] : [s.cityId]))
  const named = scope.flatMap((s) => (s.wijkId === null ? [] : [s.wijkId]))
  if (cityIds.length === 0 && named.length === 0) return []
  const inCities = await db
    .select({ id: wijken.id })
    .from(wijken)
    .where(and(launchedWijken, or(cityIds.length > 0 ? inArray(wijken.cityId, cityIds) : undefined, named.length > 0 ? inArray(wijken.id, named) : undefined)))
  return [...new Set(inCities.map((w) => w.id))].sort((a, b) => a - b)
}

/** What the database says about a key: its partner's agreement and scope, or nothing (unknown). */
export interface KeyRecord {
  keyId: number
  revokedAt: Date | null
  partnerId: number
  status: PartnerStatus
  startsOn: string
  endsOn: string | null
  ratePerMinute: number
  origins: string[]
  types: ContentType[]
  wijkIds: number[]
}

/** Reads a presented key with its agreement and scope (two reads); null when no key has that hash. */
export async function loadKey(db: Db, token: string): Promise<KeyRecord | null> {
  if (!looksLikeKey(token)) return null
  const [row] = await db
    .select({
      keyId: partnerKeys.id,
      revokedAt: partnerKeys.revokedAt,
      partnerId: partners.id,
      status: partners.status,
      startsOn: partners.startsOn,
      endsOn: partners.endsOn,
      ratePerMinute: partners.ratePerMinute,
      origins: partners.origins,
      types: partners.contentTypes,
    })
    .from(partnerKeys)
    .innerJoin(partners, eq(partners.id, partnerKeys.partnerId))
    .where(eq(partnerKeys.tokenHash, hashToken(token)))
    .limit(1)
  if (!row) return null
  return { ...row, wijkIds: await scopeWijkIds(db, row.partnerId) }
}

/** The access a key's record gives at this moment (dates are judged now, not when it was read). */
export function judgeKey(record: KeyRecord | null, now: Date): KeyCheck {
  if (!record) return { ok: false, reason: 'unknown' }
  if (record.revokedAt !== null) return { ok: false, reason: 'revoked' }
  if (!inForce(record, now)) return { ok: false, reason: 'not-in-force' }
  const { partnerId, keyId, ratePerMinute, origins, types, wijkIds } = record
  return { ok: true, access: { partnerId, keyId, ratePerMinute, origins, types, wijkIds } }
}

/** Partners whose agreement is in force now, for the public list and the register. */
export async function partnersInForce(db: Db, now: Date) {
  const rows = await db.select().from(partners).where(and(eq(partners.status, 'actief')))
  return rows.filter((p) => inForce(p, now))
}

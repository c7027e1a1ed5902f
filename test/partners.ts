/**
 * Partners with an agreement and a key, straight into the database, for tests of what partners
 * receive (the API, widgets). The admin pages that make them are tested through HTTP themselves.
 *
 * @example const p = await buildPartner(t, { wijkIds: [a.id] }); await client.get('/api/v1/news', bearer(p.key))
 */
import type { Deps } from '../src/kernel/context.js'
import { CONTENT_TYPES, type ContentType } from '../src/features/content/content.tables.js'
import { partners, partnerScope, type PartnerStatus } from '../src/features/partners/partners.tables.js'
import { issueKey } from '../src/features/partners/partners.keys.js'

export interface BuiltPartner {
  id: number
  key: string
  keyId: number
}

export async function buildPartner(
  t: { deps: Pick<Deps, 'db' | 'clock'> },
  opts: { wijkIds?: number[]; cityIds?: number[]; types?: ContentType[]; status?: PartnerStatus; startsOn?: string; endsOn?: string | null; ratePerMinute?: number; origins?: string[]; name?: string } = {},
): Promise<BuiltPartner> {
  const { db, clock } = t.deps
  const now = clock.now()
  const [row] = await db
    .insert(partners)
    .values({
      name: opts.name ?? 'Stadsnetwerk',
      contactName: 'Partner Contactpersoon',
      contactEmail: 'contact@partner.test',
      origins: opts.origins ?? [],
      purposeNl: 'De wijkagenda op onze site tonen.',
      purposeEn: 'Show the wijk agenda on our site.',
      contentTypes: opts.types ?? [...CONTENT_TYPES],
      startsOn: opts.startsOn ?? '2026-01-01',
      endsOn: opts.endsOn ?? null,
      status: opts.status ?? 'actief',
      ratePerMinute: opts.ratePerMinute ?? 600,
      signedBy: 'P. Artner',
      signedOn: '2026-01-01',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: partners.id })
  const scope = [...(opts.wijkIds ?? []).map((wijkId) => ({ partnerId: row!.id, wijkId })), ...(opts.cityIds ?? []).map((cityId) => ({ partnerId: row!.id, cityId }))]
  if (scope.length > 0) await db.insert(partnerScope).values(scope)
  const key = await issueKey(db, row!.id, 'test', null, now)
  return { id: row!.id, key: key.token, keyId: key.id }
}

/** The Authorization header of a key. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` }
}

/**
 * Changing partners and their keys (P11). Every change is audited with ids and field names
 * only: the contact person's name and address never go into the audit log.
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { partners, partnerScope, type PartnerStatus } from './partners.tables.js'
import { issueKey, revokeKey, type IssuedKey } from './partners.keys.js'
import { NEXT_STATUSES, type PartnerInput } from './partners.schema.js'
import type { Partner } from './partners.queries.js'

type PartnerDeps = Pick<Deps, 'db' | 'clock'>

function columns(input: PartnerInput) {
  const { cityIds: _cities, wijkIds: _wijken, ...rest } = input
  return rest
}

async function writeScope(tx: Db, partnerId: number, input: PartnerInput): Promise<void> {
  await tx.delete(partnerScope).where(eq(partnerScope.partnerId, partnerId))
  const rows = [...input.cityIds.map((cityId) => ({ partnerId, cityId })), ...input.wijkIds.map((wijkId) => ({ partnerId, wijkId }))]
  if (rows.length) await tx.insert(partnerScope).values(rows)
}

/** What the audit row says about a saved agreement: its shape, not its people. */
function auditDetails(input: PartnerInput) {
  return { cityIds: input.cityIds, wijkIds: input.wijkIds, contentTypes: input.contentTypes, startsOn: input.startsOn, endsOn: input.endsOn, agreementDocumentId: input.agreementDocumentId, origins: input.origins.length }
}

export async function createPartner(deps: PartnerDeps, actorId: string, input: PartnerInput): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partners)
      .values({ ...columns(input), status: 'concept', createdAt: now, updatedAt: now })
      .returning({ id: partners.id })
    await writeScope(tx, row!.id, input)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'partner.create', targetType: 'partner', targetId: String(row!.id), details: auditDetails(input) })
    return row!.id
  })
}

export async function updatePartner(deps: PartnerDeps, actorId: string, id: number, input: PartnerInput): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(partners).set({ ...columns(input), updatedAt: now }).where(eq(partners.id, id))
    await writeScope(tx, id, input)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'partner.edit', targetType: 'partner', targetId: String(id), details: auditDetails(input) })
  })
}

/** Whether an agreement has what activating it needs: the signed version, who signed and when. */
export function isSigned(p: Pick<Partner, 'agreementDocumentId' | 'signedBy' | 'signedOn'>): boolean {
  return p.agreementDocumentId !== null && Boolean(p.signedBy) && p.signedOn !== null
}

export type StatusChange = { ok: true } | { ok: false; reason: 'not-allowed' | 'unsigned' }

/**
 * Moves a partner to another status. Suspending or ending cuts access at once, because every
 * key check reads the status (partners.access.ts); nothing else needs to happen here.
 */
export async function changeStatus(deps: PartnerDeps, actorId: string, partner: Partner, to: PartnerStatus): Promise<StatusChange> {
  if (!NEXT_STATUSES[partner.status].includes(to)) return { ok: false, reason: 'not-allowed' }
  if (to === 'actief' && !isSigned(partner)) return { ok: false, reason: 'unsigned' }
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    // Compare-and-set: of two admins changing the status at once, the second finds it changed.
    const rows = await tx
      .update(partners)
      .set({ status: to, updatedAt: now })
      .where(and(eq(partners.id, partner.id), eq(partners.status, partner.status)))
      .returning({ id: partners.id })
    if (rows.length === 0) return { ok: false, reason: 'not-allowed' } as const
    await recordAudit(tx, now, { actorUserId: actorId, action: 'partner.status', targetType: 'partner', targetId: String(partner.id), details: { from: partner.status, to } })
    return { ok: true } as const
  })
}

/** A new key for a partner; the token in the answer is the only copy there will ever be. */
export async function createKey(deps: PartnerDeps, actorId: string, partnerId: number, label: string): Promise<IssuedKey> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const key = await issueKey(tx, partnerId, label, actorId, now)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'partner.key.create', targetType: 'partner', targetId: String(partnerId), details: { keyId: key.id, prefix: key.prefix } })
    return key
  })
}

/** Revokes a key of this partner; false when it was revoked already or is another partner's. */
export async function revokePartnerKey(deps: PartnerDeps, actorId: string, partnerId: number, keyId: number): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    if (!(await revokeKey(tx, partnerId, keyId, now))) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'partner.key.revoke', targetType: 'partner', targetId: String(partnerId), details: { keyId } })
    return true
  })
}

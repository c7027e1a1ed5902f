/**
 * Writes of the wijk team's own area: dashboard visits, the wijk's links to resident-run
 * websites, and offline participants (assisted posting). Callers have authorised the actor for
 * the wijk; every write names the wijk, so an id of another wijk changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { wijkbeheerVisits } from './wijkbeheer.tables.js'
import { offlineParticipants } from '../content/content.tables.js'
import { wijkLinks } from '../places/places.tables.js'
import type { LinkInput, ParticipantEditInput, ParticipantInput } from './wijkbeheer.schema.js'

type WriteDeps = Pick<Deps, 'db' | 'clock'>

/** Remembers this visit of the dashboard; the next visit shows what changed since. */
export async function recordVisit(deps: WriteDeps, userId: string, wijkId: number): Promise<void> {
  const now = deps.clock.now()
  await deps.db
    .insert(wijkbeheerVisits)
    .values({ userId, wijkId, lastVisitAt: now })
    .onConflictDoUpdate({ target: [wijkbeheerVisits.userId, wijkbeheerVisits.wijkId], set: { lastVisitAt: now } })
}

// -- Links --------------------------------------------------------------------------------------

export const MAX_LINKS = 20

/** Adds a link at the end; false when the wijk already has the maximum. */
export async function addLink(deps: WriteDeps, actorId: string, wijkId: number, input: LinkInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [n] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number), max: sql<number>`coalesce(max(${wijkLinks.position}), -1)`.mapWith(Number) })
      .from(wijkLinks)
      .where(eq(wijkLinks.wijkId, wijkId))
    if ((n?.n ?? 0) >= MAX_LINKS) return false
    const [row] = await tx
      .insert(wijkLinks)
      .values({ wijkId, title: input.title, url: input.url, position: (n?.max ?? -1) + 1 })
      .returning({ id: wijkLinks.id })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'wijk.link.add', targetType: 'wijk', targetId: String(wijkId), details: { linkId: row!.id } })
    return true
  })
}

/** False when the link is not one of this wijk's. */
export async function updateLink(deps: WriteDeps, actorId: string, wijkId: number, linkId: number, input: LinkInput): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(wijkLinks)
      .set({ title: input.title, url: input.url })
      .where(and(eq(wijkLinks.id, linkId), eq(wijkLinks.wijkId, wijkId)))
      .returning({ id: wijkLinks.id })
    if (rows.length === 0) return false
    await recordAudit(tx, deps.clock.now(), { actorUserId: actorId, action: 'wijk.link.edit', targetType: 'wijk', targetId: String(wijkId), details: { linkId } })
    return true
  })
}

export async function deleteLink(deps: WriteDeps, actorId: string, wijkId: number, linkId: number): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .delete(wijkLinks)
      .where(and(eq(wijkLinks.id, linkId), eq(wijkLinks.wijkId, wijkId)))
      .returning({ id: wijkLinks.id })
    if (rows.length === 0) return false
    await recordAudit(tx, deps.clock.now(), { actorUserId: actorId, action: 'wijk.link.delete', targetType: 'wijk', targetId: String(wijkId), details: { linkId } })
    return true
  })
}

// -- Offline participants ------------------------------------------------------------------------

/** Registers someone who takes part on paper; who recorded the consent is kept. */
export async function registerParticipant(deps: WriteDeps, actorId: string, wijkId: number, input: ParticipantInput): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offlineParticipants)
      .values({ wijkId, name: input.name, howToReach: input.howToReach, paperConsentOn: input.paperConsentOn, recordedBy: actorId, createdAt: now, updatedAt: now })
      .returning({ id: offlineParticipants.id })
    await recordAudit(tx, now, {
      actorUserId: actorId,
      action: 'wijk.offline.register',
      targetType: 'offline-participant',
      targetId: String(row!.id),
      details: { wijkId, paperConsentOn: input.paperConsentOn },
    })
    return row!.id
  })
}

export async function updateParticipant(deps: WriteDeps, actorId: string, wijkId: number, id: number, input: ParticipantEditInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(offlineParticipants)
      .set({ name: input.name, howToReach: input.howToReach, paperConsentOn: input.paperConsentOn, updatedAt: now })
      .where(and(eq(offlineParticipants.id, id), eq(offlineParticipants.wijkId, wijkId)))
      .returning({ id: offlineParticipants.id })
    if (rows.length === 0) return false
    await recordAudit(tx, now, {
      actorUserId: actorId,
      action: 'wijk.offline.edit',
      targetType: 'offline-participant',
      targetId: String(id),
      details: { wijkId, fields: ['name', 'howToReach', 'paperConsentOn'] },
    })
    return true
  })
}

// -- Residents list (P13) ---------------------------------------------------------------------------

/**
 * Records that the actor saw the residents list: one access-log row per person shown (so each
 * sees it under "who looked at my data" on Mijn gegevens), plus one row for the wijk with the
 * count. Written in one transaction, in chunks, as plain inserts (details hold ids only).
 */
export async function recordResidentsViewed(deps: WriteDeps, actorId: string, wijkId: number, residentIds: string[]): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, now, { actorUserId: actorId, action: 'wijk.users.list', targetType: 'wijk', targetId: String(wijkId), details: { shown: residentIds.length } })
    for (let i = 0; i < residentIds.length; i += 500) {
      await tx.insert(auditLog).values(
        residentIds.slice(i, i + 500).map((subjectUserId) => ({
          at: now,
          actorUserId: actorId,
          action: 'wijk.users.view',
          subjectUserId,
          targetType: 'wijk',
          targetId: String(wijkId),
          details: { fields: ['firstName', 'lastName', 'email'] },
        })),
      )
    }
  })
}

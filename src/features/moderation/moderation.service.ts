/**
 * Writes of moderation: the wijk team edits (through my-content's own edit path), hides and
 * publishes items again, and decides on reports; residents file reports. Each action is
 * recorded with recordAudit (who, what, why) on target ('content', id), which is the item's
 * moderation record; when it concerns the owner, the owner is subject (their access log) and is
 * mailed in the same transaction. Callers have authorised the actor (wijk.content.moderate for
 * the item's own wijk; content.report for a report).
 */
import { and, count, eq, lte, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { contentItems } from '../content/content.tables.js'
import { updateItemIn } from '../my-content/my-content.service.js'
import type { ItemColumns } from '../my-content/my-content.form.js'
import { contentReports, wijkReportNotices, type REPORT_REASONS } from './moderation.tables.js'
import { ownerOf, wijkTeam, type ModeratedItem } from './moderation.queries.js'
import { editedMail, hiddenByReportsMail, hiddenMail, reportQueueMail, republishedMail } from './moderation.emails.js'

/** Reports by this many different people hide an item until the wijk team decides. */
export const REPORTS_TO_HIDE = 3

type Item = Pick<ModeratedItem, 'id' | 'title' | 'ownerId' | 'wijkId' | 'status' | 'hiddenKind'>
interface Actor {
  id: string
  firstName: string
}
type MailDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>

const target = (item: { id: number }) => ({ targetType: 'content', targetId: String(item.id) })
const ref = (item: Item, wijkName: string) => ({ id: item.id, title: item.title, wijkName })

/** Opening the edit form shows the owner's non-public contact fields: that is in their access log. */
export async function recordModeratorView(deps: Pick<Deps, 'db' | 'clock'>, item: Item, actorId: string): Promise<void> {
  if (!item.ownerId || item.ownerId === actorId) return
  await recordAudit(deps.db, deps.clock.now(), {
    actorUserId: actorId,
    action: 'moderation.view',
    subjectUserId: item.ownerId,
    ...target(item),
    details: { fields: ['contactName', 'contactEmail', 'contactPhone', 'contactAddress'] },
  })
}

/**
 * The wijk team's edit: the same write as the owner's (updateItemIn), plus the record and a mail
 * to the owner naming who changed which fields. Nothing changed, nothing recorded or mailed.
 */
export async function moderatorEdit(deps: MailDeps, p: { item: Item; wijkName: string; actor: Actor; columns: ItemColumns; themeIds: number[] }): Promise<string[]> {
  const now = deps.clock.now()
  const changed = await deps.db.transaction(async (tx) => {
    const fields = await updateItemIn(tx, now, p.item.id, p.columns, p.themeIds)
    if (fields.length === 0) return fields
    await recordAudit(tx, now, { actorUserId: p.actor.id, action: 'moderation.edit', subjectUserId: p.item.ownerId, ...target(p.item), details: { fields } })
    const owner = p.item.ownerId && p.item.ownerId !== p.actor.id ? await ownerOf(tx, p.item) : null
    if (owner) {
      await queueMail(tx, now, {
        key: `moderation.edited:${p.item.id}:${now.getTime()}`,
        to: owner.email,
        userId: owner.id,
        ...editedMail(deps.config, owner, ref(p.item, p.wijkName), { actorName: p.actor.firstName, fields }),
      })
    }
    return fields
  })
  if (changed.length) deps.wakeJobs()
  return changed
}

async function hideIn(tx: Db, deps: MailDeps, now: Date, p: { item: Item; wijkName: string; actor: Actor; reason: string }): Promise<void> {
  await tx
    .update(contentItems)
    .set({ status: 'hidden', hiddenKind: 'moderator', hiddenBy: p.actor.id, hiddenAt: now, hiddenReason: p.reason, republishRequestedAt: null, updatedAt: now })
    .where(eq(contentItems.id, p.item.id))
  const owner = await ownerOf(tx, p.item)
  if (owner && owner.id !== p.actor.id) {
    await queueMail(tx, now, {
      key: `moderation.hidden:${p.item.id}:${now.getTime()}`,
      to: owner.email,
      userId: owner.id,
      ...hiddenMail(deps.config, owner, ref(p.item, p.wijkName), { actorName: p.actor.firstName, reason: p.reason }),
    })
  }
}

/** Back on the public site; the hide marks and any request to publish again are cleared. */
async function publishAgainIn(tx: Db, deps: MailDeps, now: Date, p: { item: Item; wijkName: string; actor: Actor }): Promise<boolean> {
  const rows = await tx
    .update(contentItems)
    .set({
      status: 'published',
      publishedAt: sql`coalesce(${contentItems.publishedAt}, ${now})`,
      hiddenKind: null,
      hiddenBy: null,
      hiddenAt: null,
      hiddenReason: null,
      republishRequestedAt: null,
      updatedAt: now,
    })
    .where(and(eq(contentItems.id, p.item.id), eq(contentItems.status, 'hidden')))
    .returning({ id: contentItems.id })
  if (rows.length === 0) return false
  const owner = await ownerOf(tx, p.item)
  if (owner && owner.id !== p.actor.id) {
    await queueMail(tx, now, {
      key: `moderation.republished:${p.item.id}:${now.getTime()}`,
      to: owner.email,
      userId: owner.id,
      ...republishedMail(deps.config, owner, ref(p.item, p.wijkName), { actorName: p.actor.firstName }),
    })
  }
  return true
}

/** Hides the item with a reason the owner reads (mail and Mijn content); they can fix it and ask again. */
export async function hideItem(deps: MailDeps, p: { item: Item; wijkName: string; actor: Actor; reason: string }): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await hideIn(tx, deps, now, p)
    await recordAudit(tx, now, { actorUserId: p.actor.id, action: 'moderation.hide', subjectUserId: p.item.ownerId, ...target(p.item), details: { reason: p.reason } })
  })
  deps.wakeJobs()
}

export type UnhideResult = 'published' | 'notHidden' | 'needsDecision'

/**
 * Publishes a hidden item again (e.g. after the owner fixed it and asked). Publishing it again is
 * a decision to keep it, so open reports on it are resolved with the team's explanation, like
 * decideReports does: none stays open in the queue. With open reports and no explanation nothing
 * changes ('needsDecision'); 'notHidden' when it was not hidden (any more).
 */
export async function unhideItem(deps: MailDeps, p: { item: Item; wijkName: string; actor: Actor; decision?: string | null }): Promise<UnhideResult> {
  const now = deps.clock.now()
  const decision = p.decision?.trim() || null
  const result = await deps.db.transaction(async (tx): Promise<UnhideResult> => {
    const [open] = await tx
      .select({ n: count() })
      .from(contentReports)
      .where(and(eq(contentReports.contentId, p.item.id), eq(contentReports.status, 'open')))
    if (Number(open?.n ?? 0) > 0 && decision === null) return 'needsDecision'
    if (!(await publishAgainIn(tx, deps, now, p))) return 'notHidden'
    // Also a report filed between the count and now: the explanation covers the item as published.
    const resolved = decision
      ? await tx
          .update(contentReports)
          .set({ status: 'resolved', resolvedAt: now, resolvedBy: p.actor.id, decision })
          .where(and(eq(contentReports.contentId, p.item.id), eq(contentReports.status, 'open')))
          .returning({ id: contentReports.id })
      : []
    await recordAudit(tx, now, {
      actorUserId: p.actor.id,
      action: 'moderation.unhide',
      subjectUserId: p.item.ownerId,
      ...target(p.item),
      ...(resolved.length > 0 ? { details: { outcome: 'keep', decision, reports: resolved.length } } : {}),
    })
    return 'published'
  })
  if (result === 'published') deps.wakeJobs()
  return result
}

export type Outcome = 'keep' | 'hide'

/**
 * The team's decision on an item's open reports: all of them are resolved with the decision
 * text. 'keep' publishes an item the reports hid; 'hide' hides it with the decision as reason.
 */
export async function decideReports(deps: MailDeps, p: { item: Item; wijkName: string; actor: Actor; decision: string; outcome: Outcome }): Promise<number> {
  const now = deps.clock.now()
  const resolved = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(contentReports)
      .set({ status: 'resolved', resolvedAt: now, resolvedBy: p.actor.id, decision: p.decision })
      .where(and(eq(contentReports.contentId, p.item.id), eq(contentReports.status, 'open')))
      .returning({ id: contentReports.id })
    if (p.outcome === 'hide') await hideIn(tx, deps, now, { ...p, reason: p.decision })
    else if (p.item.status === 'hidden' && p.item.hiddenKind === 'reports') await publishAgainIn(tx, deps, now, p)
    await recordAudit(tx, now, {
      actorUserId: p.actor.id,
      action: 'moderation.decide',
      subjectUserId: p.item.ownerId,
      ...target(p.item),
      details: { outcome: p.outcome, decision: p.decision, reports: rows.length },
    })
    return rows.length
  })
  deps.wakeJobs()
  return resolved
}

export type ReportResult = 'filed' | 'duplicate'

/**
 * A resident reports a public item. One report per person per item (the unique constraint
 * decides, also for two clicks at once). The third different reporter hides the item at once;
 * a growing queue mails the wijk team, at most once a day per wijk.
 */
export async function fileReport(
  deps: MailDeps,
  p: { item: { id: number; wijkId: number }; wijkName: string; reporterId: string; reason: (typeof REPORT_REASONS)[number]; message: string },
): Promise<ReportResult> {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx): Promise<ReportResult> => {
    const inserted = await tx
      .insert(contentReports)
      .values({ contentId: p.item.id, wijkId: p.item.wijkId, reporterUserId: p.reporterId, reason: p.reason, message: p.message, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: contentReports.id })
    if (inserted.length === 0) return 'duplicate'

    const [open] = await tx
      .select({ n: count() })
      .from(contentReports)
      .where(and(eq(contentReports.contentId, p.item.id), eq(contentReports.status, 'open')))
    const reports = Number(open?.n ?? 0)
    if (reports >= REPORTS_TO_HIDE) {
      const hidden = await tx
        .update(contentItems)
        .set({ status: 'hidden', hiddenKind: 'reports', hiddenBy: null, hiddenAt: now, hiddenReason: null, republishRequestedAt: null, updatedAt: now })
        .where(and(eq(contentItems.id, p.item.id), eq(contentItems.status, 'published')))
        .returning({ id: contentItems.id, title: contentItems.title, ownerId: contentItems.ownerId })
      const item = hidden[0]
      if (item) {
        await recordAudit(tx, now, { actorUserId: null, action: 'moderation.hide.reports', ...target(p.item), details: { reports } })
        const owner = await ownerOf(tx, item)
        if (owner) {
          await queueMail(tx, now, {
            key: `moderation.hidden-reports:${p.item.id}:${now.getTime()}`,
            to: owner.email,
            userId: owner.id,
            ...hiddenByReportsMail(deps.config, owner, { id: p.item.id, title: item.title, wijkName: p.wijkName }),
          })
        }
      }
    }

    // Claim today's notice for this wijk: only the report that moves the stamp mails the team.
    const claimed = await tx
      .insert(wijkReportNotices)
      .values({ wijkId: p.item.wijkId, lastMailedAt: now })
      .onConflictDoUpdate({ target: wijkReportNotices.wijkId, set: { lastMailedAt: now }, setWhere: lte(wijkReportNotices.lastMailedAt, addMs(now, -DAY)) })
      .returning({ wijkId: wijkReportNotices.wijkId })
    if (claimed.length) {
      const [queue] = await tx
        .select({ n: count() })
        .from(contentReports)
        .where(and(eq(contentReports.wijkId, p.item.wijkId), eq(contentReports.status, 'open')))
      for (const member of await wijkTeam(tx, p.item.wijkId)) {
        await queueMail(tx, now, {
          key: `moderation.queue:${p.item.wijkId}:${member.id}:${now.toISOString().slice(0, 10)}`,
          to: member.email,
          userId: member.id,
          ...reportQueueMail(deps.config, member, { wijkId: p.item.wijkId, wijkName: p.wijkName, open: Number(queue?.n ?? 0) }),
        })
      }
    }
    return 'filed'
  })
  if (result === 'filed') deps.wakeJobs()
  return result
}

/**
 * The register of processing activities and processors (P12): the shipped defaults, the admin's
 * edits (each audited), and the check other features make before handing data to a processor.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { appMeta } from '../../kernel/audit/audit.tables.js'
import { processingActivities, processors } from './register.tables.js'
import { DEFAULT_ACTIVITIES, DEFAULT_PROCESSORS } from './register.defaults.js'
import type { ActivityInput, ProcessorInput } from './register.schema.js'

/** app_meta key listing every default key ever inserted, so a default the admin deleted stays deleted. */
const SEEDED_KEYS = 'register.seeded-keys'

/**
 * Inserts the default activities and processors whose key was never inserted before. Rows that
 * exist are never touched (the admin may have edited them), and a default the admin deleted is
 * not brought back; a default added in a later release is inserted on the next start.
 */
export async function ensureDefaultRegister(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const { db, clock } = deps
  const now = clock.now()
  const [meta] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SEEDED_KEYS))
  const seeded = new Set<string>(meta ? (JSON.parse(meta.value) as string[]) : [])
  const missingActivities = DEFAULT_ACTIVITIES.filter((a) => !seeded.has(`activity:${a.key}`))
  const missingProcessors = DEFAULT_PROCESSORS.filter((p) => !seeded.has(`processor:${p.key}`))
  if (missingActivities.length === 0 && missingProcessors.length === 0) return
  await db.transaction(async (tx) => {
    if (missingActivities.length) {
      await tx.insert(processingActivities).values(missingActivities.map((a) => ({ ...a, updatedAt: now }))).onConflictDoNothing({ target: processingActivities.key })
    }
    if (missingProcessors.length) {
      await tx.insert(processors).values(missingProcessors.map((p) => ({ ...p, updatedAt: now }))).onConflictDoNothing({ target: processors.key })
    }
    for (const a of missingActivities) seeded.add(`activity:${a.key}`)
    for (const p of missingProcessors) seeded.add(`processor:${p.key}`)
    const value = JSON.stringify([...seeded].sort())
    await tx.insert(appMeta).values({ key: SEEDED_KEYS, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } })
  })
}

/**
 * Whether personal data may go to the processor with this key: only when it is in the register
 * and a processor agreement is recorded (P12: "never to third parties without a processor
 * agreement"). A processor missing from the register counts as having no agreement.
 *
 * @example if (!(await processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY))) return refuseExport()
 */
export async function processorAgreementInPlace(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select({ agreementInPlace: processors.agreementInPlace }).from(processors).where(eq(processors.key, key)).limit(1)
  return row?.agreementInPlace === true
}

type RegisterDeps = Pick<Deps, 'db' | 'clock'>

export async function createActivity(deps: RegisterDeps, actorId: string, input: ActivityInput): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(processingActivities).values({ ...input, updatedAt: now }).returning({ id: processingActivities.id })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.activity.create', targetType: 'processing_activity', targetId: String(row!.id) })
    return row!.id
  })
}

/** Saves an activity; false when it no longer exists. */
export async function updateActivity(deps: RegisterDeps, actorId: string, id: number, input: ActivityInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx.update(processingActivities).set({ ...input, updatedAt: now }).where(eq(processingActivities.id, id)).returning({ id: processingActivities.id })
    if (rows.length === 0) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.activity.edit', targetType: 'processing_activity', targetId: String(id) })
    return true
  })
}

export async function deleteActivity(deps: RegisterDeps, actorId: string, id: number): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx.delete(processingActivities).where(eq(processingActivities.id, id)).returning({ key: processingActivities.key })
    if (rows.length === 0) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.activity.delete', targetType: 'processing_activity', targetId: String(id), details: { key: rows[0]!.key } })
    return true
  })
}

export async function createProcessor(deps: RegisterDeps, actorId: string, input: ProcessorInput): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(processors).values({ ...input, updatedAt: now }).returning({ id: processors.id })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.processor.create', targetType: 'processor', targetId: String(row!.id), details: { agreementInPlace: input.agreementInPlace } })
    return row!.id
  })
}

export async function updateProcessor(deps: RegisterDeps, actorId: string, id: number, input: ProcessorInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx.update(processors).set({ ...input, updatedAt: now }).where(eq(processors.id, id)).returning({ id: processors.id })
    if (rows.length === 0) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.processor.edit', targetType: 'processor', targetId: String(id), details: { agreementInPlace: input.agreementInPlace } })
    return true
  })
}

export async function deleteProcessor(deps: RegisterDeps, actorId: string, id: number): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx.delete(processors).where(eq(processors.id, id)).returning({ key: processors.key })
    if (rows.length === 0) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'register.processor.delete', targetType: 'processor', targetId: String(id), details: { key: rows[0]!.key } })
    return true
  })
}

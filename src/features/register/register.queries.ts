/** Reads of the register of processing activities and processors. */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { processingActivities, processors } from './register.tables.js'

export type Activity = typeof processingActivities.$inferSelect
export type Processor = typeof processors.$inferSelect

export function listActivities(db: Db): Promise<Activity[]> {
  return db.select().from(processingActivities).orderBy(asc(processingActivities.position), asc(processingActivities.id))
}

export function listProcessors(db: Db): Promise<Processor[]> {
  return db.select().from(processors).orderBy(asc(processors.name), asc(processors.id))
}

export async function findActivity(db: Db, id: number): Promise<Activity | null> {
  const [row] = await db.select().from(processingActivities).where(eq(processingActivities.id, id)).limit(1)
  return row ?? null
}

export async function findProcessor(db: Db, id: number): Promise<Processor | null> {
  const [row] = await db.select().from(processors).where(eq(processors.id, id)).limit(1)
  return row ?? null
}

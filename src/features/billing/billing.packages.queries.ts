import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { packages } from './billing.packages.tables.js'

export type Package = typeof packages.$inferSelect

export function listPackages(db: Db): Promise<Package[]> {
  return db.select().from(packages).orderBy(asc(packages.priceCents), asc(packages.id))
}

/** What /pakketten offers: active packages, cheapest first. */
export function offeredPackages(db: Db): Promise<Package[]> {
  return db.select().from(packages).where(eq(packages.active, true)).orderBy(asc(packages.priceCents), asc(packages.id))
}

export async function findPackage(db: Db, id: number): Promise<Package | null> {
  const [row] = await db.select().from(packages).where(eq(packages.id, id))
  return row ?? null
}

export async function packageBySlug(db: Db, slug: string): Promise<Package | null> {
  const [row] = await db.select().from(packages).where(eq(packages.slug, slug))
  return row ?? null
}

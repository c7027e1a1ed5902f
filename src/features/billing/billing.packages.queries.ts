import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { packages } from './billing.packages.tables.js'

export type Package = typeof packages.$inferSelect

export function listPackages(db: Db): Promise<Package[]> {
  return db.select().from(packages).orderBy(asc(packages.priceCents), asc(packages.id))
}

/** What /pakketten offers: active packages, cheapest first; the ambassadeur fee is not among them. */
export function offeredPackages(db: Db): Promise<Package[]> {
  return db
    .select()
    .from(packages)
    .where(and(eq(packages.active, true), eq(packages.ambassadeurFee, false)))
    .orderBy(asc(packages.priceCents), asc(packages.id))
}

/** The ambassadeur fee an application at /ambassadeur-worden subscribes to, when one is on offer. */
export async function ambassadeurFeePackage(db: Db): Promise<Package | null> {
  const [row] = await db
    .select()
    .from(packages)
    .where(and(eq(packages.ambassadeurFee, true), eq(packages.active, true)))
  return row ?? null
}

export async function findPackage(db: Db, id: number): Promise<Package | null> {
  const [row] = await db.select().from(packages).where(eq(packages.id, id))
  return row ?? null
}

export async function packageBySlug(db: Db, slug: string): Promise<Package | null> {
  const [row] = await db.select().from(packages).where(eq(packages.slug, slug))
  return row ?? null
}

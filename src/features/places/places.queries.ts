/**
 * Reads of cities and wijken, with explicit columns.
 */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { cities, wijken } from './places.tables.js'

export interface WijkSummary {
  id: number
  slug: string
  name: string
  cityId: number
  cityName: string
  citySlug: string
}

/** Every wijk with its city, ordered by city then name (for pickers and selects). */
export async function listWijken(db: Db): Promise<WijkSummary[]> {
  return db
    .select({ id: wijken.id, slug: wijken.slug, name: wijken.name, cityId: wijken.cityId, cityName: cities.name, citySlug: cities.slug })
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .orderBy(asc(cities.name), asc(wijken.name))
}

export async function findWijkById(db: Db, id: number) {
  const [row] = await db.select().from(wijken).where(eq(wijken.id, id)).limit(1)
  return row ?? null
}

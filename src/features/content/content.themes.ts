/**
 * The themes of a wijk. A wijk starts with a default list, which its wijkbeheerder may change.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { wijkThemes } from './content.tables.js'

export const DEFAULT_THEMES: ReadonlyArray<{ slug: string; nameNl: string; nameEn: string }> = [
  { slug: 'ontmoeting', nameNl: 'Ontmoeting', nameEn: 'Meeting people' },
  { slug: 'sport-en-bewegen', nameNl: 'Sport en bewegen', nameEn: 'Sport and exercise' },
  { slug: 'zorg-en-welzijn', nameNl: 'Zorg en welzijn', nameEn: 'Care and wellbeing' },
  { slug: 'cultuur', nameNl: 'Cultuur', nameEn: 'Culture' },
  { slug: 'kinderen-en-jeugd', nameNl: 'Kinderen en jeugd', nameEn: 'Children and youth' },
  { slug: 'burenhulp', nameNl: 'Burenhulp', nameEn: 'Helping neighbours' },
  { slug: 'duurzaamheid', nameNl: 'Duurzaamheid', nameEn: 'Sustainability' },
]

export interface Theme {
  id: number
  slug: string
  nameNl: string
  nameEn: string
  position: number
}

export async function listThemes(db: Db, wijkId: number): Promise<Theme[]> {
  return db
    .select({ id: wijkThemes.id, slug: wijkThemes.slug, nameNl: wijkThemes.nameNl, nameEn: wijkThemes.nameEn, position: wijkThemes.position })
    .from(wijkThemes)
    .where(eq(wijkThemes.wijkId, wijkId))
    .orderBy(asc(wijkThemes.position), asc(wijkThemes.id))
}

/** Gives a wijk the default themes when it has none yet; safe to call concurrently. */
export async function ensureDefaultThemes(db: Db, wijkId: number): Promise<void> {
  const [any] = await db.select({ id: wijkThemes.id }).from(wijkThemes).where(eq(wijkThemes.wijkId, wijkId)).limit(1)
  if (any) return
  await db
    .insert(wijkThemes)
    .values(DEFAULT_THEMES.map((theme, position) => ({ wijkId, ...theme, position })))
    .onConflictDoNothing()
}

/** A URL-safe theme slug from its Dutch name. */
export function themeSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'thema'
  )
}

/** Adds a theme at the end; false when the wijk already has one with that slug. */
export async function addTheme(db: Db, wijkId: number, names: { nameNl: string; nameEn: string }): Promise<boolean> {
  const themes = await listThemes(db, wijkId)
  const slug = themeSlug(names.nameNl)
  if (themes.some((th) => th.slug === slug)) return false
  const position = themes.reduce((max, th) => Math.max(max, th.position), -1) + 1
  const rows = await db.insert(wijkThemes).values({ wijkId, slug, ...names, position }).onConflictDoNothing().returning({ id: wijkThemes.id })
  return rows.length > 0
}

/** Renames a theme; its slug (used in URLs and feeds) stays, so links keep working. */
export async function renameTheme(db: Db, wijkId: number, themeId: number, names: { nameNl: string; nameEn: string }): Promise<void> {
  await db.update(wijkThemes).set(names).where(and(eq(wijkThemes.id, themeId), eq(wijkThemes.wijkId, wijkId)))
}

/** Swaps a theme with its neighbour above (-1) or below (+1) and renumbers the list. */
export async function moveTheme(db: Db, wijkId: number, themeId: number, direction: -1 | 1): Promise<void> {
  const themes = await listThemes(db, wijkId)
  const from = themes.findIndex((th) => th.id === themeId)
  const to = from + direction
  if (from < 0 || to < 0 || to >= themes.length) return
  ;[themes[from], themes[to]] = [themes[to]!, themes[from]!]
  await db.transaction(async (tx) => {
    for (const [position, theme] of themes.entries()) await tx.update(wijkThemes).set({ position }).where(eq(wijkThemes.id, theme.id))
  })
}

/** Deletes a theme; items simply lose it (content_themes rows cascade). */
export async function deleteTheme(db: Db, wijkId: number, themeId: number): Promise<void> {
  await db.delete(wijkThemes).where(and(eq(wijkThemes.id, themeId), eq(wijkThemes.wijkId, wijkId)))
}

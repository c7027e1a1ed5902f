/** Content rows straight into the database, for tests of the public side (search, contact form). */
import { contentItems } from '../content/content.tables.js'
import type { Deps } from '../../kernel/context.js'

export type ItemValues = Partial<typeof contentItems.$inferInsert> & { wijkId: number; title: string }

export async function buildItem(t: { deps: Pick<Deps, 'db' | 'clock'> }, values: ItemValues): Promise<{ id: number; slug: string }> {
  const now = t.deps.clock.now()
  const slug =
    values.slug ??
    (values.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'item')
  const [row] = await t.deps.db
    .insert(contentItems)
    .values({ type: 'offer', status: 'published', createdAt: now, updatedAt: now, publishedAt: now, ...values, slug })
    .returning({ id: contentItems.id, slug: contentItems.slug })
  return row!
}

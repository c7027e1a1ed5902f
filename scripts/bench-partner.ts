/**
 * For `npm run bench`: a partner whose agreement covers every city, with the key given in
 * BENCH_PARTNER_KEY and a rate limit no benchmark reaches (the limit is still counted on every
 * request, as in production), and an agenda widget of the wijk BENCH_WIJK with the id
 * BENCH_WIDGET_ID. Run against the configured database while no server holds it.
 */
import { eq } from 'drizzle-orm'
import { loadConfig } from '../src/config/env.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { acquireDataDirLock } from '../src/kernel/db/lock.js'
import { hashToken } from '../src/kernel/auth/tokens.js'
import { cities } from '../src/features/places/places.tables.js'
import { CONTENT_TYPES } from '../src/features/content/content.tables.js'
import { partnerKeys, partners, partnerScope } from '../src/features/partners/partners.tables.js'
import { partnerWidgets } from '../src/features/partners/partners.widgets.tables.js'
import { wijken } from '../src/features/places/places.tables.js'

const token = process.env.BENCH_PARTNER_KEY
const widgetId = process.env.BENCH_WIDGET_ID
const wijkSlug = process.env.BENCH_WIJK
if (!token || !widgetId || !wijkSlug) throw new Error('BENCH_PARTNER_KEY, BENCH_WIDGET_ID and BENCH_WIJK must be set')
const config = loadConfig(process.env)
const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir)
const database = await openConfiguredDatabase(config)
try {
  const db = database.db
  const now = new Date()
  const [partner] = await db
    .insert(partners)
    .values({
      name: 'Benchmark partner',
      contactName: 'Bench',
      contactEmail: 'bench@partner.test',
      purposeNl: 'Meten',
      purposeEn: 'Measuring',
      contentTypes: [...CONTENT_TYPES],
      startsOn: '2000-01-01',
      status: 'actief',
      ratePerMinute: 1_000_000_000,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: partners.id })
  const all = await db.select({ id: cities.id }).from(cities)
  await db.insert(partnerScope).values(all.map((c) => ({ partnerId: partner!.id, cityId: c.id })))
  await db.insert(partnerKeys).values({ partnerId: partner!.id, label: 'bench', prefix: token.slice(0, 12), tokenHash: hashToken(token), createdAt: now })
  const [wijk] = await db.select({ id: wijken.id }).from(wijken).where(eq(wijken.slug, wijkSlug))
  if (!wijk) throw new Error(`no wijk ${wijkSlug}`)
  await db.insert(partnerWidgets).values({ id: widgetId, partnerId: partner!.id, module: 'agenda', wijkId: wijk.id, itemCount: 5, lang: 'nl', label: 'bench', createdAt: now, updatedAt: now })
} finally {
  await database.close()
  release()
}

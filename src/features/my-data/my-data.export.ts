/**
 * Builds "Download mijn gegevens" (P23): gegevens.json in the documented format (export.schema.ts),
 * overzicht.html to read it, and the images of the user's own content, in one ZIP. Run by the
 * job in my-data.jobs.ts; progress is written to the data_exports row as it goes.
 */
import { zipSync, strToU8, type Zippable } from 'fflate'
import { eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { collectExportParts, type ExportFile } from '../../kernel/privacy/privacy.js'
import { PRIVACY_MODULES } from '../../privacy.js'
import { users } from '../accounts/accounts.tables.js'
import { dataExports } from './my-data.tables.js'
import { EXPORT_SCHEMA_VERSION, exportSchema, iso, type DataExport } from './export.schema.js'
import { renderSummary } from './my-data.summary.js'

export interface CollectedExport {
  data: DataExport
  lang: Lang
  /** Images of the user's own items: the stored file to read and where it goes in the ZIP. */
  images: ExportFile[]
}

/**
 * Everything the platform holds about the user, shaped (and checked) as gegevens.json: each
 * privacy module (src/privacy.ts) writes its own sections; this adds the envelope.
 */
export async function collectExport(deps: Pick<Deps, 'db' | 'config'>, userId: string, now: Date): Promise<CollectedExport | null> {
  const { db, config } = deps
  const [person] = await db.select({ id: users.id, email: users.email, lang: users.lang }).from(users).where(eq(users.id, userId)).limit(1)
  if (!person) return null
  const { sections, files } = await collectExportParts(PRIVACY_MODULES, { db, config, now, person, t: translator(person.lang) })
  const data = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: iso(now),
    platform: { name: config.operator.name, url: config.publicBaseUrl },
    ...sections,
  }
  // The documented format is checked on the way out: a drift between code and schema (or a
  // section no module writes) fails the job, loudly. The schema also fixes the order of the keys.
  return { data: exportSchema.parse(data), lang: person.lang, images: files }
}

async function setProgress(deps: Pick<Deps, 'db'>, exportId: string, progress: number): Promise<void> {
  await deps.db.update(dataExports).set({ progress }).where(eq(dataExports.id, exportId))
}

/**
 * Makes the ZIP for one export row and stores it. Idempotent: a row that is ready, expired or
 * gone is left alone, so a retried job does no harm.
 */
export async function buildExport(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'files' | 'log'>, exportId: string): Promise<void> {
  const { db, clock, files, log } = deps
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId)).limit(1)
  if (!row || row.status === 'ready' || row.expiresAt <= clock.now()) return
  await db.update(dataExports).set({ status: 'running', progress: 5 }).where(eq(dataExports.id, exportId))

  const collected = await collectExport(deps, row.userId, clock.now())
  if (!collected) return
  await setProgress(deps, exportId, 30)

  const entries: Zippable = {
    'gegevens.json': strToU8(JSON.stringify(collected.data, null, 2)),
    'overzicht.html': strToU8(renderSummary(collected.data, collected.lang)),
  }
  await setProgress(deps, exportId, 40)
  const total = collected.images.length
  for (const [i, image] of collected.images.entries()) {
    const bytes = await files.get(image.storeKey)
    // WebP is compressed already: stored as is (level 0) rather than deflated again.
    if (bytes) entries[image.zipPath] = [new Uint8Array(bytes), { level: 0 }]
    else log.warn({ exportId, event: 'my-data.export.image-missing' }, 'image file missing from the store')
    if (i % 5 === 4 || i === total - 1) await setProgress(deps, exportId, 40 + Math.round((50 * (i + 1)) / total))
  }

  const zip = zipSync(entries, { level: 6, mtime: clock.now() })
  const fileKey = `exports/${exportId}.zip`
  await files.put(fileKey, Buffer.from(zip))
  const done = await db
    .update(dataExports)
    .set({ status: 'ready', progress: 100, fileKey, sizeBytes: zip.length, readyAt: clock.now() })
    .where(eq(dataExports.id, exportId))
    .returning({ id: dataExports.id })
  // The row went away while the file was being made (retention or a cancelled account): no orphan file.
  if (done.length === 0) await files.delete(fileKey)
  log.info({ exportId, event: 'my-data.export.ready', bytes: zip.length, images: total }, 'data export ready')
}

export async function markExportFailed(deps: Pick<Deps, 'db'>, exportId: string): Promise<void> {
  await deps.db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.id, exportId))
}

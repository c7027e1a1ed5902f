/**
 * Backups of the embedded database. PGlite's dumpDataDir writes a consistent tarball of the data
 * folder (it runs between queries, so no write is half-done). Uploaded files are copied beside
 * it. A running server makes the backup itself when `npm run backup` signals it (SIGUSR2),
 * because a second process may not open the data folder.
 *
 * A backup is a folder:  <name>/database.tar.gz  <name>/uploads/  <name>/backup.json
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { EmbeddedEngine } from './pglite-thread.js'
import type { Logger } from '../log.js'

export const BACKUP_REQUEST = 'backup-request.json'
export const BACKUP_RESULT = 'backup-result.json'

export function backupName(now: Date): string {
  return `wijkconnect-${now.toISOString().replace(/[:.]/g, '-')}`
}

/** Writes a backup of the embedded database and uploads to `target` (a new folder). */
export async function writeBackup(pglite: EmbeddedEngine, dataDir: string, target: string, now = new Date()): Promise<string> {
  await fs.mkdir(target, { recursive: true })
  const dump = await pglite.dumpDataDir('gzip')
  await fs.writeFile(path.join(target, 'database.tar.gz'), Buffer.from(await dump.arrayBuffer()))
  const uploads = path.join(dataDir, 'uploads')
  await fs.cp(uploads, path.join(target, 'uploads'), { recursive: true, force: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err
  })
  await fs.writeFile(path.join(target, 'backup.json'), JSON.stringify({ format: 1, engine: 'pglite', createdAt: now.toISOString() }, null, 2))
  return target
}

/** Runs in the server on SIGUSR2: reads where to write from the request file, reports back. */
export async function handleBackupSignal(pglite: EmbeddedEngine, dataDir: string, log: Logger): Promise<void> {
  const requestFile = path.join(dataDir, BACKUP_REQUEST)
  const resultFile = path.join(dataDir, BACKUP_RESULT)
  try {
    const request = JSON.parse(await fs.readFile(requestFile, 'utf8')) as { target: string; id: string }
    await fs.rm(requestFile, { force: true })
    try {
      await writeBackup(pglite, dataDir, request.target)
      await fs.writeFile(resultFile, JSON.stringify({ id: request.id, ok: true, target: request.target }))
      log.info('backup written')
    } catch (err) {
      await fs.writeFile(resultFile, JSON.stringify({ id: request.id, ok: false, error: String(err) }))
      log.error({ err }, 'backup failed')
    }
  } catch (err) {
    log.warn({ err }, 'backup signal without a valid request')
  }
}

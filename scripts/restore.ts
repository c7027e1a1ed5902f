/**
 * npm run restore -- <backup folder>
 *
 * Restores a backup made by `npm run backup` into DATA_DIR (embedded database only). The server
 * must be stopped. The current database and uploads are kept aside as *.before-restore-<time>.
 */
import fs from 'node:fs'
import path from 'node:path'
import { openPglite } from '../src/kernel/db/client.js'
import { acquireDataDirLock, DataDirLockedError } from '../src/kernel/db/lock.js'

const dataDir = path.resolve(process.env.DATA_DIR || './data')
const source = process.argv[2]

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

if (process.env.DATABASE_URL) fail('DATABASE_URL is set: restore a PostgreSQL database with pg_restore (see npm run backup).')
if (!source) fail('Usage: npm run restore -- <backup folder>')
const tarball = path.join(path.resolve(source), 'database.tar.gz')
if (!fs.existsSync(tarball)) fail(`${tarball} not found: is this a WijkConnect backup folder?`)

let release: () => void
try {
  release = acquireDataDirLock(dataDir)
} catch (err) {
  if (err instanceof DataDirLockedError) fail(`${err.message}\nStop the server before restoring.`)
  throw err
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const pgdata = path.join(dataDir, 'pgdata')
const uploads = path.join(dataDir, 'uploads')
try {
  if (fs.existsSync(pgdata)) fs.renameSync(pgdata, `${pgdata}.before-restore-${stamp}`)
  const blob = new Blob([fs.readFileSync(tarball)])
  const database = await openPglite(pgdata, blob)
  // A query proves the restored files open as a database before we call it done.
  await database.pglite!.query('select 1')
  await database.close()
  if (fs.existsSync(uploads)) fs.renameSync(uploads, `${uploads}.before-restore-${stamp}`)
  const savedUploads = path.join(path.resolve(source), 'uploads')
  if (fs.existsSync(savedUploads)) fs.cpSync(savedUploads, uploads, { recursive: true })
  process.stdout.write(`Restored ${source} into ${dataDir}. The previous data was kept with suffix .before-restore-${stamp}\n`)
} finally {
  release()
}

/**
 * npm run backup [-- <target folder>]
 *
 * Embedded database: writes a consistent backup (database tarball + uploads) to
 * DATA_DIR/backups/<timestamp>/ or the given folder. If the server is running, it asks the server
 * to write it (a second process may not open the data folder); otherwise it opens the database
 * itself. PostgreSQL: explains how to back up with pg_dump.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { openPglite } from '../src/kernel/db/client.js'
import { acquireDataDirLock, lockHolder } from '../src/kernel/db/lock.js'
import { writeBackup, backupName, BACKUP_REQUEST, BACKUP_RESULT } from '../src/kernel/db/backup.js'

const dataDir = path.resolve(process.env.DATA_DIR || './data')

if (process.env.DATABASE_URL) {
  process.stdout.write(
    [
      'This installation uses a PostgreSQL server. Back it up with PostgreSQL\'s own tools, e.g.:',
      '  pg_dump --format=custom --file=wijkconnect.dump "$DATABASE_URL"',
      'and restore with:',
      '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" wijkconnect.dump',
      `Also copy the uploads folder: ${path.join(dataDir, 'uploads')}`,
      'For point-in-time recovery use pg_basebackup with WAL archiving (see the PostgreSQL manual).',
      '',
    ].join('\n'),
  )
  process.exit(0)
}

const target = path.resolve(process.argv[2] ?? path.join(dataDir, 'backups', backupName(new Date())))
if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
  process.stderr.write(`The target folder ${target} is not empty.\n`)
  process.exit(1)
}

const pid = lockHolder(dataDir)
if (pid !== null) {
  const id = randomUUID()
  const resultFile = path.join(dataDir, BACKUP_RESULT)
  fs.rmSync(resultFile, { force: true })
  fs.writeFileSync(path.join(dataDir, BACKUP_REQUEST), JSON.stringify({ id, target }))
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + 120_000
  for (;;) {
    if (fs.existsSync(resultFile)) {
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { id: string; ok: boolean; error?: string }
      if (result.id === id) {
        fs.rmSync(resultFile, { force: true })
        if (!result.ok) {
          process.stderr.write(`The running server could not write the backup: ${result.error}\n`)
          process.exit(1)
        }
        break
      }
    }
    if (Date.now() > deadline) {
      process.stderr.write('The running server did not answer the backup request within 2 minutes.\n')
      process.exit(1)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  process.stdout.write(`Backup written by the running server to ${target}\n`)
} else {
  const release = acquireDataDirLock(dataDir)
  const database = await openPglite(path.join(dataDir, 'pgdata'))
  try {
    await writeBackup(database.pglite!, dataDir, target)
  } finally {
    await database.close()
    release()
  }
  process.stdout.write(`Backup written to ${target}\n`)
}
process.stdout.write(`Restore it with: npm run restore -- ${target}\n`)

/**
 * One process per embedded data folder: PGlite's files break when two processes write them.
 * The lock is a file created exclusively, holding the owner's pid; a lock left by a dead process
 * is taken over.
 */
import fs from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `The data folder ${dir} is in use by another WijkConnect process (pid ${pid}). ` +
        'Stop that process first, or start this one with another DATA_DIR. ' +
        'Several processes can share one database only on PostgreSQL (DATABASE_URL).',
    )
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockFile(dir: string): string {
  return path.join(dir, 'wijkconnect.lock')
}

/** Reads the pid holding the lock, if that process is still alive. */
export function lockHolder(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dir), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null
  } catch {
    return null
  }
}

/** Takes the lock or throws DataDirLockedError. Returns the release function. */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = lockFile(dir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        fs.rmSync(file, { force: true })
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = lockHolder(dir)
      if (holder !== null && holder !== process.pid) throw new DataDirLockedError(dir, holder)
      fs.rmSync(file, { force: true }) // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`)
}

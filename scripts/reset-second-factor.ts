/**
 * npm run reset-second-factor -- <email>
 *
 * For a person locked out of their second factor (phone lost, no recovery codes): removes their
 * authenticator app, passkeys and recovery codes, ends all their sessions, writes the audit log
 * and queues a mail telling them. They log in with their password and set up a factor again
 * (a role that requires one works again once they do). Check who is asking before running this.
 *
 * Embedded database: stop the server first (a second process may never open the data folder).
 * PostgreSQL (DATABASE_URL): may run while the server runs; the server delivers the mail.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadConfig, ConfigError } from '../src/config/env.js'
import { openConfiguredDatabase, devSecret } from '../src/boot.js'
import { migrate } from '../src/kernel/db/migrate.js'
import { acquireDataDirLock, DataDirLockedError } from '../src/kernel/db/lock.js'
import { createLogger } from '../src/kernel/log.js'
import { systemClock } from '../src/kernel/clock.js'
import { resetSecondFactor } from '../src/features/two-factor/two-factor.service.js'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

if (fs.existsSync('.env')) process.loadEnvFile('.env')
const email = process.argv[2]?.trim()
if (!email || !email.includes('@')) fail('Usage: npm run reset-second-factor -- <email address of the account>')

let config
try {
  const dataDir = path.resolve(process.env.DATA_DIR || './data')
  config = loadConfig(process.env, () => devSecret(dataDir))
} catch (err) {
  if (err instanceof ConfigError) fail(err.message)
  throw err
}

let release = () => {}
if (!config.databaseUrl) {
  try {
    release = acquireDataDirLock(config.dataDir)
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(`${err.message}\nStop the server first, or use PostgreSQL.`)
    throw err
  }
}

const database = await openConfiguredDatabase(config)
try {
  await migrate(database)
  const log = createLogger('warn')
  const result = await resetSecondFactor({ db: database.db, clock: systemClock, config, log, wakeJobs: () => {} }, email)
  if (!result.ok) {
    process.stderr.write(`No active account with the address ${email}.\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(
      `Second factor reset for ${email}: ${result.app ? 'authenticator app' : 'no authenticator app'}, ${result.passkeys} passkey(s) removed; all sessions ended; the person is mailed.\n`,
    )
  }
} finally {
  await database.close()
  release()
}

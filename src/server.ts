/**
 * Entry point: `npm start`. Validates configuration, takes the HTTP port, locks the embedded data
 * folder, migrates, seeds demo data on the very first start (demo mode only), serves HTTP and runs
 * the jobs. The port comes first: a start that cannot listen must not have touched any data.
 * SIGINT/SIGTERM stop accepting requests, let running work finish, and close the database.
 */
import fs from 'node:fs'
import v8 from 'node:v8'
import type { Server as HttpServer } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { loadConfig, ConfigError } from './config/env.js'
import { createLogger } from './kernel/log.js'
import { acquireDataDirLock, DataDirLockedError } from './kernel/db/lock.js'
import { createPlatform, devSecret } from './boot.js'
import { seedDemoData, DEMO_PASSWORD } from './seed/demo.js'
import { handleBackupSignal } from './kernel/db/backup.js'
import { closeServer, keepIdleConnections, listenFirst, ListenError } from './kernel/http/listen.js'

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}

function fail(message: string): never {
  process.stderr.write(`\nWijkConnect cannot start.\n${message}\n\n`)
  process.exit(1)
}

// V8 lets the old generation grow to up to four times what was live at its last full
// collection; under 50 visitors at once, whose renders outlive the young generation, that took the
// heap to 280 MB with 60 MB live. Twice what is live keeps throughput (a tighter 1.2 cost a third of
// it) and the RSS a quarter lower (docs/decisions/026). V8 reads the flag at every collection, so it
// applies from here on.
v8.setFlagsFromString('--heap-growing-percent=100')

// A .env file next to package.json is read when present (values already in the environment win).
if (fs.existsSync('.env')) process.loadEnvFile('.env')

// Checked first without the development secret, whose file lives in the data folder: nothing in
// that folder is created before the port is ours.
let checked
try {
  checked = loadConfig(process.env)
} catch (err) {
  if (err instanceof ConfigError) fail(`${err.message}\nSee .env.example for every setting.`)
  throw err
}

// Until the platform is ready, requests that reach the port are asked to come back shortly.
let handle: (req: Request) => Response | Promise<Response> = () =>
  new Response('WijkConnect is starting.\n', { status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'text/plain; charset=utf-8' } })
// The adaptor makes a plain HTTP server (no createServer option given), whatever its type says.
const server = createAdaptorServer({ fetch: (req: Request) => handle(req) }) as HttpServer
keepIdleConnections(server)
let info
try {
  info = await listenFirst(server, checked.port, checked.host)
} catch (err) {
  if (err instanceof ListenError) fail(err.message)
  throw err
}

const config = loadConfig(process.env, () => devSecret(checked.dataDir))
const log = createLogger(config.logLevel)

let releaseLock = () => {}
if (!config.databaseUrl) {
  try {
    releaseLock = acquireDataDirLock(config.dataDir)
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message)
    throw err
  }
}

const platform = await createPlatform({ config, log, runJobs: true })
const seeded = config.demo ? await seedDemoData(platform.deps) : null
handle = platform.app.fetch

// Signals are taken before the banner below: whoever reads "Listening on" may stop the server
// the next instant, and until these handlers exist Node's default ends the process by signal,
// skipping the clean shutdown (the database closed, the data folder released).
if (platform.database.pglite) {
  const pglite = platform.database.pglite
  process.on('SIGUSR2', () => void handleBackupSignal(pglite, config.dataDir, log))
}

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  const force = setTimeout(() => {
    log.error('shutdown took too long; exiting')
    releaseLock()
    process.exit(1)
  }, 15_000)
  force.unref()
  await closeServer(server)
  await platform.stop()
  releaseLock()
  log.info('stopped')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

{
  const local = `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`
  const url = config.isProduction ? config.publicBaseUrl : `http://localhost:${info.port}`
  const lines = [
    '',
    `WijkConnect runs at ${url}`,
    `Listening on ${local}`,
    `Database: ${platform.database.engine === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL'}`,
  ]
  for (const warning of config.warnings) lines.push(`Warning: ${warning}`)
  if (config.demo) {
    lines.push(`Demo mode: mail goes to ${url}/dev/mailbox${config.smtpUrl ? ' and to SMTP_URL' : ''}`)
    if (isLoopback(config.host)) {
      lines.push(
        `Demo mode listens on this computer only (${config.host}): the dev mailbox shows every mail, password-reset links included.`,
        'To show the demo to others, see "Showing the demo to others" in the README (HOST=0.0.0.0 opens it, mailbox and all, to your network).',
      )
    } else {
      lines.push(`Warning: HOST=${config.host} makes the demo and its dev mailbox (every mail, password-reset links included) reachable from other computers.`)
    }
    if (seeded) {
      lines.push(`Demo logins (password for all: ${DEMO_PASSWORD}):`)
      for (const login of seeded.logins) lines.push(`  ${login.role.padEnd(32)} ${login.email}`)
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n')
}

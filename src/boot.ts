/**
 * Assembles the platform from configuration: database, migrations, dependencies, job runner,
 * HTTP app. Used by the server and by tests, so both run the same wiring.
 */
import path from 'node:path'
import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import type { Config } from './config/env.js'
import { openPglite, openPostgres, type Database } from './kernel/db/client.js'
import { migrate } from './kernel/db/migrate.js'
import type { Clock } from './kernel/clock.js'
import { systemClock } from './kernel/clock.js'
import type { Logger } from './kernel/log.js'
import type { Deps } from './kernel/context.js'
import { DiskFileStore, type FileStore } from './kernel/files/store.js'
import { JobRunner } from './kernel/jobs/runner.js'
import { devMailboxDir, devMailboxTransport, smtpTransport, withDevMailboxCopy, type MailTransport } from './kernel/mail/transport.js'
import { buildJobRegistry } from './jobs.js'
import { createApp } from './app.js'
import { HostMap } from './features/places/host-map.js'
import { ambassadeursOfWijken } from './features/roles/roles.queries.js'
import { PageCache, type PageCacheOptions } from './kernel/http/page-cache.js'
import { PublicVersion, type PublicVersionOptions } from './kernel/http/public-version.js'
import { ScopedMemo } from './kernel/http/public-memo.js'
import { PageViewCounter } from './features/statistics/statistics.counter.js'
import { KeyMeter } from './features/partners/partners.api.meter.js'
import { ensureDefaultDocuments } from './features/documents/documents.service.js'
import { ensureDefaultRegister } from './features/register/register.service.js'
import { recordSecondFactorRequirement } from './features/two-factor/two-factor.requirement.js'
import { accountEntitlements } from './features/billing/billing.entitlements.queries.js'
import { installMessages } from './kernel/i18n/catalog.js'
import { messages } from './messages.js'

// Every entry point (server, scripts, tests) comes through this module, so the translator knows
// the messages before anything renders or composes a mail.
installMessages(messages)

export interface Platform {
  app: ReturnType<typeof createApp>
  deps: Deps
  database: Database
  runner: JobRunner
  hostMap: HostMap
  pageCache: PageCache
  stats: PageViewCounter
  keyMeter: KeyMeter
  transport: MailTransport
  stop(): Promise<void>
}

export interface PlatformOptions {
  config: Config
  log: Logger
  clock?: Clock
  /** An already opened database (tests); otherwise opened from config. */
  database?: Database
  files?: FileStore
  transport?: MailTransport
  /** Start background job polling (the server does; tests drain by hand). */
  runJobs?: boolean
  pageCache?: PageCacheOptions
  publicVersion?: PublicVersionOptions
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize)
  return openPglite(path.join(config.dataDir, 'pgdata'))
}

/** A development secret kept in the data folder, so sessions and form tokens survive restarts. */
export function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

export async function createPlatform(opts: PlatformOptions): Promise<Platform> {
  const { config, log } = opts
  const database = opts.database ?? (await openConfiguredDatabase(config))
  await migrate(database)
  const mailbox = devMailboxDir(config.dataDir)
  const chosen = opts.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport(mailbox))
  // Outside production the dev mailbox (/dev/mailbox) gets a copy of every mail, also over SMTP.
  const transport = config.demo ? withDevMailboxCopy(chosen, mailbox) : chosen
  const registry = buildJobRegistry(() => transport, { mailDeliveryLeaseMs: config.mailDeliveryLeaseMs })
  const clock = opts.clock ?? systemClock
  const hostMap = new HostMap({ entitlements: accountEntitlements, ambassadeurs: ambassadeursOfWijken, clock })
  await hostMap.reload(database.db)
  const publicVersion = await PublicVersion.start(database, log, opts.publicVersion)
  const deps: Deps = {
    config,
    db: database.db,
    engine: database.engine,
    clock,
    log,
    files: opts.files ?? new DiskFileStore(path.join(config.dataDir, 'uploads')),
    wakeJobs: () => runner.wake(),
    hostMap,
    entitlements: accountEntitlements,
    publicMemo: new ScopedMemo(publicVersion, { clock, confirmEachRead: opts.pageCache?.confirmEachRequest }),
  }
  const pageCache = new PageCache(publicVersion, { maxBytes: config.pageCacheBytes, ...opts.pageCache })
  const stats = new PageViewCounter(database.db, log)
  const keyMeter = new KeyMeter(database.db, log)
  const runner = new JobRunner(deps, registry)
  await ensureDefaultDocuments(deps)
  await ensureDefaultRegister(deps)
  await recordSecondFactorRequirement(deps.db, config, clock.now())
  const app = createApp(deps, { pageCache, stats, keyMeter })
  if (opts.runJobs) {
    runner.start()
    hostMap.startRefreshing(database.db)
    stats.start()
    keyMeter.start()
  }
  return {
    app,
    deps,
    database,
    runner,
    hostMap,
    pageCache,
    stats,
    keyMeter,
    transport,
    async stop() {
      hostMap.stop()
      await runner.stop()
      // Counted page views still in memory are written before the database closes.
      await stats.stop()
      await keyMeter.stop()
      transport.close()
      await publicVersion.stop()
      await database.close()
    },
  }
}

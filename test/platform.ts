/**
 * The real platform for a test file: its own database, a controllable clock, and mail delivered
 * over SMTP to a loopback server. Jobs run when the test drains them.
 *
 * @example
 * const t = await createTestPlatform()
 * afterAll(() => t.stop())
 * const res = await t.client().get('/')
 */
import fs from 'node:fs'
import { Writable } from 'node:stream'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config } from '../src/config/env.js'
import { createPlatform, type Platform } from '../src/boot.js'
import { ManualClock } from '../src/kernel/clock.js'
import { createLogger } from '../src/kernel/log.js'
import { smtpTransport } from '../src/kernel/mail/transport.js'
import { openTestDatabase, testEngine } from './db.js'
import { startSmtpCapture, type SmtpCapture } from './smtp.js'
import { TestClient } from './client.js'
import type { PageCacheOptions } from '../src/kernel/http/page-cache.js'
import type { PublicVersionOptions } from '../src/kernel/http/public-version.js'

export interface TestPlatform extends Platform {
  clock: ManualClock
  smtp: SmtpCapture
  config: Config
  client(): TestClient
  /** Runs every due job (mail delivery included) until none is left. */
  drain(): Promise<number>
  /** Everything the platform logged so far (info level and up), one JSON line per entry. */
  logs(): string
}

export interface TestPlatformOptions {
  pageCache?: PageCacheOptions
  publicVersion?: PublicVersionOptions
}

export async function createTestPlatform(env: Record<string, string> = {}, start = '2026-03-02T09:00:00Z', options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-test-'))
  const smtp = await startSmtpCapture()
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_BASE_URL: 'http://localhost',
    MAIL_FROM: 'noreply@wijkconnect.test',
    LOG_LEVEL: 'info',
    SMTP_URL: smtp.url,
    ...env,
  })
  const clock = new ManualClock(start)
  const database = await openTestDatabase()
  const logLines: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString())
      done()
    },
  })
  const platform = await createPlatform({
    config,
    log: createLogger(config.logLevel, logStream),
    clock,
    database,
    transport: smtpTransport(smtp.url),
    // PGlite tells of a commit before the write returns; PostgreSQL a moment later, on another
    // connection: there a test reads the stamp itself, so it sees its own writes at once.
    pageCache: { confirmEachRequest: testEngine() === 'postgres', ...options.pageCache },
    publicVersion: options.publicVersion,
  })
  return {
    ...platform,
    clock,
    smtp,
    config,
    client: () => new TestClient(platform.app),
    drain: () => platform.runner.drain(),
    logs: () => logLines.join(''),
    async stop() {
      await platform.stop()
      await smtp.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

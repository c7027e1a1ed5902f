/**
 * A mail in flight when its process is killed: the SMTP server has the message, the app never
 * heard "250 OK", so the outbox row was never marked sent. At-least-once delivery sends it again
 * after a restart: exactly once more, once the delivery lease has run out and soon after, with the
 * same Message-ID, and the mails queued behind it go out too. The real server, killed with SIGKILL,
 * with the shortest lease it accepts (MAIL_RESEND_AFTER_CRASH_SECONDS=10; the default minute is
 * the outbox tests' and would make this test wait a minute).
 */
import { describe, it, expect, afterAll } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inArray } from 'drizzle-orm'
import { startServer, uncleanStop, type ServerProcess } from './spawn.js'
import { startSmtpCapture, type CapturedMail } from './smtp.js'
import { openTestDatabase, testEngine } from './db.js'
import { openPglite, type Database } from '../src/kernel/db/client.js'
import { migrate } from '../src/kernel/db/migrate.js'
import { queueMail } from '../src/kernel/mail/outbox.js'
import { outbox } from '../src/kernel/mail/outbox.tables.js'

const LEASE_SECONDS = 10
/** Room beyond the lease for the restart and the job runner's next look at the queue. */
const MARGIN_MS = 20_000

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://wijk.example.nl',
  SESSION_SECRET: 'c'.repeat(40),
  MAIL_FROM: 'noreply@wijk.example.nl',
  ARCHIVE_KEY: Buffer.alloc(32, 9).toString('base64'),
  OPERATOR_NAME: 'Stichting Proef',
  OPERATOR_ADDRESS: 'Proefstraat 1, 1234 AB Proefstad',
  OPERATOR_KVK: '12345678',
  OPERATOR_EMAIL: 'privacy@proef.example.nl',
  LOG_LEVEL: 'error',
  MAIL_RESEND_AFTER_CRASH_SECONDS: String(LEASE_SECONDS),
}
const RECIPIENTS = ['eerste@example.test', 'tweede@example.test', 'derde@example.test']

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-crash-'))
const pgdata = path.join(dataDir, 'pgdata')
const servers: ServerProcess[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** The database the server will use; on PGlite opened only while the server is not running. */
async function openDatabase(): Promise<Database> {
  if (testEngine() === 'postgres') return openTestDatabase()
  const database = await openPglite(pgdata)
  await migrate(database)
  return database
}

describe(`a mail in flight when the process is killed (${testEngine()})`, () => {
  it('is delivered again exactly once after the delivery lease, and nothing is lost', async () => {
    let app: ServerProcess | undefined
    let killedAt = 0
    const smtp = await startSmtpCapture({
      // The first message arrives in full; the app is killed before it hears the answer.
      hold: () => {
        if (killedAt) return false
        killedAt = Date.now()
        app!.child.kill('SIGKILL')
        return true
      },
    })
    const database = await openDatabase()
    const env = { ...PRODUCTION_ENV, SMTP_URL: smtp.url, DATA_DIR: dataDir, DATABASE_URL: database.url }
    const ids: number[] = []
    try {
      for (const to of RECIPIENTS) ids.push((await queueMail(database.db, new Date(), { key: `crash:${to}`, to, template: 'test', subject: `Voor ${to}`, text: 'Hallo', html: '<p>Hallo</p>' }))!)
      // PGlite's folder belongs to one process at a time: the test lets go until the end.
      if (testEngine() === 'pglite') await database.close()

      app = startServer(env)
      servers.push(app)
      expect(await app.exited).not.toBe(0) // killed by the SMTP server's hold above
      const inFlight = smtp.messages[0]!

      const restarted = startServer(env)
      servers.push(restarted)
      await restarted.ready
      const copies = (m: CapturedMail) => smtp.messages.filter((x) => x.messageId === m.messageId)
      const deadline = killedAt + LEASE_SECONDS * 1000 + MARGIN_MS + 5_000
      while (copies(inFlight).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      const again = copies(inFlight)[1]
      expect(again, 'the mail in flight was never sent again').toBeDefined()
      // Not before the lease of the killed process ran out (a live sender is never doubled), and soon after.
      expect(again!.receivedAt - killedAt).toBeGreaterThanOrEqual((LEASE_SECONDS - 5) * 1000)
      expect(again!.receivedAt - killedAt).toBeLessThanOrEqual(LEASE_SECONDS * 1000 + MARGIN_MS)
      expect(await restarted.stop(), uncleanStop(restarted)).toBe(0)

      // Every recipient got the mail, the one in flight twice (one duplicate per crash), the rest once.
      expect(smtp.messages.map((m) => m.to).sort()).toEqual([...RECIPIENTS, inFlight.to].sort())
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(RECIPIENTS.length)
      const check = testEngine() === 'pglite' ? await openPglite(pgdata) : database
      const rows = await check.db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids))
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent'])
      if (check !== database) await check.close()
    } finally {
      if (testEngine() === 'postgres') await database.close()
      await smtp.close()
    }
  }, 90_000)
})

/**
 * The operator's reset of a locked-out person: the function through the test platform (sessions
 * end, factors go, audit without an actor, mail over SMTP), and `npm run reset-second-factor`
 * as a real process against an embedded data folder, or a PostgreSQL database with
 * TEST_DATABASE_URL.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, loggedInClient } from '../../../test/factories.js'
import { runScript } from '../../../test/spawn.js'
import { TEMPLATE_DB, TEST_DB_PREFIX, withDatabase } from '../../../test/db.js'
import { openPglite, openPostgres, type Database } from '../../kernel/db/client.js'
import { migrate } from '../../kernel/db/migrate.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { passkeys, recoveryCodes, totpFactors } from './two-factor.tables.js'
import { linkApp, passwordStep } from './two-factor.test-helpers.js'
import { resetSecondFactor } from './two-factor.service.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())

describe('resetting a second factor for the operator', () => {
  it('removes every factor, ends every session, audits without an actor and mails the person', async () => {
    const user = await buildUser(t)
    const client = await loggedInClient(t, user)
    await linkApp(t, client)
    expect((await passwordStep(t.client(), user)).location).toBe('/account/inloggen/tweede-stap')

    const result = await resetSecondFactor(t.deps, user.email.toUpperCase())
    expect(result).toEqual({ ok: true, app: true, passkeys: 0 })
    expect(await t.deps.db.$count(totpFactors, eq(totpFactors.userId, user.id))).toBe(0)
    expect(await t.deps.db.$count(recoveryCodes, eq(recoveryCodes.userId, user.id))).toBe(0)
    expect(await t.deps.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0)
    expect((await client.get('/mijn-gegevens')).location).toMatch(/^\/account\/inloggen/)
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.subjectUserId, user.id), eq(auditLog.action, 'second-factor.reset')))
    expect(audit?.actorUserId).toBeNull()
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === user.email && m.text.includes('al je tweede factoren verwijderd'))
    expect(mail.subject).toBe('De tweestapsverificatie van je account is gewijzigd')
    // The password alone works again.
    expect((await passwordStep(t.client(), user)).location).toBe('/')
  })

  it('says so for an address without an active account', async () => {
    expect(await resetSecondFactor(t.deps, 'nobody@example.test')).toEqual({ ok: false, reason: 'unknown' })
  })
})

/** A database a child process can open: a PGlite data folder, or a PostgreSQL database from the template. */
async function processDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-reset-'))
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    const pgdata = path.join(dir, 'pgdata')
    return { env: { DATA_DIR: dir }, open: () => openPglite(pgdata), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `${TEST_DB_PREFIX}reset_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`)
  await admin.end()
  const dbUrl = withDatabase(url, name)
  return {
    env: { DATA_DIR: dir, DATABASE_URL: dbUrl },
    open: async () => openPostgres(dbUrl, 2),
    cleanup: async () => {
      const drop = new pg.Client({ connectionString: url })
      await drop.connect()
      await drop.query(`drop database if exists ${name} with (force)`)
      await drop.end()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('npm run reset-second-factor', () => {
  it('resets the person in the configured database as its own process, and refuses an unknown address', async () => {
    const target = await processDatabase()
    try {
      let database = await target.open()
      await migrate(database)
      const now = new Date()
      const [user] = await database.db
        .insert(users)
        .values({ email: 'locked-out@example.test', firstName: 'Lotte', passwordHash: 'x', emailVerifiedAt: now, lang: 'nl', createdAt: now, updatedAt: now })
        .returning({ id: users.id })
      await database.db.insert(totpFactors).values({ userId: user!.id, secretEncrypted: 'v1.a.b.c', createdAt: now, confirmedAt: now })
      await database.db.insert(passkeys).values({ userId: user!.id, credentialId: 'cred-1', publicKey: 'key', name: 'Telefoon', createdAt: now })
      await database.close()

      const unknown = await runScript('scripts/reset-second-factor.ts', ['someone-else@example.test'], target.env)
      expect(unknown.code).toBe(1)
      expect(unknown.output).toContain('No active account')

      const result = await runScript('scripts/reset-second-factor.ts', ['locked-out@example.test'], target.env)
      expect(result.output).toContain('Second factor reset for locked-out@example.test: authenticator app, 1 passkey(s) removed')
      expect(result.code).toBe(0)

      database = await target.open()
      expect(await database.db.$count(totpFactors, eq(totpFactors.userId, user!.id))).toBe(0)
      expect(await database.db.$count(passkeys, eq(passkeys.userId, user!.id))).toBe(0)
      expect(await database.db.$count(auditLog, and(eq(auditLog.subjectUserId, user!.id), eq(auditLog.action, 'second-factor.reset')))).toBe(1)
      expect(await database.db.$count(outbox, eq(outbox.toAddress, 'locked-out@example.test'))).toBe(1)
      await database.close()
    } finally {
      await target.cleanup()
    }
  }, 120_000)
})

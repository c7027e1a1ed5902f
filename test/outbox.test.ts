/**
 * The outbox and the job queue: mail exists exactly when its cause committed, is delivered once
 * per row even with several workers, retries with backoff, and survives a worker that died.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { spawn } from 'node:child_process'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { queueMail } from '../src/kernel/mail/outbox.js'
import { outbox } from '../src/kernel/mail/outbox.tables.js'
import { jobs } from '../src/kernel/jobs/jobs.tables.js'
import { JobRunner, backoffMs } from '../src/kernel/jobs/runner.js'
import { buildJobRegistry } from '../src/jobs.js'
import { smtpTransport, type MailTransport } from '../src/kernel/mail/transport.js'
import { DELIVERY_LEASE_MS } from '../src/kernel/mail/deliver.js'
import { startSmtpCapture } from './smtp.js'
import { testEngine } from './db.js'
import { ROOT } from './spawn.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())

function mail(key: string, to = `${key}@example.test`) {
  return { key, to, template: 'test', subject: `Subject ${key}`, text: `Body ${key}`, html: `<p>Body ${key}</p>` }
}

describe('outbox', () => {
  it('keeps no mail when the transaction that caused it rolls back', async () => {
    await expect(
      t.deps.db.transaction(async (tx) => {
        await queueMail(tx, t.clock.now(), mail('rolled-back'))
        throw new Error('the cause failed')
      }),
    ).rejects.toThrow('the cause failed')
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.key, 'rolled-back'))).toHaveLength(0)
    expect(await t.deps.db.select().from(jobs).where(sql`${jobs.payload}->>'outboxId' is not null and ${jobs.key} like 'mail:%'`)).toHaveLength(0)
  })

  it('delivers a committed mail over SMTP with its own Message-ID', async () => {
    await t.deps.db.transaction((tx) => queueMail(tx, t.clock.now(), mail('committed')))
    await t.drain()
    const got = await t.smtp.waitFor((m) => m.to === 'committed@example.test')
    expect(got.subject).toBe('Subject committed')
    expect(got.text.trim()).toBe('Body committed')
    expect(got.messageId).toMatch(/^<outbox-\d+@localhost>$/)
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.key, 'committed'))
    expect(row?.status).toBe('sent')
  })

  it('sends a file with the mail byte for byte (an invoice PDF)', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10, 0x80])
    await queueMail(t.deps.db, t.clock.now(), { ...mail('with-file'), attachments: [{ filename: 'factuur-2026-00001.pdf', contentType: 'application/pdf', content: pdf }] })
    await t.drain()
    const got = await t.smtp.waitFor((m) => m.to === 'with-file@example.test')
    expect(got.attachments.map((a) => [a.filename, a.contentType])).toEqual([['factuur-2026-00001.pdf', 'application/pdf']])
    expect(got.attachments[0]!.content.equals(pdf)).toBe(true)
  })

  it('queues a mail with the same key only once', async () => {
    const first = await queueMail(t.deps.db, t.clock.now(), mail('same-key'))
    const second = await queueMail(t.deps.db, t.clock.now(), mail('same-key'))
    expect(first).not.toBeNull()
    expect(second).toBeNull()
    await t.drain()
    await t.smtp.waitFor((m) => m.to === 'same-key@example.test')
    expect(t.smtp.messages.filter((m) => m.to === 'same-key@example.test')).toHaveLength(1)
  })

  it('sends each row exactly once when two workers drain the same queue', async () => {
    const count = 40
    for (let i = 0; i < count; i++) await queueMail(t.deps.db, t.clock.now(), mail(`pair-${i}`))
    const registry = buildJobRegistry(() => t.transport)
    const a = new JobRunner(t.deps, registry)
    const b = new JobRunner(t.deps, registry)
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()])
    expect(ranA + ranB).toBeGreaterThanOrEqual(count)
    const deadline = Date.now() + 5000
    while (t.smtp.messages.filter((m) => m.to.startsWith('pair-')).length < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    const received = t.smtp.messages.filter((m) => m.to.startsWith('pair-'))
    expect(received).toHaveLength(count)
    expect(new Set(received.map((m) => m.messageId)).size).toBe(count)
  })
})

describe('job queue', () => {
  it('retries a failed delivery with backoff, then delivers', async () => {
    const flaky = await startSmtpCapture({ failFirst: 1 })
    const transport = smtpTransport(flaky.url)
    const runner = new JobRunner(t.deps, buildJobRegistry(() => transport))
    try {
      await queueMail(t.deps.db, t.clock.now(), mail('flaky'))
      await runner.drain()
      const [job] = await t.deps.db.select().from(jobs).where(sql`${jobs.type} = 'mail.deliver' and ${jobs.status} = 'queued'`)
      expect(job?.attempts).toBe(1)
      expect(job?.lastError).toMatch(/try again later/)
      expect(job!.runAt.getTime() - t.clock.now().getTime()).toBe(backoffMs(1))
      expect(await runner.drain()).toBe(0) // not due yet
      t.clock.advance({ seconds: backoffMs(1) / 1000 })
      await runner.drain()
      await flaky.waitFor((m) => m.to === 'flaky@example.test')
      expect(flaky.messages).toHaveLength(1)
    } finally {
      transport.close()
      await flaky.close()
    }
  })

  it('takes over a job whose worker died once its lease runs out', async () => {
    await queueMail(t.deps.db, t.clock.now(), mail('orphan'))
    // A worker claimed the job and then died: status running, lease still valid.
    await t.deps.db.execute(sql`update ${jobs} set status = 'running', locked_by = 'dead-worker', locked_until = ${new Date(t.clock.now().getTime() + 60_000)} where ${jobs.key} like 'mail:%' and ${jobs.status} = 'queued'`)
    expect(await t.drain()).toBe(0)
    t.clock.advance({ minutes: 2 })
    expect(await t.drain()).toBe(1)
    await t.smtp.waitFor((m) => m.to === 'orphan@example.test')
  })

  it('claims a mail delivery for about a minute, not for the longest lease of any job type', async () => {
    let lease: number | undefined
    const transport: MailTransport = {
      kind: 'smtp',
      async send() {
        const [job] = await t.deps.db.select().from(jobs).where(sql`${jobs.key} like 'mail:%' and ${jobs.status} = 'running'`)
        lease = job!.lockedUntil!.getTime() - t.clock.now().getTime()
      },
      close() {},
    }
    await queueMail(t.deps.db, t.clock.now(), mail('lease'))
    await new JobRunner(t.deps, buildJobRegistry(() => transport)).drain()
    expect(lease).toBe(DELIVERY_LEASE_MS)
    expect(DELIVERY_LEASE_MS).toBeLessThanOrEqual(60_000)
  })

  it('sends a mail again about a minute after its worker died while sending, once', async () => {
    // Worker A hangs inside the SMTP conversation, as a process killed there would leave it.
    let entered!: () => void
    const inSend = new Promise<void>((resolve) => (entered = resolve))
    let abandon!: (err: Error) => void
    const hanging: MailTransport = {
      kind: 'smtp',
      send: () => {
        entered()
        return new Promise<void>((_resolve, reject) => (abandon = reject))
      },
      close() {},
    }
    await queueMail(t.deps.db, t.clock.now(), mail('crashed'))
    const a = new JobRunner(t.deps, buildJobRegistry(() => hanging))
    const ranA = a.runOne()
    await inSend
    expect(await t.drain()).toBe(0) // A's lease still holds
    t.clock.advance({ seconds: 61 })
    expect(await t.drain()).toBe(1)
    await t.smtp.waitFor((m) => m.to === 'crashed@example.test')
    // A's send finally fails: it must not put the row that B sent back in the queue.
    abandon(new Error('connection reset'))
    await ranA
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.key, 'crashed'))
    expect(row?.status).toBe('sent')
    t.clock.advance({ hours: 1 })
    await t.drain()
    expect(t.smtp.messages.filter((m) => m.to === 'crashed@example.test')).toHaveLength(1)
  })

  it('keeps a long job with a live worker, however long it works', async () => {
    const registry = buildJobRegistry(() => t.transport)
    let takenOver: boolean | undefined
    registry.define({
      type: 'test.long-work',
      payload: z.object({}),
      leaseMs: 60,
      handle: async () => {
        t.clock.advance({ minutes: 30 }) // far past any lease of any job type
        await new Promise((r) => setTimeout(r, 200)) // the lease is renewed meanwhile
        takenOver = await new JobRunner(t.deps, registry).runOne()
      },
    })
    await t.deps.db.insert(jobs).values({ type: 'test.long-work', runAt: t.clock.now(), createdAt: t.clock.now() })
    await new JobRunner(t.deps, registry).drain()
    expect(takenOver).toBe(false)
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.type, 'test.long-work'))
    expect(job?.status).toBe('done')
    expect(job?.attempts).toBe(1)
  })

  it('marks a job dead after its last attempt', async () => {
    const registry = buildJobRegistry(() => t.transport)
    let calls = 0
    registry.define({ type: 'test.always-fails', payload: z.object({}), handle: async () => { calls++; throw new Error('poison') } })
    const runner = new JobRunner(t.deps, registry)
    await t.deps.db.insert(jobs).values({ type: 'test.always-fails', runAt: t.clock.now(), maxAttempts: 3, createdAt: t.clock.now() })
    for (let i = 0; i < 3; i++) {
      await runner.drain()
      t.clock.advance({ hours: 2 })
    }
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.type, 'test.always-fails'))
    expect(calls).toBe(3)
    expect(job?.status).toBe('dead')
  })

  it('keeps email addresses a failure quotes out of the log and the job row', async () => {
    const registry = buildJobRegistry(() => t.transport)
    registry.define({
      type: 'test.quotes-address',
      payload: z.object({}),
      handle: async () => {
        throw Object.assign(new Error('550 5.1.1 <Anna.de-Vries@voorbeeld.nl>: Recipient address rejected'), { responseCode: 550 })
      },
    })
    const runner = new JobRunner(t.deps, registry)
    await t.deps.db.insert(jobs).values({ type: 'test.quotes-address', runAt: t.clock.now(), maxAttempts: 1, createdAt: t.clock.now() })
    await runner.drain()
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.type, 'test.quotes-address'))
    expect(job?.lastError).toBe('Error 550: 550 5.1.1 <[email]>: Recipient address rejected')
    expect(t.logs()).toContain('Recipient address rejected')
    expect(t.logs().toLowerCase()).not.toContain('anna.de-vries')
  })
})

describe('job payloads', () => {
  it('parses a payload with the schema its job type names, and hands the handler the parsed value', async () => {
    const registry = buildJobRegistry(() => t.transport)
    const seen: unknown[] = []
    registry.define({
      type: 'test.parsed-payload',
      payload: z.object({ itemId: z.number().int(), note: z.string().default('none') }),
      handle: async (_ctx, payload) => void seen.push(payload),
    })
    await t.deps.db.insert(jobs).values({ type: 'test.parsed-payload', payload: { itemId: 7, extra: 'dropped' }, runAt: t.clock.now(), createdAt: t.clock.now() })
    await new JobRunner(t.deps, registry).drain()
    expect(seen).toEqual([{ itemId: 7, note: 'none' }])
  })

  it('does not run the handler for a payload that does not parse: the job is dead at once, and neither the log nor the row quotes the value', async () => {
    const registry = buildJobRegistry(() => t.transport)
    let calls = 0
    registry.define({
      type: 'test.malformed-payload',
      payload: z.object({ itemId: z.number().int() }),
      handle: async () => void calls++,
    })
    const [inserted] = await t.deps.db
      .insert(jobs)
      .values({ type: 'test.malformed-payload', payload: { itemId: 'anna.de-vries@voorbeeld.nl' }, maxAttempts: 8, runAt: t.clock.now(), createdAt: t.clock.now() })
      .returning({ id: jobs.id })
    await new JobRunner(t.deps, registry).drain()
    // Another try would read the same payload: no retries, however many attempts were allowed.
    t.clock.advance({ hours: 2 })
    await new JobRunner(t.deps, registry).drain()
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.id, inserted!.id))
    expect(calls).toBe(0)
    expect(job?.status).toBe('dead')
    expect(job?.attempts).toBe(1)
    expect(job?.lastError).toContain('itemId')
    expect(job?.lastError).not.toContain('anna')
    expect(t.logs()).toContain('job payload does not match its schema')
    expect(t.logs().toLowerCase()).not.toContain('anna.de-vries')
  })

  it('refuses a mail delivery whose outbox id is not a number: the mail stays unsent', async () => {
    await queueMail(t.deps.db, t.clock.now(), mail('payload-check'))
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.key, 'payload-check'))
    // Only the malformed job names the row: the one queueMail made goes.
    await t.deps.db.delete(jobs).where(eq(jobs.key, `mail:${row!.id}`))
    const [inserted] = await t.deps.db
      .insert(jobs)
      .values({ type: 'mail.deliver', payload: { outboxId: String(row!.id) }, runAt: t.clock.now(), createdAt: t.clock.now() })
      .returning({ id: jobs.id })
    await new JobRunner(t.deps, buildJobRegistry(() => t.transport)).drain()
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.id, inserted!.id))
    expect(job?.status).toBe('dead')
    expect(job?.lastError).toContain('outboxId')
    const [after] = await t.deps.db.select().from(outbox).where(eq(outbox.id, row!.id))
    expect(after?.status).toBe('pending')
    expect(t.smtp.messages.some((m) => m.to === 'payload-check@example.test')).toBe(false)
  })
})

describe.runIf(testEngine() === 'postgres')('two app processes on one PostgreSQL database', () => {
  it('deliver every outbox row exactly once', async () => {
    const smtp = await startSmtpCapture()
    try {
      const count = 60
      for (let i = 0; i < count; i++) await queueMail(t.deps.db, t.clock.now(), mail(`proc-${i}`))
      const url = (t.database as { url?: string }).url!
      const run = () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/drain-worker.ts'], {
            cwd: ROOT,
            env: { PATH: process.env.PATH, DATABASE_URL: url, SMTP_URL: smtp.url, NOW: t.clock.now().toISOString() },
            stdio: 'inherit',
          })
          child.on('exit', resolve)
        })
      const codes = await Promise.all([run(), run()])
      expect(codes).toEqual([0, 0])
      const received = smtp.messages.filter((m) => m.to.startsWith('proc-'))
      expect(received).toHaveLength(count)
      expect(new Set(received.map((m) => m.to)).size).toBe(count)
    } finally {
      await smtp.close()
    }
  }, 60_000)
})

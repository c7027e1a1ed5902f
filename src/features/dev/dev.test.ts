/** The dev mailbox shows every mail, also what the outbox forgot (a cancelled account's mail). */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login, TEST_PASSWORD } from '../../../test/factories.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { users } from '../accounts/accounts.tables.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())

describe('dev mailbox', () => {
  it("lists and opens the cancellation confirmation after the account's outbox rows were erased", async () => {
    const email = 'opzegger@example.test'
    const user = await buildUser(t, { email, firstName: 'Otje' })
    const client = t.client()
    await login(client, user)
    await client.get('/hulp/opzeggen')
    expect((await client.post('/hulp/opzeggen', { password: TEST_PASSWORD })).status).toBe(303)
    t.clock.advance({ minutes: 5 })
    await t.drain()
    // Erased: the account and every outbox row of its address are gone from the database.
    expect(await t.deps.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(0)

    const developer = t.client()
    const list = await developer.get('/dev/mailbox')
    expect(list.status).toBe(200)
    const row = /<tr><td[^>]*>(\d+)<\/td><td[^>]*>opzegger@example\.test<\/td><td[^>]*><a href="\/dev\/mailbox\/(\d+)">([^<]*opgezegd[^<]*)<\/a>/.exec(list.body)
    expect(row, list.text).not.toBeNull()
    const mail = await developer.get(`/dev/mailbox/${row![2]}`)
    expect(mail.status).toBe(200)
    expect(mail.text).toContain('48 uur')
    expect(mail.text).toContain(email)
    expect((await developer.get('/dev/mailbox/999999')).status).toBe(404)
  })
})

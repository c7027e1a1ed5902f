/**
 * Reminders of unpaid transfer invoices (issue 14): the first 7 and the second 21 days after the
 * due date (BILLING_REMINDER_DAYS), each once, never a third, none for a paid invoice or a direct
 * debit, each with the invoice attached again; shown on the admin's invoice page. The setting
 * takes at most two rising numbers, and none turns reminders off.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login, type BuiltUser } from '../../../test/factories.js'
import { buildApplication } from '../../../test/billing.js'
import { loadConfig } from '../../config/env.js'
import { findApplication } from './billing.applications.queries.js'
import { approveApplication } from './billing.decide.service.js'
import { invoices } from './billing.ledger.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { recordPayment } from './billing.ledger.js'
import { reminderDue, sendReminders } from './billing.reminders.js'
import { buildPackage } from './billing.apply.test-helpers.js'

let t: TestPlatform
let adminUser: BuiltUser
let packageId: number

beforeAll(async () => {
  t = await createTestPlatform()
  packageId = (await buildPackage(t, { nameNl: 'Jaarpakket', period: 'jaar', priceCents: 10_000 })).id
  adminUser = await buildUser(t, { role: 'admin' })
})
afterAll(() => t.stop())

/** An approved package of a new organisation, and its first invoice (issued 2 March, due 16 March). */
async function invoiced(opts: { directDebit?: boolean } = {}) {
  t.clock.set('2026-03-02T09:00:00Z')
  const user = await buildUser(t)
  const applicationId = await buildApplication(t, { userId: user.id, packageId, ...(opts.directDebit ? { iban: 'NL02ABNA0123456789' } : {}) })
  await approveApplication(t.deps, adminUser.id, (await findApplication(t.deps.db, applicationId))!)
  await t.drain()
  const [sub] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))
  const [invoice] = await t.deps.db.select().from(invoices).where(eq(invoices.subscriptionId, sub!.id))
  return invoice!
}

const remindersOf = (number: string) => t.smtp.messages.filter((m) => m.subject.includes(`herinnering: factuur ${number} `) || m.subject.startsWith(`Herinnering: factuur ${number} `))

describe('reminders of an unpaid transfer invoice', () => {
  it('come 7 and 21 days after the due date, once each and never a third, with the invoice attached', async () => {
    const invoice = await invoiced()
    expect(invoice.dueOn).toBe('2026-03-16')
    t.clock.set('2026-03-22T09:00:00Z')
    await t.drain()
    expect(remindersOf(invoice.number)).toHaveLength(0)

    t.clock.set('2026-03-23T09:00:00Z')
    await t.drain()
    const [first] = remindersOf(invoice.number)
    expect(first!.subject).toBe(`Herinnering: factuur ${invoice.number} van ${t.config.billing.operator.name}`)
    expect(first!.text).toContain('16 maart 2026')
    expect(first!.text).toContain(t.config.billing.operator.iban)
    expect(first!.attachments.map((a) => a.filename)).toEqual([`factuur-${invoice.number}.pdf`])
    expect(await sendReminders(t.deps)).toBe(0)

    t.clock.set('2026-04-06T09:00:00Z')
    await t.drain()
    expect(remindersOf(invoice.number).map((m) => m.subject.split(':')[0])).toEqual(['Herinnering', 'Tweede herinnering'])

    t.clock.set('2026-06-01T09:00:00Z')
    await t.drain()
    expect(remindersOf(invoice.number)).toHaveLength(2)

    const admin = t.client()
    await login(admin, adminUser)
    const page = await admin.get(`/beheer/facturen/${invoice.id}`)
    expect(page.text).toContain('Herinneringen eerste op 23 maart 2026; tweede op 6 april 2026')
  })

  it('are not sent for a paid invoice, nor for a direct debit', async () => {
    const paid = await invoiced()
    await recordPayment(t.deps.db, paid.id, { amountCents: paid.totalCents, receivedOn: '2026-03-10', method: 'transfer' }, t.clock.now())
    const debit = await invoiced({ directDebit: true })
    t.clock.set('2026-04-30T09:00:00Z')
    expect(await sendReminders(t.deps)).toBe(0)
    await t.drain()
    expect(remindersOf(paid.number)).toHaveLength(0)
    expect(remindersOf(debit.number)).toHaveLength(0)
  })
})

describe('BILLING_REMINDER_DAYS', () => {
  const base = { NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123' }
  it('takes at most two rising numbers of days; empty turns reminders off', () => {
    expect(loadConfig(base).billing.reminderDays).toEqual([7, 21])
    expect(loadConfig({ ...base, BILLING_REMINDER_DAYS: '10' }).billing.reminderDays).toEqual([10])
    expect(loadConfig({ ...base, BILLING_REMINDER_DAYS: ' 5 , 30 ' }).billing.reminderDays).toEqual([5, 30])
    expect(loadConfig({ ...base, BILLING_REMINDER_DAYS: '' }).billing.reminderDays).toEqual([])
    expect(() => loadConfig({ ...base, BILLING_REMINDER_DAYS: '7,14,21' })).toThrow(/BILLING_REMINDER_DAYS.*at most two/)
    expect(() => loadConfig({ ...base, BILLING_REMINDER_DAYS: '21,7' })).toThrow(/BILLING_REMINDER_DAYS.*rising/)
    expect(() => loadConfig({ ...base, BILLING_REMINDER_DAYS: 'week' })).toThrow(/BILLING_REMINDER_DAYS/)
  })

  it('decides which reminder is due from the due date and those sent', () => {
    expect(reminderDue('2026-03-16', 0, [7, 21], '2026-03-22')).toBeNull()
    expect(reminderDue('2026-03-16', 0, [7, 21], '2026-03-23')).toBe(1)
    // A run that did not happen for weeks sends the first, and the second on a later run.
    expect(reminderDue('2026-03-16', 0, [7, 21], '2026-05-01')).toBe(1)
    expect(reminderDue('2026-03-16', 1, [7, 21], '2026-04-05')).toBeNull()
    expect(reminderDue('2026-03-16', 1, [7, 21], '2026-04-06')).toBe(2)
    expect(reminderDue('2026-03-16', 2, [7, 21], '2027-01-01')).toBeNull()
    expect(reminderDue('2026-03-16', 1, [7], '2027-01-01')).toBeNull()
  })
})

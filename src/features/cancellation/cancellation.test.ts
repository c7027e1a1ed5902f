/**
 * P24 and P26 through HTTP and the real database, with the clock moved instead of waiting:
 * cancel → gone from every public page at once → erased from the live database by 48 h (the
 * archive written first) → the archive opens only with its key → an admin restores it and the
 * person gets back in through the mailed link → five years on, the archive is destroyed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { randomBytes, randomUUID } from 'node:crypto'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, TEST_PASSWORD, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { linkIn, mailTo } from '../accounts/accounts.test-helpers.js'
import { users, accountTokens } from '../accounts/accounts.tables.js'
import { consents } from '../documents/documents.tables.js'
import { activityOccurrences, contentImages, contentInvitations, contentItems, contentManagers, contentThemes } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { newsletterSubscriptions } from '../newsletter/newsletter.tables.js'
import { alertFollows, alertSettings } from '../alerts/alerts.tables.js'
import { follow, setFrequency } from '../alerts/alerts.service.js'
import { supportRequests } from '../help/help.tables.js'
import { roleInvitations } from '../roles/roles.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { retentionRuns } from '../../kernel/retention/retention.tables.js'
import { DAY } from '../../kernel/clock.js'
import { accountArchives } from './cancellation.tables.js'
import { decryptArchive, purgeAfterOf } from './cancellation.service.js'
import { ArchiveAuthenticationError, ArchiveKeyMissingError } from './cancellation.crypto.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let ursula: BuiltUser
let otto: BuiltUser
let admin: BuiltUser
let adminClient: TestClient
const EMAIL = 'ursula.opzegger@example.test'
const FIRST = 'Ursulinde'
const LAST = 'Opzeggerdijk'
const WORD = 'zonnebloemkwekers'
const IMAGE_KEY = `content/${'ab'.repeat(32)}`
const IMAGE_BYTES = Buffer.from('RIFF-fake-webp-bytes-of-ursula')

interface Made {
  id: number
  slug: string
  path: string
  title: string
}
const mine: Record<'activity' | 'offer' | 'news', Made> = {} as never
let shared: Made

async function make(type: 'activity' | 'offer' | 'news', ownerId: string, title: string): Promise<Made> {
  const now = t.clock.now()
  const extra =
    type === 'activity'
      ? { startsAt: new Date(now.getTime() + 2 * DAY), endsAt: new Date(now.getTime() + 2 * DAY + 7_200_000), locationText: 'Buurthuis' }
      : type === 'offer'
        ? { category: 'overig', expiresAt: new Date(now.getTime() + 20 * DAY) }
        : {}
  const item = await buildItem(t, { wijkId: wijk.id, type, title, summary: `Over ${WORD} in de wijk`, ownerId, ...extra })
  if (type === 'activity') await rebuildOccurrences(t.deps.db, item.id, now)
  const module = type === 'activity' ? 'agenda' : type === 'offer' ? 'prikbord' : 'nieuws'
  return { ...item, title, path: `/${wijk.slug}/${module}/${item.id}-${item.slug}` }
}

/** Every public place an item of this wijk can show up. */
function publicUrls(): string[] {
  return [
    `/${wijk.slug}/`,
    `/${wijk.slug}/agenda`,
    `/${wijk.slug}/prikbord`,
    `/${wijk.slug}/nieuws`,
    `/${wijk.slug}/agenda.ics`,
    `/${wijk.slug}/prikbord.rss`,
    `/${wijk.slug}/nieuws.rss`,
    `/${wijk.slug}/zoeken?q=${WORD}`,
    '/sitemap.xml',
  ]
}

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t)
  await ensureDefaultThemes(t.deps.db, wijk.id)
  ursula = await buildUser(t, { email: EMAIL, firstName: FIRST, lastName: LAST, homeWijkId: wijk.id })
  otto = await buildUser(t, { firstName: 'Otto' })
  admin = await buildUser(t, { role: 'admin', firstName: 'Beheerder' })
  adminClient = t.client()
  await login(adminClient, admin)

  mine.activity = await make('activity', ursula.id, 'Zaaimiddag van Ursulinde')
  mine.offer = await make('offer', ursula.id, 'Zaden te geef van Ursulinde')
  mine.news = await make('news', ursula.id, 'Nieuws van Ursulinde')
  shared = await make('news', otto.id, 'Tuinnieuws van Otto')
  const now = t.clock.now()
  const [theme] = await listThemes(t.deps.db, wijk.id)
  await t.deps.db.insert(contentThemes).values({ contentId: mine.activity.id, themeId: theme!.id })
  await t.deps.db.insert(contentImages).values({ contentId: mine.offer.id, fileKey: IMAGE_KEY, widths: [320], width: 320, height: 200, alt: 'Zakjes zaad', createdAt: now })
  await t.deps.files.put(`${IMAGE_KEY}-320.webp`, IMAGE_BYTES)
  // Ursulinde co-manages Otto's item: it stays with Otto.
  await t.deps.db.insert(contentManagers).values({ contentId: shared.id, userId: ursula.id, addedAt: now })
  await t.deps.db.insert(newsletterSubscriptions).values({ wijkId: wijk.id, userId: ursula.id, status: 'confirmed', tokenHash: randomBytes(16).toString('hex'), createdAt: now, confirmedAt: now })
  // The same address subscribed once as a visitor, before the account existed.
  await t.deps.db.insert(newsletterSubscriptions).values({ wijkId: wijk.id, email: EMAIL, status: 'confirmed', tokenHash: randomBytes(16).toString('hex'), createdAt: now, confirmedAt: now })
  // She follows the agenda and a Prikbord category, mailed daily.
  await follow(t.deps, ursula.id, { wijkId: wijk.id, kind: 'module', value: 'agenda' })
  await follow(t.deps, ursula.id, { wijkId: wijk.id, kind: 'category', value: 'overig' })
  await setFrequency(t.deps, ursula.id, 'daily')
  await follow(t.deps, otto.id, { wijkId: wijk.id, kind: 'module', value: 'agenda' })
  await t.deps.db.insert(supportRequests).values({ kind: 'question', userId: ursula.id, message: 'Een oude vraag', createdAt: now })
  // Otto invited her to co-manage another item; the invitation holds her address.
  await t.deps.db.insert(contentInvitations).values({ tokenHash: randomBytes(16).toString('hex'), contentId: shared.id, email: EMAIL, invitedBy: otto.id, createdAt: now, expiresAt: new Date(now.getTime() + 14 * DAY) })
  // And an invitation to become wijkbeheerder went to the same address.
  await t.deps.db.insert(roleInvitations).values({ tokenHash: randomBytes(16).toString('hex'), email: EMAIL.toLowerCase(), role: 'wijkbeheerder', wijkId: wijk.id, invitedBy: otto.id, createdAt: now, expiresAt: new Date(now.getTime() + 14 * DAY) })
}, 60_000)
afterAll(() => t.stop())

describe('cancelling an account (P24)', () => {
  let ursulaClient: TestClient
  /** A second device that makes no request between the cancellation and the checks. */
  let otherDevice: TestClient

  it('refuses a wrong password with 422, the error next to the field', async () => {
    ursulaClient = t.client()
    await login(ursulaClient, ursula)
    otherDevice = t.client()
    await login(otherDevice, ursula)
    const page = await ursulaClient.get('/hulp/opzeggen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('48 uur')
    expect(page.text).toContain('vijf jaar')
    // Billing does not exist yet: no promise about invoices or mandates nobody has.
    expect(page.text).not.toMatch(/factu|incasso|machtiging|zeven jaar/i)
    const wrong = await ursulaClient.post('/hulp/opzeggen', { password: 'niet-het-wachtwoord' })
    expect(wrong.status).toBe(422)
    expect(wrong.body).toContain('id="password-error"')
    const [row] = await t.deps.db.select({ status: users.status }).from(users).where(eq(users.id, ursula.id))
    expect(row!.status).toBe('active')
  })

  it("removes the account's items at once from item pages, module lists, wijk home, RSS and iCal feeds, search and sitemap, also from the page cache (P24)", async () => {
    const visitor = t.client()
    for (const url of publicUrls()) {
      await visitor.get(url)
      const again = await visitor.get(url)
      expect(again.status, url).toBe(200)
    }
    expect((await visitor.get(`/${wijk.slug}/`)).res.headers.get('x-page-cache')).toBe('hit')
    const before = (await Promise.all(publicUrls().map((u) => visitor.get(u)))).map((p) => p.body).join('\n')
    for (const item of Object.values(mine)) expect(before).toContain(item.title)
    for (const item of Object.values(mine)) expect((await visitor.get(item.path)).status).toBe(200)

    const res = await ursulaClient.post('/hulp/opzeggen', { password: TEST_PASSWORD })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/hulp/opgezegd')
    expect(res.res.headers.getSetCookie().join(';')).toMatch(/wc_session=;|Max-Age=0/i)
    const goodbye = await ursulaClient.follow(res)
    expect(goodbye.status).toBe(200)
    expect(goodbye.text).toContain('Je account is opgezegd')

    // No job has run: this is the state right after the cancellation.
    for (const url of publicUrls()) {
      const page = await visitor.get(url)
      for (const item of Object.values(mine)) expect(page.body, `${url} still shows ${item.title}`).not.toContain(item.title)
    }
    for (const item of Object.values(mine)) expect((await visitor.get(item.path)).status).toBe(404)
    expect((await visitor.get(shared.path)).status).toBe(200)
  })

  it('refuses to log in, ends every session and stops newsletters and alerts at once (P24)', async () => {
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, ursula.id))).toHaveLength(0)
    const old = await otherDevice.get('/mijn-gegevens')
    expect(old.status).toBe(303)
    expect(old.location).toMatch(/^\/account\/inloggen/)
    const again = t.client()
    await again.get('/account/inloggen')
    expect((await again.post('/account/inloggen', { email: EMAIL, password: TEST_PASSWORD })).status).toBe(422)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, EMAIL))).toHaveLength(0)
    // What she followed and how often are gone before any erasure job ran; Otto's follow stays.
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(alertSettings).where(eq(alertSettings.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, otto.id))).toHaveLength(1)
    const [row] = await t.deps.db.select({ status: users.status, cancelledAt: users.cancelledAt }).from(users).where(eq(users.id, ursula.id))
    expect(row).toEqual({ status: 'cancelled', cancelledAt: t.clock.now() })
  })

  it('erases the account, its content, images (rows and files), sessions and subscriptions from the live database well within 48 hours, and keeps co-managed content with its owner (P24)', async () => {
    // Mail for the account still waiting in the outbox goes with it; the confirmation does not.
    await t.deps.db.insert(outbox).values({ key: `test-pending:${ursula.id}`, userId: ursula.id, toAddress: EMAIL, subject: 'oud', textBody: 'oud', template: 'test', createdAt: t.clock.now() })
    await t.deps.db.insert(outbox).values({ key: `test-sent:${ursula.id}`, toAddress: EMAIL, subject: 'verstuurd', textBody: 'verstuurd', template: 'test', status: 'sent', createdAt: t.clock.now(), sentAt: t.clock.now() })
    // The job runs at once; the hourly safety net would only act after an hour.
    t.clock.advance({ minutes: 5 })
    await t.drain()
    const mail = await mailTo(t, EMAIL, 'is opgezegd')
    expect(mail.text).toContain('48 uur')

    expect(await t.deps.db.select().from(users).where(eq(users.id, ursula.id))).toHaveLength(0)
    const ids = Object.values(mine).map((i) => i.id)
    expect(await t.deps.db.select().from(contentItems).where(inArray(contentItems.id, ids))).toHaveLength(0)
    expect(await t.deps.db.select().from(contentImages).where(eq(contentImages.fileKey, IMAGE_KEY))).toHaveLength(0)
    expect(await t.deps.files.get(`${IMAGE_KEY}-320.webp`)).toBeNull()
    expect(await t.deps.db.select().from(activityOccurrences).where(eq(activityOccurrences.contentId, mine.activity.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(contentThemes).where(eq(contentThemes.contentId, mine.activity.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(consents).where(eq(consents.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, EMAIL))).toHaveLength(0)
    expect(await t.deps.db.select().from(contentInvitations).where(eq(contentInvitations.email, EMAIL))).toHaveLength(0)
    expect(await t.deps.db.select().from(roleInvitations).where(eq(roleInvitations.email, EMAIL.toLowerCase()))).toHaveLength(0)
    expect(await t.deps.db.select().from(contentManagers).where(eq(contentManagers.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, ursula.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(alertSettings).where(eq(alertSettings.userId, ursula.id))).toHaveLength(0)
    const [ottoItem] = await t.deps.db.select({ ownerId: contentItems.ownerId, status: contentItems.status }).from(contentItems).where(eq(contentItems.id, shared.id))
    expect(ottoItem).toEqual({ ownerId: otto.id, status: 'published' })
    const [request] = await t.deps.db.select({ userId: supportRequests.userId }).from(supportRequests).where(eq(supportRequests.message, 'Een oude vraag'))
    expect(request!.userId).toBeNull()

    const archives = await t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, ursula.id))
    expect(archives).toHaveLength(1)
    expect(archives[0]!.purgeAfter).toEqual(purgeAfterOf(archives[0]!.cancelledAt))
    expect(archives[0]!.purgeAfter.toISOString().slice(0, 4)).toBe('2031')
    // The audit log keeps the erasure with ids only.
    const [erase] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'account.erase'), eq(auditLog.subjectUserId, ursula.id)))
    expect(JSON.stringify(erase)).not.toContain(EMAIL)
  })
})

describe('the encrypted archive (P26)', () => {
  it('decrypts only with the right key: a wrong key fails authentication, a missing key is named, and the ciphertext holds no email or name in clear', async () => {
    const [row] = await t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, ursula.id))
    const payload = decryptArchive(t.config, row!)
    expect(payload.account.email).toBe(EMAIL)
    expect(payload.account).not.toHaveProperty('passwordHash')
    expect(payload.items.map((i) => i.item.title).sort()).toEqual(Object.values(mine).map((i) => i.title).sort())
    const offer = payload.items.find((i) => i.item.id === mine.offer.id)!
    expect(Buffer.from(offer.images[0]!.files[0]!.data, 'base64')).toEqual(IMAGE_BYTES)
    expect(payload.items.find((i) => i.item.id === mine.activity.id)!.themes).toHaveLength(1)

    const stored = JSON.stringify(row) + Buffer.from(row!.ciphertext, 'base64').toString('latin1')
    for (const clear of [EMAIL, FIRST, LAST, 'Ursulinde', WORD]) expect(stored).not.toContain(clear)

    expect(() => decryptArchive({ ...t.config, archiveKey: randomBytes(32) }, row!)).toThrow(ArchiveAuthenticationError)
    expect(() => decryptArchive({ ...t.config, archiveKeyId: 'k9', archivePreviousKeys: new Map() }, row!)).toThrow(ArchiveKeyMissingError)
    const flipped = Buffer.from(row!.ciphertext, 'base64')
    flipped[10] = flipped[10]! ^ 1
    expect(() => decryptArchive(t.config, { ...row!, ciphertext: flipped.toString('base64') })).toThrow(ArchiveAuthenticationError)
    // Bound to its row: the same ciphertext under another archive id does not open.
    expect(() => decryptArchive(t.config, { ...row!, id: randomUUID() })).toThrow(ArchiveAuthenticationError)
    // After a key rotation the old key, listed as a previous key, still opens it.
    const rotated = { ...t.config, archiveKey: randomBytes(32), archiveKeyId: 'k2', archivePreviousKeys: new Map([[row!.keyId, t.config.archiveKey]]) }
    expect(decryptArchive(rotated, row!).account.email).toBe(EMAIL)
  })

  it('is found by email without showing any personal data before a restore, and only by admins (P26)', async () => {
    const page = await adminClient.get('/beheer/archief')
    expect(page.status).toBe(200)
    const found = await adminClient.post('/beheer/archief/zoeken', { email: EMAIL.toUpperCase() })
    expect(found.status).toBe(200)
    const [row] = await t.deps.db.select({ id: accountArchives.id }).from(accountArchives).where(eq(accountArchives.originalUserId, ursula.id))
    expect(found.body).toContain(row!.id)
    expect(found.text).not.toContain(FIRST)
    const none = await adminClient.post('/beheer/archief/zoeken', { email: 'niemand@example.test' })
    expect(none.text).toContain('Er is geen archief')

    const beheerder = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const other = t.client()
    await login(other, beheerder)
    expect((await other.get('/beheer/archief')).status).toBe(403)
    expect((await other.post(`/beheer/archief/${row!.id}/terugzetten`, {})).status).toBe(403)
  })

  it('refuses a restore while another account uses the address, with a clear message (P26)', async () => {
    const [row] = await t.deps.db.select({ id: accountArchives.id }).from(accountArchives).where(eq(accountArchives.originalUserId, ursula.id))
    const squatter = await buildUser(t, { email: EMAIL })
    const refused = await adminClient.post(`/beheer/archief/${row!.id}/terugzetten`, {})
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('hoort nu bij een ander account')
    expect(await t.deps.db.select().from(accountArchives).where(eq(accountArchives.id, row!.id))).toHaveLength(1)
    await t.deps.db.delete(users).where(eq(users.id, squatter.id))
  })

  it('restores the account: a new password through the link mailed over SMTP, log in, content back as drafts with its images (P26)', async () => {
    const [row] = await t.deps.db.select({ id: accountArchives.id }).from(accountArchives).where(eq(accountArchives.originalUserId, ursula.id))
    const res = await adminClient.post(`/beheer/archief/${row!.id}/terugzetten`, {})
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer/archief?melding=flash.cancellation.restored')
    expect(await t.deps.db.select().from(accountArchives).where(eq(accountArchives.id, row!.id))).toHaveLength(0)

    const [back] = await t.deps.db.select().from(users).where(eq(users.id, ursula.id))
    expect(back).toMatchObject({ email: EMAIL, firstName: FIRST, lastName: LAST, status: 'active', cancelledAt: null, homeWijkId: wijk.id })
    expect(back!.emailVerifiedAt).not.toBeNull()
    // The old password does not work: the stored hash is of a random secret.
    const old = t.client()
    await old.get('/account/inloggen')
    expect((await old.post('/account/inloggen', { email: EMAIL, password: TEST_PASSWORD })).status).toBe(422)

    const mail = await mailTo(t, EMAIL, 'teruggezet')
    expect(mail.text).toContain('concept')
    const client = t.client()
    const link = linkIn(mail, '/account/wachtwoord-herstellen')
    expect((await client.get(link)).status).toBe(200)
    const token = new URL(link, 'http://localhost').searchParams.get('token')!
    const NEW = 'nieuwe zin voor de moestuin 7'
    const set = await client.post('/account/wachtwoord-herstellen', { token, password: NEW, passwordRepeat: NEW })
    expect(set.status).toBe(303)
    await login(client, { email: EMAIL, password: NEW })
    const mijn = await client.get('/mijn-content')
    expect(mijn.status).toBe(200)
    for (const item of Object.values(mine)) expect(mijn.text).toContain(item.title)

    const items = await t.deps.db.select({ id: contentItems.id, status: contentItems.status, ownerId: contentItems.ownerId }).from(contentItems).where(eq(contentItems.ownerId, ursula.id))
    expect(items.map((i) => i.id).sort()).toEqual(Object.values(mine).map((i) => i.id).sort())
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['draft']))
    expect(await t.deps.files.get(`${IMAGE_KEY}-320.webp`)).toEqual(IMAGE_BYTES)
    expect(await t.deps.db.select().from(contentImages).where(eq(contentImages.contentId, mine.offer.id))).toHaveLength(1)
    expect(await t.deps.db.select().from(contentThemes).where(eq(contentThemes.contentId, mine.activity.id))).toHaveLength(1)
    expect((await t.deps.db.select().from(consents).where(eq(consents.userId, ursula.id))).length).toBeGreaterThan(0)
    // Drafts stay off the public site.
    const visitor = t.client()
    for (const item of Object.values(mine)) expect((await visitor.get(item.path)).status).toBe(404)
    // The person sees the restore in their access log.
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'archive.restore'), eq(auditLog.subjectUserId, ursula.id)))
    expect(audit!.actorUserId).toBe(admin.id)
    const [spent] = await t.deps.db.select({ usedAt: accountTokens.usedAt }).from(accountTokens).where(eq(accountTokens.userId, ursula.id))
    expect(spent!.usedAt).not.toBeNull()
  })
})

describe('cancellation by an admin on request, the safety net and the five-year limit', () => {
  let vera: BuiltUser

  it("lets an admin cancel an account on someone's behalf: find by email, record why, confirm — same flow, audited with the subject (P24)", async () => {
    vera = await buildUser(t, { email: 'vera.verzoek@example.test', firstName: 'Vera', lastName: 'Verzoek' })
    await buildItem(t, { wijkId: wijk.id, type: 'news', title: 'Bericht van Vera', ownerId: vera.id })
    const form = await adminClient.get('/beheer/opzeggen')
    expect(form.status).toBe(200)
    const unknown = await adminClient.post('/beheer/opzeggen', { email: 'onbekend@example.test' })
    expect(unknown.status).toBe(422)
    expect(unknown.body).toContain('id="email-error"')
    const found = await adminClient.post('/beheer/opzeggen', { email: vera.email })
    expect(found.status).toBe(200)
    expect(found.text).toContain('Vera Verzoek')
    const noReason = await adminClient.post('/beheer/opzeggen/bevestigen', { userId: vera.id, reason: '' })
    expect(noReason.status).toBe(422)
    expect(noReason.body).toContain('id="reason-error"')
    const done = await adminClient.post('/beheer/opzeggen/bevestigen', { userId: vera.id, reason: 'E-mail van het eigen adres, 2 maart' })
    expect(done.status).toBe(303)

    const [row] = await t.deps.db.select({ status: users.status }).from(users).where(eq(users.id, vera.id))
    expect(row!.status).toBe('cancelled')
    const [request] = await t.deps.db.select().from(supportRequests).where(and(eq(supportRequests.userId, vera.id), eq(supportRequests.kind, 'cancellation')))
    expect(request).toMatchObject({ message: 'E-mail van het eigen adres, 2 maart', status: 'closed', handledBy: admin.id })
    const actions = (await t.deps.db.select({ action: auditLog.action, actor: auditLog.actorUserId }).from(auditLog).where(eq(auditLog.subjectUserId, vera.id))).map((a) => `${a.action}:${a.actor}`)
    expect(actions).toEqual(expect.arrayContaining([`account.cancel.lookup:${admin.id}`, `account.cancel.onBehalf:${admin.id}`]))
    expect((await t.client().get(`/${wijk.slug}/nieuws`)).text).not.toContain('Bericht van Vera')
    const mail = await mailTo(t, vera.email, 'is opgezegd')
    expect(mail.text).toContain('Op jouw verzoek')
  })

  it('is only for platform admins; an admin cannot cancel their own account this way, and the last admin cannot cancel at all', async () => {
    const beheerder = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id })
    const client = t.client()
    await login(client, beheerder)
    expect((await client.get('/beheer/opzeggen')).status).toBe(403)
    expect((await client.post('/beheer/opzeggen/bevestigen', { userId: otto.id, reason: 'x' })).status).toBe(403)
    const own = await adminClient.post('/beheer/opzeggen', { email: admin.email })
    expect(own.status).toBe(422)
    await adminClient.get('/hulp/opzeggen')
    const last = await adminClient.post('/hulp/opzeggen', { password: TEST_PASSWORD })
    expect(last.status).toBe(409)
    const [row] = await t.deps.db.select({ status: users.status }).from(users).where(eq(users.id, admin.id))
    expect(row!.status).toBe('active')
  })

  it('erases a cancelled account whose job was lost through the hourly safety net rule, well within 48 hours (P24)', async () => {
    const walter = await buildUser(t, { firstName: 'Walter' })
    await t.deps.db.update(users).set({ status: 'cancelled', cancelledAt: t.clock.now() }).where(eq(users.id, walter.id))
    t.clock.advance({ minutes: 30 })
    await t.drain()
    expect(await t.deps.db.select().from(users).where(eq(users.id, walter.id))).toHaveLength(1)
    t.clock.advance({ hours: 2 })
    await t.drain()
    expect(await t.deps.db.select().from(users).where(eq(users.id, walter.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, walter.id))).toHaveLength(1)
    const [run] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'accounts.cancelled'))
    expect(run!.lastError).toBeNull()
  })

  it('destroys the archive once five years have passed, and not a day before (P26)', async () => {
    await t.drain()
    const [archive] = await t.deps.db.select().from(accountArchives).where(eq(accountArchives.originalUserId, vera.id))
    expect(archive).toBeDefined()
    t.clock.set(new Date(archive!.purgeAfter.getTime() - DAY))
    await t.drain()
    expect(await t.deps.db.select().from(accountArchives).where(eq(accountArchives.id, archive!.id))).toHaveLength(1)
    t.clock.set(new Date(archive!.purgeAfter.getTime() + 2 * DAY))
    await t.drain()
    expect(await t.deps.db.select().from(accountArchives).where(eq(accountArchives.id, archive!.id))).toHaveLength(0)
    const [run] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'archive.expired'))
    expect(run!.totalRemoved).toBeGreaterThanOrEqual(1)
    // Five years on, the admin's session has long expired.
    await login(adminClient, admin)
    await adminClient.get('/beheer/archief')
    const found = await adminClient.post('/beheer/archief/zoeken', { email: vera.email })
    expect(found.text).toContain('Er is geen archief')
  })
})

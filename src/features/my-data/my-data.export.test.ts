/**
 * "Download mijn gegevens" (P23): a job makes a ZIP with gegevens.json (in the documented format),
 * overzicht.html and the user's images; only its owner can download it, for 24 hours, after
 * which the retention rule removes file and row.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import { z } from 'zod'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { ROOT } from '../../../test/spawn.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { contentImages, contentManagers } from '../content/content.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { complaints } from '../complaints/complaints.tables.js'
import { contentReports } from '../moderation/moderation.tables.js'
import { breachNotifications, breaches } from '../breaches/breaches.tables.js'
import { broadcastRecipients, broadcasts } from '../broadcast/broadcast.tables.js'
import { newsletterSubscriptions } from '../newsletter/newsletter.tables.js'
import { retentionRuns } from '../../kernel/retention/retention.tables.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { follow, setFrequency } from '../alerts/alerts.service.js'
import { dataExports } from './my-data.tables.js'
import { exportSchema, schemaFieldNames } from './export.schema.js'

let t: TestPlatform
let wijk: { id: number; slug: string }

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Oosterpark' })
})
afterAll(() => t.stop())
beforeEach(() => t.clock.advance({ minutes: 61 }))


/** Asks for an export from Mijn gegevens; returns its status page path. */
async function requestExport(client: TestClient): Promise<string> {
  await client.get('/mijn-gegevens')
  const res = await client.post('/mijn-gegevens/export', {})
  expect(res.status, res.text.slice(0, 300)).toBe(303)
  expect(res.location).toMatch(/^\/mijn-gegevens\/export\/[0-9a-f-]{36}$/)
  return res.location!
}

async function download(client: TestClient, statusPath: string): Promise<{ res: Response; files: Record<string, Uint8Array> }> {
  const res = await client.request(`${statusPath}/download`)
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { res, files: res.status === 200 ? unzipSync(bytes) : {} }
}

const IMAGE_KEY = `content/${'ab'.repeat(32)}`

describe('Download mijn gegevens (P23)', () => {
  let fenna: BuiltUser
  let gert: BuiltUser
  let client: TestClient
  let statusPath: string
  let big: Buffer

  beforeAll(async () => {
    fenna = await buildUser(t, { firstName: 'Fenna', lastName: 'Export', homeWijkId: wijk.id })
    gert = await buildUser(t, { firstName: 'Gert' })
    const admin = await buildUser(t, { firstName: 'Anna', role: 'admin' })
    const own = await buildItem(t, { wijkId: wijk.id, title: 'Fenna’s fietsenmaker', ownerId: fenna.id, contactPhone: '06-10101010', contactPhonePublic: true, contactEmail: 'fenna.prive@example.test' })
    const shared = await buildItem(t, { wijkId: wijk.id, title: 'Gedeelde buurtkrant', ownerId: gert.id, status: 'draft' })
    await t.deps.db.insert(contentManagers).values({ contentId: shared.id, userId: fenna.id, addedAt: t.clock.now() })
    const schuur = await buildItem(t, { wijkId: wijk.id, title: 'Gerts geheime schuur', ownerId: gert.id, contactPhone: '06-99999999' })

    // An image at two widths: the export takes the largest.
    big = Buffer.from('RIFF-large-webp-bytes-of-fenna')
    await t.deps.files.put(`${IMAGE_KEY}-320.webp`, Buffer.from('RIFF-small'))
    await t.deps.files.put(`${IMAGE_KEY}-640.webp`, big)
    await t.deps.db.insert(contentImages).values({ contentId: own.id, fileKey: IMAGE_KEY, widths: [320, 640], width: 600, height: 400, alt: 'De werkplaats', createdAt: t.clock.now() })

    const now = t.clock.now()
    await t.deps.db.insert(newsletterSubscriptions).values({ wijkId: wijk.id, userId: fenna.id, status: 'confirmed', tokenHash: hashToken(randomToken()), createdAt: now, confirmedAt: now })
    await t.deps.db.insert(supportRequests).values({ kind: 'question', userId: fenna.id, message: 'Hoe plaats ik een foto?', createdAt: now })
    await t.deps.db.insert(supportRequests).values({ kind: 'question', userId: gert.id, message: 'Gerts eigen vraag', createdAt: now })
    await t.deps.db.insert(complaints).values({ reference: 'K-2026-0001', userId: fenna.id, name: 'Fenna', email: fenna.email, body: 'Te veel mail', createdAt: now, updatedAt: now })
    await follow(t.deps, fenna.id, { wijkId: wijk.id, kind: 'module', value: 'agenda' })
    await follow(t.deps, fenna.id, { wijkId: wijk.id, kind: 'category', value: 'klussen' })
    await setFrequency(t.deps, fenna.id, 'daily')
    await follow(t.deps, gert.id, { wijkId: wijk.id, kind: 'category', value: 'spullen' })
    // A post she reported, a breach notice and a wijk team's message she was sent; Gert's own beside them.
    const spam = await buildItem(t, { wijkId: wijk.id, title: 'Gratis zonnepanelen', ownerId: gert.id })
    await t.deps.db.insert(contentReports).values([
      { contentId: spam.id, wijkId: wijk.id, reporterUserId: fenna.id, reason: 'spam', message: 'Dit is reclame', createdAt: now },
      { contentId: schuur.id, wijkId: wijk.id, reporterUserId: gert.id, reason: 'other', message: 'Gerts eigen melding', createdAt: now },
    ])
    const [breach] = await t.deps.db.insert(breaches).values({ title: 'Ledenlijst verstuurd', discoveredAt: now, whatHappened: 'Verkeerd gemaild.', dataKinds: 'namen', peopleKinds: 'leden', createdAt: now, updatedAt: now }).returning()
    await t.deps.db.insert(breachNotifications).values([
      { breachId: breach!.id, userId: fenna.id, status: 'sent', queuedAt: now, sentAt: now },
      { breachId: breach!.id, userId: gert.id, status: 'queued', queuedAt: now },
    ])
    const [message] = await t.deps.db.insert(broadcasts).values({ wijkId: wijk.id, subject: 'Nieuwe openingstijden', body: 'Het buurthuis is voortaan ook op zaterdag open.', createdAt: now, status: 'sent' }).returning()
    await t.deps.db.insert(broadcastRecipients).values({ broadcastId: message!.id, userId: fenna.id, status: 'sent', queuedAt: now, sentAt: now })
    await recordAudit(t.deps.db, now, { actorUserId: admin.id, action: 'role.appoint', subjectUserId: fenna.id, details: { role: 'wijkbeheerder' } })
    await recordAudit(t.deps.db, now, { actorUserId: admin.id, action: 'role.appoint', subjectUserId: gert.id, details: { role: 'admin' } })

    client = await loggedInClient(t, fenna)
  })

  it('shows a status page with a progress bar and a refresh link that works without JavaScript', async () => {
    statusPath = await requestExport(client)
    const page = await client.get(statusPath)
    expect(page.status).toBe(200)
    expect(page.res.headers.get('cache-control')).toBe('no-store')
    expect(page.text).toContain('In de wachtrij')
    expect(page.body).toMatch(/<progress id="export-progress" class="progress" max="100" value="0"/)
    expect(page.body).toContain(`<a href="${statusPath}" class="button secondary">Vernieuwen</a>`)
    expect(page.body).not.toContain('http-equiv')
    // Asking again while it is being made gives the same export.
    await client.get('/mijn-gegevens')
    expect((await client.post('/mijn-gegevens/export', {})).location).toBe(statusPath)
    // Not ready yet: the download link leads back to the status page.
    const early = await client.request(`${statusPath}/download`)
    expect(early.status).toBe(303)
  })

  it('export: a job makes a ZIP with gegevens.json (the user’s data, not another user’s, valid against the schema), overzicht.html and the image bytes', async () => {
    await t.drain()
    const [row] = await t.deps.db.select().from(dataExports).where(eq(dataExports.userId, fenna.id))
    expect(row).toMatchObject({ status: 'ready', progress: 100 })
    expect(row!.expiresAt.getTime() - row!.requestedAt.getTime()).toBe(24 * 3_600_000)

    const page = await client.get(statusPath)
    expect(page.text).toContain('Klaar om te downloaden')
    expect(page.body).toContain(`href="${statusPath}/download"`)

    const { res, files } = await download(client, statusPath)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.zip"$/)
    expect(res.headers.get('cache-control')).toBe('no-store')

    const raw = strFromU8(files['gegevens.json']!)
    const data = exportSchema.parse(JSON.parse(raw))
    expect(data.schemaVersion).toBe(1)
    expect(data.account).toMatchObject({ email: fenna.email, firstName: 'Fenna', lastName: 'Export', language: 'nl', homeWijk: { id: wijk.id, name: 'Oosterpark' } })
    expect(data.consents.map((c) => c.document).sort()).toEqual(['privacy', 'terms'])
    expect(data.newsletterSubscriptions).toEqual([expect.objectContaining({ viaAccount: true, language: 'nl', status: 'confirmed' })])
    // What she follows and how often, named in her language; not Gert's follow.
    expect(data.alerts.frequency).toBe('daily')
    expect(data.alerts.lastSentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(data.alerts.follows.map((f) => [f.wijk.name, f.kind, f.value, f.label])).toEqual([
      ['Oosterpark', 'category', 'klussen', 'Prikbord: Klussen'],
      ['Oosterpark', 'module', 'agenda', 'Onderdeel: Agenda'],
    ])
    expect(data.sessions.length).toBeGreaterThan(0)
    const own = data.content.find((c) => c.title === 'Fenna’s fietsenmaker')!
    expect(own).toMatchObject({ relation: 'owner', isPublic: true, contact: { phone: { value: '06-10101010', public: true }, email: { value: 'fenna.prive@example.test', public: false } } })
    expect(own.publicUrl).toMatch(/^http:\/\/localhost\/.+\/prikbord\/\d+-/)
    expect(data.content.find((c) => c.title === 'Gedeelde buurtkrant')).toMatchObject({ relation: 'co-manager', isPublic: false, images: [] })
    expect(data.accessLog).toHaveLength(1)
    expect(data.accessLog[0]).toMatchObject({ action: 'role.appoint', description: 'gaf je een rol (Wijkbeheerder)', actor: { firstName: 'Anna' } })
    expect(data.supportRequests.map((s) => s.message)).toEqual(['Hoe plaats ik een foto?'])
    expect(data.complaints.map((c) => c.reference)).toEqual(['K-2026-0001'])
    expect(data.reports).toEqual([expect.objectContaining({ item: expect.objectContaining({ title: 'Gratis zonnepanelen' }), reason: 'spam', message: 'Dit is reclame', status: 'open', resolvedAt: null })])
    expect(data.breachNotices).toEqual([expect.objectContaining({ breach: 'Ledenlijst verstuurd', status: 'sent' })])
    expect(data.teamMessages).toEqual([expect.objectContaining({ wijk: expect.objectContaining({ name: 'Oosterpark' }), subject: 'Nieuwe openingstijden', body: 'Het buurthuis is voortaan ook op zaterdag open.', status: 'sent' })])
    // Not a trace of the other user.
    for (const theirs of [gert.email, 'Gerts geheime schuur', '06-99999999', 'Gerts eigen vraag', 'Gerts eigen melding', 'spullen']) expect(raw).not.toContain(theirs)

    // The image: the largest width, byte for byte, where the JSON says it is.
    expect(own.images).toHaveLength(1)
    expect(Object.keys(files).sort()).toEqual([own.images[0]!.file!, 'gegevens.json', 'overzicht.html'].sort())
    expect(own.images[0]!.file).toMatch(/^afbeeldingen\/\d+-\d+\.webp$/)
    expect(own.images[0]).toMatchObject({ alt: 'De werkplaats', width: 600, height: 400 })
    expect(Buffer.from(files[own.images[0]!.file!]!)).toEqual(big)

    const html = strFromU8(files['overzicht.html']!)
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/)
    for (const value of ['Meldingen over nieuwe berichten', 'Eén keer per dag, om 07:00', 'Onderdeel: Agenda', 'Prikbord: Klussen', 'Mijn gegevens bij', fenna.email, 'Fenna’s fietsenmaker', 'Gedeelde buurtkrant', 'Hoe plaats ik een foto?', 'K-2026-0001', 'Ontvangen', 'Anna (Platformbeheerder)', 'Gratis zonnepanelen', 'Het is reclame of spam', 'Ledenlijst verstuurd', 'Nieuwe openingstijden', 'Het buurthuis is voortaan ook op zaterdag open.']) {
      expect(html).toContain(value)
    }
    expect(html).not.toContain('Gerts geheime schuur')
    expect(html).not.toContain('Prikbord: Spullen')
    // Self-contained: no stylesheet, script, font or image from anywhere else.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<link')
    expect(html).toContain(`src="${own.images[0]!.file}"`)
  })

  it('only the owner can download; another user or a guessed id gets 404', async () => {
    const other = await loggedInClient(t, gert)
    expect((await other.get(statusPath)).status).toBe(404)
    expect((await download(other, statusPath)).res.status).toBe(404)
    const guessed = '/mijn-gegevens/export/00000000-0000-4000-8000-000000000000'
    expect((await client.get(guessed)).status).toBe(404)
    expect((await download(client, guessed)).res.status).toBe(404)
    expect((await client.get('/mijn-gegevens/export/niet-een-id')).status).toBe(404)
    const visitor = await t.client().request(`${statusPath}/download`)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('location')).toMatch(/^\/account\/inloggen/)
    // The owner still can.
    expect((await download(client, statusPath)).res.status).toBe(200)
  })

  it('the download link is dead after 24 hours, and the retention rule removes the file and the row', async () => {
    const [row] = await t.deps.db.select().from(dataExports).where(eq(dataExports.userId, fenna.id))
    expect(await t.deps.files.get(row!.fileKey!)).not.toBeNull()
    t.clock.set(new Date(row!.requestedAt.getTime() + 24 * 3_600_000 - 60_000))
    expect((await download(client, statusPath)).res.status).toBe(200)

    t.clock.advance({ minutes: 2 })
    await login(client, fenna)
    const gone = await client.get(`${statusPath}/download`)
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('Deze download is verlopen')
    expect(gone.body).toContain('action="/mijn-gegevens/export"')
    expect((await client.get(statusPath)).status).toBe(410)

    await t.drain()
    expect(await t.deps.db.select().from(dataExports).where(eq(dataExports.id, row!.id))).toHaveLength(0)
    expect(await t.deps.files.get(row!.fileKey!)).toBeNull()
    const [run] = await t.deps.db.select().from(retentionRuns).where(eq(retentionRuns.rule, 'exports.expired'))
    expect(run?.lastError).toBeNull()
    expect(run?.totalRemoved).toBeGreaterThanOrEqual(1)
    expect((await client.get(statusPath)).status).toBe(404)
  })

  it('makes overzicht.html in English for an English-speaking user', async () => {
    const emma = await buildUser(t, { firstName: 'Emma', lang: 'en' })
    const emmaClient = await loggedInClient(t, emma)
    const statusPath = await requestExport(emmaClient)
    await t.drain()
    const { files } = await download(emmaClient, statusPath)
    const html = strFromU8(files['overzicht.html']!)
    expect(html).toMatch(/<html lang="en">/)
    expect(html).toContain('My data at')
    expect(html).toContain('You have not placed anything yet.')
    expect(html).toContain('Alerts about new posts')
    expect(html).toContain('Not set up: you are not following anything yet.')
    expect(exportSchema.parse(JSON.parse(strFromU8(files['gegevens.json']!))).account.language).toBe('en')
  })

  it('says so and offers a new export when making it keeps failing', async () => {
    const user = await buildUser(t)
    const c = await loggedInClient(t, user)
    const statusPath = await requestExport(c)
    const id = statusPath.split('/').pop()!
    // A directory where the ZIP should go: writing the file fails, as a full or broken disk would.
    const blocked = path.join(t.config.dataDir, 'uploads', 'exports', `${id}.zip`)
    fs.mkdirSync(blocked, { recursive: true })
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.drain()
      t.clock.advance({ minutes: 5 })
    }
    const [row] = await t.deps.db.select().from(dataExports).where(eq(dataExports.id, id))
    expect(row?.status).toBe('failed')
    await login(c, user)
    const page = await c.get(statusPath)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Mislukt')
    expect(page.body).not.toContain('<progress')
    expect(page.body).toContain('action="/mijn-gegevens/export"')
    fs.rmSync(blocked, { recursive: true })
  })

  it('limits export requests to a few an hour', async () => {
    const user = await buildUser(t)
    const c = await loggedInClient(t, user)
    for (let i = 0; i < 3; i++) {
      await requestExport(c)
      await t.drain()
    }
    await c.get('/mijn-gegevens')
    const limited = await c.post('/mijn-gegevens/export', {})
    expect(limited.status).toBe(429)
    expect(limited.res.headers.get('retry-after')).not.toBeNull()
    expect(limited.text).toContain('Je hebt de afgelopen tijd al een paar downloads gemaakt.')
    expect(await t.deps.db.select().from(dataExports).where(eq(dataExports.userId, user.id))).toHaveLength(3)
    t.clock.advance({ minutes: 61 })
    await login(c, user)
    await requestExport(c)
  })
})

describe('the export format', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'export-format.md'), 'utf8')

  it('documents every field of the schema in docs/export-format.md', () => {
    const names = [...schemaFieldNames()]
    expect(names.length).toBeGreaterThan(60)
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([])
  })

  it('notices a field that is not documented', () => {
    const drifted = exportSchema.extend({ content: z.array(z.object({ undocumentedNewField: z.string() })) })
    expect([...schemaFieldNames(drifted)].filter((name) => !doc.includes(`\`${name}\``))).toEqual(['undocumentedNewField'])
  })
})

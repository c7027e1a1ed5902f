/**
 * Guessing ids reaches nothing (issue 5): an account holder and a wijkbeheerder of wijk B walk
 * every id that exists and a few beyond (sequential guessing), and random ids and tokens, of
 * other people's items, invitations, exports, subscriptions, follows and newsletters. Every
 * answer is 403 or 404, the page names nothing of the victim, and nothing changed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { randomUUID } from 'node:crypto'
import { eq, isNull } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../platform.js'
import type { TestClient } from '../client.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import { randomToken } from '../../src/kernel/auth/tokens.js'
import { contentInvitations, contentItems } from '../../src/features/content/content.tables.js'
import { newsletterSubscriptions, newsletters } from '../../src/features/newsletter/newsletter.tables.js'
import { alertFollows } from '../../src/features/alerts/alerts.tables.js'
import { dataExports } from '../../src/features/my-data/my-data.tables.js'
import { buildWorld, type World } from './world.js'

/** Ids beyond the highest that exists, as a guesser would try next. */
const BEYOND = 3
const RANDOM_TRIES = 10

let t: TestPlatform
let world: World
let attacker: TestClient
let teamB: TestClient
let ownItemId: number
const victimTitles: string[] = []

function highest(rows: Array<{ id: number }>): number {
  return Math.max(0, ...rows.map((r) => r.id))
}

function range(to: number): number[] {
  return Array.from({ length: to + BEYOND }, (_, i) => i + 1)
}

/** POSTs a form with the client's own session token, as its browser would. */
function post(client: TestClient, url: string, fields: Record<string, string> = {}) {
  return client.post(url, fields, { csrf: client.csrf ?? null })
}

beforeAll(async () => {
  t = await createTestPlatform()
  world = await buildWorld(t)
  // The victim (the owner of world's items) has published and draft items, an invitation,
  // an export, subscriptions and follows in both wijken; newsletters exist as drafts and sent.
  for (const side of ['A', 'B'] as const) {
    const memo = new Map()
    await world.value('invitation', side, memo)
    await world.value('subscription', side, new Map())
    await world.value('follow', side, new Map())
    await world.value('newsletter', side, new Map())
    await world.value('sentNewsletter', side, new Map())
    await world.value('hiddenItem', side, new Map())
    await world.value('export', side, new Map())
  }
  const victimItems = await t.deps.db.select({ title: contentItems.title }).from(contentItems).where(eq(contentItems.ownerId, world.users.owner.id))
  victimTitles.push(...victimItems.map((i) => i.title))
  attacker = await world.client('user')
  teamB = await world.client('wijkbeheerderB')
  ownItemId = (await buildItem(t, { wijkId: world.wijk.A.id, title: 'Eigen oproep', ownerId: world.users.user.id })).id
}, 120_000)
afterAll(() => t?.stop())

function expectNothing(page: { status: number; body: string }, what: string): void {
  expect([403, 404], what).toContain(page.status)
  for (const title of victimTitles) expect(page.body, what).not.toContain(title)
  expect(page.body, what).not.toContain(world.users.owner.email)
}

describe('guessing ids of other people’s things reaches nothing', () => {
  it('items: every id, on every page of "Mijn content" and the wijk team pages of the other wijk', async () => {
    const last = highest(await t.deps.db.select({ id: contentItems.id }).from(contentItems))
    expect(last).toBeGreaterThan(3)
    for (const id of range(last)) {
      if (id === ownItemId) continue
      for (const page of ['bewerken', 'voorbeeld', 'afbeeldingen', 'beheerders', 'verwijderen', 'verlengen']) {
        expectNothing(await attacker.get(`/mijn-content/${id}/${page}`), `GET /mijn-content/${id}/${page}`)
      }
      for (const action of ['verwijderen', 'depubliceren', 'publiceren', 'opnieuw-publiceren']) {
        expectNothing(await post(attacker, `/mijn-content/${id}/${action}`), `POST /mijn-content/${id}/${action}`)
      }
      expectNothing(await post(attacker, `/mijn-gegevens/contact/${id}/email`, { openbaar: 'ja' }), `POST contact switch ${id}`)
      const [item] = await t.deps.db.select({ wijkId: contentItems.wijkId }).from(contentItems).where(eq(contentItems.id, id))
      if (item?.wijkId !== world.wijk.B.id) {
        expectNothing(await teamB.get(`/beheer/wijken/${world.wijk.B.id}/inhoud/${id}`), `team B: item ${id} under B`)
        expectNothing(await post(teamB, `/beheer/wijken/${world.wijk.B.id}/inhoud/${id}/verbergen`, { reason: 'Weg ermee' }), `team B hides ${id}`)
      }
    }
    // Nothing happened to them: still there, not deleted, not unpublished, contact still private.
    const after = await t.deps.db.select().from(contentItems).where(eq(contentItems.ownerId, world.users.owner.id))
    expect(after.map((i) => i.title).sort()).toEqual([...victimTitles].sort())
    expect(after.filter((i) => i.status === 'published').length).toBeGreaterThan(0)
    expect(after.every((i) => !i.contactEmailPublic && i.hiddenReason !== 'Weg ermee')).toBe(true)
  }, 300_000)

  it('invitations: every id under one’s own item, and random tokens', async () => {
    const last = highest(await t.deps.db.select({ id: contentInvitations.id }).from(contentInvitations))
    expect(last).toBeGreaterThan(0)
    for (const id of range(last)) {
      expectNothing(await post(attacker, `/mijn-content/${ownItemId}/uitnodigingen/${id}/intrekken`), `revoke invitation ${id}`)
    }
    expect(await t.deps.db.select().from(contentInvitations).where(eq(contentInvitations.contentId, ownItemId))).toEqual([])
    const stillOpen = await t.deps.db.select().from(contentInvitations).where(isNull(contentInvitations.revokedAt))
    expect(stillOpen.length).toBe(last)
    for (let i = 0; i < RANDOM_TRIES; i++) {
      const token = randomToken()
      expect((await attacker.get(`/uitnodiging/${token}`)).status).toBe(404)
      expect((await post(attacker, `/uitnodiging/${token}`)).status).toBe(404)
    }
  })

  it('exports: the victim’s own export id and random ids', async () => {
    const theirs = await t.deps.db.select({ id: dataExports.id }).from(dataExports).where(eq(dataExports.userId, world.users.owner.id))
    expect(theirs.length).toBeGreaterThan(0)
    const guesses = [...theirs.map((e) => e.id), ...Array.from({ length: RANDOM_TRIES }, () => randomUUID())]
    for (const id of guesses) {
      expectNothing(await attacker.get(`/mijn-gegevens/export/${id}`), `export ${id}`)
      expectNothing(await attacker.get(`/mijn-gegevens/export/${id}/download`), `download ${id}`)
    }
  })

  it('subscriptions, follows and sessions of someone else: every id, and random tokens and handles', async () => {
    const lastSub = highest(await t.deps.db.select({ id: newsletterSubscriptions.id }).from(newsletterSubscriptions))
    for (const id of range(lastSub)) expectNothing(await post(attacker, `/mijn-gegevens/nieuwsbrieven/${id}/afmelden`), `subscription ${id}`)
    expect((await t.deps.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, world.users.owner.id))).length).toBe(2)
    const lastFollow = highest(await t.deps.db.select({ id: alertFollows.id }).from(alertFollows))
    for (const id of range(lastFollow)) expectNothing(await post(attacker, `/mijn-gegevens/meldingen/${id}/stoppen`), `follow ${id}`)
    expect((await t.deps.db.select().from(alertFollows).where(eq(alertFollows.userId, world.users.owner.id))).length).toBe(2)
    for (let i = 0; i < RANDOM_TRIES; i++) {
      const token = randomToken()
      expect((await t.client().get(`/nieuwsbrief/afmelden/${token}`)).status).toBe(404)
      expect((await t.client().get(`/nieuwsbrief/bevestigen/${token}`)).status).toBe(404)
      expect((await t.client().get(`/afmelden/meldingen/${token}`)).status).toBe(404)
      expectNothing(await post(attacker, `/mijn-gegevens/apparaten/${randomUUID()}/uitloggen`), 'session handle')
    }
  })

  it('newsletters: every id, for the other wijk’s team and in each wijk’s public archive', async () => {
    const rows = await t.deps.db.select({ id: newsletters.id, wijkId: newsletters.wijkId, status: newsletters.status }).from(newsletters)
    const last = Math.max(...rows.map((r) => r.id))
    const visitor = t.client()
    for (const id of range(last)) {
      const n = rows.find((r) => r.id === id)
      const teamPage = await teamB.get(`/beheer/wijken/${world.wijk.B.id}/nieuwsbrieven/${id}`)
      if (n?.wijkId === world.wijk.B.id) expect(teamPage.status, `own newsletter ${id}`).toBe(200)
      else expectNothing(teamPage, `team B: newsletter ${id}`)
      expectNothing(await teamB.get(`/beheer/wijken/${world.wijk.A.id}/nieuwsbrieven/${id}`), `team B: newsletter ${id} under A`)
      if (n?.wijkId !== world.wijk.B.id) expectNothing(await post(teamB, `/beheer/wijken/${world.wijk.B.id}/nieuwsbrieven/${id}/versturen`), `team B sends ${id}`)
      for (const side of ['A', 'B'] as const) {
        const page = await visitor.get(`/${world.wijk[side].slug}/nieuwsbrieven/${id}`)
        const archived = n?.wijkId === world.wijk[side].id && n.status === 'sent'
        expect(page.status, `public ${side} newsletter ${id} (${n?.status ?? 'none'})`).toBe(archived ? 200 : 404)
      }
    }
    // Team B's presses did not send wijk A's drafts (its own draft is its own business).
    const draftsA = await t.deps.db.select().from(newsletters).where(eq(newsletters.wijkId, world.wijk.A.id))
    expect(draftsA.filter((n) => n.status === 'draft').length).toBeGreaterThan(0)
    expect(draftsA.every((n) => n.status !== 'sending')).toBe(true)
  })
})

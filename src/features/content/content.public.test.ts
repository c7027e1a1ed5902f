/** The public projection drops every contact field its owner did not switch on (P05, P08). */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { contentItems } from './content.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { findPublicItem, previewPublicItem } from './content.public.js'

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform()
})
afterAll(() => t.stop())

async function item(values: Partial<typeof contentItems.$inferInsert>) {
  const wijk = await buildWijk(t)
  const owner = await buildUser(t)
  const now = t.clock.now()
  const [row] = await t.deps.db
    .insert(contentItems)
    .values({ wijkId: wijk.id, type: 'offer', status: 'published', title: 'Hulp bij boodschappen', slug: 'hulp', ownerId: owner.id, createdAt: now, updatedAt: now, publishedAt: now, contactName: 'Naam-GEHEIM', contactEmail: 'mail-geheim@example.test', contactPhone: '0612345678', contactAddress: 'Geheimstraat 1', ...values })
    .returning({ id: contentItems.id })
  return { id: row!.id, ownerId: owner.id }
}

describe('public projection', () => {
  it('hides every contact field by default', async () => {
    const { id } = await item({})
    const pub = await findPublicItem(t.deps.db, id, t.clock.now())
    expect(pub?.title).toBe('Hulp bij boodschappen')
    expect([pub?.contactName, pub?.contactEmail, pub?.contactPhone, pub?.contactAddress]).toEqual([null, null, null, null])
    expect(JSON.stringify(pub)).not.toMatch(/GEHEIM|geheim|0612345678|Geheimstraat/i)
    expect(Object.keys(pub!)).not.toContain('ownerId')
  })

  it('shows exactly the fields switched on, as entered', async () => {
    const { id } = await item({ contactPhonePublic: true, contactAddressPublic: true })
    const pub = await findPublicItem(t.deps.db, id, t.clock.now())
    expect(pub?.contactPhone).toBe('0612345678')
    expect(pub?.contactAddress).toBe('Geheimstraat 1')
    expect(pub?.contactName).toBeNull()
    expect(pub?.contactEmail).toBeNull()
  })

  it('shows nothing of drafts, hidden or expired items, or items of a cancelled account', async () => {
    const draft = await item({ status: 'draft' })
    const hidden = await item({ status: 'hidden' })
    const expired = await item({ expiresAt: new Date(t.clock.now().getTime() - 1000) })
    const cancelled = await item({})
    await t.deps.db.update(users).set({ status: 'cancelled' }).where(eq(users.id, cancelled.ownerId))
    for (const { id } of [draft, hidden, expired, cancelled]) {
      expect(await findPublicItem(t.deps.db, id, t.clock.now())).toBeNull()
    }
  })

  it('previews a draft through the same projection', async () => {
    const { id } = await item({ status: 'draft', contactNamePublic: true })
    const preview = await previewPublicItem(t.deps.db, id)
    expect(preview?.contactName).toBe('Naam-GEHEIM')
    expect(preview?.contactEmail).toBeNull()
  })
})

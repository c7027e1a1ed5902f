import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { packages } from './billing.packages.tables.js'

let t: TestPlatform
let admin: TestClient
let ambassadeur: TestClient
let visitor: TestClient

beforeAll(async () => {
  t = await createTestPlatform()
  const wijk = await buildWijk(t, { name: 'Oosterpark' })
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
  ambassadeur = t.client()
  await login(ambassadeur, await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))
  visitor = t.client()
})
afterAll(() => t.stop())

function fields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    slug: 'wijkpartner',
    nameNl: 'Wijkpartner',
    nameEn: 'Neighbourhood partner',
    descriptionNl: 'Voor buurtwinkels die opvallen willen.',
    descriptionEn: 'For local shops that want to stand out.',
    price: '120,00',
    vatRate: '2100',
    period: 'jaar',
    active: 'on',
    entitlement_featured: 'on',
    entitlement_organisation_verified: 'on',
    ...overrides,
  }
}

async function packageRow(slug: string) {
  const [row] = await t.deps.db.select().from(packages).where(eq(packages.slug, slug))
  return row
}

describe('packages', () => {
  it('are created by the admin in euros and kept in cents, with rate, period and entitlements, and audited', async () => {
    await admin.get('/beheer/pakketten/nieuw')
    const res = await admin.post('/beheer/pakketten/nieuw', fields())
    expect(res.status, res.text.slice(0, 400)).toBe(303)
    const row = await packageRow('wijkpartner')
    expect(row).toMatchObject({ priceCents: 12_000, vatRate: 2100, period: 'jaar', active: true, entitlements: ['featured', 'organisation.verified'] })
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'package'), eq(auditLog.targetId, String(row!.id))))
    expect(audits.map((a) => a.action)).toEqual(['package.create'])

    const list = await admin.get('/beheer/pakketten')
    expect(list.text).toContain('Wijkpartner')
    expect(list.body).toContain(`/beheer/pakketten/${row!.id}/bewerken`)
  })

  it('show on /pakketten with the price without and with VAT, and what they give', async () => {
    await admin.get('/beheer/pakketten/nieuw')
    await admin.post('/beheer/pakketten/nieuw', fields({ slug: 'cultuur', nameNl: 'Cultuurpakket', nameEn: 'Culture package', price: '50', vatRate: '900', period: 'kwartaal', entitlement_featured: '', entitlement_organisation_verified: '' }))
    const page = await visitor.get('/pakketten')
    expect(page.status).toBe(200)
    const text = page.text.replace(/\u00a0|&nbsp;/g, ' ')
    expect(text).toContain('Wijkpartner')
    expect(text).toContain('€ 120,00 per jaar')
    expect(text).toContain('€ 145,20 per jaar') // 120 + 21 %
    expect(text).toContain('Btw (21 %)')
    expect(text).toContain('€ 54,50 per kwartaal') // 50 + 9 %
    expect(text).toContain('Uitgelicht op de voorpagina van de wijk')
    const english = await visitor.get('/pakketten', { 'accept-language': 'en' })
    expect(english.text).toContain('€145.20 a year')
  })

  it('refuse bad input with a 422, the error beside its field and everything typed kept', async () => {
    await admin.get('/beheer/pakketten/nieuw')
    const res = await admin.post('/beheer/pakketten/nieuw', fields({ slug: 'Niet Goed!', price: 'twaalf euro', vatRate: '1900', period: 'week', nameNl: 'Mijn <b>pakket</b>' }))
    expect(res.status).toBe(422)
    for (const field of ['slug', 'price', 'vatRate', 'period']) expect(res.body, field).toContain(`id="${field}-error"`)
    expect(res.body).toContain('value="twaalf euro"')
    expect(res.body).toContain('Mijn &lt;b&gt;pakket&lt;/b&gt;')
    expect(await packageRow('niet-goed')).toBeUndefined()

    // A taken address is told at its field, not a 500.
    await admin.get('/beheer/pakketten/nieuw')
    const taken = await admin.post('/beheer/pakketten/nieuw', fields({ nameNl: 'Tweede' }))
    expect(taken.status).toBe(409)
    expect(taken.body).toContain('id="slug-error"')
    expect(taken.body).toContain('value="Tweede"')
  })

  it('change without touching the address of another, and a withdrawn package leaves /pakketten at once', async () => {
    const row = (await packageRow('wijkpartner'))!
    const form = await admin.get(`/beheer/pakketten/${row.id}/bewerken`)
    expect(form.body).toContain('value="120,00"')
    const clash = await admin.post(`/beheer/pakketten/${row.id}/bewerken`, fields({ slug: 'cultuur' }))
    expect(clash.status).toBe(409)

    expect((await visitor.get('/pakketten')).text).toContain('Wijkpartner')
    await admin.get(`/beheer/pakketten/${row.id}/bewerken`)
    const saved = await admin.post(`/beheer/pakketten/${row.id}/bewerken`, fields({ active: '', price: '99,95' }))
    expect(saved.status).toBe(303)
    expect(await packageRow('wijkpartner')).toMatchObject({ active: false, priceCents: 9995 })
    const after = await visitor.get('/pakketten')
    expect(after.text).not.toContain('Wijkpartner')
    expect(after.text).toContain('Cultuurpakket')
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'package'), eq(auditLog.action, 'package.update')))
    expect(audits.at(-1)!.details).toEqual({ fields: ['priceCents', 'active'] })
  })

  it('are managed by platform admins only', async () => {
    expect((await ambassadeur.get('/beheer/pakketten')).status).toBe(403)
    expect((await visitor.get('/beheer/pakketten')).status).not.toBe(200)
  })
})

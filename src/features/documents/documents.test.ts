import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient, Page } from '../../../test/client.js'
import { legalDocuments } from './documents.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'

const OPERATOR = {
  OPERATOR_NAME: 'Stichting Buurtnet Zuid',
  OPERATOR_ADDRESS: 'Dorpsstraat 12, 1234 AB Ergenshuizen',
  OPERATOR_KVK: '87654321',
  OPERATOR_EMAIL: 'privacy@buurtnet.example',
}

let t: TestPlatform
beforeAll(async () => {
  t = await createTestPlatform(OPERATOR)
})
afterAll(() => t.stop())

async function signedIn(opts: Parameters<typeof buildUser>[1] = {}): Promise<TestClient> {
  const user = await buildUser(t, opts)
  const client = t.client()
  await login(client, user)
  // The session has its own form token: pick it up from a page.
  await client.get('/contact')
  return client
}

/** The rendered document text only, without the layout around it. */
function documentBody(page: Page): string {
  return /<div class="document-body">([\s\S]*?)<\/div>/.exec(page.body)?.[1] ?? ''
}

async function documentId(kind: 'privacy' | 'terms', version: number): Promise<number> {
  const [row] = await t.deps.db
    .select({ id: legalDocuments.id })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), eq(legalDocuments.version, version)))
  return row!.id
}

describe('public pages', () => {
  it('show the current privacy statement with its version, date and the operator from configuration', async () => {
    const page = await t.client().get('/privacy')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Privacyverklaring</h1>')
    expect(page.text).toContain('Versie 1, gepubliceerd op 2 maart 2026')
    const body = documentBody(page)
    expect(body).toContain('Stichting Buurtnet Zuid')
    expect(body).toContain('Dorpsstraat 12, 1234 AB Ergenshuizen')
    expect(body).toContain('87654321')
    expect(body).toContain('<a href="mailto:privacy@buurtnet.example">privacy@buurtnet.example</a>')
    expect(body).not.toContain('{{')
    expect(page.body).toContain('class="prose"')
  })

  it('show the terms in English to an English browser', async () => {
    const page = await t.client().get('/voorwaarden', { 'accept-language': 'en-GB,en;q=0.9' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Terms of use</h1>')
    expect(page.text).toContain('Version 1, published on 2 March 2026')
    expect(documentBody(page)).toContain('These are the arrangements for everyone who uses the platform.')
    expect(documentBody(page)).toContain('KvK) number 87654321')
  })

  it('show the Dutch terms to a Dutch browser', async () => {
    const page = await t.client().get('/voorwaarden', { 'accept-language': 'nl-NL' })
    expect(page.body).toContain('<h1>Gebruiksvoorwaarden</h1>')
    expect(documentBody(page)).toContain('Op deze voorwaarden is Nederlands recht van toepassing.')
  })

  it('answer 404 for a version that does not exist or is not a number', async () => {
    for (const path of ['/privacy/versie/99', '/privacy/versie/0', '/privacy/versie/abc', '/voorwaarden/versie/-1', '/voorwaarden/versie/99999999999']) {
      const page = await t.client().get(path)
      expect(page.status, path).toBe(404)
    }
  })
})

describe('admin editing', () => {
  it('lets an admin draft, check, preview and publish a new version, with every step audited', async () => {
    const admin = await signedIn({ role: 'admin' })
    const list = await admin.get('/beheer/documenten')
    expect(list.status).toBe(200)
    expect(list.text).toContain('Nieuwe versie maken')

    const created = await admin.post('/beheer/documenten/privacy/nieuw', {})
    expect(created.status).toBe(303)
    const editPath = created.location!.split('?')[0]!
    expect(editPath).toMatch(/^\/beheer\/documenten\/\d+\/bewerken$/)
    const id = Number(editPath.split('/')[3])

    // The draft starts as a copy of the current version.
    const edit = await admin.get(editPath)
    expect(edit.status).toBe(200)
    expect(edit.text).toContain('concept voor versie 2')
    expect(edit.text).toContain('In deze verklaring lees je welke persoonsgegevens')

    // A draft is not public.
    expect((await t.client().get('/privacy/versie/2')).status).toBe(404)

    // Publishing without saying what changed is refused.
    const incomplete = await admin.post(`/beheer/documenten/${id}/publiceren`, {})
    expect(incomplete.status).toBe(422)
    expect(incomplete.text).toContain('Dit concept is nog niet compleet')

    // An empty field: 422, a message next to it, everything else kept.
    const bad = await admin.post(editPath, { bodyNl: '   ', bodyEn: 'English *text* stays', changeNote: 'Nieuwe bewaartermijn' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="bodyNl-error"')
    expect(bad.text).toContain('Vul dit veld in.')
    expect(bad.body).toContain('English *text* stays</textarea>')
    expect(bad.body).toContain('Nieuwe bewaartermijn</textarea>')

    // The preview renders the typed text like the public page, without saving it.
    const preview = await admin.post(`/beheer/documenten/${id}/voorbeeld`, {
      bodyNl: '## Nieuwe kop\n\nGeschreven door {{operator.name}}. <script>alert(1)</script>',
      bodyEn: '## New heading',
      changeNote: 'Nieuwe kop',
    })
    expect(preview.status).toBe(200)
    expect(preview.body).toContain('<h2>Nieuwe kop</h2>')
    expect(preview.body).toContain('Geschreven door Stichting Buurtnet Zuid.')
    expect(preview.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(preview.body).not.toContain('<script>alert(1)')
    const unsaved = await t.deps.db.select({ bodyNl: legalDocuments.bodyNl }).from(legalDocuments).where(eq(legalDocuments.id, id))
    expect(unsaved[0]!.bodyNl).not.toContain('Nieuwe kop')

    const saved = await admin.post(editPath, {
      bodyNl: '## Nieuwe kop\r\n\r\nWe bewaren minder.',
      bodyEn: '## New heading\r\n\r\nWe keep less.',
      changeNote: 'We bewaren minder. / We keep less.',
    })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`${editPath}?melding=flash.documents.saved`)

    t.clock.set('2026-03-10T10:00:00Z')
    const published = await admin.post(`/beheer/documenten/${id}/publiceren`, {})
    expect(published.status).toBe(303)
    expect(published.location).toBe('/beheer/documenten?melding=flash.documents.published')

    const current = await t.client().get('/privacy')
    expect(current.text).toContain('Versie 2, gepubliceerd op 10 maart 2026')
    expect(current.text).toContain('We bewaren minder. / We keep less.')
    expect(documentBody(current)).toContain('<h2>Nieuwe kop</h2>\n<p>We bewaren minder.</p>')
    expect(current.body).toContain('<a href="/privacy/versie/1">Versie 1, gepubliceerd op 2 maart 2026</a>')

    const old = await t.client().get('/privacy/versie/1')
    expect(old.status).toBe(200)
    expect(old.text).toContain('Dit is een eerdere versie. Geldend is versie 2.')
    expect(documentBody(old)).toContain('In deze verklaring lees je welke persoonsgegevens')

    const english = await t.client().get('/privacy', { 'accept-language': 'en' })
    expect(english.text).toContain('Version 2, published on 10 March 2026')
    expect(english.body).toContain('<a href="/privacy/versie/1">Version 1, published on 2 March 2026</a>')

    const audit = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, 'legal_document'), eq(auditLog.targetId, String(id))))
    expect(audit.map((a) => a.action).sort()).toEqual(['document.create', 'document.edit', 'document.publish'])
  })

  it('never changes a published version', async () => {
    const admin = await signedIn({ role: 'admin' })
    const id = await documentId('terms', 1)
    expect((await admin.get(`/beheer/documenten/${id}/bewerken`)).status).toBe(409)
    const edit = await admin.post(`/beheer/documenten/${id}/bewerken`, { bodyNl: 'Gewijzigd', bodyEn: 'Changed', changeNote: 'x' })
    expect(edit.status).toBe(409)
    expect(edit.text).toContain('Een gepubliceerde versie kan niet meer worden gewijzigd')
    expect((await admin.post(`/beheer/documenten/${id}/publiceren`, {})).status).toBe(409)
    expect((await admin.post(`/beheer/documenten/${id}/voorbeeld`, { bodyNl: 'x', bodyEn: 'y', changeNote: 'z' })).status).toBe(409)
    const [row] = await t.deps.db.select({ bodyNl: legalDocuments.bodyNl }).from(legalDocuments).where(eq(legalDocuments.id, id))
    expect(row!.bodyNl).not.toContain('Gewijzigd')
  })

  it('keeps one draft per kind: asking again opens the existing draft', async () => {
    const admin = await signedIn({ role: 'admin' })
    const first = await admin.post('/beheer/documenten/voorwaarden/nieuw', {})
    const second = await admin.post('/beheer/documenten/voorwaarden/nieuw', {})
    expect(first.location!.split('?')[0]).toBe(second.location!.split('?')[0])
    expect((await admin.post('/beheer/documenten/onbekend/nieuw', {})).status).toBe(404)
    expect((await admin.get('/beheer/documenten/999999/bewerken')).status).toBe(404)
  })

  it('is for platform admins only', async () => {
    const wijk = await buildWijk(t)
    const plain = await signedIn()
    const beheerder = await signedIn({ role: 'wijkbeheerder', wijkId: wijk.id })
    const terms = await documentId('terms', 1)
    for (const client of [plain, beheerder]) {
      expect((await client.get('/beheer/documenten')).status).toBe(403)
      expect((await client.post('/beheer/documenten/privacy/nieuw', {})).status).toBe(403)
      expect((await client.get(`/beheer/documenten/${terms}/bewerken`)).status).toBe(403)
      expect((await client.post(`/beheer/documenten/${terms}/publiceren`, {})).status).toBe(403)
    }
    const visitor = await t.client().get('/beheer/documenten')
    expect(visitor.status).toBe(303)
    expect(visitor.location).toBe('/account/inloggen?volgende=%2Fbeheer%2Fdocumenten')
  })
})

describe('operator details from configuration', () => {
  it('cannot inject HTML, markdown or links into the documents', async () => {
    const evil = await createTestPlatform({
      ...OPERATOR,
      OPERATOR_NAME: '<img src=x onerror=alert(1)> [klik](javascript:alert(1)) **vet**',
      OPERATOR_ADDRESS: '</p><script>alert(2)</script>',
    })
    try {
      const page = await evil.client().get('/privacy')
      expect(page.status).toBe(200)
      const body = documentBody(page)
      expect(body).not.toMatch(/<img|<script|javascript:alert\(1\)"|<strong>vet/)
      expect(body).not.toContain('href="javascript')
      expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; [klik](javascript:alert(1)) **vet**')
      expect(body).toContain('&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    } finally {
      await evil.stop()
    }
  })
})

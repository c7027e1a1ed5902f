/**
 * Bulk import for launching a wijk, through HTTP and the real database: upload (CSV as Dutch
 * Excel writes it, XLSX), column mapping, the dry run with the content form's rules, the import
 * job, claiming an imported organisation by mail, the wijk fence, bad files and retention.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, isNull, sql } from 'drizzle-orm'
import writeXlsxFile from 'write-excel-file/node'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import { ORIGIN, type TestClient } from '../../../test/client.js'
import { contentItems } from '../content/content.tables.js'
import { findPublicItem } from '../content/content.public.js'
import { RETENTION_RULES } from '../../retention.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { jobs } from '../../kernel/jobs/jobs.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { importBatches } from './wijk-import.tables.js'
import { guessMapping } from './wijk-import.mapping.js'
import { parseImportFile, detectDelimiter, MAX_ROWS } from './wijk-import.parse.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let teamB: TestClient
let beheerderA: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Oosterpark' })
  wijkB = await buildWijk(t, { name: 'Westerpark' })
  beheerderA = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wim' })
  teamA = t.client()
  await login(teamA, beheerderA)
  teamB = t.client()
  await login(teamB, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))
})
afterAll(() => t.stop())

const base = (wijkId: number) => `/beheer/wijken/${wijkId}/import`

async function upload(client: TestClient, wijkId: number, file: { name: string; data: string | Uint8Array } | null, fields: Record<string, string> = { kind: 'organisation' }) {
  await client.get(base(wijkId))
  const form = new FormData()
  form.set('_csrf', client.csrf!)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (file) form.set('file', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)]), file.name)
  const res = await client.request(base(wijkId), { method: 'POST', body: form, headers: { origin: ORIGIN } })
  return { status: res.status, location: res.headers.get('location'), body: await res.text() }
}

const batchIdOf = (location: string | null) => /\/import\/([0-9a-f-]{36})\//.exec(location ?? '')?.[1] ?? ''

/** What Dutch Excel writes: a BOM, semicolons, quotes around fields that hold ; or a line break. */
const BOM = '\uFEFF'
const dutchCsv = (rows: string[]) => BOM + ['Naam;Omschrijving;Website;Openingstijden;Contactpersoon;E-mail;Telefoon', ...rows].join('\r\n') + '\r\n'
const GOOD_1 = 'Buurthuis De Linde;"Koffie; soep en een praatje.\nElke dag open.";www.delinde.example;ma-vr 9-17;Anja;anja@delinde.example;020 123 4567'
const GOOD_2 = 'Repair Café Oost;Samen repareren;https://repair.example;za 10-13;;;'
const BAD_EMAIL = 'Voedselbank Oost;Pakketten;https://voedsel.example;;Piet;piet-at-example;'
const BAD_WEBSITE = 'Speeltuin Zonnetje;Spelen;geen site;;;;'

describe('reading files', () => {
  it('reads a CSV as Dutch Excel writes it: BOM, semicolons, quoted fields with ; and line breaks', async () => {
    const parsed = await parseImportFile('lijst.csv', new TextEncoder().encode(dutchCsv([GOOD_1, GOOD_2])))
    expect(parsed.format).toBe('csv')
    expect(parsed.headers).toEqual(['Naam', 'Omschrijving', 'Website', 'Openingstijden', 'Contactpersoon', 'E-mail', 'Telefoon'])
    expect(parsed.rows).toHaveLength(2)
    expect(parsed.rows[0]![1]).toBe('Koffie; soep en een praatje.\nElke dag open.')
    expect(parsed.rows[1]![5]).toBe('')
  })

  it('reads comma-separated and Windows-1252 files too', async () => {
    expect(detectDelimiter('"Naam, lang";Adres\n')).toBe(';')
    expect(detectDelimiter('title,website\n')).toBe(',')
    const latin1 = Uint8Array.from([...Buffer.from('Naam,Omschrijving\r\nCaf'), 0xe9, ...Buffer.from(' Oost,"Koffie, thee"\r\n')])
    const parsed = await parseImportFile('oud.csv', latin1)
    expect(parsed.rows).toEqual([['Café Oost', 'Koffie, thee']])
  })

  it('reads an XLSX file (built with write-excel-file), dates as dates', async () => {
    const data = await writeXlsxFile([
      [{ value: 'Activiteit' }, { value: 'Datum' }, { value: 'Tijd' }, { value: 'Locatie' }],
      [{ value: 'Buurtborrel' }, { value: new Date(Date.UTC(2026, 3, 7)), format: 'dd-mm-yyyy' }, { value: '19:30' }, { value: 'Buurthuis' }],
    ]).toBuffer()
    const parsed = await parseImportFile('agenda.xlsx', new Uint8Array(data))
    expect(parsed.format).toBe('xlsx')
    expect(parsed.headers).toEqual(['Activiteit', 'Datum', 'Tijd', 'Locatie'])
    expect(parsed.rows).toEqual([['Buurtborrel', '2026-04-07', '19:30', 'Buurthuis']])
  })

  it('guesses the column mapping from Dutch and English header names', () => {
    expect(guessMapping('organisation', ['Naam', 'Omschrijving', 'Website', 'Openingstijden', 'Contactpersoon', 'E-mail', 'Telefoon'])).toEqual({
      title: 0,
      body: 1,
      website: 2,
      openingHours: 3,
      contactName: 4,
      contactEmail: 5,
      contactPhone: 6,
    })
    expect(guessMapping('activity', ['Title', 'Start date', 'Start time', 'Location', 'Price', 'Contact e-mail', 'Notes'])).toEqual({
      title: 0,
      startDate: 1,
      startTime: 2,
      locationText: 3,
      costAmount: 4,
      contactEmail: 5,
    })
  })
})

describe('upload, mapping and dry run', () => {
  let batchId = ''

  it('leads back to the wijk dashboard, not to the wijk settings', async () => {
    const page = await teamA.get(base(wijkA.id))
    expect(page.body).toContain(`<a href="/beheer/wijken/${wijkA.id}/overzicht">Terug naar het overzicht van Oosterpark</a>`)
    expect(page.body).not.toContain(`href="/beheer/wijken/${wijkA.id}"`)
  })

  it('uploads and shows the mapping step with the guessed columns', async () => {
    const res = await upload(teamA, wijkA.id, { name: 'organisaties.csv', data: dutchCsv([GOOD_1, BAD_EMAIL, GOOD_2, BAD_WEBSITE]) })
    expect(res.status, res.body.slice(0, 300)).toBe(303)
    expect(res.location).toMatch(/\/kolommen$/)
    batchId = batchIdOf(res.location)
    const page = await teamA.get(res.location!)
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<select id="title"[^>]*>[\s\S]*?<option value="0" selected="">Naam<\/option>/)
    expect(page.body).toMatch(/<select id="contactEmail"[^>]*>[\s\S]*?<option value="5" selected="">E-mail<\/option>/)
  })

  it('refuses a mapping without a title column, keeping the other choices (422)', async () => {
    const res = await teamA.post(`${base(wijkA.id)}/${batchId}/kolommen`, { title: '', website: '2' })
    expect(res.status).toBe(422)
    expect(res.text).toContain('Kies de kolom met de titel.')
    expect(res.body).toMatch(/<select id="website"[^>]*>[\s\S]*?<option value="2" selected="">Website<\/option>/)
  })

  it('the dry run lists each bad row with its row number and field error, by the content form’s rules, and creates nothing', async () => {
    const mapping = { title: '0', body: '1', website: '2', openingHours: '3', contactName: '4', contactEmail: '5', contactPhone: '6' }
    const res = await teamA.post(`${base(wijkA.id)}/${batchId}/kolommen`, mapping)
    expect(res.status).toBe(303)
    const page = await teamA.get(res.location!)
    expect(page.status).toBe(200)
    expect(page.text).toContain('2 van de 4 rijen kunnen worden geïmporteerd')
    // Header is line 1: the bad rows are lines 3 and 5 of the file.
    expect(page.text).toMatch(/3 Voedselbank Oost E-mailadres[^:]*: Vul een geldig e-mailadres in/)
    expect(page.text).toMatch(/5 Speeltuin Zonnetje Website[^:]*: /)
    expect(page.text).toContain('Buurthuis De Linde')
    expect(page.text).toContain('2 rijen importeren')
    const items = await t.deps.db.select().from(contentItems).where(eq(contentItems.wijkId, wijkA.id))
    expect(items).toHaveLength(0)
  })

  it('a corrected file uploaded again keeps the column choice and goes straight to a clean dry run', async () => {
    const fixed = dutchCsv([GOOD_1, BAD_EMAIL.replace('piet-at-example', 'piet@voedsel.example'), GOOD_2, BAD_WEBSITE.replace('geen site', 'https://zonnetje.example')])
    const res = await upload(teamA, wijkA.id, { name: 'organisaties-verbeterd.csv', data: fixed }, { kind: 'organisation', previous: batchId })
    expect(res.status).toBe(303)
    expect(res.location).toMatch(/\/controle$/)
    const page = await teamA.get(res.location!)
    expect(page.text).toContain('Alle 4 rijen kunnen worden geïmporteerd')
    expect(page.text).not.toContain('Rijen met een fout')
  })
})

describe('the import job', () => {
  let batchId = ''

  beforeAll(async () => {
    const res = await upload(teamA, wijkA.id, { name: 'start.csv', data: dutchCsv([GOOD_1, BAD_EMAIL, GOOD_2]) })
    batchId = batchIdOf(res.location)
    await teamA.post(`${base(wijkA.id)}/${batchId}/kolommen`, { title: '0', body: '1', website: '2', openingHours: '3', contactName: '4', contactEmail: '5', contactPhone: '6' })
  })

  it('creates exactly the good rows, published, owned by the wijk, contact details private; progress reaches 100', async () => {
    const res = await teamA.post(`${base(wijkA.id)}/${batchId}/importeren`, {})
    expect(res.status).toBe(303)
    const running = await teamA.get(res.location!)
    expect(running.text).toContain('Vernieuwen')
    expect(running.body).toContain('<progress')
    await t.drain()
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId))
    expect(batch).toMatchObject({ status: 'done', progress: 100, createdCount: 2 })
    expect(batch!.problems.map((p) => p.row)).toEqual([3])
    const items = await t.deps.db.select().from(contentItems).where(eq(contentItems.wijkId, wijkA.id))
    expect(items.map((i) => i.title).sort()).toEqual(['Buurthuis De Linde', 'Repair Café Oost'])
    for (const item of items) {
      expect(item).toMatchObject({ type: 'organisation', status: 'published', ownerId: null, contactNamePublic: false, contactEmailPublic: false, contactPhonePublic: false })
    }
    const linde = items.find((i) => i.title === 'Buurthuis De Linde')!
    expect(linde).toMatchObject({ website: 'https://www.delinde.example', openingHours: 'ma-vr 9-17', contactEmail: 'anja@delinde.example' })
    const pub = await findPublicItem(t.deps.db, linde.id, t.deps.clock.now())
    expect(pub?.title).toBe('Buurthuis De Linde')
    expect(pub?.contactEmail).toBeNull()

    const done = await teamA.get(`${base(wijkA.id)}/${batchId}`)
    expect(done.text).toContain('100% klaar')
    expect(done.text).toContain('2 organisaties aangemaakt en gepubliceerd. 1 rij overgeslagen.')
    expect(done.text).toMatch(/3 Voedselbank Oost E-mailadres/)
  })

  it('does not import a batch twice, and a file imported again creates no doubles', async () => {
    const again = await teamA.post(`${base(wijkA.id)}/${batchId}/importeren`, {})
    expect(again.status).toBe(303)
    const res = await upload(teamA, wijkA.id, { name: 'start.csv', data: dutchCsv([GOOD_1, GOOD_2]) }, { kind: 'organisation', previous: batchId })
    const page = await teamA.get(res.location!)
    expect(page.text).toContain('0 van de 2 rijen kunnen worden geïmporteerd')
    expect(page.text).toContain('Er staat al een organisatie met deze naam')
    await t.drain()
    const items = await t.deps.db.select().from(contentItems).where(eq(contentItems.wijkId, wijkA.id))
    expect(items).toHaveLength(2)
  })

  it('imports activities from an XLSX with Dutch dates and times', async () => {
    const data = await writeXlsxFile([
      [{ value: 'Activiteit' }, { value: 'Datum' }, { value: 'Tijd' }, { value: 'Locatie' }, { value: 'Kosten' }],
      [{ value: 'Buurtborrel' }, { value: '7-4-2026' }, { value: '19.30' }, { value: 'Buurthuis' }, { value: 'gratis' }],
      [{ value: 'Yoga in het park' }, { value: new Date(Date.UTC(2026, 3, 8)), format: 'dd-mm-yyyy' }, { value: '' }, { value: 'Park' }, { value: '2,50' }],
    ]).toBuffer()
    const res = await upload(teamA, wijkA.id, { name: 'agenda.xlsx', data: new Uint8Array(data) }, { kind: 'activity' })
    expect(res.status, res.body.slice(0, 300)).toBe(303)
    const id = batchIdOf(res.location)
    const check = await teamA.post(`${base(wijkA.id)}/${id}/kolommen`, { title: '0', startDate: '1', startTime: '2', locationText: '3', costAmount: '4' })
    const page = await teamA.get(check.location!)
    expect(page.text).toMatch(/3 Yoga in het park Begintijd[^:]*: /)
    await teamA.post(`${base(wijkA.id)}/${id}/importeren`, {})
    await t.drain()
    const [borrel] = await t.deps.db.select().from(contentItems).where(and(eq(contentItems.wijkId, wijkA.id), eq(contentItems.title, 'Buurtborrel')))
    expect(borrel).toMatchObject({ type: 'activity', status: 'published', ownerId: null, costCents: null, locationText: 'Buurthuis' })
    expect(borrel!.startsAt?.toISOString()).toBe('2026-04-07T17:30:00.000Z')
  })
})

describe('showing contact columns publicly', () => {
  let wijkD: { id: number; slug: string }
  let teamD: TestClient
  const header = 'Naam;Omschrijving;Adres;Telefoon;E-mail'
  const csv = (rows: string[]) => [header, ...rows].join('\n') + '\n'
  const BANK = 'Voedselbank Zuid;Pakketten op dinsdag;Kerkstraat 5, 1234 AB Zuid;010 765 4321;'
  const CLUB = 'Schaakclub Zuid;Schaken op vrijdag;Dorpsplein 1;010 111 2222;geheim@schaak.example'

  beforeAll(async () => {
    wijkD = await buildWijk(t, { name: 'Zuiderpark' })
    teamD = t.client()
    await login(teamD, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkD.id }))
  })

  it('offers a "show publicly" choice per contact column, off by default, saying where it will appear', async () => {
    const res = await upload(teamD, wijkD.id, { name: 'zuid.csv', data: csv([BANK, CLUB]) })
    const page = await teamD.get(res.location!)
    expect(page.status).toBe(200)
    for (const name of ['contactEmailPublic', 'contactPhonePublic', 'contactAddressPublic', 'contactNamePublic']) {
      expect(page.body).toMatch(new RegExp(`<input type="checkbox" id="${name}" name="${name}" aria-describedby="${name}-hint"/>`))
    }
    expect(page.text).toContain('Toon Telefoonnummer openbaar')
    expect(page.text).toContain('openbaar op de wijksite, op de pagina van elke geïmporteerde vermelding onder Contact')
  })

  it('records the choice with the batch, shows it in the summary, and switches exactly those fields on for the imported items', async () => {
    const res = await upload(teamD, wijkD.id, { name: 'zuid.csv', data: csv([BANK, CLUB]) })
    const batchId = batchIdOf(res.location)
    // Ticking a field without a column changes nothing: contactName has none here.
    const mapped = await teamD.post(`${base(wijkD.id)}/${batchId}/kolommen`, {
      title: '0', body: '1', contactAddress: '2', contactPhone: '3', contactEmail: '4',
      contactAddressPublic: 'on', contactPhonePublic: 'on', contactNamePublic: 'on',
    })
    expect(mapped.status).toBe(303)
    const [stored] = await t.deps.db.select({ publicFields: importBatches.publicFields }).from(importBatches).where(eq(importBatches.id, batchId))
    expect(stored!.publicFields.sort()).toEqual(['contactAddress', 'contactPhone'])
    const check = await teamD.get(mapped.location!)
    expect(check.text).toContain('Openbaar op de wijksite: Telefoonnummer, Adres.')
    // Back to the columns: the ticks are kept.
    const again = await teamD.get(`${base(wijkD.id)}/${batchId}/kolommen`)
    expect(again.body).toMatch(/<input type="checkbox" id="contactPhonePublic" name="contactPhonePublic" checked=""/)
    expect(again.body).toMatch(/<input type="checkbox" id="contactEmailPublic" name="contactEmailPublic" aria-describedby/)

    await teamD.post(`${base(wijkD.id)}/${batchId}/importeren`, {})
    await t.drain()
    const progress = await teamD.get(`${base(wijkD.id)}/${batchId}`)
    expect(progress.text).toContain('2 organisaties aangemaakt en gepubliceerd. 0 rijen overgeslagen.')
    expect(progress.text).toContain('Openbaar op de wijksite: Telefoonnummer, Adres.')

    const items = await t.deps.db.select().from(contentItems).where(eq(contentItems.wijkId, wijkD.id))
    for (const item of items) expect(item).toMatchObject({ contactPhonePublic: true, contactAddressPublic: true, contactEmailPublic: false, contactNamePublic: false })
    const bank = items.find((i) => i.title === 'Voedselbank Zuid')!
    const club = items.find((i) => i.title === 'Schaakclub Zuid')!
    const visitor = t.client()
    const bankPage = await visitor.get(`/${wijkD.slug}/organisaties/${bank.id}-${bank.slug}`)
    expect(bankPage.text).toContain('010 765 4321')
    expect(bankPage.text).toContain('Kerkstraat 5, 1234 AB Zuid')
    // No email and no owner: nobody to deliver a message to, so no contact form (item 10).
    expect(bankPage.body).not.toContain(`${bank.slug}/contact`)
    const clubPage = await visitor.get(`/${wijkD.slug}/organisaties/${club.id}-${club.slug}`)
    expect(clubPage.text).toContain('010 111 2222')
    expect(clubPage.body).not.toContain('geheim@schaak.example')
    expect(clubPage.body).toContain(`${club.slug}/contact`)
  })

  it('keeps everything private when nothing is ticked', async () => {
    const res = await upload(teamD, wijkD.id, { name: 'zuid-2.csv', data: csv(['Buurtmoestuin;Tuinieren;Tuinpad 3;010 999 8888;']) })
    const batchId = batchIdOf(res.location)
    await teamD.post(`${base(wijkD.id)}/${batchId}/kolommen`, { title: '0', body: '1', contactAddress: '2', contactPhone: '3' })
    expect((await teamD.get(`${base(wijkD.id)}/${batchId}/controle`)).text).toContain('Contactgegevens: niet openbaar.')
    await teamD.post(`${base(wijkD.id)}/${batchId}/importeren`, {})
    await t.drain()
    const [item] = await t.deps.db.select().from(contentItems).where(and(eq(contentItems.wijkId, wijkD.id), eq(contentItems.title, 'Buurtmoestuin')))
    expect(item).toMatchObject({ contactPhonePublic: false, contactAddressPublic: false })
    const page = await t.client().get(`/${wijkD.slug}/organisaties/${item!.id}-${item!.slug}`)
    expect(page.text).not.toContain('010 999 8888')
    expect(page.text).not.toContain('Tuinpad 3')
  })
})

describe('an import job that fails on every attempt', () => {
  let wijkC: { id: number; slug: string }
  let teamC: TestClient
  let batchId = ''

  beforeAll(async () => {
    wijkC = await buildWijk(t, { name: 'Noorderpark' })
    teamC = t.client()
    await login(teamC, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkC.id }))
    const res = await upload(teamC, wijkC.id, { name: 'stuk.csv', data: dutchCsv([GOOD_1, GOOD_2]) })
    batchId = batchIdOf(res.location)
    await teamC.post(`${base(wijkC.id)}/${batchId}/kolommen`, { title: '0', body: '1', website: '2', openingHours: '3', contactName: '4', contactEmail: '5', contactPhone: '6' })
    // A database that refuses the rows of this wijk, with an error message that quotes a row's
    // personal data (as a constraint violation would): what a broken disk or bad deploy looks like.
    await t.deps.db.execute(sql.raw(`
      create function wc_test_refuse_import() returns trigger language plpgsql as $$
      begin
        if new.wijk_id = ${wijkC.id} then raise exception 'refused row with %', new.contact_email; end if;
        return new;
      end $$`))
    await t.deps.db.execute(sql.raw('create trigger wc_test_refuse_import before insert on content_items for each row execute function wc_test_refuse_import()'))
  })
  afterAll(async () => {
    await t.deps.db.execute(sql.raw('drop trigger if exists wc_test_refuse_import on content_items'))
    await t.deps.db.execute(sql.raw('drop function if exists wc_test_refuse_import()'))
  })

  it('marks the batch failed after the last attempt, with a safe code and no personal data, and offers to try again or start over', async () => {
    expect((await teamC.post(`${base(wijkC.id)}/${batchId}/importeren`, {})).status).toBe(303)
    for (let attempt = 1; attempt <= 3; attempt++) {
      await t.drain()
      const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId))
      // Until the last attempt has failed, it is still running (a retry may yet succeed).
      expect(batch!.status).toBe(attempt < 3 ? 'importing' : 'failed')
      t.clock.advance({ minutes: 5 })
    }
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId))
    expect(batch).toMatchObject({ status: 'failed', createdCount: 0, failure: 'database P0001' })
    expect(batch!.finishedAt).not.toBeNull()
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.key, `wijk-import.run:${batchId}`))
    expect(job).toMatchObject({ status: 'dead', attempts: 3 })

    const page = await teamC.get(`${base(wijkC.id)}/${batchId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('De import is mislukt.')
    expect(page.text).toContain('Foutcode voor de beheerder van het platform: database P0001')
    expect(page.text).not.toContain('bezig')
    expect(page.text).not.toContain('De import loopt op de achtergrond')
    expect(page.body).not.toContain('anja@delinde.example')
    expect(page.body).not.toContain('refused row')
    expect(page.body).toContain(`action="${base(wijkC.id)}/${batchId}/opnieuw"`)
    expect(page.body).toContain(`name="previous" value="${batchId}"`)
    const list = await teamC.get(base(wijkC.id))
    expect(list.text).toMatch(/stuk\.csv .*mislukt/)
  })

  it("another wijk's team cannot try it again (403)", async () => {
    expect((await teamB.post(`${base(wijkC.id)}/${batchId}/opnieuw`, {})).status).toBe(403)
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId))
    expect(batch!.status).toBe('failed')
  })

  it('trying again continues with a new job once the cause is gone, and is recorded', async () => {
    await t.deps.db.execute(sql.raw('drop trigger wc_test_refuse_import on content_items'))
    const res = await teamC.post(`${base(wijkC.id)}/${batchId}/opnieuw`, {})
    expect(res.status).toBe(303)
    expect(res.location).toBe(`${base(wijkC.id)}/${batchId}?melding=flash.wijk-import.retried`)
    const running = await teamC.get(res.location!)
    expect(running.text).toContain('De import is opnieuw gestart.')
    expect(running.text).toContain('De import loopt op de achtergrond')
    await t.drain()
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId))
    expect(batch).toMatchObject({ status: 'done', createdCount: 2, failure: null })
    const items = await t.deps.db.select({ title: contentItems.title }).from(contentItems).where(eq(contentItems.wijkId, wijkC.id))
    expect(items.map((i) => i.title).sort()).toEqual(['Buurthuis De Linde', 'Repair Café Oost'])
    const retries = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.import.retry'), eq(auditLog.targetId, String(wijkC.id))))
    expect(retries).toHaveLength(1)
    // A batch that did not fail is not started again.
    const again = await teamC.post(`${base(wijkC.id)}/${batchId}/opnieuw`, {})
    expect(again.location).toBe(`${base(wijkC.id)}/${batchId}`)
    expect(await t.deps.db.select().from(jobs).where(sql`${jobs.key} like ${`wijk-import.run:${batchId}%`}`)).toHaveLength(2)
  })
})

describe('claiming an imported organisation', () => {
  it('the wijk team invites by email; accepting makes the accepter the OWNER', async () => {
    const [linde] = await t.deps.db.select().from(contentItems).where(and(eq(contentItems.wijkId, wijkA.id), eq(contentItems.title, 'Buurthuis De Linde')))
    const list = await teamA.get(`${base(wijkA.id)}/organisaties`)
    expect(list.text).toContain('Buurthuis De Linde')
    const form = await teamA.get(`${base(wijkA.id)}/organisaties/${linde!.id}`)
    expect(form.body).toContain('value="anja@delinde.example"')
    const bad = await teamA.post(`${base(wijkA.id)}/organisaties/${linde!.id}`, { email: 'not-an-address' })
    expect(bad.status).toBe(422)
    const res = await teamA.post(`${base(wijkA.id)}/organisaties/${linde!.id}`, { email: 'anja@delinde.example' })
    expect(res.status).toBe(303)
    await t.drain()
    const mail = await t.smtp.waitFor((m) => m.to === 'anja@delinde.example')
    expect(mail.subject).toContain('Buurthuis De Linde')
    const link = /http:\/\/localhost(\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!

    const anja = await buildUser(t, { email: 'anja@delinde.example', firstName: 'Anja' })
    const anjaClient = t.client()
    await login(anjaClient, anja)
    const page = await anjaClient.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Vermelding overnemen')
    const accepted = await anjaClient.post(link, {})
    expect(accepted.status).toBe(303)
    expect(accepted.location).toBe(`/mijn-content/${linde!.id}/bewerken?melding=flash.my-content.claimed`)
    const [after] = await t.deps.db.select().from(contentItems).where(eq(contentItems.id, linde!.id))
    expect(after!.ownerId).toBe(anja.id)
    expect((await anjaClient.get(`/mijn-content/${linde!.id}/bewerken`)).status).toBe(200)
    // Claimed: no longer the wijk's, and the link is spent.
    expect((await teamA.get(`${base(wijkA.id)}/organisaties`)).text).not.toContain('Buurthuis De Linde')
    expect((await teamA.get(`${base(wijkA.id)}/organisaties/${linde!.id}`)).status).toBe(404)
    expect((await anjaClient.post(link, {})).status).toBe(404)
  })
})

describe('the wijk fence', () => {
  it("wijk B's team gets 403 on A's import pages, and A's batch and entry ids under B's address reach nothing", async () => {
    const [batch] = await t.deps.db.select({ id: importBatches.id }).from(importBatches).where(eq(importBatches.wijkId, wijkA.id)).limit(1)
    const [item] = await t.deps.db.select({ id: contentItems.id }).from(contentItems).where(and(eq(contentItems.wijkId, wijkA.id), isNull(contentItems.ownerId)))
    for (const path of [base(wijkA.id), `${base(wijkA.id)}/${batch!.id}`, `${base(wijkA.id)}/${batch!.id}/controle`, `${base(wijkA.id)}/organisaties`]) {
      expect((await teamB.get(path)).status, path).toBe(403)
    }
    expect((await teamB.post(`${base(wijkA.id)}/${batch!.id}/importeren`, {})).status).toBe(403)
    for (const path of [`${base(wijkB.id)}/${batch!.id}`, `${base(wijkB.id)}/${batch!.id}/kolommen`, `${base(wijkB.id)}/${crypto.randomUUID()}`, `${base(wijkB.id)}/00000000-0000-0000-0000-000000000001/controle`]) {
      expect((await teamB.get(path)).status, path).toBe(404)
    }
    expect((await teamB.post(`${base(wijkB.id)}/${batch!.id}/importeren`, {})).status).toBe(404)
    if (item) expect((await teamB.post(`${base(wijkB.id)}/organisaties/${item.id}`, { email: 'x@example.test' })).status).toBe(404)
    const visitor = await t.client().get(base(wijkA.id))
    expect(visitor.status).toBe(303)
    const user = t.client()
    await login(user, await buildUser(t, { homeWijkId: wijkA.id }))
    expect((await user.get(base(wijkA.id))).status).toBe(403)
  })
})

describe('bad files', () => {
  const cases: Array<[string, { name: string; data: string | Uint8Array } | null, string]> = [
    ['no file', null, 'Kies een bestand.'],
    ['an empty file', { name: 'leeg.csv', data: '' }, 'Kies een bestand.'],
    ['only a header', { name: 'kop.csv', data: 'Naam;Website\r\n' }, 'alleen kolomnamen'],
    ['an unclosed quote', { name: 'kapot.csv', data: 'Naam;Website\r\n"Buurthuis;x\r\nb;c' }, 'Het CSV-bestand klopt niet'],
    ['an old .xls file', { name: 'oud.xls', data: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, 'oud Excel-bestand'],
    ['a broken zip posing as xlsx', { name: 'kapot.xlsx', data: Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9]) }, 'Dit Excel-bestand kan niet worden gelezen'],
    ['binary noise', { name: 'ruis.csv', data: Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 256) }, 'geen CSV- of Excel-bestand'],
    ['too many rows', { name: 'lang.csv', data: 'Naam\n' + Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Org ${i}`).join('\n') }, `meer dan ${MAX_ROWS.toLocaleString('nl-NL')} rijen`],
    ['a file over 2 MB', { name: 'groot.csv', data: 'Naam\n' + 'x'.repeat(2 * 1024 * 1024 + 10) }, 'groter dan 2 MB'],
  ]
  for (const [name, file, message] of cases) {
    it(`answers ${name} with 422 and a clear message`, async () => {
      const res = await upload(teamA, wijkA.id, file)
      expect(res.status).toBe(422)
      expect(res.body).toContain(message)
    })
  }

  it('refuses an unknown kind (422) and a broken multipart body (400)', async () => {
    const res = await upload(teamA, wijkA.id, { name: 'a.csv', data: 'Naam\nX\n' }, { kind: 'admin' })
    expect(res.status).toBe(422)
    const broken = await teamA.request(base(wijkA.id), {
      method: 'POST',
      body: `--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${teamA.csrf}\r\n--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nNaam`,
      headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=zzz' },
    })
    expect(broken.status).toBeGreaterThanOrEqual(400)
    expect(broken.status).toBeLessThan(500)
  })
})

describe('retention', () => {
  it('deletes import batches (they hold the raw rows) 30 days after finishing', async () => {
    const rule = RETENTION_RULES.find((r) => r.name === 'wijk-import.batches')!
    const before = await t.deps.db.select({ id: importBatches.id, status: importBatches.status }).from(importBatches)
    expect(before.some((b) => b.status === 'done')).toBe(true)
    t.clock.advance({ days: 29 })
    await runRetentionRule(t.deps, rule)
    expect((await t.deps.db.select({ id: importBatches.id }).from(importBatches)).length).toBe(before.length)
    t.clock.advance({ days: 2 })
    await runRetentionRule(t.deps, rule)
    expect(await t.deps.db.select({ id: importBatches.id }).from(importBatches)).toEqual([])
    // The entries themselves stay.
    expect((await t.deps.db.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.wijkId, wijkA.id))).length).toBeGreaterThan(0)
  })
})

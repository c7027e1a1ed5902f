/**
 * One of everything a beheer page can show, made through the real forms where that is cheap and
 * straight into the database where the form is not the subject (content items, reports,
 * statistics): so every /beheer route can be filled with a real id, and every list has rows.
 * Used by e2e/a11y/beheer-pages.a11y.e2e.ts.
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { TestPlatform } from '../../../test/platform.js'
import { ORIGIN, type TestClient } from '../../../test/client.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import { buildItem, type ItemValues } from '../contact-form/items.test-helpers.js'
import { CONTENT_TYPES, contentItems, contentThemes, type ContentType } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { contentReports } from '../moderation/moderation.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { complaints } from '../complaints/complaints.tables.js'
import { processingActivities, processors } from '../register/register.tables.js'
import { legalDocuments } from '../documents/documents.tables.js'
import { packages } from '../billing/billing.packages.tables.js'
import { newsletters } from '../newsletter/newsletter.tables.js'
import { importBatches } from '../wijk-import/wijk-import.tables.js'
import { seedDemoStatistics } from '../statistics/statistics.seed.js'
import { localDateTimeValue } from '../breaches/breaches.schema.js'
import { DAY } from '../../kernel/clock.js'
import { buildApplication, buildDebitRun } from '../../../test/billing.js'
import { issueToLedger, recordPayment } from '../billing/billing.ledger.js'
import { invoiceDraft } from '../billing/billing.test-helpers.js'

export interface BeheerFixtures {
  wijk: { id: number; slug: string; cityId: number }
  admin: BuiltUser
  /** A wijkbeheerder of `wijk`. */
  team: BuiltUser
  documentDraftId: number
  supportRequestIds: number[]
  /** A request about content of `wijk`, which its team may handle. */
  wijkSupportRequestId: number
  complaintId: number
  breachId: number
  activityId: number
  processorId: number
  /** An active partner covering `wijk`, with a key. */
  partnerId: number
  packageId: number
  /** A pending package application by direct debit, from the team member. */
  applicationId: number
  /** An open transfer invoice (payment form) and a collected direct debit (return form). */
  invoiceIds: number[]
  /** A direct debit run of one collection; another direct-debit invoice stays due, so /beheer/incasso shows its button. */
  debitRunId: number
  /** An agenda widget of that partner. */
  widgetId: string
  newsletterIds: { draft: number; sent: number }
  /** One published item of every type, and a hidden one with reports. */
  itemIds: number[]
  batchIds: { imported: string; checked: string }
  claimableId: number
  broadcastId: number
  participantId: number
  assistedItemId: number
}

/** A YYYY-MM-DD date `days` from the platform's today. */
function dateFrom(t: TestPlatform, days: number): string {
  return new Date(t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10)
}

function typeValues(t: TestPlatform, type: ContentType): Partial<ItemValues> {
  const now = t.clock.now().getTime()
  switch (type) {
    case 'activity':
      return { startsAt: new Date(now + 2 * DAY), endsAt: new Date(now + 2 * DAY + 7_200_000), recurrence: { kind: 'weekly', until: null, exceptions: [] }, locationText: 'Buurthuis', joinInfo: 'Binnenlopen' }
    case 'organisation':
      return { offers: 'Koffie en een praatje', openingHours: 'ma-vr 9-17', website: 'https://buurthuis.example' }
    case 'request':
    case 'offer':
      return { category: 'overig', expiresAt: new Date(now + 14 * DAY) }
    case 'showcase':
      return { priceCents: 1250 }
    default:
      return {}
  }
}

/** The id at the end of a redirect, as `pattern` finds it. */
function idIn(location: string | undefined | null, pattern: RegExp): string {
  const found = pattern.exec(location ?? '')?.[1]
  if (!found) throw new Error(`no id in redirect "${location}"`)
  return found
}

async function clientOf(t: TestPlatform, user: BuiltUser): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  return client
}

/** Posts a form after loading its page (for the CSRF token), expecting a redirect. */
async function submit(client: TestClient, formPage: string, action: string, fields: Record<string, string>): Promise<string> {
  await client.get(formPage)
  const res = await client.post(action, fields)
  if (res.status !== 303) throw new Error(`POST ${action}: ${res.status} ${res.text.slice(0, 300)}`)
  return res.location ?? ''
}

const IMPORT_CSV = [
  '\uFEFFNaam;Omschrijving;Website;E-mail',
  'Buurthuis De Linde;Koffie en soep;https://linde.example;info@linde.example',
  'Voedselbank Oost;Pakketten;geen site;piet-at-example',
].join('\r\n')

async function uploadBatch(t: TestPlatform, team: TestClient, wijkId: number, fileName: string): Promise<string> {
  const base = `/beheer/wijken/${wijkId}/import`
  await team.get(base)
  const form = new FormData()
  form.set('_csrf', team.csrf!)
  form.set('kind', 'organisation')
  form.set('file', new Blob([IMPORT_CSV]), fileName)
  const res = await team.request(base, { method: 'POST', body: form, headers: { origin: ORIGIN } })
  const id = idIn(res.headers.get('location'), /\/import\/([0-9a-f-]{36})\//)
  // The mapping step, then the dry run (one bad row, so it shows errors).
  await submit(team, `${base}/${id}/kolommen`, `${base}/${id}/kolommen`, { title: '0', body: '1', website: '2', contactEmail: '3' })
  return id
}

export async function buildBeheerFixtures(t: TestPlatform): Promise<BeheerFixtures> {
  const { db } = t.deps
  const wijk = await buildWijk(t, { name: 'Oosterpark', postcodes: ['1091', '1092'] })
  const other = await buildWijk(t, { name: 'Westerpark' })
  await ensureDefaultThemes(db, wijk.id)
  const themes = await listThemes(db, wijk.id)

  const admin = await buildUser(t, { role: 'admin', firstName: 'Astrid' })
  const team = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id, firstName: 'Wim', lastName: 'Wijkman' })
  await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id, firstName: 'Anouk' })
  const owner = await buildUser(t, { homeWijkId: wijk.id, firstName: 'Olga', lastName: 'Oosting' })
  const residents = [await buildUser(t, { homeWijkId: wijk.id, firstName: 'Rein' }), await buildUser(t, { homeWijkId: wijk.id, firstName: 'Roos' })]

  // Content: one published item of every type, and a hidden one with open reports.
  const itemIds: number[] = []
  for (const [i, type] of CONTENT_TYPES.entries()) {
    const item = await buildItem(t, { wijkId: wijk.id, ownerId: owner.id, type, title: `Openbaar ${type}`, summary: 'Iets voor de buurt.', body: 'Iets voor de **buurt**.', ...typeValues(t, type) })
    await db.insert(contentThemes).values({ contentId: item.id, themeId: themes[i % themes.length]!.id })
    if (type === 'activity') await rebuildOccurrences(db, item.id, t.clock.now())
    itemIds.push(item.id)
  }
  const hidden = await buildItem(t, { wijkId: wijk.id, ownerId: owner.id, type: 'news', title: 'Verborgen bericht', status: 'hidden', hiddenKind: 'reports', hiddenAt: t.clock.now() })
  itemIds.push(hidden.id)
  for (const [i, resident] of residents.entries()) {
    await db.insert(contentReports).values({ contentId: hidden.id, wijkId: wijk.id, reporterUserId: resident.id, reason: i === 0 ? 'privacy' : 'incorrect', message: 'Er staat een telefoonnummer in.', createdAt: t.clock.now() })
  }
  await db.insert(contentReports).values({ contentId: itemIds[0]!, wijkId: wijk.id, reporterUserId: residents[0]!.id, reason: 'spam', createdAt: t.clock.now() })

  const adminClient = await clientOf(t, admin)
  const teamClient = await clientOf(t, team)
  const residentClient = await clientOf(t, residents[0]!)

  const documentDraftId = Number(idIn(await submit(adminClient, '/beheer/documenten', '/beheer/documenten/privacy/nieuw', {}), /\/documenten\/(\d+)\//))

  await submit(residentClient, '/hulp/vraag', '/hulp/vraag', { message: 'Hoe verander ik mijn e-mailadres?' })
  await submit(residentClient, '/hulp/probleem', '/hulp/probleem', { wijk: String(wijk.id), itemId: String(itemIds[0]), message: 'De datum klopt niet.' })
  const requests = await db.select({ id: supportRequests.id, wijkId: supportRequests.wijkId }).from(supportRequests).orderBy(asc(supportRequests.id))

  await submit(t.client(), '/klacht', '/klacht', { name: 'Bea Visser', email: 'bea@example.test', body: 'Mijn telefoonnummer stond openbaar.' })
  const [complaint] = await db.select({ id: complaints.id }).from(complaints)

  const breachId = Number(
    idIn(
      await submit(adminClient, '/beheer/datalekken/nieuw', '/beheer/datalekken/nieuw', {
        title: 'Verkeerde bijlage in nieuwsbrief',
        discoveredAt: localDateTimeValue(t.clock.now()),
        occurredAt: '',
        whatHappened: 'De ledenlijst ging per ongeluk als bijlage mee.',
        nature_read: 'on',
        dataKinds: 'Voornamen en e-mailadressen',
        dataEncrypted: 'no',
        peopleKinds: 'Abonnees van de wijknieuwsbrief',
        approxPeople: '120',
        approxRecords: '130',
        likelyConsequences: 'Kans op phishing.',
        measuresTaken: 'Ontvangers gevraagd de bijlage te verwijderen.',
        measuresProposed: 'Bijlagen uitzetten.',
        advice: 'Open geen onverwachte bijlagen.',
        authorityDecision: 'undecided',
        authorityNotifiedAt: '',
        authorityReference: '',
        informDecision: 'inform',
        informReason: '',
        contactPerson: 'Sanne de Wit, privacycoördinator',
        status: 'open',
      }),
      /\/datalekken\/(\d+)/,
    ),
  )

  const [sharing] = await db.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.kind, 'sharing')).limit(1)
  const partnerId = Number(
    idIn(
      await submit(adminClient, '/beheer/partners/nieuw', '/beheer/partners/nieuw', {
        name: 'Stadsnetwerk Vrijwilligers',
        contactName: 'Joris Verbeek',
        contactEmail: 'joris@stadsnetwerk.example',
        origins: 'https://www.stadsnetwerk.example',
        purposeNl: 'De wijkagenda tonen op de vrijwilligerssite van de stad.',
        purposeEn: 'Showing the neighbourhood agenda on the city volunteering site.',
        type_activity: 'on',
        type_prikbord: 'on',
        [`wijk_${wijk.id}`]: 'on',
        startsOn: dateFrom(t, -1),
        ratePerMinute: '600',
        agreementDocumentId: String(sharing!.id),
        signedBy: 'Joris Verbeek',
        signedOn: dateFrom(t, -2),
      }),
      /\/partners\/(\d+)/,
    ),
  )
  await submit(adminClient, `/beheer/partners/${partnerId}`, `/beheer/partners/${partnerId}/status`, { status: 'actief' })
  // A new key answers with the key itself (200), not with a redirect.
  await adminClient.get(`/beheer/partners/${partnerId}`)
  const key = await adminClient.post(`/beheer/partners/${partnerId}/sleutels`, { label: 'website' })
  if (key.status !== 200) throw new Error(`partner key: ${key.status}`)
  const widget = await adminClient.post(`/beheer/partners/${partnerId}/widgets/nieuw`, { label: 'Agenda op de homepage', module: 'agenda', place: `wijk:${wijk.id}`, itemCount: '5', lang: 'nl' })
  await adminClient.get('/beheer/pakketten/nieuw')
  await adminClient.post('/beheer/pakketten/nieuw', { slug: 'wijkpartner', nameNl: 'Wijkpartner', nameEn: 'Neighbourhood partner', descriptionNl: 'Uitgelicht in de wijk.', descriptionEn: 'Featured in the neighbourhood.', price: '120', vatRate: '2100', period: 'jaar', active: 'on', entitlement_featured: 'on' })
  const [pkg] = await db.select({ id: packages.id }).from(packages).where(eq(packages.slug, 'wijkpartner'))
  if (!pkg) throw new Error('package fixture not created')
  const applicationId = await buildApplication(t, { userId: team.id, packageId: pkg.id, iban: 'NL02ABNA0123456789', organisationName: 'Buurtcentrum De Pijp' })
  const dates = { issuedOn: dateFrom(t, -20), dueOn: dateFrom(t, -6), periodStart: dateFrom(t, -20), periodEnd: dateFrom(t, 10) }
  const transferInvoice = await issueToLedger(db, invoiceDraft(dates), t.clock.now())
  const debitInvoice = await issueToLedger(db, invoiceDraft({ ...dates, paymentMethod: 'direct-debit', mandateReference: 'WC-1-A2B3C4D5E6', debtorIbanMasked: 'NL•• •••• •••• ••43 00', collectionOn: dateFrom(t, -10) }), t.clock.now())
  await recordPayment(db, debitInvoice.id, { amountCents: debitInvoice.totalCents, receivedOn: dateFrom(t, -10), method: 'direct-debit' }, t.clock.now())
  const debitRunId = await buildDebitRun(t, { userId: (await buildUser(t, { firstName: 'Bram' })).id, packageId: pkg.id, adminId: admin.id })
  await issueToLedger(db, invoiceDraft({ ...dates, paymentMethod: 'direct-debit', mandateReference: 'WC-2-F7G8H9J2K3', debtorIbanMasked: 'NL•• •••• •••• ••67 89', collectionOn: dateFrom(t, 3) }), t.clock.now())
  const widgetId = /\/widgets\/([0-9a-f-]{36})/.exec(widget.res.headers.get('location') ?? '')?.[1]
  if (!widgetId) throw new Error(`partner widget: ${widget.status}`)

  const [activity] = await db.select({ id: processingActivities.id }).from(processingActivities).orderBy(asc(processingActivities.id)).limit(1)
  const [processor] = await db.select({ id: processors.id }).from(processors).orderBy(asc(processors.id)).limit(1)

  await seedDemoStatistics(db, t.clock.now(), [wijk, other])

  // The wijk team's work: newsletters, an import, a broadcast, a link, an assisted person.
  const w = `/beheer/wijken/${wijk.id}`
  const letter = (subject: string) => ({ subject, body: '# Welkom\n\nDe **lente** is begonnen.', activities: 'on', prikbord: 'on', news: 'on', periodFrom: dateFrom(t, -14), periodTo: dateFrom(t, 0) })
  const draft = Number(idIn(await submit(teamClient, `${w}/nieuwsbrieven/nieuw`, `${w}/nieuwsbrieven`, letter('Concept voor april')), /nieuwsbrieven\/(\d+)/))
  const sent = Number(idIn(await submit(teamClient, `${w}/nieuwsbrieven/nieuw`, `${w}/nieuwsbrieven`, letter('Lente in Oosterpark')), /nieuwsbrieven\/(\d+)/))
  await submit(teamClient, `${w}/nieuwsbrieven/${sent}`, `${w}/nieuwsbrieven/${sent}/versturen`, {})

  const imported = await uploadBatch(t, teamClient, wijk.id, 'organisaties.csv')
  await submit(teamClient, `${w}/import/${imported}/controle`, `${w}/import/${imported}/importeren`, {})
  await t.drain()
  const checked = await uploadBatch(t, teamClient, wijk.id, 'organisaties-opnieuw.csv')
  const [claimable] = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.wijkId, wijk.id), eq(contentItems.type, 'organisation'), isNull(contentItems.ownerId)))
  if (!claimable) throw new Error('the import created no organisation')

  const broadcastId = Number(idIn(await submit(teamClient, `${w}/bericht`, `${w}/bericht`, { subject: 'Wie helpt zaterdag?', body: 'We zoeken handen voor de buurtschoonmaak.' }), /\/bericht\/(\d+)/))
  await submit(teamClient, `${w}/links`, `${w}/links`, { title: 'Buurtkrant', url: 'https://buurtkrant.example.org' })

  const participantId = Number(
    idIn(
      await submit(teamClient, `${w}/namens`, `${w}/namens`, { name: 'Mevrouw Jansen', howToReach: 'Via het buurthuis', paperConsentOn: dateFrom(t, -1), paperConsent: 'on' }),
      /\/namens\/(\d+)/,
    ),
  )
  const assisted = `${w}/namens/nieuw?voor=${participantId}&type=activity`
  await submit(teamClient, assisted, assisted, { title: 'Breiclub in het buurthuis', summary: 'Samen breien.', startDate: dateFrom(t, 10), startTime: '14:00' })
  const [assistedItem] = await db.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.offlineParticipantId, participantId))

  await t.drain()
  // The pages show what they should only if the fixtures really reached these states.
  const [sentLetter] = await db.select({ status: newsletters.status }).from(newsletters).where(eq(newsletters.id, sent))
  const [importedBatch] = await db.select({ status: importBatches.status }).from(importBatches).where(eq(importBatches.id, imported))
  if (sentLetter?.status !== 'sent' || importedBatch?.status !== 'done') throw new Error(`fixtures incomplete: newsletter ${sentLetter?.status}, import ${importedBatch?.status}`)
  return {
    wijk,
    admin,
    team,
    documentDraftId,
    supportRequestIds: requests.map((r) => r.id),
    wijkSupportRequestId: requests.find((r) => r.wijkId === wijk.id)!.id,
    complaintId: complaint!.id,
    breachId,
    activityId: activity!.id,
    processorId: processor!.id,
    partnerId,
    packageId: pkg.id,
    applicationId,
    invoiceIds: [transferInvoice.id, debitInvoice.id],
    debitRunId,
    widgetId,
    newsletterIds: { draft, sent },
    itemIds,
    batchIds: { imported, checked },
    claimableId: claimable.id,
    broadcastId,
    participantId,
    assistedItemId: assistedItem!.id,
  }
}

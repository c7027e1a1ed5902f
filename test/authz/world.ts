/**
 * The world the authorization matrix walks: two wijken (A and B), one account per role, and of
 * every kind of resource a route can name one instance per wijk. `build(kind, side)` makes a new
 * instance, so a POST that deletes, revokes or sends acts on its own copy and cannot change what
 * the next request sees.
 *
 * @example
 * const world = await buildWorld(t)
 * const itemId = await world.build('item', 'A')
 */
import { eq } from 'drizzle-orm'
import type { TestPlatform } from '../platform.js'
import type { TestClient } from '../client.js'
import { buildUser, buildWijk, type BuiltUser } from '../factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import { createSession, sessionCookieName } from '../../src/kernel/auth/session.js'
import { sessions } from '../../src/kernel/auth/sessions.tables.js'
import { randomToken, hashToken } from '../../src/kernel/auth/tokens.js'
import { visitorToken } from '../../src/kernel/http/csrf.js'
import { DAY, HOUR } from '../../src/kernel/clock.js'
import { outbox } from '../../src/kernel/mail/outbox.tables.js'
import { wijken } from '../../src/features/places/places.tables.js'
import { roleAssignments, roleInvitations } from '../../src/features/roles/roles.tables.js'
import { contentImages, contentInvitations, contentItems, contentManagers, wijkThemes } from '../../src/features/content/content.tables.js'
import { ensureDefaultThemes } from '../../src/features/content/content.themes.js'
import { rebuildOccurrences } from '../../src/features/content/content.recurrence.js'
import { processImage } from '../../src/features/my-content/my-content.images.js'
import { dataExports } from '../../src/features/my-data/my-data.tables.js'
import { newsletterSubscriptions, newsletters } from '../../src/features/newsletter/newsletter.tables.js'
import { alertFollows, alertSettings } from '../../src/features/alerts/alerts.tables.js'
import { supportRequests } from '../../src/features/help/help.tables.js'
import { cancelAccount, eraseAccount } from '../../src/features/cancellation/cancellation.service.js'
import { accountArchives } from '../../src/features/cancellation/cancellation.tables.js'
import { breaches } from '../../src/features/breaches/breaches.tables.js'
import { complaints } from '../../src/features/complaints/complaints.tables.js'
import { processingActivities, processors } from '../../src/features/register/register.tables.js'
import { legalDocuments } from '../../src/features/documents/documents.tables.js'
import { importBatches } from '../../src/features/wijk-import/wijk-import.tables.js'
import { broadcasts } from '../../src/features/broadcast/broadcast.tables.js'
import { offlineParticipants } from '../../src/features/content/content.tables.js'
import { wijkLinks } from '../../src/features/places/places.tables.js'
import { passkeys } from '../../src/features/two-factor/two-factor.tables.js'
import { partners, partnerScope } from '../../src/features/partners/partners.tables.js'
import { issueKey } from '../../src/features/partners/partners.keys.js'
import { partnerWidgets } from '../../src/features/partners/partners.widgets.tables.js'
import { packages } from '../../src/features/billing/billing.packages.tables.js'
import { issueToLedger } from '../../src/features/billing/billing.ledger.js'
import { invoiceDraft } from '../../src/features/billing/billing.test-helpers.js'
import { buildPartner } from '../partners.js'
import { buildApplication, buildDebitRun, buildSubscription } from '../billing.js'

export const ROLES = ['visitor', 'user', 'owner', 'coManager', 'wijkbeheerderA', 'wijkbeheerderB', 'ambassadeurA', 'admin'] as const
export type RoleName = (typeof ROLES)[number]
export type Side = 'A' | 'B'
export type Memo = Map<Kind, string>

/** What a route parameter stands for; see paramKind in routes-kinds.ts. */
export type Kind =
  | 'wijkId' | 'wijkSlug' | 'cityId' | 'module' | 'feed' | 'item' | 'itemId' | 'itemPath' | 'itemIcs' | 'image' | 'imageFile' | 'coManagerId'
  | 'invitation' | 'invitationToken' | 'export' | 'sessionHandle' | 'subscription' | 'confirmToken' | 'unsubscribeToken' | 'follow'
  | 'alertToken' | 'contactField' | 'docVersion' | 'docKind' | 'document' | 'grant' | 'wijkbeheerderGrant' | 'theme' | 'support'
  | 'archive' | 'breach' | 'complaint' | 'activity' | 'processor' | 'newsletter' | 'sentNewsletter' | 'batch' | 'importedItem'
  | 'broadcast' | 'link' | 'participant' | 'assistedItem' | 'staticFile' | 'logoFile' | 'coverFile' | 'outboxMail' | 'hiddenItem' | 'prikbordItem'
  | 'assistType' | 'cancelTarget' | 'roleInvitation' | 'roleInvitationToken' | 'passkey' | 'partner' | 'partnerKey'
  | 'widgetPartner' | 'widget' | 'package' | 'invoice' | 'packageSlug' | 'application' | 'packageSubscription' | 'mandate' | 'ownInvoice' | 'invoiceFormat' | 'debitRun'

/** Kinds that a request cannot use up: the same value serves every request. */
const STABLE = new Set<Kind>(['packageSlug', 'assistType', 'wijkId', 'wijkSlug', 'cityId', 'module', 'feed', 'contactField', 'docVersion', 'docKind', 'staticFile', 'logoFile', 'coverFile', 'outboxMail', 'alertToken'])

export interface World {
  t: TestPlatform
  users: Record<Exclude<RoleName, 'visitor'>, BuiltUser>
  wijk: Record<Side, { id: number; slug: string; cityId: number }>
  /**
   * A value for a kind on a side. Without a memo: the shared instance. With a memo (one per
   * request): new instances, where resources a route names together belong together (an image of
   * the route's item).
   */
  value(kind: Kind, side: Side, memo?: Memo): Promise<string>
  /** A client acting as the role, with a session of its own and the CSRF token of that session. */
  client(role: RoleName): Promise<TestClient>
}

const ACTIVITY_START = 3 * DAY

export async function buildWorld(t: TestPlatform): Promise<World> {
  const { db, clock, files } = t.deps
  const now = clock.now()
  const A = await buildWijk(t)
  const B = await buildWijk(t)
  const wijk = { A, B }
  // The ambassadeur fee, so /ambassadeur-worden shows its form and reads what is sent.
  await db
    .insert(packages)
    .values({ slug: 'matrix-bijdrage', nameNl: 'Matrixbijdrage', nameEn: 'Matrix fee', descriptionNl: 'Voor de matrix', descriptionEn: 'For the matrix', priceCents: 9_000, period: 'jaar', ambassadeurFee: true, createdAt: now, updatedAt: now })
  const users = {
    user: await buildUser(t, { homeWijkId: A.id, firstName: 'Gewone' }),
    owner: await buildUser(t, { homeWijkId: A.id, firstName: 'Eigenaar' }),
    coManager: await buildUser(t, { homeWijkId: A.id, firstName: 'Mede' }),
    wijkbeheerderA: await buildUser(t, { role: 'wijkbeheerder', wijkId: A.id }),
    wijkbeheerderB: await buildUser(t, { role: 'wijkbeheerder', wijkId: B.id }),
    ambassadeurA: await buildUser(t, { role: 'ambassadeur', wijkId: A.id }),
    admin: await buildUser(t, { role: 'admin' }),
  }
  for (const w of [A, B]) await ensureDefaultThemes(db, w.id)

  const sideOf = (side: Side) => wijk[side]
  let n = 0
  const uniq = () => `${++n}-${randomToken().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`

  async function item(side: Side, values: Partial<typeof contentItems.$inferInsert> = {}): Promise<{ id: number; slug: string }> {
    const start = new Date(now.getTime() + ACTIVITY_START)
    const built = await buildItem(t, {
      wijkId: sideOf(side).id,
      type: 'activity',
      title: `Activiteit ${side} ${uniq()}`,
      ownerId: users.owner.id,
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR),
      locationText: 'Buurthuis',
      contactEmail: 'contact@example.test',
      ...values,
    })
    await rebuildOccurrences(db, built.id, now)
    if (values.ownerId === undefined) await db.insert(contentManagers).values({ contentId: built.id, userId: users.coManager.id, addedAt: now })
    return built
  }

  async function pathOf(id: number): Promise<string> {
    const [row] = await db.select({ slug: contentItems.slug }).from(contentItems).where(eq(contentItems.id, id))
    return `${id}-${row!.slug}`
  }

  async function image(contentId: number): Promise<{ id: number; file: string }> {
    const { default: sharp } = await import('sharp')
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: n % 255, g: 120, b: 80 } } }).png().toBuffer()
    n++
    const processed = await processImage(new File([new Uint8Array(png)], 'foto.png', { type: 'image/png' }))
    if (!processed.ok) throw new Error(`image: ${processed.error}`)
    const img = processed.image
    for (const f of img.files) await files.put(`${img.key}-${f.width}.webp`, f.data)
    const [row] = await db
      .insert(contentImages)
      .values({ contentId, position: 0, fileKey: img.key, widths: img.files.map((f) => f.width), width: img.width, height: img.height, alt: 'Foto', createdAt: now })
      .returning({ id: contentImages.id })
    return { id: row!.id, file: `${img.key.replace(/^content\//, '')}-${img.files[0]!.width}.webp` }
  }

  async function invitation(contentId: number): Promise<{ id: number; token: string }> {
    const token = randomToken()
    const [row] = await db
      .insert(contentInvitations)
      .values({ tokenHash: hashToken(token), contentId, email: users.user.email, invitedBy: users.owner.id, createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY) })
      .returning({ id: contentInvitations.id })
    return { id: row!.id, token }
  }

  /**
   * A wijkbeheerder invitation. The one whose token is used goes to the plain user's address and
   * is for a wijk of its own: accepting it (the POST as that user) must not make them a member of
   * wijk A's or B's team for the requests that follow.
   */
  async function roleInvitation(wijkId: number, email: string): Promise<{ id: number; token: string }> {
    const token = randomToken()
    const [row] = await db
      .insert(roleInvitations)
      .values({ tokenHash: hashToken(token), email, role: 'wijkbeheerder', wijkId, invitedBy: users.ambassadeurA.id, createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY) })
      .returning({ id: roleInvitations.id })
    return { id: row!.id, token }
  }

  async function subscription(side: Side, status: 'pending' | 'confirmed'): Promise<{ id: number; token: string }> {
    const token = randomToken()
    const [row] = await db
      .insert(newsletterSubscriptions)
      .values(
        status === 'confirmed'
          ? { wijkId: sideOf(side).id, userId: users.owner.id, status, tokenHash: hashToken(token), createdAt: now, confirmedAt: now }
          : { wijkId: sideOf(side).id, email: `lezer-${uniq()}@example.test`, firstName: 'Lezer', status, tokenHash: hashToken(token), createdAt: now },
      )
      .onConflictDoUpdate({ target: [newsletterSubscriptions.wijkId, newsletterSubscriptions.userId], set: { tokenHash: hashToken(token), status } })
      .returning({ id: newsletterSubscriptions.id })
    return { id: row!.id, token }
  }

  async function newsletter(side: Side, sent: boolean): Promise<number> {
    const [row] = await db
      .insert(newsletters)
      .values({
        wijkId: sideOf(side).id,
        subject: `Nieuwsbrief ${side} ${uniq()}`,
        body: 'Hallo buurt',
        blocks: { activities: true, prikbord: true, news: true },
        periodFrom: new Date(now.getTime() - 30 * DAY),
        periodTo: now,
        createdBy: users.wijkbeheerderA.id,
        createdAt: now,
        updatedAt: now,
        ...(sent ? { status: 'sent' as const, sentAt: now, sentBy: users.admin.id, archivedHtml: '<p>Hallo buurt</p>', archivedText: 'Hallo buurt' } : {}),
      })
      .returning({ id: newsletters.id })
    return row!.id
  }

  async function archive(): Promise<string> {
    const gone = await buildUser(t, { firstName: 'Vertrokken' })
    const cancelled = await cancelAccount(t.deps, gone.id, { kind: 'self' })
    if (!cancelled.ok) throw new Error('cancel failed')
    await eraseAccount(t.deps, gone.id)
    const [row] = await db.select({ id: accountArchives.id }).from(accountArchives).where(eq(accountArchives.originalUserId, gone.id))
    return row!.id
  }

  async function wijkId(side: Side) {
    return String(sideOf(side).id)
  }

  const [privacy] = await db.select().from(legalDocuments).where(eq(legalDocuments.kind, 'privacy')).orderBy(legalDocuments.version)
  const home = await t.client().get('/')
  const staticFile = /\/static\/([^"?#]+)/.exec(home.body)?.[1]
  if (!staticFile) throw new Error('no static asset on the home page')
  const logoName = `${'ab'.repeat(16)}.webp`
  await files.put(`logos/${logoName}`, Buffer.from('RIFF0000WEBP'))
  await db.update(wijken).set({ logoPath: `logos/${logoName}` }).where(eq(wijken.id, A.id))
  const coverName = `${'cd'.repeat(32)}-400.webp`
  await files.put(`covers/${coverName}`, Buffer.from('RIFF0000WEBP'))
  // A cover is served while a wijk shows it (an unlaunched wijk's only to its team).
  await db.update(wijken).set({ coverKey: `covers/${'cd'.repeat(32)}`, coverWidths: [400], coverWidth: 400, coverHeight: 160, coverAlt: 'Omslag' }).where(eq(wijken.id, A.id))
  const [mail] = await db
    .insert(outbox)
    .values({ key: 'matrix-mail', toAddress: 'iemand@example.test', subject: 'Test', textBody: 'Hallo', template: 'test', createdAt: now })
    .returning({ id: outbox.id })
  const alertToken = randomToken()
  await db.insert(alertSettings).values({ userId: users.owner.id, frequency: 'weekly', lastSentAt: now, unsubscribeTokenHash: hashToken(alertToken), updatedAt: now })

  const builders: Record<Kind, (side: Side, memo: Memo) => Promise<string>> = {
    wijkId,
    wijkSlug: async (side) => sideOf(side).slug,
    cityId: async (side) => String(sideOf(side).cityId),
    module: async () => 'agenda',
    feed: async () => 'agenda.rss',
    contactField: async () => 'email',
    docVersion: async () => String(privacy!.version),
    docKind: async () => 'privacy',
    staticFile: async () => staticFile,
    logoFile: async () => logoName,
    coverFile: async () => coverName,
    outboxMail: async () => String(mail!.id),
    alertToken: async () => alertToken,
    item: async (side) => String((await item(side)).id),
    itemId: async (side, memo) => get('item', side, memo),
    itemPath: async (side, memo) => pathOf(Number(await get('item', side, memo))),
    itemIcs: async (side, memo) => `${await get('item', side, memo)}.ics`,
    hiddenItem: async (side) => String((await item(side, { status: 'hidden', hiddenReason: 'Onvolledig', hiddenBy: users.wijkbeheerderA.id, hiddenAt: now })).id),
    prikbordItem: async (side) =>
      String((await item(side, { type: 'request', category: 'overig', expiresAt: new Date(now.getTime() + 5 * DAY), startsAt: null, endsAt: null, locationText: null })).id),
    assistType: async () => 'activity',
    cancelTarget: async () => (await buildUser(t, { firstName: 'Opzegger' })).id,
    image: async (side, memo) => String((await image(Number(await get('item', side, memo)))).id),
    imageFile: async (side, memo) => (await image(Number(await get('item', side, memo)))).file,
    coManagerId: async () => users.coManager.id,
    invitation: async (side, memo) => String((await invitation(Number(await get('item', side, memo)))).id),
    invitationToken: async (side, memo) => (await invitation(Number(await get('item', side, memo)))).token,
    export: async () => {
      const [row] = await db.insert(dataExports).values({ userId: users.owner.id, status: 'queued', requestedAt: now, expiresAt: new Date(now.getTime() + DAY) }).returning({ id: dataExports.id })
      return row!.id
    },
    sessionHandle: async () => {
      const s = await createSession(db, users.owner.id, 'Firefox op Linux', now)
      const [row] = await db.select({ handle: sessions.handle }).from(sessions).where(eq(sessions.tokenHash, s.sessionId))
      return row!.handle
    },
    passkey: async () => {
      const [row] = await db.insert(passkeys).values({ userId: users.owner.id, credentialId: `cred-${uniq()}`, publicKey: 'key', name: 'Telefoon', createdAt: now }).returning({ id: passkeys.id })
      return String(row!.id)
    },
    subscription: async (side) => String((await subscription(side, 'confirmed')).id),
    confirmToken: async (side) => (await subscription(side, 'pending')).token,
    unsubscribeToken: async (side) => (await subscription(side, 'confirmed')).token,
    follow: async (side) => {
      const [row] = await db.insert(alertFollows).values({ userId: users.owner.id, wijkId: sideOf(side).id, kind: 'module', value: `agenda-${uniq()}`, createdAt: now }).returning({ id: alertFollows.id })
      return String(row!.id)
    },
    document: async () => {
      const versions = await db.select({ version: legalDocuments.version }).from(legalDocuments).where(eq(legalDocuments.kind, 'terms'))
      const next = Math.max(0, ...versions.map((v) => v.version)) + 1
      const [row] = await db.insert(legalDocuments).values({ kind: 'terms', version: next, bodyNl: 'Concept', bodyEn: 'Draft', createdAt: now, updatedAt: now }).returning({ id: legalDocuments.id })
      return String(row!.id)
    },
    grant: async (side) => {
      const someone = await buildUser(t, { role: 'wijkbeheerder', wijkId: sideOf(side).id })
      const [row] = await db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.userId, someone.id))
      return String(row!.id)
    },
    wijkbeheerderGrant: async (side, memo) => builders.grant(side, memo),
    roleInvitation: async (side) => String((await roleInvitation(sideOf(side).id, `genodigde-${uniq()}@example.test`)).id),
    roleInvitationToken: async () => (await roleInvitation((await buildWijk(t)).id, users.user.email.toLowerCase())).token,
    theme: async (side) => {
      const slug = `thema-${uniq()}`
      const [row] = await db.insert(wijkThemes).values({ wijkId: sideOf(side).id, slug, nameNl: slug, nameEn: slug, position: 99 }).returning({ id: wijkThemes.id })
      return String(row!.id)
    },
    support: async (side) => {
      const it = await item(side)
      const [row] = await db
        .insert(supportRequests)
        .values({ kind: 'content-problem', userId: users.user.id, wijkId: sideOf(side).id, contentItemId: it.id, message: 'Klopt niet', createdAt: now })
        .returning({ id: supportRequests.id })
      return String(row!.id)
    },
    archive,
    breach: async () => {
      const [row] = await db
        .insert(breaches)
        .values({ title: `Lek ${uniq()}`, discoveredAt: now, whatHappened: 'Mail verkeerd verstuurd', dataKinds: 'namen', peopleKinds: 'bewoners', createdAt: now, updatedAt: now })
        .returning({ id: breaches.id })
      return String(row!.id)
    },
    complaint: async () => {
      const [row] = await db
        .insert(complaints)
        .values({ reference: `K-2026-${uniq()}`, name: 'Klager', email: 'klager@example.test', body: 'Klacht', createdAt: now, updatedAt: now })
        .returning({ id: complaints.id })
      return String(row!.id)
    },
    activity: async () => {
      const [row] = await db
        .insert(processingActivities)
        .values({ nameNl: 'Test', nameEn: 'Test', purposeNl: 'p', purposeEn: 'p', dataNl: 'd', dataEn: 'd', subjectsNl: 's', subjectsEn: 's', legalBasis: 'consent', retentionNl: 'r', retentionEn: 'r', updatedAt: now } as typeof processingActivities.$inferInsert)
        .returning({ id: processingActivities.id })
      return String(row!.id)
    },
    processor: async () => {
      const [row] = await db
        .insert(processors)
        .values({ name: `Verwerker ${uniq()}`, serviceNl: 's', serviceEn: 's', location: 'NL', updatedAt: now } as typeof processors.$inferInsert)
        .returning({ id: processors.id })
      return String(row!.id)
    },
    newsletter: async (side) => String(await newsletter(side, false)),
    sentNewsletter: async (side) => String(await newsletter(side, true)),
    batch: async (side) => {
      const [row] = await db
        .insert(importBatches)
        .values({ wijkId: sideOf(side).id, createdBy: users.wijkbeheerderA.id, fileName: 'organisaties.csv', format: 'csv', kind: 'organisation', headers: ['Naam'], rows: [['Buurthuis']], mapping: { title: 0 }, status: 'checked', createdAt: now })
        .returning({ id: importBatches.id })
      return row!.id
    },
    importedItem: async (side) => String((await item(side, { type: 'organisation', ownerId: null, startsAt: null, endsAt: null })).id),
    broadcast: async (side) => {
      const [row] = await db
        .insert(broadcasts)
        .values({ wijkId: sideOf(side).id, subject: 'Wie helpt?', body: 'Deze week', createdAt: now } as typeof broadcasts.$inferInsert)
        .returning({ id: broadcasts.id })
      return String(row!.id)
    },
    link: async (side) => {
      const [row] = await db.insert(wijkLinks).values({ wijkId: sideOf(side).id, title: 'Buurtsite', url: 'https://buurt.example' } as typeof wijkLinks.$inferInsert).returning({ id: wijkLinks.id })
      return String(row!.id)
    },
    participant: async (side) => {
      const [row] = await db
        .insert(offlineParticipants)
        .values({ wijkId: sideOf(side).id, name: 'Mevrouw Jansen', paperConsentOn: '2026-03-01', createdAt: now, updatedAt: now })
        .returning({ id: offlineParticipants.id })
      return String(row!.id)
    },
    /** A partner whose scope is the side's wijk: an ambassadeur of A may read A's, not B's. */
    partner: async (side) => {
      const [row] = await db
        .insert(partners)
        .values({ name: `Partner ${side} ${uniq()}`, contactName: 'Contact', contactEmail: 'partner@example.test', purposeNl: 'Agenda tonen', purposeEn: 'Show agenda', contentTypes: ['activity'], startsOn: '2026-01-01', createdAt: now, updatedAt: now })
        .returning({ id: partners.id })
      await db.insert(partnerScope).values({ partnerId: row!.id, wijkId: sideOf(side).id })
      return String(row!.id)
    },
    /** Packages belong to no wijk: either side's is the platform's. */
    package: async () => {
      const [row] = await db
        .insert(packages)
        .values({ slug: `pakket-${uniq()}`, nameNl: 'Wijkpartner', nameEn: 'Neighbourhood partner', descriptionNl: 'Uitgelicht', descriptionEn: 'Featured', priceCents: 12_000, period: 'jaar', createdAt: now, updatedAt: now })
        .returning({ id: packages.id })
      return String(row!.id)
    },
    /** The package on offer that every apply form is for; an application of the owner for it. */
    packageSlug: async () => (await packageRow()).slug,
    application: async () => String(await buildApplication(t, { userId: users.owner.id, packageId: (await packageRow()).id })),
    packageSubscription: async () => String((await buildSubscription(t, { userId: users.owner.id, packageId: (await packageRow()).id, adminId: users.admin.id })).subscriptionId),
    mandate: async () => String((await buildSubscription(t, { userId: users.owner.id, packageId: (await packageRow()).id, adminId: users.admin.id })).mandateId),
    /** The ledger belongs to no wijk: either side's invoice is the platform's. */
    invoice: async () => {
      return String((await issueToLedger(db, invoiceDraft(), now)).id)
    },
    /** Issued to the owner: their own invoice in Mijn pakket. */
    ownInvoice: async () => String((await issueToLedger(db, invoiceDraft({ accountId: users.owner.id }), now)).id),
    invoiceFormat: async () => 'pdf',
    /** A direct debit run is the platform's, like the ledger it collects for. */
    debitRun: async () => String(await buildDebitRun(t, { userId: users.owner.id, packageId: (await packageRow()).id, adminId: users.admin.id })),
    partnerKey: async (side, memo) => String((await issueKey(db, Number(await get('partner', side, memo)), 'matrix', users.admin.id, now)).id),
    widgetPartner: async (side) => String((await buildPartner(t, { wijkIds: [sideOf(side).id], origins: ['https://partner.example'] })).id),
    widget: async (side, memo) => {
      const partnerId = Number(await get('widgetPartner', side, memo))
      const [row] = await db
        .insert(partnerWidgets)
        .values({ partnerId, module: 'agenda', wijkId: sideOf(side).id, itemCount: 5, lang: 'nl', label: `Widget ${uniq()}`, createdAt: now, updatedAt: now })
        .returning({ id: partnerWidgets.id })
      return row!.id
    },
    assistedItem: async (side, memo) => {
      const pid = Number(await get('participant', side, memo))
      return String((await item(side, { type: 'organisation', ownerId: null, offlineParticipantId: pid, startsAt: null, endsAt: null })).id)
    },
  }

  let offered: { id: number; slug: string } | undefined
  async function packageRow(): Promise<{ id: number; slug: string }> {
    offered ??= (
      await db
        .insert(packages)
        .values({ slug: 'matrix-pakket', nameNl: 'Matrixpakket', nameEn: 'Matrix package', descriptionNl: 'Voor de matrix', descriptionEn: 'For the matrix', priceCents: 5_000, period: 'maand', createdAt: now, updatedAt: now })
        .returning({ id: packages.id, slug: packages.slug })
    )[0]!
    return offered
  }

  /** The shared instances, per side; GET requests use these. */
  const shared: Record<Side, Memo> = { A: new Map(), B: new Map() }
  async function get(kind: Kind, side: Side, memo: Memo): Promise<string> {
    const into = STABLE.has(kind) ? shared[side] : memo
    if (!into.has(kind)) into.set(kind, await builders[kind](side, memo))
    return into.get(kind)!
  }
  const value: World['value'] = (kind, side, memo) => get(kind, side, memo ?? shared[side])

  async function client(role: RoleName): Promise<TestClient> {
    const c = t.client()
    if (role === 'visitor') {
      c.csrf = visitorToken(t.config.sessionSecret, clock.now())
      return c
    }
    const s = await createSession(db, users[role].id, 'Matrix', clock.now())
    c.cookies.set(sessionCookieName(t.config.isProduction), s.token)
    c.csrf = s.csrfToken
    return c
  }

  return { t, users, wijk, value, client }
}

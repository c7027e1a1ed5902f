/**
 * Builds "Download mijn gegevens" (P23): gegevens.json in the documented format (export.schema.ts),
 * overzicht.html to read it, and the images of the user's own content, in one ZIP. Run by the
 * job in my-data.jobs.ts; progress is written to the data_exports row as it goes.
 */
import { zipSync, strToU8, type Zippable } from 'fflate'
import { eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { pendingEmailChange } from '../accounts/accounts.queries.js'
import { listConsents } from '../documents/documents.queries.js'
import { itemPath } from '../content/content.urls.js'
import { dataExports } from './my-data.tables.js'
import {
  listAccessLog,
  listImagesOf,
  listMyComplaints,
  listMyContent,
  listMyNewsletters,
  listMyRoles,
  listMySessions,
  listMySupportRequests,
  loadAccountDetails,
  type MyContentRow,
} from './my-data.queries.js'
import { describeAction } from './my-data.access.js'
import { myAlerts } from '../alerts/alerts.privacy.js'
import { EXPORT_SCHEMA_VERSION, exportSchema, type DataExport } from './export.schema.js'
import { renderSummary } from './my-data.summary.js'
import { secondFactorFacts } from '../two-factor/two-factor.privacy.js'

/** The whole access log goes into the export; this only guards against a runaway table. */
const MAX_ACCESS_ENTRIES = 100_000

const iso = (d: Date) => d.toISOString()
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)

export function isPubliclyVisible(item: Pick<MyContentRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return item.status === 'published' && (item.expiresAt === null || item.expiresAt > now)
}

/** Where an image is stored in the ZIP. */
const imagePath = (contentId: number, imageId: number) => `afbeeldingen/${contentId}-${imageId}.webp`

export interface CollectedExport {
  data: DataExport
  lang: Lang
  /** Images of the user's own items: the stored file to read and where it goes in the ZIP. */
  images: Array<{ storeKey: string; zipPath: string }>
}

/** Everything the platform holds about the user, shaped (and checked) as gegevens.json. */
export async function collectExport(deps: Pick<Deps, 'db' | 'config'>, userId: string, now: Date): Promise<CollectedExport | null> {
  const { db, config } = deps
  const account = await loadAccountDetails(db, userId)
  if (!account) return null
  const t = translator(account.lang)
  const [pendingEmail, roles, consents, newsletters, alerts, sessions, content, access, support, complaints, secondFactor] = await Promise.all([
    pendingEmailChange(db, userId, now),
    listMyRoles(db, userId),
    listConsents(db, userId),
    listMyNewsletters(db, { id: userId, email: account.email }),
    myAlerts(db, userId, t, account.lang),
    listMySessions(db, userId, null, now),
    listMyContent(db, userId),
    listAccessLog(db, userId, MAX_ACCESS_ENTRIES),
    listMySupportRequests(db, userId),
    listMyComplaints(db, userId),
    secondFactorFacts(db, userId),
  ])
  // Images only of content the user placed: a co-managed item's pictures are its owner's.
  const owned = content.filter((c) => c.isOwner)
  const images = await listImagesOf(db, owned.map((c) => c.id))
  const zipped: CollectedExport['images'] = []
  const imagesByItem = new Map<number, DataExport['content'][number]['images']>()
  for (const image of images) {
    const largest = Math.max(...image.widths)
    const zipPath = imagePath(image.contentId, image.id)
    if (Number.isFinite(largest)) zipped.push({ storeKey: `${image.fileKey}-${largest}.webp`, zipPath })
    const list = imagesByItem.get(image.contentId) ?? []
    list.push({ file: Number.isFinite(largest) ? zipPath : null, alt: image.alt, width: image.width, height: image.height })
    imagesByItem.set(image.contentId, list)
  }

  const data: DataExport = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: iso(now),
    platform: { name: config.operator.name, url: config.publicBaseUrl },
    account: {
      id: account.id,
      email: account.email,
      emailVerifiedAt: isoOrNull(account.emailVerifiedAt),
      pendingEmail,
      firstName: account.firstName,
      lastName: account.lastName,
      homeWijk: account.homeWijkId !== null && account.homeWijkName ? { id: account.homeWijkId, name: account.homeWijkName, city: account.homeCityName ?? '' } : null,
      language: account.lang,
      createdAt: iso(account.createdAt),
      updatedAt: iso(account.updatedAt),
      lastLoginAt: isoOrNull(account.lastLoginAt),
    },
    roles: roles.map((r) => ({
      role: r.role,
      wijk: r.wijkId !== null && r.wijkName ? { id: r.wijkId, name: r.wijkName, city: r.cityName ?? '' } : null,
      since: iso(r.since),
    })),
    consents: consents.map((c) => ({ document: c.kind, version: c.version, givenAt: iso(c.givenAt), channel: c.channel })),
    newsletterSubscriptions: newsletters.map((n) => ({
      wijk: { id: n.wijkId, name: n.wijkName, city: n.cityName },
      status: n.status,
      viaAccount: n.viaAccount,
      // With the account, mails follow the account's language; without, the one stored at sign-up.
      language: n.viaAccount ? account.lang : n.lang,
      subscribedAt: iso(n.createdAt),
      confirmedAt: isoOrNull(n.confirmedAt),
    })),
    alerts: {
      frequency: alerts.frequency,
      lastSentAt: isoOrNull(alerts.lastSentAt),
      follows: alerts.follows.map((f) => ({
        wijk: { id: f.wijkId, name: f.wijkName, city: f.cityName },
        kind: f.kind,
        value: f.value,
        label: f.label,
        since: iso(f.createdAt),
      })),
    },
    sessions: sessions.map((s) => ({ device: s.device, createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt) })),
    // The facts only: never the app's secret, a recovery code or a passkey's key.
    secondFactor: {
      authenticatorApp: secondFactor.app ? { enabledAt: iso(secondFactor.app.enabledAt), lastUsedAt: isoOrNull(secondFactor.app.lastUsedAt) } : null,
      passkeys: secondFactor.passkeys.map((k) => ({ name: k.name, createdAt: iso(k.createdAt), lastUsedAt: isoOrNull(k.lastUsedAt) })),
      recoveryCodes: { ...secondFactor.recoveryCodes, createdAt: isoOrNull(secondFactor.recoveryCodes.createdAt) },
    },
    content: content.map((c) => {
      const isPublic = isPubliclyVisible(c, now)
      return {
        id: c.id,
        relation: c.isOwner ? ('owner' as const) : ('co-manager' as const),
        type: c.type,
        status: c.status,
        isPublic,
        publicUrl: isPublic ? `${config.publicBaseUrl}${itemPath(c.wijkSlug, c)}` : null,
        wijk: { id: c.wijkId, name: c.wijkName, city: c.cityName },
        title: c.title,
        summary: c.summary,
        body: c.body,
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
        publishedAt: isoOrNull(c.publishedAt),
        expiresAt: isoOrNull(c.expiresAt),
        contact: {
          name: { value: c.contactName, public: c.contactNamePublic },
          email: { value: c.contactEmail, public: c.contactEmailPublic },
          phone: { value: c.contactPhone, public: c.contactPhonePublic },
          address: { value: c.contactAddress, public: c.contactAddressPublic },
        },
        details: {
          startsAt: isoOrNull(c.startsAt),
          endsAt: isoOrNull(c.endsAt),
          allDay: c.allDay,
          recurrence: c.recurrence,
          locationText: c.locationText,
          costCents: c.costCents,
          joinInfo: c.joinInfo,
          offers: c.offers,
          openingHours: c.openingHours,
          website: c.website,
          category: c.category,
          priceCents: c.priceCents,
        },
        images: imagesByItem.get(c.id) ?? [],
      }
    }),
    accessLog: access.entries.map((e) => ({
      at: iso(e.at),
      action: e.action,
      description: describeAction(t, account.lang, e),
      actor: { firstName: e.actorFirstName, roles: e.actorRoles.map((r) => ({ role: r.role, wijk: r.wijkName })) },
    })),
    supportRequests: support.map((s) => ({
      id: s.id,
      kind: s.kind,
      status: s.status,
      message: s.message,
      answer: s.answer,
      wijk: s.wijkName,
      contentId: s.contentItemId,
      createdAt: iso(s.createdAt),
      closedAt: isoOrNull(s.closedAt),
    })),
    complaints: complaints.map((c) => ({ ...c, createdAt: iso(c.createdAt), answeredAt: isoOrNull(c.answeredAt) })),
  }
  // The documented format is checked on the way out: a drift between code and schema fails the job, loudly.
  return { data: exportSchema.parse(data), lang: account.lang, images: zipped }
}

async function setProgress(deps: Pick<Deps, 'db'>, exportId: string, progress: number): Promise<void> {
  await deps.db.update(dataExports).set({ progress }).where(eq(dataExports.id, exportId))
}

/**
 * Makes the ZIP for one export row and stores it. Idempotent: a row that is ready, expired or
 * gone is left alone, so a retried job does no harm.
 */
export async function buildExport(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'files' | 'log'>, exportId: string): Promise<void> {
  const { db, clock, files, log } = deps
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId)).limit(1)
  if (!row || row.status === 'ready' || row.expiresAt <= clock.now()) return
  await db.update(dataExports).set({ status: 'running', progress: 5 }).where(eq(dataExports.id, exportId))

  const collected = await collectExport(deps, row.userId, clock.now())
  if (!collected) return
  await setProgress(deps, exportId, 30)

  const entries: Zippable = {
    'gegevens.json': strToU8(JSON.stringify(collected.data, null, 2)),
    'overzicht.html': strToU8(renderSummary(collected.data, collected.lang)),
  }
  await setProgress(deps, exportId, 40)
  const total = collected.images.length
  for (const [i, image] of collected.images.entries()) {
    const bytes = await files.get(image.storeKey)
    // WebP is compressed already: stored as is (level 0) rather than deflated again.
    if (bytes) entries[image.zipPath] = [new Uint8Array(bytes), { level: 0 }]
    else log.warn({ exportId, event: 'my-data.export.image-missing' }, 'image file missing from the store')
    if (i % 5 === 4 || i === total - 1) await setProgress(deps, exportId, 40 + Math.round((50 * (i + 1)) / total))
  }

  const zip = zipSync(entries, { level: 6, mtime: clock.now() })
  const fileKey = `exports/${exportId}.zip`
  await files.put(fileKey, Buffer.from(zip))
  const done = await db
    .update(dataExports)
    .set({ status: 'ready', progress: 100, fileKey, sizeBytes: zip.length, readyAt: clock.now() })
    .where(eq(dataExports.id, exportId))
    .returning({ id: dataExports.id })
  // The row went away while the file was being made (retention or a cancelled account): no orphan file.
  if (done.length === 0) await files.delete(fileKey)
  log.info({ exportId, event: 'my-data.export.ready', bytes: zip.length, images: total }, 'data export ready')
}

export async function markExportFailed(deps: Pick<Deps, 'db'>, exportId: string): Promise<void> {
  await deps.db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.id, exportId))
}

/**
 * The format of gegevens.json in "Download mijn gegevens" (P23): defined once, here. It is a
 * public contract for anyone who reads their export with a program, documented field by field in
 * docs/export-format.md (a test fails when a field is missing there). Never rename or remove a
 * field within a schema version: add fields, or raise schemaVersion and say what changed.
 */
import { z } from 'zod'
import { CONSENT_KINDS } from '../documents/documents.tables.js'

export const EXPORT_SCHEMA_VERSION = 1

const dateTime = z.iso.datetime({ offset: true })
const day = z.iso.date()
const role = z.enum(['admin', 'ambassadeur', 'wijkbeheerder'])
const wijkRef = z.object({ id: z.number().int(), name: z.string(), city: z.string() })
const contactField = z.object({ value: z.string().nullable(), public: z.boolean() })
const payment = z.enum(['transfer', 'direct-debit'])
const packageRef = z.object({ id: z.number().int(), name: z.string() })
/** Packages (billing): the organisations' details, applications, subscriptions and mandates. */
const billingSection = z.object({
  customers: z.array(
    z.object({
      id: z.number().int(),
      organisationName: z.string(),
      kvkNumber: z.string().nullable(),
      vatNumber: z.string().nullable(),
      street: z.string(),
      houseNumber: z.string(),
      postalCode: z.string(),
      place: z.string(),
      country: z.string(),
      billingEmail: z.string(),
      contactName: z.string(),
      createdAt: dateTime,
    }),
  ),
  applications: z.array(
    z.object({
      id: z.number().int(),
      customerId: z.number().int(),
      kind: z.enum(['package', 'ambassadeur']),
      package: packageRef,
      wijk: z.object({ name: z.string(), city: z.string(), postcodes: z.array(z.string()), motivation: z.string() }).nullable(),
      status: z.enum(['pending', 'approved', 'declined']),
      paymentMethod: payment,
      agreementVersion: z.number().int(),
      acceptedAt: dateTime,
      signerName: z.string(),
      createdAt: dateTime,
      decidedAt: dateTime.nullable(),
      declineReason: z.string().nullable(),
    }),
  ),
  subscriptions: z.array(
    z.object({
      id: z.number().int(),
      customerId: z.number().int(),
      package: packageRef,
      status: z.enum(['active', 'ending', 'ended']),
      startedOn: day,
      currentPeriodStart: day,
      currentPeriodEnd: day,
      cancelAtPeriodEnd: z.boolean(),
      paymentMethod: payment,
      endedOn: day.nullable(),
    }),
  ),
  mandates: z.array(
    z.object({
      reference: z.string(),
      customerId: z.number().int(),
      scheme: z.enum(['CORE', 'B2B']),
      signedOn: day,
      signedPlace: z.string(),
      signerName: z.string(),
      iban: z.string().nullable(),
      accountHolderName: z.string(),
      status: z.enum(['pending', 'active', 'ended']),
      lastCollectionAt: dateTime.nullable(),
      endedAt: dateTime.nullable(),
    }),
  ),
})

export const exportSchema = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  exportedAt: dateTime,
  platform: z.object({ name: z.string(), url: z.string() }),
  account: z.object({
    id: z.string(),
    email: z.string(),
    emailVerifiedAt: dateTime.nullable(),
    pendingEmail: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    homeWijk: wijkRef.nullable(),
    language: z.enum(['nl', 'en']),
    createdAt: dateTime,
    updatedAt: dateTime,
    lastLoginAt: dateTime.nullable(),
  }),
  roles: z.array(z.object({ role, wijk: wijkRef.nullable(), since: dateTime })),
  consents: z.array(
    z.object({
      document: z.enum(CONSENT_KINDS),
      version: z.number().int(),
      givenAt: dateTime,
      channel: z.enum(['signup', 'renewal', 'paper']),
    }),
  ),
  newsletterSubscriptions: z.array(
    z.object({
      wijk: wijkRef,
      status: z.enum(['pending', 'confirmed']),
      viaAccount: z.boolean(),
      language: z.enum(['nl', 'en']),
      subscribedAt: dateTime,
      confirmedAt: dateTime.nullable(),
    }),
  ),
  alerts: z.object({
    frequency: z.enum(['immediate', 'daily', 'weekly', 'never']).nullable(),
    lastSentAt: dateTime.nullable(),
    follows: z.array(
      z.object({
        wijk: wijkRef,
        kind: z.enum(['module', 'theme', 'category']),
        value: z.string(),
        label: z.string(),
        since: dateTime,
      }),
    ),
  }),
  sessions: z.array(z.object({ device: z.string(), createdAt: dateTime, lastUsedAt: dateTime, expiresAt: dateTime })),
  secondFactor: z.object({
    authenticatorApp: z.object({ enabledAt: dateTime, lastUsedAt: dateTime.nullable() }).nullable(),
    passkeys: z.array(z.object({ name: z.string(), createdAt: dateTime, lastUsedAt: dateTime.nullable() })),
    recoveryCodes: z.object({ total: z.number().int(), unused: z.number().int(), createdAt: dateTime.nullable() }),
  }),
  content: z.array(
    z.object({
      id: z.number().int(),
      relation: z.enum(['owner', 'co-manager']),
      type: z.enum(['activity', 'organisation', 'request', 'offer', 'news', 'showcase']),
      status: z.enum(['draft', 'published', 'hidden']),
      isPublic: z.boolean(),
      publicUrl: z.string().nullable(),
      wijk: wijkRef,
      title: z.string(),
      summary: z.string(),
      body: z.string(),
      createdAt: dateTime,
      updatedAt: dateTime,
      publishedAt: dateTime.nullable(),
      expiresAt: dateTime.nullable(),
      contact: z.object({ name: contactField, email: contactField, phone: contactField, address: contactField }),
      details: z.object({
        startsAt: dateTime.nullable(),
        endsAt: dateTime.nullable(),
        allDay: z.boolean(),
        recurrence: z
          .object({
            kind: z.enum(['weekly', 'biweekly', 'monthly-weekday']),
            until: z.string().nullable(),
            exceptions: z.array(z.string()),
            moves: z.array(z.object({ date: z.string(), to: z.string(), time: z.string().nullable(), endTime: z.string().nullable() })).optional(),
          })
          .nullable(),
        locationText: z.string().nullable(),
        costCents: z.number().int().nullable(),
        joinInfo: z.string().nullable(),
        offers: z.string().nullable(),
        openingHours: z.string().nullable(),
        website: z.string().nullable(),
        category: z.string().nullable(),
        priceCents: z.number().int().nullable(),
      }),
      images: z.array(z.object({ file: z.string().nullable(), alt: z.string(), width: z.number().int(), height: z.number().int() })),
    }),
  ),
  accessLog: z.array(
    z.object({
      at: dateTime,
      action: z.string(),
      description: z.string(),
      actor: z.object({ firstName: z.string().nullable(), roles: z.array(z.object({ role, wijk: z.string().nullable() })) }),
    }),
  ),
  supportRequests: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(['question', 'content-problem', 'cancellation']),
      status: z.enum(['open', 'closed']),
      message: z.string(),
      answer: z.string().nullable(),
      wijk: z.string().nullable(),
      contentId: z.number().int().nullable(),
      createdAt: dateTime,
      closedAt: dateTime.nullable(),
    }),
  ),
  complaints: z.array(
    z.object({
      reference: z.string(),
      status: z.enum(['received', 'in-progress', 'answered', 'closed']),
      name: z.string(),
      email: z.string(),
      body: z.string(),
      answer: z.string().nullable(),
      createdAt: dateTime,
      answeredAt: dateTime.nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      item: z.object({ id: z.number().int(), title: z.string() }),
      reason: z.enum(['incorrect', 'offensive', 'spam', 'privacy', 'other']),
      message: z.string(),
      status: z.enum(['open', 'resolved']),
      createdAt: dateTime,
      resolvedAt: dateTime.nullable(),
    }),
  ),
  breachNotices: z.array(
    z.object({
      breach: z.string(),
      status: z.enum(['queued', 'sent']),
      queuedAt: dateTime,
      sentAt: dateTime.nullable(),
    }),
  ),
  teamMessages: z.array(
    z.object({
      wijk: wijkRef,
      subject: z.string(),
      body: z.string(),
      status: z.enum(['queued', 'sent']),
      queuedAt: dateTime,
      sentAt: dateTime.nullable(),
    }),
  ),
  billing: billingSection,
  invoices: z.array(
    z.object({
      number: z.string(),
      kind: z.enum(['invoice', 'credit-note']),
      corrects: z.string().nullable(),
      issuedOn: day,
      dueOn: day,
      periodStart: day,
      periodEnd: day,
      customer: z.object({
        organisation: z.string(),
        contactName: z.string(),
        street: z.string(),
        houseNumber: z.string(),
        postcode: z.string(),
        place: z.string(),
        country: z.string(),
        email: z.string(),
        kvk: z.string().nullable(),
        vatNumber: z.string().nullable(),
      }),
      lines: z.array(z.object({ description: z.string(), quantity: z.number().int(), unitPriceCents: z.number().int(), vatRate: z.number().int(), netCents: z.number().int() })),
      netCents: z.number().int(),
      vatCents: z.number().int(),
      totalCents: z.number().int(),
      paymentMethod: z.enum(['transfer', 'direct-debit']),
      mandateReference: z.string().nullable(),
      status: z.enum(['open', 'paid', 'returned', 'credited']),
      paidOn: day.nullable(),
      keptUntil: day,
    }),
  ),
})

export type DataExport = z.infer<typeof exportSchema>

/** Dates in the format: ISO 8601 in UTC (kernel/privacy, so that core features can write them). */
export { iso, isoOrNull } from '../../kernel/privacy/privacy.js'

/** The parts of gegevens.json around the person's data, written by the export itself. */
export const EXPORT_ENVELOPE = ['schemaVersion', 'exportedAt', 'platform'] as const

/** The sections the privacy modules (src/privacy.ts) write, each by exactly one module. */
export type ExportSections = Omit<DataExport, (typeof EXPORT_ENVELOPE)[number]>

/** Every field name in the schema, nested ones included (for the documentation test). */
export function schemaFieldNames(schema: z.ZodType = exportSchema): Set<string> {
  const names = new Set<string>()
  const walk = (s: z.ZodType): void => {
    if (s instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
        names.add(key)
        walk(child)
      }
    } else if (s instanceof z.ZodArray) walk(s.element as z.ZodType)
    else if (s instanceof z.ZodNullable || s instanceof z.ZodOptional) walk(s.unwrap() as z.ZodType)
  }
  walk(schema)
  return names
}

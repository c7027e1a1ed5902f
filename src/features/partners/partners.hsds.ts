/**
 * The Organisatiegids in the shape of Open Referral's Human Services Data Specification 3.0
 * (HSDS), the international standard for directories of social services: a social map is one.
 * Mapping (docs/api.md): each organisation is an HSDS organization, and what it offers is one HSDS
 * service of that organization, with its opening hours as the schedule's description. Contact
 * details appear only where the owner made them public, as everywhere in the partner API.
 *
 * HSDS asks for UUIDs. Ours are numbers, so each is written into a UUID of a fixed shape that reads
 * back without a lookup table: 0000000<k>-0000-4000-8000-<id in 12 hex digits>, k = 1 for an
 * organization, 2 for a service, 3 for a phone, 4 for a schedule.
 */
import { z } from 'zod'
import type { ApiItem } from './partners.api.schema.js'

const KINDS = { organization: 1, service: 2, phone: 3, schedule: 4 } as const
type UuidKind = keyof typeof KINDS

export function hsdsUuid(kind: UuidKind, id: number): string {
  return `0000000${KINDS[kind]}-0000-4000-8000-${id.toString(16).padStart(12, '0')}`
}

/** The item id in one of our HSDS UUIDs of that kind, or null. */
export function idFromHsdsUuid(kind: UuidKind, uuid: string): number | null {
  const m = new RegExp(`^0000000${KINDS[kind]}-0000-4000-8000-([0-9a-f]{12})$`).exec(uuid.toLowerCase())
  if (!m) return null
  const id = parseInt(m[1]!, 16)
  return id > 0 && id <= 2_147_483_647 ? id : null
}

const uuid = z.uuid()
const phone = z.object({ id: uuid, number: z.string() })
const schedule = z.object({ id: uuid, description: z.string() })

export const hsdsService = z
  .object({
    id: uuid,
    organization_id: uuid,
    name: z.string(),
    description: z.string(),
    url: z.url(),
    email: z.string().optional(),
    status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
    schedules: z.array(schedule),
    phones: z.array(phone),
  })
  .meta({ id: 'HsdsService' })

export const hsdsOrganization = z
  .object({
    id: uuid,
    name: z.string(),
    description: z.string(),
    email: z.string().optional(),
    website: z.url().optional(),
    uri: z.url().describe('The organisation’s page on the wijk site: a persistent identifier.'),
    phones: z.array(phone),
    services: z.array(hsdsService).optional().describe('With the organization itself, not in lists.'),
  })
  .meta({ id: 'HsdsOrganization' })

/** HSDS's page of results. */
export function hsdsPage<T extends z.ZodType>(item: T) {
  return z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  })
}

export const hsdsListQuery = z
  .object({
    page: z.string().regex(/^[1-9]\d{0,5}$/, 'a page number').transform(Number).optional().describe('Page number, from 1.'),
    per_page: z
      .string()
      .regex(/^\d{1,3}$/, 'a number from 1 to 100')
      .transform(Number)
      .pipe(z.number().int().min(1).max(100))
      .optional()
      .describe('Results per page, 1 to 100 (default 50).'),
    search: z.string().trim().min(1).max(200).optional().describe('Dutch full-text search.'),
    modified_after: z.iso.datetime({ offset: true }).optional().describe('Only records changed at or after this moment.'),
    organization_id: uuid.optional().describe('Services only: of this organization.'),
  })
  .strict()

const phonesOf = (item: ApiItem) => (item.contact.phone ? [{ id: hsdsUuid('phone', item.id), number: item.contact.phone }] : [])

export function hsdsServiceOf(item: ApiItem): z.infer<typeof hsdsService> {
  return {
    id: hsdsUuid('service', item.id),
    organization_id: hsdsUuid('organization', item.id),
    name: item.title,
    description: item.offers || item.summary || item.title,
    url: item.url,
    ...(item.contact.email ? { email: item.contact.email } : {}),
    status: 'active',
    schedules: item.opening_hours ? [{ id: hsdsUuid('schedule', item.id), description: item.opening_hours }] : [],
    phones: phonesOf(item),
  }
}

export function hsdsOrganizationOf(item: ApiItem, withServices: boolean): z.infer<typeof hsdsOrganization> {
  return {
    id: hsdsUuid('organization', item.id),
    name: item.title,
    description: item.summary || item.body || item.title,
    ...(item.contact.email ? { email: item.contact.email } : {}),
    ...(item.website && /^https?:\/\//i.test(item.website) ? { website: item.website } : {}),
    uri: item.url,
    phones: phonesOf(item),
    ...(withServices ? { services: [hsdsServiceOf(item)] } : {}),
  }
}

export function pageOf<T>(contents: T[], total: number, page: number, size: number) {
  const totalPages = Math.max(1, Math.ceil(total / size))
  return { total_items: total, total_pages: totalPages, page_number: page, size, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents }
}

/**
 * The partner API's contract, in zod: the query each list accepts (read by the handlers) and the
 * shape of every answer (the OpenAPI document is generated from these, and the contract test
 * checks every answer of the test suite against that document, so neither can drift).
 * Field names are snake_case, as JSON APIs for other organisations' code usually are.
 */
import { z } from 'zod'
import { CONTENT_TYPES } from '../content/content.tables.js'

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a slug: lower-case letters, digits and hyphens')
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time')
const day = z.iso.date().describe('YYYY-MM-DD, Europe/Amsterdam')

/** The resources that list content, and the content types each holds. */
export const ITEM_RESOURCES = {
  activities: ['activity'],
  organisations: ['organisation'],
  prikbord: ['request', 'offer'],
  news: ['news'],
  etalage: ['showcase'],
} as const
export type ItemResource = keyof typeof ITEM_RESOURCES

export const MAX_PAGE_SIZE = 100

/** The query of every item list. Unknown parameters are refused, so a typo is not a silent no-op. */
export const itemListQuery = z
  .object({
    city: slug.optional().describe('Only wijken of this city (its slug).'),
    wijk: slug.optional().describe('Only this wijk (its slug).'),
    theme: slug.optional().describe('Only items with this theme (its slug).'),
    type: z.enum(['request', 'offer']).optional().describe('Prikbord only: requests or offers.'),
    q: z.string().trim().min(1).max(200).optional().describe('Dutch full-text search in title, summary and body.'),
    updated_since: dateTime.optional().describe('Only items changed at or after this moment (use meta.sync.updated_since of your previous sync).'),
    from: day.optional().describe('Activities only: with an occurrence on or after this day (default today).'),
    to: day.optional().describe('Activities only: with an occurrence before the end of this day (default 90 days after from).'),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'a number from 1 to 100')
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
      .optional()
      .describe('Items per page, 1 to 100 (default 20).'),
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'the cursor of links.next')
      .transform(Number)
      .optional()
      .describe('Opaque: pass links.next as it is.'),
  })
  .strict()
export type ItemListQuery = z.output<typeof itemListQuery>

export const changesQuery = z
  .object({
    since: z
      .string()
      .regex(/^\d{1,15}\.\d{1,15}$/, 'the since value of meta.sync or links.next')
      .optional()
      .describe('Where the previous call stopped; without it, the answer is only the starting point.'),
  })
  .strict()

export const emptyQuery = z.object({}).strict()

const wijkRef = z.object({ id: z.number().int(), slug: z.string(), name: z.string() })
const themeRef = z.object({ slug: z.string(), name_nl: z.string(), name_en: z.string() })
const occurrence = z.object({ starts_at: dateTime, ends_at: dateTime.nullable() })

export const apiItem = z.object({
  id: z.number().int(),
  type: z.enum(CONTENT_TYPES),
  title: z.string(),
  summary: z.string(),
  body: z.string().describe('Markdown, as written by the owner.'),
  url: z.url().describe('The item page on the wijk site.'),
  wijk: wijkRef,
  themes: z.array(themeRef),
  published_at: dateTime.nullable(),
  updated_at: dateTime,
  contact: z
    .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() })
    .describe('Only the fields the owner made public; the others are null.'),
  contact_form_url: z.url().nullable().describe('The contact form on the wijk site, when the item accepts messages; the address behind it is never shared.'),
  starts_at: dateTime.nullable(),
  ends_at: dateTime.nullable(),
  all_day: z.boolean(),
  occurrences: z.array(occurrence).optional().describe('Activities: the occurrences in the requested date range.'),
  location: z.string().nullable(),
  cost_cents: z.number().int().nullable().describe('Null: free.'),
  join_info: z.string().nullable(),
  offers: z.string().nullable(),
  opening_hours: z.string().nullable(),
  website: z.string().nullable(),
  category: z.string().nullable(),
  expires_at: dateTime.nullable(),
  price_cents: z.number().int().nullable(),
  business_id: z.number().int().nullable(),
})
export type ApiItem = z.infer<typeof apiItem>

const syncMeta = z.object({
  updated_since: dateTime.describe('Pass as updated_since next time to get what changed from now on.'),
  changes_since: z.string().describe('Pass as since to /api/v1/changes next time.'),
})

export const apiItemList = z.object({
  data: z.array(apiItem),
  links: z.object({ next: z.string().nullable() }),
  meta: z.object({ sync: syncMeta }),
})

export const apiItemOne = z.object({ data: apiItem })

export const apiWijkList = z.object({
  data: z.array(z.object({ id: z.number().int(), slug: z.string(), name: z.string(), url: z.url(), city: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }) })),
})

export const apiCityList = z.object({
  data: z.array(z.object({ id: z.number().int(), slug: z.string(), name: z.string(), wijken: z.array(wijkRef) })),
})

export const apiThemeList = z.object({ data: z.array(themeRef.extend({ wijk_id: z.number().int() })) })

export const apiChanges = z.object({
  data: z.array(z.object({ id: z.number().int(), type: z.enum(CONTENT_TYPES), change: z.enum(['removed', 'updated']), at: dateTime })),
  links: z.object({ next: z.string().describe('Call this next time (or at once, when has_more).') }),
  meta: z.object({ has_more: z.boolean() }),
})

export const apiProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ parameter: z.string(), detail: z.string() })).optional(),
})

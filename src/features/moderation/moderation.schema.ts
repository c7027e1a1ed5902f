import { z } from 'zod'
import { text } from '../../kernel/http/form.js'
import { CONTENT_STATUSES, CONTENT_TYPES, type ContentStatus, type ContentType } from '../content/content.tables.js'
import { REPORT_REASONS } from './moderation.tables.js'
import type { ItemFilter } from './moderation.queries.js'

export const REASON_MAX = 1000
export const REPORT_MESSAGE_MAX = 2000

/** Why the wijk team hides an item: the owner reads it in a mail and on Mijn content. */
export const hideSchema = z.object({ reason: text(REASON_MAX) })

/** The team's decision on an item's reports: keep it published, or keep (or make) it hidden. */
export const decideSchema = z.object({
  decision: text(REASON_MAX),
  outcome: z.enum(['keep', 'hide'], { message: 'moderation.error.outcome' }),
})

/**
 * Publishing a hidden item again. With open reports it also decides on them, so the team then
 * explains why (checked in the service, which knows whether reports are open).
 */
export const unhideSchema = z.object({
  explanation: z
    .string()
    .trim()
    .max(REASON_MAX)
    .optional()
    .transform((v) => v ?? ''),
})

/** "Meld dit": a reason from the list and, if the reporter likes, a few words. */
export const reportSchema = z.object({
  reason: z.enum(REPORT_REASONS, { message: 'moderation.error.reason' }),
  message: z
    .string()
    .trim()
    .max(REPORT_MESSAGE_MAX)
    .optional()
    .transform((v) => v ?? ''),
})

/** The content list's query string (?soort=…&status=…); a value it does not know is no filter (itemFilter). */
export const listQuerySchema = z.object({ soort: z.string().max(40).catch(''), status: z.string().max(40).catch('') })

/** The thanks after "meld dit": ?al=1 when this account had reported the item before. */
export const reportSentQuerySchema = z.object({ al: z.literal('1').optional().catch(undefined) })

/** The list filters from the query string; anything unknown is simply no filter. */
export function itemFilter(query: { soort?: string; status?: string }): ItemFilter {
  const type = CONTENT_TYPES.find((x) => x === query.soort) as ContentType | undefined
  if (query.status === 'opnieuw') return { type, republish: true }
  const status = CONTENT_STATUSES.find((x) => x === query.status) as ContentStatus | undefined
  return { type, status }
}

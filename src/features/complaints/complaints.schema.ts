/**
 * Form inputs of the complaints feature (P29).
 */
import { z } from 'zod'

/** CR or LF in a name or address could smuggle mail headers: refused, not silently stripped. */
const singleLine = (max: number) =>
  z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'complaints.error.singleLine' })
    .transform((v) => v.trim())
    .pipe(z.string().min(1).max(max))

export const HONEYPOT_FIELD = 'website_extra'

export const complaintSchema = z.object({
  /** How we address the complainant in our answer. */
  name: singleLine(100),
  /** Where the confirmation and the answer go. */
  email: z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'complaints.error.singleLine' })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email().max(254)),
  /** The complaint itself. */
  body: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .transform((v) => v.replace(/\r\n?/g, '\n')),
})
export type ComplaintInput = z.output<typeof complaintSchema>

export const COMPLAINT_STATUSES = ['received', 'in-progress', 'answered', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

export const statusSchema = z.object({
  /** The new status; sending an answer sets 'answered' by itself (this is for an answer given by phone, say). */
  status: z.enum(COMPLAINT_STATUSES, { message: 'complaints.error.status' }),
})

export const answerSchema = z.object({
  /** The answer, mailed to the complainant as written. */
  answer: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .transform((v) => v.replace(/\r\n?/g, '\n')),
})

/** The filters of the complaints list: the unfinished ones (default), one status, or all. */
export const LIST_FILTERS = ['open', ...COMPLAINT_STATUSES, 'all'] as const
export type ListFilter = (typeof LIST_FILTERS)[number]

/** ?status=… of the complaints list; an unknown filter shows the default. */
export const listQuerySchema = z.object({ status: z.enum(LIST_FILTERS).catch('open') })

/** ?kenmerk=K-2026-0042 on the thanks page; anything else shows the page without a reference. */
export const receivedQuerySchema = z.object({ kenmerk: z.string().regex(/^K-\d{4}-\d{4,6}$/).optional().catch(undefined) })

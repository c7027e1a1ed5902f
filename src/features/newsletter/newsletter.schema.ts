/** Form inputs of the newsletter feature. */
import { z } from 'zod'
import { LANGS } from '../../kernel/i18n/i18n.js'

/** CR or LF in a name or address could smuggle mail headers: refused, not silently stripped. */
const singleLine = (max: number) =>
  z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'error.invalid' })
    .transform((v) => v.trim())
    .pipe(z.string().max(max))

export const HONEYPOT_FIELD = 'website_extra'

/** A visitor's sign-up for a wijk's newsletter (double opt-in). */
export const subscribeSchema = z.object({
  /** Used only to greet the subscriber in each newsletter (P10). */
  firstName: singleLine(100).pipe(z.string().min(1, { message: 'newsletter.error.firstName' })),
  /** Optional; only in the Mailchimp export of the wijk. */
  lastName: singleLine(100)
    .optional()
    .transform((v) => (v ? v : null)),
  /** Where the confirmation link and the newsletters go; stored lower-cased. */
  email: z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'error.email' })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email({ message: 'error.email' }).max(254)),
})
export type SubscribeInput = z.output<typeof subscribeSchema>

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const day = (message: 'newsletter.error.date') =>
  z
    .string()
    .trim()
    .refine((v) => DAY_PATTERN.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message })

/** A newsletter as the wijk team composes it. */
export const composeSchema = z
  .object({
    /** The subject line of the mail and the title in the archive. */
    subject: z
      .string()
      .refine((v) => !/[\r\n]/.test(v), { message: 'error.invalid' })
      .transform((v) => v.trim())
      .pipe(z.string().min(1).max(150)),
    /** Markdown; may be empty when the blocks say enough. */
    body: z
      .string()
      .max(20_000)
      .optional()
      .transform((v) => (v ?? '').replace(/\r\n?/g, '\n')),
    /** Which automatic blocks to add. */
    activities: z.string().optional().transform((v) => v === 'on'),
    prikbord: z.string().optional().transform((v) => v === 'on'),
    news: z.string().optional().transform((v) => v === 'on'),
    /** The period whose new Prikbord items and news are listed (days, Europe/Amsterdam). */
    periodFrom: day('newsletter.error.date'),
    periodTo: day('newsletter.error.date'),
  })
  .superRefine((d, ctx) => {
    if (DAY_PATTERN.test(d.periodFrom) && DAY_PATTERN.test(d.periodTo) && d.periodFrom > d.periodTo) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'newsletter.error.periodOrder' })
    }
  })
export type ComposeInput = z.output<typeof composeSchema>

/** ?taal=nl|en after unsubscribing: the gone subscription's language; any other value is ignored. */
export const unsubscribedQuerySchema = z.object({ taal: z.enum(LANGS).optional().catch(undefined) })

/**
 * The content form: common fields, the contact person, and the fields of each type. Dates and
 * times are what the browser's date/time inputs send, read as Europe/Amsterdam wall clock.
 */
import { z } from 'zod'
import { checkbox, email, optionalText, text } from '../../kernel/http/form.js'
import { queryId } from '../../kernel/http/params.js'
import { CONTENT_TYPES, type ContentType, type Recurrence } from '../content/content.tables.js'
import { movesProblem, parseMoves } from './my-content.moves.js'

/** Prikbord categories (fixed list; labels in my-content.messages.ts). */
import { CATEGORIES } from '../content/content.categories.js'

export { CATEGORIES }
/** The new-item page's query (?type=…&wijk=…); a missing or unknown value means: choose again. */
export const newItemQuerySchema = z.object({
  type: z.enum(CONTENT_TYPES).optional().catch(undefined),
  wijk: queryId(),
})

export const RECURRENCE_KINDS = ['weekly', 'biweekly', 'monthly-weekday'] as const

/** Prikbord items expire after this many days unless renewed; the owner may choose up to the maximum. */
export const DEFAULT_EXPIRY_DAYS = 30
export const MAX_EXPIRY_DAYS = 90

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const MONEY = /^\d{1,6}([.,]\d{1,2})?$/

const date = () => z.string().trim().regex(DATE, { message: 'my-content.error.date' }).refine(validDate, { message: 'my-content.error.date' })
const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (DATE.test(v) && validDate(v)), { message: 'my-content.error.date' })
const optionalTime = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || TIME.test(v), { message: 'my-content.error.time' })
const optionalId = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { message: 'error.invalid' })
const money = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || MONEY.test(v), { message: 'my-content.error.money' })
    .transform((v) => (v === null ? null : Math.round(Number(v.replace(',', '.')) * 100)))

/** A real calendar date in a sensible range (year 0 or 9999 would only break things downstream). */
export function validDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`)
  const year = d.getUTCFullYear()
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && year >= 2000 && year <= 2100
}

/** Fields every type has. */
const common = {
  /** Shown everywhere the item appears; the URL is derived from it. */
  title: text(150),
  /** One or two sentences for lists and search results. */
  summary: optionalText(300),
  /** Markdown; rendered to sanitised HTML on the public page. */
  body: optionalText(20_000),
  /** The contact person: each field private unless its switch is on (P05, P08). */
  contactName: optionalText(120),
  contactNamePublic: checkbox(),
  contactEmail: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.null(), email()])),
  contactEmailPublic: checkbox(),
  contactPhone: optionalText(40),
  contactPhonePublic: checkbox(),
  contactAddress: optionalText(300),
  contactAddressPublic: checkbox(),
}

const activity = z
  .object({
    ...common,
    /** First (or only) day, and its start time unless all-day. */
    startDate: date(),
    startTime: optionalTime(),
    /** Optional end; an end date without time means the end of an all-day range. */
    endDate: optionalDate(),
    endTime: optionalTime(),
    allDay: checkbox(),
    /** '' = once. */
    recurrenceKind: z.enum(['', ...RECURRENCE_KINDS]).optional().default(''),
    /** Last date it may take place. */
    recurrenceUntil: optionalDate(),
    /** Dates it does not take place, separated by commas, spaces or new lines. */
    recurrenceExceptions: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/[\s,;]+/).filter(Boolean))
      .refine((list) => list.length <= 100 && list.every((d) => DATE.test(d) && validDate(d)), { message: 'my-content.error.exceptions' }),
    /** Occurrences held at another date or time, one per line (my-content.moves.ts). */
    recurrenceMoves: z
      .string()
      .optional()
      .transform((v) => parseMoves(v, validDate))
      .refine((v) => v !== null, { message: 'my-content.error.moves' }),
    /** An address or place, as it should be shown. */
    locationText: optionalText(300),
    /** Or one of the wijk's organisations. */
    locationOrgId: optionalId(),
    costKind: z.enum(['free', 'amount']).optional().default('free'),
    /** In euros, e.g. 2,50. */
    costAmount: money(),
    /** How to take part: sign up, just walk in, … */
    joinInfo: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (!v.allDay && !v.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'my-content.error.timeRequired' })
    if (!v.allDay && v.endDate && v.endDate !== v.startDate && !v.endTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'my-content.error.endTimeRequired' })
    if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'my-content.error.endBeforeStart' })
    if ((v.endDate ?? v.startDate) === v.startDate && !v.allDay && v.endTime && v.startTime && v.endTime <= v.startTime)
      {ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'my-content.error.endBeforeStart' })}
    if (v.costKind === 'amount' && (v.costAmount === null || v.costAmount <= 0)) ctx.addIssue({ code: 'custom', path: ['costAmount'], message: 'my-content.error.money' })
    if (v.recurrenceUntil && v.recurrenceUntil < v.startDate) ctx.addIssue({ code: 'custom', path: ['recurrenceUntil'], message: 'my-content.error.untilBeforeStart' })
    const movesWrong = movesProblem({ ...v, recurrence: recurrenceOf({ ...v, recurrenceMoves: [] }), moves: v.recurrenceMoves ?? [] })
    if (movesWrong) ctx.addIssue({ code: 'custom', path: ['recurrenceMoves'], message: movesWrong })
  })

const organisation = z.object({
  ...common,
  /** What it offers, in a few lines. */
  offers: optionalText(2000),
  openingHours: optionalText(500),
  /** http(s) address. */
  website: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (/^https?:\/\/[^\s]+\.[^\s]+$/i.test(v) && v.length <= 300), { message: 'my-content.error.website' }),
})

const prikbord = z.object({
  ...common,
  category: z.enum(CATEGORIES, { message: 'my-content.error.category' }),
  /** Last day it is shown; at most MAX_EXPIRY_DAYS ahead (checked against the clock in the route). */
  expiresOn: date(),
})

const news = z.object({
  ...common,
  /** The date shown as its publication date. */
  publicationDate: date(),
})

const showcase = z.object({
  ...common,
  /** Optional, in euros. */
  price: money(),
  /** One of the wijk's organisations that the user manages. */
  businessId: optionalId().refine((v) => v !== null, { message: 'my-content.error.business' }),
})

/**
 * The choices only the item's own people make (owner and co-managers), read beside the content
 * form: the wijk team editing or placing an item never sees them, so they never overwrite them.
 */
export const ownerChoicesSchema = z.object({
  /** Ticked: partner websites may show the item (P11). Unticked: only on WijkConnect. */
  sharedWithPartners: checkbox(),
})

export const contentSchemas = { activity, organisation, request: prikbord, offer: prikbord, news, showcase } satisfies Record<ContentType, z.ZodType>

export type ActivityInput = z.output<typeof activity>
export type OrganisationInput = z.output<typeof organisation>
export type PrikbordInput = z.output<typeof prikbord>
export type NewsInput = z.output<typeof news>
export type ShowcaseInput = z.output<typeof showcase>
export type ContentInput = ActivityInput | OrganisationInput | PrikbordInput | NewsInput | ShowcaseInput

export function recurrenceOf(v: Pick<ActivityInput, 'recurrenceKind' | 'recurrenceUntil' | 'recurrenceExceptions' | 'recurrenceMoves'>): Recurrence | null {
  if (!v.recurrenceKind) return null
  const recurrence: Recurrence = { kind: v.recurrenceKind, until: v.recurrenceUntil, exceptions: [...new Set(v.recurrenceExceptions)].sort() }
  const moves = [...(v.recurrenceMoves ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  return moves.length > 0 ? { ...recurrence, moves } : recurrence
}

/** The Uitlichten button of Mijn content: mark an item uitgelicht ("yes") or take the mark off ("no"). */
export const featureSchema = z.object({ featured: z.enum(['yes', 'no'], { message: 'error.required' }) })

/** Inviting a co-manager. */
export const inviteSchema = z.object({ email: email() })

/** One image: the file is checked by sharp, the alt text is required (accessibility). */
export const imageSchema = z.object({ alt: text(250) })

/** Kept here for its callers; the one definition is the kernel's, beside the slug pattern. */
export { slugify } from '../../kernel/http/reserved.js'

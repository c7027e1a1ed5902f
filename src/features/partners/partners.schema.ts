/**
 * Form inputs of the partner admin (P11): the agreement form, a status change, a new API key.
 * Dates are what the browser's date input sends ("YYYY-MM-DD").
 */
import { z } from 'zod'
import { checkbox, email, optionalText, text } from '../../kernel/http/form.js'
import type { ContentType } from '../content/content.tables.js'
import { validDate } from '../my-content/my-content.schema.js'
import { DEFAULT_PARTNER_RATE, PARTNER_STATUSES, type PartnerStatus } from './partners.tables.js'

/**
 * The content types as a partner admin chooses them: Prikbord is one choice covering both
 * requests and offers, because residents know it as one board.
 */
export const TYPE_CHOICES = {
  activity: ['activity'],
  organisation: ['organisation'],
  prikbord: ['request', 'offer'],
  news: ['news'],
  showcase: ['showcase'],
} as const satisfies Record<string, readonly ContentType[]>
export type TypeChoice = keyof typeof TYPE_CHOICES
export const TYPE_CHOICE_NAMES = Object.keys(TYPE_CHOICES) as TypeChoice[]

export const typeField = (choice: TypeChoice) => `type_${choice}`
export const cityField = (id: number) => `city_${id}`
export const wijkField = (id: number) => `wijk_${id}`

/** The choices a stored list of content types ticks. */
export function choicesOf(types: readonly ContentType[]): TypeChoice[] {
  return TYPE_CHOICE_NAMES.filter((choice) => TYPE_CHOICES[choice].every((type) => types.includes(type)))
}

/**
 * Which status may follow which. Ending is final: a new agreement starts as a new partner, so
 * the register keeps the history of the old one.
 */
export const NEXT_STATUSES: Record<PartnerStatus, readonly PartnerStatus[]> = {
  concept: ['actief', 'beeindigd'],
  actief: ['opgeschort', 'beeindigd'],
  opgeschort: ['actief', 'beeindigd'],
  beeindigd: [],
}

export const MIN_RATE = 1
export const MAX_RATE = 10_000

const DATE = /^\d{4}-\d{2}-\d{2}$/

const requiredDate = () =>
  z
    .string({ message: 'error.required' })
    .trim()
    .min(1, { message: 'error.required' })
    .refine((v) => DATE.test(v) && validDate(v), { message: 'partners.error.date' })
const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (DATE.test(v) && validDate(v)), { message: 'partners.error.date' })

/**
 * One web origin as a browser sends it in an Origin header: https://host[:port], nothing after
 * it; plain http only for localhost (a partner trying things out). Returned as URL.origin, so
 * "https://Example.org:443/" and "https://example.org" are the same origin.
 */
export function parseOrigin(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null
  // "https://example.org/" parses with pathname "/" too; anything longer was refused above.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(raw)) return null
  return url.origin
}

/** At most this many origins per partner: a partner has a few sites, not a directory. */
export const MAX_ORIGINS = 20

const originList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const lines = (v ?? '')
      .split(/[\r\n]+/)
      .map((l) => l.trim())
      .filter(Boolean)
    const origins: string[] = []
    for (const line of lines) {
      const origin = parseOrigin(line)
      if (!origin) {
        ctx.addIssue({ code: 'custom', message: 'partners.error.origin' })
        return z.NEVER
      }
      if (!origins.includes(origin)) origins.push(origin)
    }
    if (origins.length > MAX_ORIGINS) {
      ctx.addIssue({ code: 'custom', message: 'partners.error.tooManyOrigins' })
      return z.NEVER
    }
    return origins
  })

const rate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? String(DEFAULT_PARTNER_RATE) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, { message: 'partners.error.rate' })
      .transform(Number)
      .refine((n) => n >= MIN_RATE && n <= MAX_RATE, { message: 'partners.error.rate' }),
  )

/** What the form can choose from: places that exist, and published Deelovereenkomst versions. */
export interface PartnerFormChoices {
  cityIds: readonly number[]
  wijkIds: readonly number[]
  agreementIds: readonly number[]
}

/**
 * The agreement form. `status` is the partner's current status: an active or suspended
 * agreement must keep its signed version, signer and date.
 */
export function partnerSchema(choices: PartnerFormChoices, status: PartnerStatus = 'concept') {
  const ticks = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, checkbox()])) as Record<string, ReturnType<typeof checkbox>>
  return z
    .object({
      name: text(200),
      /** The partner's contact for the agreement (their person, not an account holder). */
      contactName: text(200),
      contactEmail: email(),
      /** One origin per line. */
      origins: originList,
      purposeNl: text(2000).transform((v) => v.replace(/\r\n?/g, '\n')),
      purposeEn: text(2000).transform((v) => v.replace(/\r\n?/g, '\n')),
      ...ticks(TYPE_CHOICE_NAMES.map(typeField)),
      ...ticks(choices.cityIds.map(cityField)),
      ...ticks(choices.wijkIds.map(wijkField)),
      startsOn: requiredDate(),
      endsOn: optionalDate(),
      ratePerMinute: rate,
      agreementDocumentId: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || choices.agreementIds.some((id) => String(id) === v), { message: 'error.invalid' })
        .transform((v) => (v === null ? null : Number(v))),
      signedBy: optionalText(200),
      signedOn: optionalDate(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      const ticked = v as unknown as Record<string, boolean>
      if (!TYPE_CHOICE_NAMES.some((choice) => ticked[typeField(choice)])) issue('types', 'partners.error.types')
      if (![...choices.cityIds.map(cityField), ...choices.wijkIds.map(wijkField)].some((f) => ticked[f])) issue('scope', 'partners.error.scope')
      if (v.endsOn !== null && v.endsOn < v.startsOn) issue('endsOn', 'partners.error.endBeforeStart')
      if (status === 'actief' || status === 'opgeschort') {
        // Access rests on the signed agreement: it cannot be taken away while access may run.
        if (v.agreementDocumentId === null) issue('agreementDocumentId', 'partners.error.agreementNeeded')
        if (v.signedBy === null) issue('signedBy', 'partners.error.agreementNeeded')
        if (v.signedOn === null) issue('signedOn', 'partners.error.agreementNeeded')
      }
    })
    .transform((v) => {
      const ticked = v as unknown as Record<string, boolean>
      return {
        name: v.name,
        contactName: v.contactName,
        contactEmail: v.contactEmail,
        origins: v.origins,
        purposeNl: v.purposeNl,
        purposeEn: v.purposeEn,
        contentTypes: TYPE_CHOICE_NAMES.filter((choice) => ticked[typeField(choice)]).flatMap((choice) => [...TYPE_CHOICES[choice]]),
        cityIds: choices.cityIds.filter((id) => ticked[cityField(id)]),
        wijkIds: choices.wijkIds.filter((id) => ticked[wijkField(id)]),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        ratePerMinute: v.ratePerMinute,
        agreementDocumentId: v.agreementDocumentId,
        signedBy: v.signedBy,
        signedOn: v.signedOn,
      }
    })
}
export type PartnerInput = z.output<ReturnType<typeof partnerSchema>>

export const statusSchema = z.object({ status: z.enum(PARTNER_STATUSES, { message: 'error.invalid' }) })

/** A label so the partner and the admin can tell keys apart ("website", "test"). */
export const keySchema = z.object({ label: text(100) })

/**
 * Form inputs of the breach register (P22). Times are what the browser's datetime-local input
 * sends, read as Europe/Amsterdam wall clock.
 */
import { z } from 'zod'
import { checkbox, optionalText, text } from '../../kernel/http/form.js'
import { fromLocal, toLocal } from '../content/content.recurrence.js'

export const NATURES = ['read', 'copied', 'altered', 'deleted', 'stolen', 'lost'] as const
export type Nature = (typeof NATURES)[number]
export const AUTHORITY_DECISIONS = ['undecided', 'notify', 'not-required'] as const
export const INFORM_DECISIONS = ['undecided', 'inform', 'not-required'] as const
export const ENCRYPTION = ['no', 'partly', 'yes'] as const
export const BREACH_STATUSES = ['open', 'closed'] as const

/** Form field of each kind of "what happened to the data" checkbox. */
export const natureField = (n: Nature) => `nature_${n}`

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/

/** "2026-03-02T10:15" on the Amsterdam clock → the instant; null when it is no real time. */
export function parseLocalDateTime(value: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
  // Date.UTC reads years below 100 as 19xx; no breach predates 1970 anyway.
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  // 31 February would roll over into March: refuse it instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null
  return fromLocal({ year, month, day, hour, minute })
}

/** The instant as the value of a datetime-local input (Amsterdam clock). */
export function localDateTimeValue(date: Date | null): string {
  if (!date) return ''
  const p = toLocal(date)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`
}

const longText = (max: number) => text(max).transform((v) => v.replace(/\r\n?/g, '\n'))
const optionalLong = (max: number) => optionalText(max).transform((v) => (v ?? '').replace(/\r\n?/g, '\n'))

const requiredDateTime = z
  .string({ message: 'error.required' })
  .trim()
  .min(1, { message: 'error.required' })
  .transform((v, ctx) => {
    const date = parseLocalDateTime(v)
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'breaches.error.dateTime' })
      return z.NEVER
    }
    return date
  })

const optionalDateTime = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null
    const date = parseLocalDateTime(v)
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'breaches.error.dateTime' })
      return z.NEVER
    }
    return date
  })

const optionalCount = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? null : v))
  .pipe(
    z
      .string()
      .regex(/^\d{1,9}$/, { message: 'breaches.error.count' })
      .transform(Number)
      .nullable(),
  )

/** The breach form; `now` bounds the times, since a breach cannot be discovered in the future. */
export function breachSchema(now: Date) {
  const future = (d: Date | null) => d !== null && d.getTime() > now.getTime() + 60_000
  return z
    .object({
      /** A short name for the register. */
      title: text(200),
      /** When we became aware of it: the 72 hours to the authority run from here (AVG art. 33(1)). */
      discoveredAt: requiredDateTime,
      /** When it started, if known. */
      occurredAt: optionalDateTime,
      /** Still going on. */
      ongoing: checkbox(),
      /** What happened, in plain words. */
      whatHappened: longText(10_000),
      ...Object.fromEntries(NATURES.map((n) => [natureField(n), checkbox()])) as Record<`nature_${Nature}`, ReturnType<typeof checkbox>>,
      /** Kinds of personal data involved. */
      dataKinds: longText(2000),
      dataEncrypted: z.enum(ENCRYPTION, { message: 'error.invalid' }),
      /** Kinds of people involved. */
      peopleKinds: longText(2000),
      approxPeople: optionalCount,
      approxRecords: optionalCount,
      likelyConsequences: optionalLong(5000),
      measuresTaken: optionalLong(5000),
      measuresProposed: optionalLong(5000),
      /** What the people involved can do themselves; goes into the mail to them. */
      advice: optionalLong(5000),
      authorityDecision: z.enum(AUTHORITY_DECISIONS, { message: 'error.invalid' }),
      authorityNotifiedAt: optionalDateTime,
      authorityReference: optionalText(200),
      informDecision: z.enum(INFORM_DECISIONS, { message: 'error.invalid' }),
      informReason: optionalLong(2000),
      crossBorder: checkbox(),
      /** Who the authority can contact about it. */
      contactPerson: optionalText(500).transform((v) => v ?? ''),
      status: z.enum(BREACH_STATUSES, { message: 'error.invalid' }),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      if (future(v.discoveredAt)) issue('discoveredAt', 'breaches.error.future')
      if (v.occurredAt && v.occurredAt.getTime() > v.discoveredAt.getTime()) issue('occurredAt', 'breaches.error.occurredAfterDiscovery')
      if (v.authorityNotifiedAt) {
        if (future(v.authorityNotifiedAt)) issue('authorityNotifiedAt', 'breaches.error.future')
        else if (v.authorityNotifiedAt.getTime() < v.discoveredAt.getTime()) issue('authorityNotifiedAt', 'breaches.error.notifiedBeforeDiscovery')
        if (v.authorityDecision !== 'notify') issue('authorityDecision', 'breaches.error.notifiedButNotDecided')
      }
      // The register must say why people were not told (AVG art. 34(3)).
      if (v.informDecision === 'not-required' && v.informReason === '') issue('informReason', 'breaches.error.informReason')
    })
    .transform((v) => ({
      title: v.title,
      discoveredAt: v.discoveredAt,
      occurredAt: v.occurredAt,
      ongoing: v.ongoing,
      whatHappened: v.whatHappened,
      nature: NATURES.filter((n) => v[natureField(n) as `nature_${Nature}`]),
      dataKinds: v.dataKinds,
      dataEncrypted: v.dataEncrypted,
      peopleKinds: v.peopleKinds,
      approxPeople: v.approxPeople,
      approxRecords: v.approxRecords,
      likelyConsequences: v.likelyConsequences,
      measuresTaken: v.measuresTaken,
      measuresProposed: v.measuresProposed,
      advice: v.advice,
      authorityDecision: v.authorityDecision,
      authorityNotifiedAt: v.authorityNotifiedAt,
      authorityReference: v.authorityReference,
      informDecision: v.informDecision,
      informReason: v.informReason,
      crossBorder: v.crossBorder,
      contactPerson: v.contactPerson,
      status: v.status,
    }))
}
export type BreachInput = z.output<ReturnType<typeof breachSchema>>

/** At most this many addresses in one pasted list. */
export const MAX_PASTED_ADDRESSES = 5000
const EMAIL_SHAPE = z.email()

/** A pasted list of addresses: split on spaces, commas, semicolons and line breaks; lower-cased, once each. */
export function parseAddressList(value: string): { valid: string[]; invalid: string[] } {
  const seen = new Set<string>()
  const valid: string[] = []
  const invalid: string[] = []
  for (const raw of value.split(/[\s,;]+/)) {
    const address = raw.trim().replace(/^<|>$/g, '').toLowerCase()
    if (!address || seen.has(address)) continue
    seen.add(address)
    if (seen.size > MAX_PASTED_ADDRESSES) break
    if (address.length <= 254 && EMAIL_SHAPE.safeParse(address).success) valid.push(address)
    else invalid.push(address)
  }
  return { valid, invalid }
}

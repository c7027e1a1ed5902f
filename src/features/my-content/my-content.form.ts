/**
 * Between the form (strings, Amsterdam wall clock) and the content_items columns, both ways, so
 * the edit form shows exactly what a new form would have produced.
 */
import type { FormValues } from '../../kernel/http/form.js'
import type { ContentType } from '../content/content.tables.js'
import { contentItems } from '../content/content.tables.js'
import { fromLocal, localDate, toLocal } from '../content/content.recurrence.js'
import { DAY } from '../../kernel/clock.js'
import { formatMoves } from './my-content.moves.js'
import {
  DEFAULT_EXPIRY_DAYS,
  recurrenceOf,
  slugify,
  type ActivityInput,
  type ContentInput,
  type NewsInput,
  type OrganisationInput,
  type PrikbordInput,
  type ShowcaseInput,
} from './my-content.schema.js'

export type ItemColumns = Partial<typeof contentItems.$inferInsert>

function at(date: string, time: string | null): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = (time ?? '00:00').split(':').map(Number) as [number, number]
  return fromLocal({ year, month, day, hour, minute })
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10)
}

export function today(now: Date): string {
  return localDate(toLocal(now))
}

const hhmm = (d: Date) => {
  const p = toLocal(d)
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}
const ymd = (d: Date) => localDate(toLocal(d))
const euros = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2).replace('.', ','))

/** The end of the last day shown: a Prikbord item chosen to run "until 12 May" expires at midnight after it. */
export function expiryFromDate(expiresOn: string): Date {
  return at(nextDay(expiresOn), null)
}

/** The columns a valid form sets. Type-specific columns of other types are left untouched. */
export function columnsFor(type: ContentType, input: ContentInput): ItemColumns {
  const base: ItemColumns = {
    title: input.title,
    slug: slugify(input.title),
    summary: input.summary ?? '',
    body: input.body ?? '',
    contactName: input.contactName,
    contactNamePublic: input.contactNamePublic,
    contactEmail: input.contactEmail,
    contactEmailPublic: input.contactEmailPublic,
    contactPhone: input.contactPhone,
    contactPhonePublic: input.contactPhonePublic,
    contactAddress: input.contactAddress,
    contactAddressPublic: input.contactAddressPublic,
  }
  switch (type) {
    case 'activity': {
      const v = input as ActivityInput
      const endDate = v.endDate ?? v.startDate
      return {
        ...base,
        allDay: v.allDay,
        startsAt: at(v.startDate, v.allDay ? null : v.startTime),
        // All-day: the end is the midnight after the last day (exclusive, as in iCalendar).
        endsAt: v.allDay ? at(nextDay(endDate), null) : v.endTime ? at(endDate, v.endTime) : null,
        recurrence: recurrenceOf(v),
        locationText: v.locationText,
        locationOrgId: v.locationOrgId,
        costCents: v.costKind === 'amount' ? v.costAmount : null,
        joinInfo: v.joinInfo,
      }
    }
    case 'organisation': {
      const v = input as OrganisationInput
      return { ...base, offers: v.offers, openingHours: v.openingHours, website: v.website }
    }
    case 'request':
    case 'offer': {
      const v = input as PrikbordInput
      return { ...base, category: v.category, expiresAt: expiryFromDate(v.expiresOn) }
    }
    case 'news': {
      const v = input as NewsInput
      return { ...base, publishedAt: at(v.publicationDate, null) }
    }
    case 'showcase': {
      const v = input as ShowcaseInput
      return { ...base, priceCents: v.price, businessId: v.businessId }
    }
  }
}

/** What a new form shows: contact switches off, sharing with partners on, a 30-day expiry, today as publication date. */
export function defaultValues(type: ContentType, now: Date): FormValues {
  const values: FormValues = { sharedWithPartners: 'on' }
  if (type === 'request' || type === 'offer') values.expiresOn = dayBefore(ymd(new Date(now.getTime() + (DEFAULT_EXPIRY_DAYS + 1) * DAY)))
  if (type === 'news') values.publicationDate = today(now)
  if (type === 'activity') values.costKind = 'free'
  return values
}

/** The edit form's values from a stored item. */
export function valuesFromItem(item: typeof contentItems.$inferSelect, themeIds: number[]): FormValues {
  const v: FormValues = {
    title: item.title,
    summary: item.summary,
    body: item.body,
    contactName: item.contactName ?? '',
    contactEmail: item.contactEmail ?? '',
    contactPhone: item.contactPhone ?? '',
    contactAddress: item.contactAddress ?? '',
  }
  const on = (key: string, flag: boolean) => {
    if (flag) v[key] = 'on'
  }
  on('contactNamePublic', item.contactNamePublic)
  on('contactEmailPublic', item.contactEmailPublic)
  on('contactPhonePublic', item.contactPhonePublic)
  on('contactAddressPublic', item.contactAddressPublic)
  on('sharedWithPartners', item.sharedWithPartners)
  for (const id of themeIds) v[`theme_${id}`] = 'on'
  switch (item.type) {
    case 'activity':
      if (item.startsAt) {
        v.startDate = ymd(item.startsAt)
        if (!item.allDay) v.startTime = hhmm(item.startsAt)
      }
      if (item.endsAt) {
        if (item.allDay) {
          v.endDate = dayBefore(ymd(item.endsAt))
        } else {
          v.endDate = ymd(item.endsAt)
          v.endTime = hhmm(item.endsAt)
        }
      }
      on('allDay', item.allDay)
      v.recurrenceKind = item.recurrence?.kind ?? ''
      v.recurrenceUntil = item.recurrence?.until ?? ''
      v.recurrenceExceptions = (item.recurrence?.exceptions ?? []).join(', ')
      v.recurrenceMoves = formatMoves(item.recurrence?.moves)
      v.locationText = item.locationText ?? ''
      v.locationOrgId = item.locationOrgId ? String(item.locationOrgId) : ''
      v.costKind = item.costCents === null ? 'free' : 'amount'
      v.costAmount = euros(item.costCents)
      v.joinInfo = item.joinInfo ?? ''
      break
    case 'organisation':
      v.offers = item.offers ?? ''
      v.openingHours = item.openingHours ?? ''
      v.website = item.website ?? ''
      break
    case 'request':
    case 'offer':
      v.category = item.category ?? ''
      if (item.expiresAt) v.expiresOn = dayBefore(ymd(item.expiresAt))
      break
    case 'news':
      if (item.publishedAt) v.publicationDate = ymd(item.publishedAt)
      break
    case 'showcase':
      v.price = euros(item.priceCents)
      v.businessId = item.businessId ? String(item.businessId) : ''
      break
  }
  return v
}

/** Theme ids ticked in the form, limited to the wijk's own themes. */
export function tickedThemes(values: FormValues, allowed: number[]): number[] {
  return allowed.filter((id) => values[`theme_${id}`] === 'on')
}

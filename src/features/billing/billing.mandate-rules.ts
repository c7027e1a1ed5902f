/**
 * The rules of a SEPA direct debit mandate that do not need the database: its reference, which
 * sequence type its next collection gets, when it expires, and whether it may be collected at all.
 * The mandate table and the admin pages call these; decisions/019-sepa-direct-debit.md says why.
 *
 * Calendar days are "YYYY-MM-DD" strings (a mandate is signed on a day, not at an instant); "now"
 * is an instant from the clock, read as the day it is in Amsterdam.
 */
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import { localDate, toLocal } from '../content/content.recurrence.js'

export const MANDATE_SCHEMES = ['CORE', 'B2B'] as const
export type MandateScheme = (typeof MANDATE_SCHEMES)[number]

/** FRST and RCUR only: every mandate here is recurrent (a subscription); no OOFF, no FNAL. */
export type SequenceType = 'FRST' | 'RCUR'

/** The longest mandate reference (MndtId) the scheme accepts. */
export const MANDATE_REFERENCE_MAX = 35

/**
 * Digits and capitals without the look-alikes (0/O, 1/I): a reference is read aloud on the phone
 * and typed from the bank statement. 32 symbols, 5 bits each.
 */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const RANDOM_LENGTH = 10
const CUSTOMER_PART_MAX = MANDATE_REFERENCE_MAX - 'WC--'.length - RANDOM_LENGTH

/**
 * "WC-<customer>-<random>", e.g. "WC-42-7KQ2M9XH4T". Only capitals, digits and hyphens: the
 * safest part of the SEPA character set, never starting or ending with "/" nor holding "//"
 * (which the scheme forbids in identifiers). The customer part keeps a reference recognisable;
 * the 10 random symbols (50 bits) make a collision unlikely among even millions of mandates,
 * and the unique index catches the one that happens anyway.
 */
export function newMandateReference(customerId: string | number): string {
  const customer = String(customerId).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, CUSTOMER_PART_MAX) || 'X'
  return `WC-${customer}-${randomSymbols(RANDOM_LENGTH)}`
}

/** `length` symbols drawn uniformly from the reference alphabet by the system's secure generator. */
export function randomSymbols(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  return out
}

/**
 * What became of an earlier collection under the mandate:
 * - `sent`: in a file for the bank, nothing heard back (silence means it was paid);
 * - `rejected`: refused before settlement (an R-transaction of the reject, refusal or
 *   cancellation kind): no money moved, the debtor's bank never accepted the mandate's use;
 * - `returned`: settled and sent back afterwards (a return, refund or reversal: the storno).
 */
export type CollectionOutcome = 'sent' | 'rejected' | 'returned'

export interface MandateUse {
  collections: ReadonlyArray<{ outcome: CollectionOutcome }>
}

/**
 * FRST until a collection under this mandate has reached settlement, RCUR from then on.
 *
 * Why a rejected FRST makes the next one FRST again, and a returned FRST does not: the EPC
 * rulebooks treat the first collection as the one that presents the mandate to the debtor's bank.
 * A collection rejected before settlement was never processed, so the series has not started and
 * the next collection is presented as a first one again. A collection that was settled and then
 * returned or refunded did start the series (the bank processed it under the mandate); the
 * mandate stays valid and later collections are recurrent. Since the 2016 rulebooks a FRST is no
 * longer required (a RCUR is accepted as first), so erring towards FRST is never refused, while
 * Dutch banks still expect it; that is why the rule errs that way.
 */
export function sequenceTypeFor(mandate: MandateUse): SequenceType {
  return mandate.collections.some((c) => c.outcome !== 'rejected') ? 'RCUR' : 'FRST'
}

/** A mandate not used for this many months has expired (EPC rulebook: 36 months). */
export const MANDATE_EXPIRY_MONTHS = 36

/**
 * True when 36 months have passed since the later of the signing day and the last collection
 * day. Counted in calendar months: signed 2023-03-15 and unused, it may still be collected on
 * 2026-03-14 and has expired on 2026-03-15. A day that does not exist in the target month (the
 * 31st, 29 February) counts as the month's last day.
 */
export function mandateExpired(lastCollectionOrSigned: string, now: Date): boolean {
  return amsterdamDay(now) >= addMonths(lastCollectionOrSigned, MANDATE_EXPIRY_MONTHS)
}

export interface MandateState {
  signedOn: string
  /** The collection day of the latest collection sent under it, if any. */
  lastCollectedOn: string | null
  /** Set when the customer or the admin ended the mandate. */
  revokedOn?: string | null
}

export type NotCollectable = 'expired' | 'revoked'

/** Whether a collection may be sent under the mandate now; if not, why not. */
export function collectable(mandate: MandateState, now: Date): { ok: true } | { ok: false; reason: NotCollectable } {
  if (mandate.revokedOn && mandate.revokedOn <= amsterdamDay(now)) return { ok: false, reason: 'revoked' }
  const lastUse = mandate.lastCollectedOn && mandate.lastCollectedOn > mandate.signedOn ? mandate.lastCollectedOn : mandate.signedOn
  if (mandateExpired(lastUse, now)) return { ok: false, reason: 'expired' }
  return { ok: true }
}

export function amsterdamDay(now: Date): string {
  return localDate(toLocal(now))
}

/** "YYYY-MM-DD" plus whole months, clamped to the last day of the month it lands in. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const monthIndex = y * 12 + (m - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = (monthIndex % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return localDate({ year, month, day: Math.min(d, lastDay) })
}

/**
 * The reason codes (ISO 20022 ExternalReturnReason) banks give most often when a collection comes
 * back, with whether the same mandate may be collected again once the cause is dealt with (for
 * the others the customer must give a new mandate or account). Explanations: billing.return.<code>.
 */
export const RETURN_REASONS = {
  AC01: { mandateUsable: false },
  AC04: { mandateUsable: false },
  AC06: { mandateUsable: false },
  AC13: { mandateUsable: false },
  AG01: { mandateUsable: false },
  AG02: { mandateUsable: true },
  AM04: { mandateUsable: true },
  AM05: { mandateUsable: true },
  BE05: { mandateUsable: true },
  CNOR: { mandateUsable: true },
  DNOR: { mandateUsable: false },
  FF01: { mandateUsable: true },
  MD01: { mandateUsable: false },
  MD02: { mandateUsable: true },
  MD06: { mandateUsable: true },
  MD07: { mandateUsable: false },
  MS02: { mandateUsable: true },
  MS03: { mandateUsable: true },
  RC01: { mandateUsable: true },
  RR01: { mandateUsable: true },
  RR02: { mandateUsable: true },
  RR03: { mandateUsable: true },
  RR04: { mandateUsable: true },
  SL01: { mandateUsable: false },
} as const satisfies Record<string, { mandateUsable: boolean }>

export type ReturnReason = keyof typeof RETURN_REASONS
const RETURN_REASON_CODES = Object.keys(RETURN_REASONS) as [ReturnReason, ...ReturnReason[]]

/** A reason code as an admin types it (" am04 " is AM04); anything else: billing.error.returnReason. */
export const returnReasonSchema = z
  .string({ message: 'billing.error.returnReason' })
  .trim()
  .toUpperCase()
  .pipe(z.enum(RETURN_REASON_CODES, { message: 'billing.error.returnReason' }))

export function returnReasonMessage(code: ReturnReason) {
  return `billing.return.${code}` as const
}

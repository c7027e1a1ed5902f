/**
 * Inputs about places: the postcode a visitor types, and the city and wijk forms of beheer.
 * Error messages are message keys (translated by readForm).
 */
import { z } from 'zod'
import { SLUG_PATTERN, isReservedSlug } from '../../kernel/http/reserved.js'
import { text } from '../../kernel/http/form.js'

/** "1234 AB", "1234ab" and "1234" all give "1234"; anything else is refused. */
const POSTCODE = /^([1-9][0-9]{3})\s*(?:[a-z]{2})?$/i

export const postcodeQuerySchema = z.object({
  /** A Dutch postcode; only its four digits (PC4) are used, and nothing of it is stored (P17). */
  postcode: z
    .string({ message: 'places.postcode.required' })
    .trim()
    .min(1, 'places.postcode.required')
    .max(20, 'places.postcode.invalid')
    .transform((v, ctx) => {
      const match = POSTCODE.exec(v)
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'places.postcode.invalid' })
        return z.NEVER
      }
      return match[1]!
    }),
})

/** Decimal degrees as a browser sends them: "52.26", "-0.1", "6". */
const DEGREES = /^-?[0-9]{1,3}(?:\.[0-9]{1,10})?$/

/** A coordinate from the query string, rounded to two decimals: about a kilometre, never more exact. */
const coarseDegrees = (limit: number) =>
  z
    .string({ message: 'places.locate.invalid' })
    .trim()
    .regex(DEGREES, 'places.locate.invalid')
    .transform(Number)
    .refine((v) => Math.abs(v) <= limit, 'places.locate.invalid')
    .transform((v) => Math.round(v * 100) / 100)

/** P17: the browser's coarse location, used for one answer and then forgotten. */
export const coarseLocationSchema = z.object({
  lat: coarseDegrees(90),
  lon: coarseDegrees(180),
})

/** The wijk stylesheet's ?v=<updatedAt>: any other value (or none) is simply not the current version. */
export const themeQuerySchema = z.object({ v: z.string().optional() })

export const HEX_COLOUR = /^#[0-9a-f]{6}$/

/** A slug in the one namespace shared by cities and wijken: lower-case words joined by hyphens. */
export const placeSlug = () =>
  z
    .string()
    .trim()
    .min(1, 'error.required')
    .max(60)
    .refine((v) => SLUG_PATTERN.test(v), 'places.slug.pattern')
    .refine((v) => !isReservedSlug(v), 'places.slug.reserved')

export const citySchema = z.object({
  /** Name of the gemeente as shown on the site. */
  name: text(100),
  /** Address of the city page, /<slug>/. */
  slug: placeSlug(),
})
export type CityInput = z.output<typeof citySchema>

/** Four digits, 1000–9999, separated by commas or spaces; duplicates dropped. */
export const pc4List = () =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((v, ctx) => {
      const parts = (v ?? '').split(/[\s,;]+/).filter(Boolean)
      const bad = parts.find((p) => !/^[1-9][0-9]{3}$/.test(p))
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'places.postcodes.invalid' })
        return z.NEVER
      }
      return [...new Set(parts)].sort()
    })

/** An optional coordinate in a beheer form; a decimal comma is accepted ("52,2555"). */
const optionalDegrees = (limit: number, message: 'places.centerLat.invalid' | 'places.centerLon.invalid') =>
  z
    .string()
    .trim()
    .max(20, message)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const dotted = v.replace(',', '.')
      const n = Number(dotted)
      if (!DEGREES.test(dotted) || Math.abs(n) > limit) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return n
    })

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** A lower-case DNS name with at least two labels and a non-numeric top level (no IP addresses). */
export function isHostName(v: string): boolean {
  if (v.length > 253) return false
  const labels = v.split('.')
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return false
  return !/^[0-9]+$/.test(labels[labels.length - 1]!)
}

/** A wijk's own host name as typed: lower-cased, empty is none (null). */
export function hostNameField() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHostName(v), 'places.hostName.invalid')
}

/** The wijk's own host name set by its ambassadeur under a package (wijkbeheer); empty clears it. */
export const ownHostNameSchema = z.object({ hostName: hostNameField() })

/** What an ambassadeur may change about their own wijk: how it presents itself. */
export const wijkPresentationSchema = z.object({
  /** Name of the wijk as shown on its site. */
  name: text(100),
  /** Introduction in Dutch (plain text, shown on the wijk home). */
  introNl: z.string().trim().max(2000).optional().default(''),
  /** Introduction in English; the Dutch one is shown when empty. */
  introEn: z.string().trim().max(2000).optional().default(''),
  /** Brand colour from <input type=color>: #rrggbb. */
  colour: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => HEX_COLOUR.test(v), 'places.colour.invalid'),
  /** Ticked: remove the current logo (ignored when a new logo is uploaded). */
  removeLogo: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

/** What only a platform admin may set: the address, the city, the postcodes and the host name. */
export const wijkSchema = wijkPresentationSchema.extend({
  /** Address of the wijk site, /<slug>/. */
  slug: placeSlug(),
  /** Id of the city the wijk belongs to. */
  cityId: z.coerce.number({ message: 'error.required' }).int().positive('error.required'),
  /** PC4 areas the wijk covers, for "find my wijk by postcode". */
  postcodes: pc4List(),
  /** Optional own domain that serves this wijk at its root, e.g. www.mijnwijk.nl. */
  hostName: hostNameField(),
  /** Approximate centre of the wijk (WGS84), for "use my location" (P17); both or neither. */
  centerLat: optionalDegrees(90, 'places.centerLat.invalid'),
  centerLon: optionalDegrees(180, 'places.centerLon.invalid'),
}).superRefine((v, ctx) => {
  if (v.centerLat === null && v.centerLon !== null) ctx.addIssue({ code: 'custom', path: ['centerLat'], message: 'places.center.both' })
  if (v.centerLon === null && v.centerLat !== null) ctx.addIssue({ code: 'custom', path: ['centerLon'], message: 'places.center.both' })
})

export type WijkPresentationInput = z.output<typeof wijkPresentationSchema>
export type WijkInput = z.output<typeof wijkSchema>

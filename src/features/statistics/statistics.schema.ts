/**
 * The dashboard filter, from the query string: a period of 7, 30 or 90 days ending today, and on
 * the all-wijken page optionally one site. Error messages are message keys.
 */
import { z } from 'zod'

export const PERIODS = ['7', '30', '90'] as const
export const DEFAULT_PERIOD = '30'
/** The wijk filter's value for every site (a select needs a non-empty value to be required). */
export const ALL_SITES = 'alle'

export const periodSchema = z.object({
  /** Number of days up to and including today. */
  periode: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? DEFAULT_PERIOD : v))
    .pipe(z.enum(PERIODS, { message: 'statistics.filter.period.invalid' }))
    .transform(Number),
})

export const allSitesFilterSchema = periodSchema.extend({
  /** 'alle' (or nothing) for every site, 0 for the platform's own pages, or a wijk id. */
  wijk: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? ALL_SITES : v))
    .refine((v) => v === ALL_SITES || /^(0|[1-9][0-9]{0,8})$/.test(v), 'statistics.filter.wijk.invalid')
    .transform((v) => (v === ALL_SITES ? null : Number(v))),
})

/** How far ahead /beheer/incasso looks, as the admin types it (query) or the run form sends it. */
import { z } from 'zod'
import { DEFAULT_HORIZON_DAYS } from './billing.debit-runs.queries.js'

export const MAX_HORIZON_DAYS = 60

const days = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? String(DEFAULT_HORIZON_DAYS) : v))
  .pipe(z.string().regex(/^\d{1,2}$/, { message: 'billing.error.horizon' }).transform(Number))
  .pipe(z.number().max(MAX_HORIZON_DAYS, { message: 'billing.error.horizon' }))

export const horizonSchema = z.object({ dagen: days })

/**
 * Inputs of the alerts page: following something, the digest frequency, and which wijk's choices
 * the page opens with. Error messages are message keys.
 */
import { z } from 'zod'
import { queryId } from '../../kernel/http/params.js'
import { FREQUENCIES } from './alerts.queries.js'

const ID = /^[1-9]\d{0,8}$/

export const followSchema = z.object({
  wijkId: z.string().regex(ID, 'alerts.add.error').transform(Number),
  what: z.string().regex(/^(module|category|theme):[a-z0-9-]{1,60}$/, 'alerts.add.error'),
})

export const frequencySchema = z.object({ frequency: z.enum(FREQUENCIES, { message: 'alerts.frequency.error' }) })

/** ?wijk=<id>: the wijk whose modules and themes the page offers; anything but an id means the home wijk. */
export const alertsQuerySchema = z.object({ wijk: queryId() })

import { z } from 'zod'
import { queryId } from '../../kernel/http/params.js'

export const MESSAGE_MAX = 5000
export const ANSWER_MAX = 10000

/** A positive whole number from a form field; '' counts as not given. */
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null
    if (!/^[1-9][0-9]{0,9}$/.test(v) || Number(v) > 2_147_483_647) {
      ctx.addIssue({ code: 'custom', message: 'error.invalid' })
      return z.NEVER
    }
    return Number(v)
  })

export const questionSchema = z.object({
  /** The question, as typed; only admins read it. */
  message: z.string().trim().min(1).max(MESSAGE_MAX),
})

export const problemSchema = z.object({
  /** The wijk whose items the list shows (kept so the page looks the same after an error). */
  wijk: optionalId,
  /** The address of the item's page, pasted from the address bar. */
  address: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => (v ? v : null)),
  /** Or the item chosen from the wijk's list. */
  itemId: optionalId,
  /** What is wrong with it. */
  message: z.string().trim().min(1).max(MESSAGE_MAX),
})

export const answerSchema = z.object({
  /** Mailed to the person who asked. */
  answer: z.string().trim().min(1).max(ANSWER_MAX),
})

/** The list tab (?status=gesloten for the closed requests); anything else shows the open ones. */
export const listQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v): 'open' | 'closed' => (v === 'gesloten' ? 'closed' : 'open')),
})

/** The problem form's ?wijk=<id>, the wijk it starts with; anything but an id starts without one. */
export const problemQuerySchema = z.object({ wijk: queryId() })

import { z } from 'zod'
import { email, text } from '../../kernel/http/form.js'

/** The account holder's current password, to confirm it is really them (never trimmed). */
export const cancelSchema = z.object({
  password: z.string().min(1).max(1024),
})

/** An address typed by an admin, to find an account or an archive. */
export const emailSearchSchema = z.object({
  email: email(),
})

export const onBehalfSchema = z.object({
  /** The account found by the search step (a hidden field). */
  userId: z.uuid(),
  /** How and when the request came in; kept as a support request of kind 'cancellation'. */
  reason: text(2000),
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** An archive id from the URL, or null. */
export function parseArchiveId(value: string | undefined): string | null {
  return value && UUID.test(value) ? value : null
}

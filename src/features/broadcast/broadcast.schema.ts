/** The broadcast form: a subject and a plain-text message (paragraphs separated by a blank line). */
import { z } from 'zod'
import { text } from '../../kernel/http/form.js'

export const broadcastSchema = z.object({
  subject: text(120),
  body: text(5000),
})
export type BroadcastInput = z.output<typeof broadcastSchema>

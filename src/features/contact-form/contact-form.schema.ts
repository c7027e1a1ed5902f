import { z } from 'zod'

/** CR or LF could smuggle mail headers; refused outright rather than silently stripped. */
const singleLine = (max: number) =>
  z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'contact-form.error.singleLine' })
    .transform((v) => v.trim())
    .pipe(z.string().min(1).max(max))

export const HONEYPOT_FIELD = 'website_extra'

export const contactSchema = z.object({
  /** The visitor's name, shown to the recipient. */
  name: singleLine(100),
  /** Where the recipient's reply goes (Reply-To); never stored outside the outbox. */
  email: z
    .string()
    .refine((v) => !/[\r\n]/.test(v), { message: 'contact-form.error.singleLine' })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email().max(254)),
  /** The message itself. */
  message: z.string().trim().min(1).max(5000),
})

export type ContactInput = z.output<typeof contactSchema>

import { z } from 'zod'

export const PAGE_SIZE = 20

export const searchQuerySchema = z.object({
  /** What the visitor searches for; empty shows just the form. */
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\p{Cc}/gu, ' ').trim())
    .pipe(z.string().max(200)),
  /** 1-based results page. */
  pagina: z.coerce.number().int().min(1).max(500).optional().default(1),
})

import { z } from 'zod'

export const PAGE_SIZE = 20

export const searchQuerySchema = z.object({
  /** What the visitor searches for; empty shows just the form. */
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\p{Cc}/gu, ' ').trim())
    .pipe(z.string().max(200)),
  /** 1-based results page; an empty one is the first. */
  pagina: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : 1))
    .pipe(z.number().int().min(1).max(500)),
})

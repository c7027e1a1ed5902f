/**
 * Query strings of the public wijk site. Anything else gets a 400 instead of a guess.
 */
import { z } from 'zod'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'

/** A month from 1900 to 2199: years before 100 would be read as 19xx by Date.UTC. */
const MONTH = /^(19|2[01])\d{2}-(0[1-9]|1[0-2])$/
const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/

export const listQuerySchema = z.object({
  /** Page number, 1-based; 20 items a page. */
  pagina: z.coerce.number().int().min(1).max(5000).default(1),
  /** Slug of one of the wijk's themes. */
  thema: z.string().max(60).regex(SLUG_PATTERN).optional(),
  /** Prikbord: only requests (vraag) or only offers (aanbod). */
  soort: z.enum(['vraag', 'aanbod']).optional(),
  /** Prikbord: a category as the owners typed it. */
  categorie: z.string().trim().min(1).max(80).optional(),
  /** Agenda: a named date range. */
  wanneer: z.enum(['vandaag', 'deze-week', 'dit-weekend']).optional(),
  /** Agenda: a month (YYYY-MM), listed per day. */
  maand: z.string().regex(MONTH).optional(),
})
export type ListQuery = z.infer<typeof listQuerySchema>

/** The Agenda: the list (by day), a month as a calendar (`maand`), or one day (`dag`). */
export const agendaQuerySchema = listQuerySchema
  .extend({
    /** One day (YYYY-MM-DD, a date that exists), listed in full. */
    dag: z.iso.date().regex(/^(19|2[01])/).optional(),
  })
  .refine((q) => !(q.maand && q.dag), { message: 'maand or dag, not both' })
export type AgendaQuery = z.infer<typeof agendaQuerySchema>

export const printQuerySchema = z.object({
  /** ISO week, e.g. 2026-W10. */
  week: z.string().regex(WEEK).optional(),
  /** A month (YYYY-MM). */
  maand: z.string().regex(MONTH).optional(),
  thema: z.string().max(60).regex(SLUG_PATTERN).optional(),
})

/** ?deel=N of /sitemap.xml: which part of a sitemap index (absent: the index itself, or the one file). */
export const sitemapQuerySchema = z.object({ deel: z.string().regex(/^[0-9]{1,4}$/).optional() })

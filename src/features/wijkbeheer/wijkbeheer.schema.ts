/** Forms of the wijk team's area: a link to a resident-run website, an offline participant. */
import { z } from 'zod'
import { text } from '../../kernel/http/form.js'
import { queryId } from '../../kernel/http/params.js'
import type { ContentType } from '../content/content.tables.js'

/**
 * An https address of a real host: no credentials in it, no other scheme (javascript:, http:),
 * no bare word. Normalised through URL so what is stored is what the browser would open.
 */
export const httpsUrl = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(500)
    .transform((value, ctx) => {
      let url: URL
      try {
        url = new URL(value)
      } catch {
        ctx.addIssue({ code: 'custom', message: 'wijkbeheer.links.error.url' })
        return z.NEVER
      }
      if (url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: 'wijkbeheer.links.error.https' })
        return z.NEVER
      }
      if (url.username || url.password || !url.hostname.includes('.') || url.hostname.endsWith('.')) {
        ctx.addIssue({ code: 'custom', message: 'wijkbeheer.links.error.url' })
        return z.NEVER
      }
      return url.toString()
    })

export const linkSchema = z.object({
  title: text(80),
  url: httpsUrl(),
})
export type LinkInput = z.output<typeof linkSchema>

const DATE = /^\d{4}-\d{2}-\d{2}$/

export const participantSchema = z.object({
  name: text(120),
  howToReach: text(300),
  /** The date written on the signed paper form; not in the future (checked against the clock by the route). */
  paperConsentOn: z
    .string()
    .trim()
    .regex(DATE, 'wijkbeheer.offline.error.date')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'wijkbeheer.offline.error.date'),
  /** The team member confirms they hold the signed form. */
  paperConsent: z
    .string()
    .optional()
    .refine((v) => v === 'on', 'wijkbeheer.offline.error.consent'),
})
export type ParticipantInput = z.output<typeof participantSchema>

/** Editing a participant: the consent was confirmed when they were registered. */
export const participantEditSchema = participantSchema.omit({ paperConsent: true })
export type ParticipantEditInput = z.output<typeof participantEditSchema>

/**
 * What the team can place for someone offline. Not a showcase (Etalage): that belongs to a
 * business someone manages with an account.
 */
export const ASSIST_TYPES = ['activity', 'organisation', 'request', 'offer', 'news'] as const satisfies readonly ContentType[]

/** The query of the new-item form placed for a participant; a missing or unknown value is a 404 there. */
export const assistNewQuerySchema = z.object({
  /** The participant the item is for. */
  voor: queryId(),
  /** The kind of item. */
  type: z.enum(ASSIST_TYPES).optional().catch(undefined),
})

/**
 * Form inputs of the documents feature.
 */
import { z } from 'zod'
import { checkbox, text } from '../../kernel/http/form.js'
import { safeLocalPath } from '../../kernel/http/redirect.js'
import { CONSENT_PATH } from './documents.gate.js'

/** Browsers post textarea line breaks as CRLF; store them as LF so versions compare cleanly. */
const markdownText = (max: number) => text(max).transform((v) => v.replace(/\r\n?/g, '\n'))

export const draftSchema = z.object({
  /** The Dutch text, markdown. */
  bodyNl: markdownText(200_000),
  /** The English text, markdown. */
  bodyEn: markdownText(200_000),
  /** What changed compared to the previous version, in plain words; shown to users when they are asked. */
  changeNote: markdownText(2_000),
})
export type DraftInput = z.output<typeof draftSchema>

/** Comma-separated ids of the documents the page showed, so consent covers exactly what was read. */
const idList = z
  .string()
  .max(200)
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^\d{1,10}$/.test(s))
      .map(Number),
  )

export const consentSchema = z.object({
  /** The unticked box the user must tick themselves (GDPR art. 7: consent is an explicit act). */
  akkoord: checkbox().refine((v) => v, { message: 'error.mustAccept' }),
  /** The document versions shown on the page. */
  documenten: idList,
  /** Where the user was going when they were asked; checked with safeLocalPath. */
  volgende: z.string().max(2000).optional(),
})

export const acknowledgeSchema = z.object({
  /** The privacy statement version the banner announced. */
  document: z.string().regex(/^\d{1,10}$/).transform(Number),
  /** The page the banner was on, to return to. */
  terug: z.string().max(2000).optional(),
})

/** Where to go after consenting: a local path, never back to the consent page itself. */
export function nextPath(value: unknown): string {
  const path = safeLocalPath(value, '/')
  return path === CONSENT_PATH || path.startsWith(`${CONSENT_PATH}?`) || path.startsWith(`${CONSENT_PATH}/`) ? '/' : path
}

/** ?volgende=<path> of the consent page; anything that is not a local path leads home. */
export const consentQuerySchema = z.object({ volgende: z.string().optional().transform(nextPath) })

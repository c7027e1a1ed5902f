/**
 * Form inputs of the register of processing activities and processors (P12).
 */
import { z } from 'zod'
import { checkbox, optionalText, text } from '../../kernel/http/form.js'

export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'legitimate-interest'] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

/** Browsers post textarea line breaks as CRLF; store LF. */
const longText = (max: number) => text(max).transform((v) => v.replace(/\r\n?/g, '\n'))

export const activitySchema = z.object({
  /** Name of the activity in Dutch and English, as the public page shows it. */
  nameNl: text(200),
  nameEn: text(200),
  /** Why the data is processed. */
  purposeNl: longText(2000),
  purposeEn: longText(2000),
  /** Which kinds of personal data. */
  dataNl: longText(2000),
  dataEn: longText(2000),
  /** Whose data. */
  subjectsNl: longText(1000),
  subjectsEn: longText(1000),
  /** The legal basis (AVG art. 6(1)). */
  legalBasis: z.enum(LEGAL_BASES, { message: 'register.error.legalBasis' }),
  /** How long the data is kept. */
  retentionNl: longText(1000),
  retentionEn: longText(1000),
  /** The processors involved, by name, as shown. */
  processorNames: optionalText(500).transform((v) => v ?? ''),
  /** Order on the pages: lower first. */
  position: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? '0' : v))
    .pipe(z.string().regex(/^\d{1,5}$/, { message: 'register.error.position' }))
    .transform(Number),
})
export type ActivityInput = z.output<typeof activitySchema>

export const processorSchema = z
  .object({
    /** The processor's (company) name. */
    name: text(200),
    /** What it does for us. */
    serviceNl: longText(1000),
    serviceEn: longText(1000),
    /** Where it processes the data, e.g. "Nederland", "EU". */
    location: text(200),
    /** A processor agreement is signed: without one, no personal data goes to this processor. */
    agreementInPlace: checkbox(),
    /** When the agreement was signed (YYYY-MM-DD). */
    agreementDate: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' ? null : v))
      .pipe(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'register.error.date' })
          .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'register.error.date' })
          .nullable(),
      ),
    /** Where the signed agreement can be found (a file name or case number). */
    agreementReference: optionalText(200),
  })
  .superRefine((v, ctx) => {
    // An agreement recorded without a date cannot be checked later.
    if (v.agreementInPlace && v.agreementDate === null) ctx.addIssue({ code: 'custom', path: ['agreementDate'], message: 'register.error.agreementDate' })
  })
export type ProcessorInput = z.output<typeof processorSchema>

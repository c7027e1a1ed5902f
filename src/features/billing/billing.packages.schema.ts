/**
 * The package form of /beheer/pakketten. The price is typed in euros and kept in cents; the VAT
 * rate and period come from fixed lists; entitlements are one checkbox each.
 */
import { z } from 'zod'
import { checkbox, text } from '../../kernel/http/form.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { ENTITLEMENTS, type Entitlement } from './billing.entitlements.js'
import { parseEuros } from './billing.money.js'
import { PACKAGE_PERIODS, VAT_RATES, type VatRate } from './billing.packages.tables.js'

/** A price above this is a typing error, not a neighbourhood package. */
export const MAX_PRICE_CENTS = 10_000_000

export const entitlementField = (e: Entitlement) => `entitlement_${e.replace('.', '_')}`

const entitlementFields = Object.fromEntries(ENTITLEMENTS.map((e) => [entitlementField(e), checkbox()])) as Record<string, ReturnType<typeof checkbox>>

export const packageSchema = z
  .object({
    slug: z
      .string({ message: 'error.required' })
      .trim()
      .toLowerCase()
      .min(1, { message: 'error.required' })
      .max(60)
      .refine((v) => SLUG_PATTERN.test(v), { message: 'billing.error.slug' }),
    nameNl: text(80),
    nameEn: text(80),
    descriptionNl: text(2000),
    descriptionEn: text(2000),
    price: z
      .string({ message: 'error.required' })
      .trim()
      .min(1, { message: 'error.required' })
      .transform((v, ctx) => {
        const cents = parseEuros(v)
        if (cents === null || cents > MAX_PRICE_CENTS) {
          ctx.addIssue({ code: 'custom', message: 'billing.error.price' })
          return z.NEVER
        }
        return cents
      }),
    vatRate: z.enum(VAT_RATES.map(String) as [string, ...string[]], { message: 'billing.error.vatRate' }).transform((v) => Number(v) as VatRate),
    period: z.enum(PACKAGE_PERIODS, { message: 'billing.error.period' }),
    active: checkbox(),
    ambassadeurFee: checkbox(),
    ...entitlementFields,
  })
  .transform(({ price, ...rest }) => {
    const entitlements = ENTITLEMENTS.filter((e) => (rest as Record<string, unknown>)[entitlementField(e)] === true)
    return {
      slug: rest.slug,
      nameNl: rest.nameNl,
      nameEn: rest.nameEn,
      descriptionNl: rest.descriptionNl,
      descriptionEn: rest.descriptionEn,
      priceCents: price,
      vatRate: rest.vatRate,
      period: rest.period,
      active: rest.active,
      ambassadeurFee: rest.ambassadeurFee,
      entitlements,
    }
  })
export type PackageInput = z.output<typeof packageSchema>

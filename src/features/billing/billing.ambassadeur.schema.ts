/**
 * The form of /ambassadeur-worden: the proposed wijk (its name, an existing city or the name of
 * a new one, its PC4 areas, the motivation) on top of the billing details every application
 * asks; and the admin's approval, where the wijk's name and address can be adjusted.
 */
import { z } from 'zod'
import { text } from '../../kernel/http/form.js'
import { isReservedSlug, slugify } from '../../kernel/http/reserved.js'
import { pc4List, placeSlug } from '../places/places.schema.js'
import { applicationFormSchema, billingDetailsSchema } from './billing.apply.schema.js'

/** An existing city, or the name of one the approval creates. */
export type ProposedCity = { id: number } | { newName: string }

/** The value of the city choice that names a city not on the platform yet. */
export const NEW_CITY = 'nieuw'

/** A place's address made from its name; null when the name gives none that can be used. */
export function slugFromName(name: string): string | null {
  const slug = slugify(name, '').slice(0, 60).replace(/-+$/, '')
  return slug === '' || isReservedSlug(slug) ? null : slug
}

const wijkShape = billingDetailsSchema
  .extend({
    wijkName: text(100),
    cityId: z
      .string()
      .optional()
      .refine((v) => v === NEW_CITY || /^[1-9][0-9]{0,8}$/.test(v ?? ''), { message: 'billing.ambassadeur.error.city' }),
    newCity: z.string().trim().max(100).optional(),
    postcodes: pc4List().refine((v) => v.length > 0, { message: 'billing.ambassadeur.error.postcodes' }),
    motivation: text(2000),
  })
  // Also when other fields are wrong, so the new city's name is asked for in the same answer.
  .refine((v) => v.cityId !== NEW_CITY || (typeof v.newCity === 'string' && v.newCity.trim() !== ''), {
    path: ['newCity'],
    message: 'billing.ambassadeur.error.newCity',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .refine((v) => slugFromName(v.wijkName) !== null, { path: ['wijkName'], message: 'billing.ambassadeur.error.wijkName' })
  .transform(({ cityId, newCity, ...rest }) => {
    const city: ProposedCity = cityId === NEW_CITY ? { newName: newCity! } : { id: Number(cityId) }
    return { ...rest, city }
  })

export const ambassadeurSchema = applicationFormSchema(wijkShape)
export type AmbassadeurInput = z.output<typeof ambassadeurSchema>

/** The admin's approval: the wijk's name and address, as proposed or adjusted. */
export const approveWijkSchema = z.object({ wijkName: text(100), wijkSlug: placeSlug() })
export type ApproveWijkInput = z.output<typeof approveWijkSchema>

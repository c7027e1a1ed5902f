/**
 * The configurator's form. The scope checks that need the database (is this wijk, city, theme
 * or item the partner's?) follow in the route, with their messages beside the same fields.
 */
import { z } from 'zod'
import { optionalText, text } from '../../kernel/http/form.js'
import { CATEGORIES } from '../content/content.categories.js'
import { MAX_WIDGET_ITEMS, MIN_WIDGET_ITEMS, WIDGET_LANGS, WIDGET_MODULES } from './partners.widgets.tables.js'

/** A place option's value: "wijk:12" or "stad:3". */
const PLACE = /^(wijk|stad):([1-9]\d{0,8})$/

export const widgetSchema = z
  .object({
    label: text(100),
    module: z.enum(WIDGET_MODULES, { message: 'partners.widgets.error.module' }),
    place: z.string().trim().optional(),
    itemId: z.string().trim().optional(),
    themeSlug: optionalText(100),
    category: z.union([z.literal(''), z.enum(CATEGORIES, { message: 'partners.widgets.error.category' })]).optional(),
    itemCount: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, { message: 'partners.widgets.error.itemCount' })
      .transform(Number)
      .pipe(z.number().min(MIN_WIDGET_ITEMS, { message: 'partners.widgets.error.itemCount' }).max(MAX_WIDGET_ITEMS, { message: 'partners.widgets.error.itemCount' })),
    lang: z.enum(WIDGET_LANGS, { message: 'partners.widgets.error.lang' }),
  })
  .superRefine((v, ctx) => {
    if (v.module === 'item') {
      if (!/^[1-9]\d{0,8}$/.test(v.itemId ?? '')) ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'partners.widgets.error.itemId' })
    } else if (!PLACE.test(v.place ?? '')) ctx.addIssue({ code: 'custom', path: ['place'], message: 'partners.widgets.error.place' })
  })
  .transform((v) => {
    const place = v.module === 'item' ? null : PLACE.exec(v.place ?? '')
    return {
      label: v.label,
      module: v.module,
      itemId: v.module === 'item' ? Number(v.itemId) : null,
      wijkId: place?.[1] === 'wijk' ? Number(place[2]) : null,
      cityId: place?.[1] === 'stad' ? Number(place[2]) : null,
      // A theme narrows a module's list; one item has nothing to narrow.
      themeSlug: v.module === 'item' ? null : v.themeSlug,
      // Categories belong to the Prikbord; other modules have none to choose from.
      category: v.module === 'prikbord' && v.category ? v.category : null,
      itemCount: v.module === 'item' ? 1 : v.itemCount,
      lang: v.lang,
    }
  })
export type WidgetInput = z.output<typeof widgetSchema>

/** The form value of a widget's place. */
export function placeValue(w: { wijkId: number | null; cityId: number | null }): string {
  if (w.wijkId !== null) return `wijk:${w.wijkId}`
  return w.cityId !== null ? `stad:${w.cityId}` : ''
}

/** /oembed?url=…&format=json&maxwidth=…&maxheight=… (oEmbed 1.0, section 2.2). */
export const oembedQuery = z.object({
  url: z.string().max(2000),
  format: z.enum(['json']).optional(),
  maxwidth: z.string().regex(/^\d{1,5}$/).transform(Number).optional(),
  maxheight: z.string().regex(/^\d{1,5}$/).transform(Number).optional(),
})

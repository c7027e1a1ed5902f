/**
 * Icons from our own sprite (static/icons.svg), served from our origin with a content hash like
 * the stylesheet: one request, cached for a year, and each icon a `<use>` of it. An icon that says
 * something the text beside it does not gets a label (role="img"); every other one is decorative
 * and hidden from assistive technology.
 *
 * @example <Icon name="pin" label={t('wijk-site.fact.where')} /> Het Kastanjeplein
 * @example <Icon name="vraag" /> Vraag
 */
import { markup, type Markup } from './markup.js'
import { ASSETS } from './assets.js'

/** The symbols of static/icons.svg (a test holds the two together). */
export const ICON_NAMES = [
  'calendar',
  'month',
  'clock',
  'pin',
  'euro',
  'tag',
  'vraag',
  'aanbod',
  'organisation',
  'news',
  'shop',
  'search',
  'menu',
  'list',
  'filter',
  'prev',
  'next',
  'verified',
] as const
export type IconName = (typeof ICON_NAMES)[number]

/**
 * Written as text rather than JSX: a page draws up to sixty icons, and hono/jsx renders each
 * <svg> through a namespace context of its own, a nested render per icon. The decorative ones are
 * the same text every time, so each is built once (decisions/034).
 */
const decorative = new Map<string, Markup>()

export function Icon(p: { name: IconName; label?: string; class?: string }): Markup {
  const cls = p.class ? `icon ${p.class}` : 'icon'
  const href = `${ASSETS.icons.url}#${p.name}`
  // width and height hold the space before the stylesheet sizes the icon to the text (1.1em).
  if (p.label) return markup`<svg class="${cls}" width="16" height="16" role="img" aria-label="${p.label}"><use href="${href}"></use></svg>`
  const key = `${cls} ${p.name}`
  let icon = decorative.get(key)
  if (!icon) {
    icon = markup`<svg class="${cls}" width="16" height="16" aria-hidden="true" focusable="false"><use href="${href}"></use></svg>`
    decorative.set(key, icon)
  }
  return icon
}

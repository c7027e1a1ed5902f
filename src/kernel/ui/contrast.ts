/**
 * Colours a wijk team picks, made readable: WCAG 2.1 relative luminance and contrast ratio, and
 * the palette the theme stylesheet serves. Text on the wijk colour is our ink or white, whichever
 * contrasts more; when neither reaches AA (4.5:1, which happens for mid-tones against our
 * slightly soft ink), the colour itself is moved, darker or lighter, by the smallest step that
 * passes. So a wijk never has to know about contrast, and no choice can make its header unreadable.
 *
 * @example brandPalette('#ffd500', PAGE_BACKGROUNDS) // { brand: '#ffd500', text: '#1b1f23', ink: '#7f6a00', inkDark: '#ffd500' }
 */

/** WCAG AA for normal text. */
export const AA = 4.5

/** The dark text colour of the site (--ink); white is the light one. */
export const DARK_TEXT = '#1b1f23'
export const LIGHT_TEXT = '#ffffff'
/**
 * The page backgrounds text in the wijk colour may stand on: --bg and --soft of the base look and
 * of every city theme, light and dark apart (assets.ts reads them from the stylesheets).
 */
export interface PageBackgrounds {
  light: readonly string[]
  dark: readonly string[]
}

/** Sorts background colours into those of light and of dark pages. */
export function pageBackgrounds(colours: Iterable<string>): PageBackgrounds {
  const all = [...new Set([...colours].map((c) => c.toLowerCase()))]
  return { light: all.filter((c) => luminance(c) > 0.18), dark: all.filter((c) => luminance(c) <= 0.18) }
}

type Rgb = [number, number, number]

function parse(hex: string): Rgb {
  const v = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!v) throw new Error(`not a #rrggbb colour: ${hex}`)
  const n = parseInt(v[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function format(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

/** WCAG 2.1 relative luminance of a #rrggbb colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = parse(hex).map((c) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** `hex` mixed with `toward` by the share `t` (0 … 1). */
function mix(hex: string, toward: string, t: number): string {
  const a = parse(hex)
  const b = parse(toward)
  return format([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb)
}

/** The first colour on the way from `hex` to `toward` (in 1 % steps) for which `passes` holds. */
function firstPassing(hex: string, toward: string, passes: (colour: string) => boolean): { colour: string; step: number } {
  for (let step = 0; step <= 100; step++) {
    const colour = mix(hex, toward, step / 100)
    if (passes(colour)) return { colour, step }
  }
  return { colour: toward, step: 100 }
}

export interface BrandPalette {
  /** The wijk colour as backgrounds use it: the chosen colour, or the nearest that can carry text. */
  brand: string
  /** Text on `brand`: always at least 4.5:1. */
  text: string
  /** The wijk colour as text or line on a light page: at least 4.5:1 on every light --bg and --soft. */
  ink: string
  /** The same on a dark page (dark mode): lightened until it reads on every dark background. */
  inkDark: string
}

/** The readable palette for a wijk colour (see the module comment). */
export function brandPalette(hex: string, backgrounds: PageBackgrounds): BrandPalette {
  const colour = hex.toLowerCase()
  const onDark = contrast(colour, LIGHT_TEXT)
  const onLight = contrast(colour, DARK_TEXT)
  let brand = colour
  let text = onDark >= onLight ? LIGHT_TEXT : DARK_TEXT
  if (Math.max(onDark, onLight) < AA) {
    // A mid-tone: darken under white text or lighten under ink, whichever changes it least.
    const darker = firstPassing(colour, '#000000', (c) => contrast(c, LIGHT_TEXT) >= AA)
    const lighter = firstPassing(colour, '#ffffff', (c) => contrast(c, DARK_TEXT) >= AA)
    ;[brand, text] = darker.step <= lighter.step ? [darker.colour, LIGHT_TEXT] : [lighter.colour, DARK_TEXT]
  }
  const readsOn = (bgs: readonly string[]) => (c: string) => bgs.every((bg) => contrast(c, bg) >= AA)
  const ink = firstPassing(colour, '#000000', readsOn(backgrounds.light)).colour
  const inkDark = firstPassing(colour, '#ffffff', readsOn(backgrounds.dark)).colour
  return { brand, text, ink, inkDark }
}

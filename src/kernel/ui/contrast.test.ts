/** Whatever colour a wijk team picks, every text on it passes WCAG AA (4.5:1). */
import { describe, it, expect } from 'vitest'
import { AA, brandPalette as paletteOn, contrast, DARK_TEXT, LIGHT_TEXT, luminance, pageBackgrounds } from './contrast.js'
import { PAGE_BACKGROUNDS } from './assets.js'

const brandPalette = (hex: string) => paletteOn(hex, PAGE_BACKGROUNDS)

/** 20 colours across the range: very light, very dark, mid-tones (the hard ones), saturated hues, greys. */
const COLOURS = [
  '#ffffff', '#fdfdf5', '#fff4ce', '#e8f1fb', // very light
  '#000000', '#050510', '#1b1f23', '#2a0a3a', // very dark
  '#777777', '#808080', '#7a7a7a', '#3d8bff', '#e07000', '#00a0a0', '#d6336c', // mid-tones
  '#ff0000', '#00ff00', '#0000ff', '#ffd500', '#1d6b4f', // saturated hues and the default
]

describe('wijk colour contrast', () => {
  it('computes WCAG luminance and ratios', () => {
    expect(luminance('#000000')).toBe(0)
    expect(luminance('#ffffff')).toBe(1)
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it.each(COLOURS)('%s: text on the wijk colour and the colour as text both pass AA', (colour) => {
    const p = brandPalette(colour)
    expect([DARK_TEXT, LIGHT_TEXT]).toContain(p.text)
    expect(contrast(p.brand, p.text)).toBeGreaterThanOrEqual(AA)
    for (const bg of PAGE_BACKGROUNDS.light) expect(contrast(p.ink, bg), `ink on ${bg}`).toBeGreaterThanOrEqual(AA)
    for (const bg of PAGE_BACKGROUNDS.dark) expect(contrast(p.inkDark, bg), `dark-mode ink on ${bg}`).toBeGreaterThanOrEqual(AA)
  })

  it('knows the backgrounds of the base look and of every city theme, light and dark', () => {
    // Base: white and #f3f6f4; stadsblauw's soft blue; the dark modes of both.
    expect(PAGE_BACKGROUNDS.light).toEqual(expect.arrayContaining(['#ffffff', '#f3f6f4', '#eef3f8']))
    expect(PAGE_BACKGROUNDS.dark).toEqual(expect.arrayContaining(['#15181b', '#1f2428', '#1a2430']))
    expect(pageBackgrounds(['#FFFFFF', '#ffffff', '#000000'])).toEqual({ light: ['#ffffff'], dark: ['#000000'] })
  })

  it('keeps a colour that already carries text, and moves a mid-tone only as far as needed', () => {
    expect(brandPalette('#1d6b4f')).toMatchObject({ brand: '#1d6b4f', text: LIGHT_TEXT })
    expect(brandPalette('#fdfdf5')).toMatchObject({ brand: '#fdfdf5', text: DARK_TEXT })
    // Against white 4.48:1, against our ink under 4.5:1 as well: the colour itself moves a little.
    const mid = brandPalette('#777777')
    expect(mid.brand).not.toBe('#777777')
    expect(Math.abs(luminance(mid.brand) - luminance('#777777'))).toBeLessThan(0.05)
  })

  it('accepts upper-case input and refuses what is not a colour', () => {
    expect(brandPalette('#1D6B4F').brand).toBe('#1d6b4f')
    expect(() => brandPalette('red')).toThrow()
  })
})

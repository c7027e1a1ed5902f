/**
 * Pictures for the demo, drawn here as SVG and rasterised by sharp: wijk logos, cover photos (a
 * street of houses under a sky, in the wijk's colour) and organisation logos (a plain symbol on a
 * coloured tile). Shapes only, no text, so no font is needed; nothing is downloaded or copied.
 */

/** An SVG drawn on a width × height canvas, rendered `scale` times that size. */
const svg = (width: number, height: number, body: string, scale = 1) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}">${body}</svg>`

export async function rasterise(source: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  return sharp(Buffer.from(source)).png().toBuffer()
}

/** A small deterministic sequence, so every first start draws the same pictures. */
function sequence(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const HOUSE_COLOURS = ['#c8553d', '#f2d0a4', '#8d6a9f', '#5d8aa8', '#e9c46a', '#9c6644', '#b5c99a', '#ffffff']

/**
 * A street scene drawn on 1600 × 640 and rendered at 1200 × 480 (enough for a demo, and quicker to
 * process on a first start): sky, sun, a row of houses with roofs and windows, trees, a pavement.
 */
export function coverSvg(colour: string, seed: number): string {
  const rand = sequence(seed)
  let houses = ''
  for (let x = 0; x < 1600; ) {
    const w = 140 + Math.floor(rand() * 90)
    const h = 170 + Math.floor(rand() * 120)
    const top = 520 - h
    const fill = HOUSE_COLOURS[Math.floor(rand() * HOUSE_COLOURS.length)]!
    houses += `<rect x="${x}" y="${top}" width="${w - 6}" height="${h}" fill="${fill}" stroke="#3b3b3b" stroke-width="3"/>`
    houses += `<path d="M${x - 8} ${top} L${x + (w - 6) / 2} ${top - 70} L${x + w + 2} ${top} Z" fill="${colour}" stroke="#3b3b3b" stroke-width="3"/>`
    for (let wy = top + 30; wy < 470; wy += 70) {
      for (let wx = x + 20; wx < x + w - 50; wx += 55) houses += `<rect x="${wx}" y="${wy}" width="32" height="40" fill="#fff8d6" stroke="#3b3b3b" stroke-width="2"/>`
    }
    houses += `<rect x="${x + w / 2 - 22}" y="460" width="34" height="60" fill="${colour}" stroke="#3b3b3b" stroke-width="2"/>`
    x += w
  }
  let trees = ''
  for (let x = 90; x < 1600; x += 260 + Math.floor(rand() * 120)) {
    trees += `<rect x="${x - 8}" y="470" width="16" height="80" fill="#6b4a2b"/><circle cx="${x}" cy="440" r="${55 + Math.floor(rand() * 20)}" fill="#3f7d3a" opacity="0.95"/>`
  }
  return svg(
    1600,
    640,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5ea"/><stop offset="1" stop-color="#e4f2fb"/></linearGradient></defs>` +
      `<rect width="1600" height="640" fill="url(#sky)"/><circle cx="${1250 + Math.floor(rand() * 200)}" cy="110" r="60" fill="#f7d154"/>` +
      `<ellipse cx="300" cy="120" rx="120" ry="34" fill="#ffffff" opacity="0.9"/><ellipse cx="820" cy="80" rx="90" ry="26" fill="#ffffff" opacity="0.8"/>` +
      houses +
      `<rect y="520" width="1600" height="120" fill="#b9b4aa"/><rect y="590" width="1600" height="50" fill="#6e6a63"/>` +
      trees,
    0.75,
  )
}

/** A wijk logo: a round badge in the wijk colour with a house and a tree. */
export function wijkLogoSvg(colour: string): string {
  return svg(
    256,
    256,
    `<circle cx="128" cy="128" r="124" fill="${colour}"/>` +
      `<path d="M56 150 L108 100 L160 150 V200 H56 Z" fill="#ffffff"/><rect x="94" y="160" width="28" height="40" fill="${colour}"/>` +
      `<rect x="176" y="150" width="10" height="50" fill="#ffffff"/><circle cx="181" cy="130" r="30" fill="#ffffff"/>`,
  )
}

/** Symbols for organisation logos, drawn in white on a 256 × 256 tile. */
const SYMBOLS: Record<string, string> = {
  // An open book.
  bibliotheek: '<path d="M48 80 Q88 64 124 84 V188 Q88 168 48 184 Z M132 84 Q168 64 208 80 V184 Q168 168 132 188 Z" fill="#fff"/>',
  // A spanner.
  repair: '<circle cx="92" cy="92" r="40" fill="#fff"/><circle cx="92" cy="92" r="16" fill="currentColor"/><rect x="96" y="112" width="34" height="110" rx="12" transform="rotate(-45 113 167)" fill="#fff"/>',
  // A ball.
  sport: '<circle cx="128" cy="128" r="78" fill="#fff"/><path d="M60 110 Q128 150 196 110 M128 50 Q96 128 128 206" stroke="currentColor" stroke-width="10" fill="none"/>',
  // Two arrows going round.
  kringloop: '<path d="M128 52 A76 76 0 0 1 204 128 H176 A48 48 0 0 0 128 80 Z M128 204 A76 76 0 0 1 52 128 H80 A48 48 0 0 0 128 176 Z" fill="#fff"/><path d="M190 146 L218 110 L162 110 Z M66 110 L38 146 L94 146 Z" fill="#fff"/>',
  // A bicycle.
  fietsenmaker: '<circle cx="78" cy="160" r="42" stroke="#fff" stroke-width="14" fill="none"/><circle cx="178" cy="160" r="42" stroke="#fff" stroke-width="14" fill="none"/><path d="M78 160 L112 96 L156 96 L178 160 M112 96 L140 160 H78" stroke="#fff" stroke-width="12" fill="none" stroke-linejoin="round"/>',
  // A flower.
  bloemist: '<circle cx="128" cy="84" r="30" fill="#fff"/><circle cx="90" cy="118" r="30" fill="#fff"/><circle cx="166" cy="118" r="30" fill="#fff"/><circle cx="106" cy="160" r="30" fill="#fff"/><circle cx="150" cy="160" r="30" fill="#fff"/><circle cx="128" cy="126" r="22" fill="#f7d154"/>',
}

/** The organisations of the demo that carry a logo, with their tile colours. */
export const LOGO_COLOURS: Record<string, string> = {
  bibliotheek: '#1b4e8a',
  repair: '#9a3b12',
  sport: '#1e6b32',
  kringloop: '#5a5a1d',
  fietsenmaker: '#3d3d3d',
  bloemist: '#8a1b3c',
}

export function organisationLogoSvg(key: string): string | null {
  const symbol = SYMBOLS[key]
  const colour = LOGO_COLOURS[key]
  if (!symbol || !colour) return null
  return svg(256, 256, `<g color="${colour}"><rect width="256" height="256" rx="40" fill="${colour}"/>${symbol}</g>`)
}

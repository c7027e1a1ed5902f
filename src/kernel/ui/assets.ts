/**
 * Static assets, served from memory with a content hash in the URL so browsers can cache them
 * for a year. hono/jsx would escape inline CSS, and CSP forbids inline styles anyway.
 */
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static')

export interface Asset {
  url: string
  body: Buffer
  type: string
}

function load(file: string, type: string): Asset {
  const body = readFileSync(path.join(dir, file))
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [name, ext] = file.split('.')
  return { url: `/static/${name}.${hash}.${ext}`, body, type }
}

export const ASSETS = {
  css: load('app.css', 'text/css; charset=utf-8'),
  /** "Use my location" on the wijk chooser (P17); the page works without it. */
  locate: load('locate.js', 'text/javascript; charset=utf-8'),
  /** Refreshes the status of a "Download mijn gegevens" export (P23); the page works without it. */
  exportStatus: load('export-status.js', 'text/javascript; charset=utf-8'),
  /** Passkeys on the two-step verification pages; codes work without it. */
  passkey: load('passkey.js', 'text/javascript; charset=utf-8'),
}

export const assetsByUrl = new Map(Object.values(ASSETS).map((a) => [a.url, a]))

/** Black or white, whichever contrasts more with the colour (WCAG relative luminance). */
export function textColourOn(hex: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return (1.05 / (l + 0.05) >= (l + 0.05) / 0.05) ? '#ffffff' : '#000000'
}

/**
 * Static assets, served from memory with a content hash in the URL so browsers can cache them
 * for a year. hono/jsx would escape inline CSS, and CSP forbids inline styles anyway.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'
import { pageBackgrounds } from './contrast.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static')

export interface Asset {
  url: string
  body: Buffer
  /** The same bytes gzipped once at start, for browsers that accept it (every browser does). */
  gzipped: Buffer
  type: string
}

function asset(file: string, body: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [name, ext] = file.split('.') as [string, string]
  return { url: `/static/${name}.${hash}.${ext}`, body, gzipped: gzipSync(body, { level: 9 }), type }
}

function load(file: string, type: string): Asset {
  return asset(file, readFileSync(path.join(dir, file)), type)
}

/**
 * CSS as served: the sources keep their comments and layout for people; a first visit should not
 * download them (about a third of the bytes). esbuild only minifies here, it lowers no syntax.
 */
function minifiedCss(source: string): Buffer {
  return Buffer.from(transformSync(source, { loader: 'css', minify: true, target: 'esnext' }).code)
}

/**
 * The stylesheet is kept in parts (static/css/, one per area, applied in the order of their number
 * prefixes) so that areas can change their styles apart, but served as one file: one request per visit.
 */
function stylesheet(): Asset {
  const parts = readdirSync(path.join(dir, 'css')).filter((f) => f.endsWith('.css')).sort()
  const source = parts.map((f) => readFileSync(path.join(dir, 'css', f), 'utf8')).join('\n')
  return asset('app.css', minifiedCss(source), 'text/css; charset=utf-8')
}

export const ASSETS = {
  css: stylesheet(),
  /** "Use my location" on the wijk chooser (P17); the page works without it. */
  locate: load('locate.js', 'text/javascript; charset=utf-8'),
  /** Refreshes the status of a "Download mijn gegevens" export (P23); the page works without it. */
  exportStatus: load('export-status.js', 'text/javascript; charset=utf-8'),
  /** Passkeys on the two-step verification pages; codes work without it. */
  passkey: load('passkey.js', 'text/javascript; charset=utf-8'),
  /** Our icon sprite (kernel/ui/icons.tsx): one cached file, each icon a <use> of it. */
  icons: load('icons.svg', 'image/svg+xml; charset=utf-8'),
}

/**
 * City themes: static/themes/<name>.css, each served with its own hash. A theme sets design tokens
 * only (00-tokens.css); CITY_THEMES says which city's wijken wear which (decisions/016).
 */
export const THEMES: ReadonlyMap<string, Asset> = new Map(
  readdirSync(path.join(dir, 'themes'))
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.css'.length)
      // Served at /static/theme-<name>.<hash>.css: one path segment, like every asset.
      return [name, asset(`theme-${f}`, minifiedCss(readFileSync(path.join(dir, 'themes', f), 'utf8')), 'text/css; charset=utf-8')]
    }),
)

/** The look of app.css alone; a city given this name wears no theme. */
export const BASE_THEME = 'basis'

/**
 * A short stamp of which city wears which theme file. A wijk's thema.css imports its city's theme
 * by the file's hashed address and is cached for good, so its link carries this stamp: a changed
 * CITY_THEMES or theme file gives a new address.
 */
export function themesStamp(cityThemes: ReadonlyMap<string, string>): string {
  const lines = [...cityThemes].map(([city, theme]) => `${city}:${THEMES.get(theme)?.url ?? theme}`)
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 8)
}

export const assetsByUrl = new Map([...Object.values(ASSETS), ...THEMES.values()].map((a) => [a.url, a]))


/**
 * Every page background the base look and the city themes set (--basis-color-default-bg-document
 * and -subtle, in any colour scheme): text in a wijk's colour is made to read on each of them.
 */
export const PAGE_BACKGROUNDS = pageBackgrounds(
  [path.join(dir, 'css', '00-tokens.css'), ...readdirSync(path.join(dir, 'themes')).filter((f) => f.endsWith('.css')).map((f) => path.join(dir, 'themes', f))].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/--basis-color-default-bg-(?:document|subtle):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => m[1]!),
  ),
)

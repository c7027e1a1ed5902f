/**
 * The widget script and style, built from their sources (widget/) by esbuild on first use and
 * kept in memory: minified, one file, each with a content-hash ETag. Built at run time rather
 * than at install, because the platform runs its TypeScript as it is (tsx) and has no build step.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'

export interface BuiltAsset {
  body: string
  etag: string
}

const dir = fileURLToPath(new URL('./widget/', import.meta.url))

function asset(body: string): BuiltAsset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
}

async function buildScript(entry: string): Promise<BuiltAsset> {
  const result = await build({
    entryPoints: [`${dir}${entry}`],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'text' },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  })
  return asset(result.outputFiles[0]!.text)
}

async function buildStyle(): Promise<BuiltAsset> {
  const result = await transform(await readFile(`${dir}widget.css`, 'utf8'), { loader: 'css', minify: true, legalComments: 'none' })
  return asset(result.code)
}

let script: Promise<BuiltAsset> | undefined
let frameScript: Promise<BuiltAsset> | undefined
let style: Promise<BuiltAsset> | undefined

/** The web component script (/embed/v1.js). */
export function widgetScript(): Promise<BuiltAsset> {
  // A failed build is not kept: the next request tries again.
  script ??= buildScript('embed.ts').catch((error: unknown) => {
    script = undefined
    throw error
  })
  return script
}

/** The iframe page's own small script (/embed/v1/frame.js): it tells the host page its height. */
export function widgetFrameScript(): Promise<BuiltAsset> {
  frameScript ??= buildScript('frame-height.ts').catch((error: unknown) => {
    frameScript = undefined
    throw error
  })
  return frameScript
}

/** The iframe page's style (/embed/v1.css): the same rules the component puts in its shadow root. */
export function widgetStyle(): Promise<BuiltAsset> {
  style ??= buildStyle().catch((error: unknown) => {
    style = undefined
    throw error
  })
  return style
}

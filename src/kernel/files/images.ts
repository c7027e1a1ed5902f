/**
 * The one pipeline for uploaded pictures (item images, wijk cover photos): JPEG, PNG or WebP in,
 * turned upright, stored as WebP at fixed widths (never wider than the original), optionally cut
 * to a fixed aspect ratio around the most interesting part. Re-encoding drops ALL metadata (EXIF,
 * GPS, camera serials): sharp keeps none unless asked with withMetadata, which this code never
 * calls. The key is the SHA-256 of the original, so the same upload is stored once.
 *
 * @example
 * const result = await processImage(file, { prefix: 'covers', widths: [400, 800, 1600], maxBytes: 10 * 1024 * 1024, aspect: 5 / 2 })
 * if (result.ok) await storeImage(deps.files, result.image)
 */
import { createHash } from 'node:crypto'
import type { FileStore } from './store.js'

/** Why an upload was refused; each feature words it in its own messages. */
export type ImageProblem = 'tooLarge' | 'type' | 'unreadable'

export interface ImageRecipe {
  /** Folder of the key: "content" gives "content/<sha256>". */
  prefix: string
  /** The widths to store, ascending. */
  widths: readonly number[]
  maxBytes: number
  /** Width ÷ height to cut to (a banner is 5 / 2); without it the picture keeps its shape. */
  aspect?: number
}

export interface ProcessedImage {
  /** "<prefix>/<sha256>"; each width is stored as "<key>-<width>.webp". */
  key: string
  /** Size of the picture as shown (upright, cut to shape), before scaling: its width and height attributes. */
  width: number
  height: number
  files: Array<{ width: number; data: Buffer }>
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; problem: ImageProblem }

/** Refuses decompression bombs: a small file may claim a gigantic canvas. */
const MAX_INPUT_PIXELS = 60_000_000
const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

/** The stored file of one width. */
export function imageFileKey(key: string, width: number): string {
  return `${key}-${width}.webp`
}

/** What the picture is after turning it upright and cutting it to the recipe's shape. */
function shapeOf(meta: { width: number; height: number; orientation?: number }, aspect: number | undefined) {
  // EXIF orientations 5–8 are quarter turns: the picture as seen is the other way round.
  const turned = (meta.orientation ?? 1) >= 5
  const width = turned ? meta.height : meta.width
  const height = turned ? meta.width : meta.height
  if (!aspect) return { width, height }
  return width / height > aspect ? { width: Math.round(height * aspect), height } : { width, height: Math.round(width / aspect) }
}

export async function processImage(file: File, recipe: ImageRecipe): Promise<ImageResult> {
  if (file.size > recipe.maxBytes) return { ok: false, problem: 'tooLarge' }
  const input = Buffer.from(await file.arrayBuffer())
  // Loaded on first use: libvips costs memory that a server without uploads should not pay.
  const { default: sharp } = await import('sharp')
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
    if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) return { ok: false, problem: 'type' }
    const shape = shapeOf({ width: meta.width, height: meta.height, orientation: meta.orientation }, recipe.aspect)
    // Never enlarged: the next width up holds the original size (a 1000 px photo is stored at
    // 320, 640 and, as "1280", 1000 px), so nothing of the resolution is lost.
    const next = recipe.widths.find((w) => w >= shape.width)
    const targets: number[] = recipe.widths.filter((w) => w < shape.width)
    if (next) targets.push(next)
    const files: ProcessedImage['files'] = []
    for (const w of targets) {
      const width = Math.min(w, shape.width)
      const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
      // Looking for the interesting part costs time: only when there is something to cut away.
      const cut = recipe.aspect !== undefined && Math.abs(meta.width / meta.height - recipe.aspect) > 0.01 && Math.abs(meta.height / meta.width - recipe.aspect) > 0.01
      const sized = recipe.aspect
        ? pipeline.resize({ width, height: Math.max(1, Math.round(width / recipe.aspect)), fit: 'cover', position: cut ? 'attention' : 'centre' })
        : pipeline.resize({ width, withoutEnlargement: true })
      files.push({ width: w, data: await sized.webp({ quality: 80 }).toBuffer() })
    }
    const key = `${recipe.prefix}/${createHash('sha256').update(input).digest('hex')}`
    return { ok: true, image: { key, width: shape.width, height: shape.height, files } }
  } catch {
    // Not an image sharp can read (a renamed text file, a truncated upload): a message, not a 500.
    return { ok: false, problem: 'unreadable' }
  }
}

/** Writes every width of a processed image. Files first, rows after: a row never points at nothing. */
export async function storeImage(files: FileStore, image: ProcessedImage): Promise<void> {
  for (const f of image.files) await files.put(imageFileKey(image.key, f.width), f.data)
}

/** Deletes every stored width of an image. */
export async function deleteImageFiles(files: FileStore, key: string, widths: readonly number[]): Promise<void> {
  for (const w of widths) await files.delete(imageFileKey(key, w))
}

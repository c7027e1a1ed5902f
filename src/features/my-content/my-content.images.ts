/**
 * Content images: JPEG, PNG or WebP up to 10 MB, turned upright and stored as WebP at fixed
 * widths (never wider than the original). Re-encoding drops ALL metadata (EXIF, GPS, camera
 * serials): sharp keeps none unless asked with withMetadata, which this code never calls.
 * The key is the SHA-256 of the original, so the same upload is stored once.
 */
import { createHash } from 'node:crypto'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
export const IMAGE_WIDTHS = [320, 640, 1280] as const
/** Refuses decompression bombs: a small file may claim a gigantic canvas. */
const MAX_INPUT_PIXELS = 60_000_000
const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

/** A stored file name: "<sha256>-<width>.webp". */
export const CONTENT_FILE = /^([a-f0-9]{64})-(320|640|1280)\.webp$/

export interface ProcessedImage {
  key: string
  width: number
  height: number
  files: Array<{ width: number; data: Buffer }>
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; error: MessageKey }

export async function processImage(file: File): Promise<ImageResult> {
  if (file.size > IMAGE_MAX_BYTES) return { ok: false, error: 'my-content.image.tooLarge' }
  const input = Buffer.from(await file.arrayBuffer())
  // Loaded on first use: libvips costs memory that a server without uploads should not pay.
  const { default: sharp } = await import('sharp')
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
    if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) return { ok: false, error: 'my-content.image.type' }
    // EXIF orientations 5–8 are quarter turns: the picture as seen is the other way round.
    const turned = (meta.orientation ?? 1) >= 5
    const width = turned ? meta.height : meta.width
    const height = turned ? meta.width : meta.height
    // Never enlarged: the next width up holds the original size (a 1000 px photo is stored at
    // 320, 640 and, as "1280", 1000 px), so nothing of the resolution is lost.
    const next = IMAGE_WIDTHS.find((w) => w >= width)
    const targets: number[] = IMAGE_WIDTHS.filter((w) => w < width)
    if (next) targets.push(next)
    const files: ProcessedImage['files'] = []
    for (const w of targets) {
      const data = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()
      files.push({ width: w, data })
    }
    const key = `content/${createHash('sha256').update(input).digest('hex')}`
    return { ok: true, image: { key, width, height, files } }
  } catch {
    // Not an image sharp can read (a renamed text file, a truncated upload): a message, not a 500.
    return { ok: false, error: 'my-content.image.unreadable' }
  }
}

/**
 * Wijk logos: whatever comes in (JPEG, PNG or WebP up to 2 MB) is decoded, turned upright,
 * shrunk to at most 256 px and re-encoded as WebP. Re-encoding drops every bit of metadata
 * (EXIF, GPS, camera serials) because sharp keeps none unless asked; the file name is the hash
 * of the result, so it can be cached forever.
 */
import { createHash } from 'node:crypto'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export const LOGO_MAX_BYTES = 2 * 1024 * 1024
const LOGO_MAX_PX = 256
/** Refuses decompression bombs: a 2 MB file may claim a gigantic canvas. */
const MAX_INPUT_PIXELS = 40_000_000
const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

export const LOGO_FILE = /^[a-f0-9]{32}\.webp$/

export type ProcessedLogo = { ok: true; key: string; data: Buffer } | { ok: false; error: MessageKey }

export async function processLogo(file: File): Promise<ProcessedLogo> {
  if (file.size > LOGO_MAX_BYTES) return { ok: false, error: 'places.logo.tooLarge' }
  const input = Buffer.from(await file.arrayBuffer())
  // Loaded on first use: libvips costs memory that a server without uploads should not pay.
  const { default: sharp } = await import('sharp')
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    const { format } = await image.metadata()
    if (!format || !ACCEPTED.has(format)) return { ok: false, error: 'places.logo.type' }
    const data = await image
      .rotate()
      .resize(LOGO_MAX_PX, LOGO_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer()
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 32)
    return { ok: true, key: `logos/${hash}.webp`, data }
  } catch {
    // Not an image sharp can read (a renamed text file, a truncated upload): a message, not a 500.
    return { ok: false, error: 'places.logo.unreadable' }
  }
}

/** The public URL of a stored logo key ("logos/<hash>.webp"). */
export function logoUrl(key: string | null): string | null {
  return key ? `/media/${key}` : null
}

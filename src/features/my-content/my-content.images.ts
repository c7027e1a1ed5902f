/**
 * Content images: JPEG, PNG or WebP up to 10 MB, through the one image pipeline
 * (kernel/files/images.ts: upright, WebP at fixed widths, no metadata, keyed by content hash).
 */
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { processImage as processUpload, type ProcessedImage } from '../../kernel/files/images.js'

export type { ProcessedImage }

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
export const IMAGE_WIDTHS = [320, 640, 1280] as const

/** A stored file name: "<sha256>-<width>.webp". */
export const CONTENT_FILE = /^([a-f0-9]{64})-(320|640|1280)\.webp$/

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; error: MessageKey }

export async function processImage(file: File): Promise<ImageResult> {
  const result = await processUpload(file, { prefix: 'content', widths: IMAGE_WIDTHS, maxBytes: IMAGE_MAX_BYTES })
  return result.ok ? result : { ok: false, error: `my-content.image.${result.problem}` }
}

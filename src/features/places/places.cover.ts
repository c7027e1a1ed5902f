/**
 * The wijk's cover photo: a banner across the top of its home, uploaded by the wijk team. It goes
 * through the one image pipeline (kernel/files/images.ts), cut to a 5:2 banner, so what is
 * stored is what is shown: a phone loads the 400 px file, not a photo it would crop anyway.
 */
import type { ImageRecipe } from '../../kernel/files/images.js'
import { imageFileKey } from '../../kernel/files/images.js'

export const COVER_WIDTHS = [400, 800, 1600] as const
export const COVER: ImageRecipe = { prefix: 'covers', widths: COVER_WIDTHS, maxBytes: 10 * 1024 * 1024, aspect: 5 / 2 }

/** A stored cover file name: "<sha256>-<width>.webp". */
export const COVER_FILE = /^[a-f0-9]{64}-(400|800|1600)\.webp$/

/** What a page needs to show a cover: sources for srcset, its size and its description. */
export interface CoverView {
  src: string
  srcset: string
  width: number
  height: number
  alt: string
}

export interface CoverColumns {
  coverKey: string | null
  coverWidths: number[] | null
  coverWidth: number | null
  coverHeight: number | null
  coverAlt: string | null
}

/** The cover of a wijk row, or null when it has none. */
export function coverView(w: CoverColumns): CoverView | null {
  if (!w.coverKey || !w.coverWidths?.length || !w.coverWidth || !w.coverHeight) return null
  const widths = [...w.coverWidths].sort((a, b) => a - b)
  const url = (width: number) => `/media/${imageFileKey(w.coverKey!, width)}`
  return {
    src: url(widths[0]!),
    srcset: widths.map((width) => `${url(width)} ${width}w`).join(', '),
    width: w.coverWidth,
    height: w.coverHeight,
    alt: w.coverAlt ?? '',
  }
}

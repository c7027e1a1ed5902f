import { describe, it, expect } from 'vitest'
import { gunzipSync } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import { gzipToKeep } from './encoding.js'

const page = (kb: number) => new TextEncoder().encode('<li><a href="/wijk/item">Koffieochtend</a></li>'.repeat(Math.ceil((kb * 1024) / 47)))

describe('gzipToKeep', () => {
  it('packs small and large answers so they unpack to the same bytes', async () => {
    for (const bytes of [new Uint8Array(0), page(1), page(21), page(200), new Uint8Array(randomBytes(100_000))]) {
      const packed = await gzipToKeep(bytes)
      expect(Buffer.from(gunzipSync(packed)).equals(Buffer.from(bytes))).toBe(true)
    }
  })

  it('gives each packed answer memory of its own: a kept page of a few KB holds no 16 KB chunk of zlib', async () => {
    for (const bytes of [page(1), page(21), page(63), page(70), page(200)]) {
      const packed = await gzipToKeep(bytes)
      expect(packed.buffer.byteLength, `${bytes.byteLength} bytes`).toBe(packed.byteLength)
    }
  })

  it('packs a page up to 64 KB on the spot, and a larger one off the main thread', () => {
    expect(gzipToKeep(page(21))).toBeInstanceOf(Uint8Array)
    expect(gzipToKeep(page(100))).toBeInstanceOf(Promise)
  })
})

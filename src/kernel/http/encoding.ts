/**
 * Content codings (RFC 9110 §8.4): what a client takes, and the headers of an answer sent
 * compressed. Shared by the static assets and the page cache, which both keep gzip bytes.
 */
import { gzip, gzipSync } from 'node:zlib'
import { promisify } from 'node:util'

const gzipAsync = promisify(gzip)

/**
 * Up to this size an answer is packed on the spot. Handing it to libuv's threads costs more than
 * packing it: a stream object, the hop and its callback came to 0.36 ms of CPU for a 21 KB wijk
 * home, against 0.19–0.2 ms here, and on a busy server every core is taken anyway. A larger answer
 * (a long feed, a sitemap) still goes to the threads, so it holds up no other request. zlib's
 * own settings stay: an 8 KB window was no faster and made the partner API's answers up to half
 * as large again.
 */
const PACK_HERE_BELOW = 64 * 1024

/**
 * Gzips an answer to be kept, into an array of its own: zlib's result for a small answer is a
 * view of its 16 KB output chunk, which a kept page of 4 KB would otherwise hold on to, unseen by
 * the cache's budget.
 */
export function gzipToKeep(bytes: Uint8Array): Uint8Array | Promise<Uint8Array> {
  if (bytes.byteLength >= PACK_HERE_BELOW) return gzipAsync(bytes).then(ownBytes)
  return ownBytes(gzipSync(bytes))
}

const ownBytes = (packed: Uint8Array): Uint8Array => (packed.byteLength === packed.buffer.byteLength ? packed : new Uint8Array(packed))

/** Whether an Accept-Encoding header takes gzip ("gzip", "*", without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

/**
 * A strong ETag names one representation byte for byte, so the compressed one gets the weak form
 * (as nginx does): If-None-Match compares weakly, so a client holding either still gets its 304.
 */
export function weakened(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`
}

/** Adds a name to the Vary header once. */
export function varyOn(headers: Headers, name: string): void {
  const present = (headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase())
  if (!present.includes(name.toLowerCase())) headers.append('Vary', name)
}

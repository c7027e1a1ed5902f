/**
 * Content codings (RFC 9110 §8.4): what a client takes, and the headers of an answer sent
 * compressed. Shared by the static assets and the page cache, which both keep gzip bytes.
 */

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

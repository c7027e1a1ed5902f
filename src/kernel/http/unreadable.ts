/**
 * Characters that text typed by a person never contains, and that the database or a reader cannot
 * take: control characters (PostgreSQL refuses NUL in text with error 22021), lone UTF-16
 * surrogates, the replacement character U+FFFD (what invalid UTF-8 in a body or URL decodes to),
 * and the non-characters U+FFFE/U+FFFF. Tab, line feed and carriage return are ordinary typing.
 */
// eslint-disable-next-line no-control-regex
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const UNREADABLE_ALL = new RegExp(UNREADABLE.source, 'g')

export function hasUnreadable(value: string): boolean {
  return UNREADABLE.test(value)
}

/** The text without those characters: what we show back to the person next to the message. */
export function withoutUnreadable(value: string): string {
  return value.replace(UNREADABLE_ALL, '')
}

/** Decodes a URL component; null for a malformed percent-encoding or one that decodes to unreadable text. */
export function decodeReadable(component: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(component.replace(/\+/g, ' '))
  } catch {
    return null
  }
  return hasUnreadable(decoded) ? null : decoded
}

/**
 * Whether every path segment and query key and value of a URL decodes to readable text. Route
 * parameters and query values reach the database (a slug lookup, a search), so a NUL or broken
 * UTF-8 there is refused for every route at once, before any handler sees it.
 */
export function isReadableUrl(url: string): boolean {
  const { pathname, search } = new URL(url)
  for (const segment of pathname.split('/')) if (decodeReadable(segment) === null) return false
  for (const pair of search.slice(1).split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    if (decodeReadable(eq < 0 ? pair : pair.slice(0, eq)) === null) return false
    if (eq >= 0 && decodeReadable(pair.slice(eq + 1)) === null) return false
  }
  return true
}

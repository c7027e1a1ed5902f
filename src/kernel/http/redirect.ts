/**
 * Local redirects only (no open redirects). A redirect target that a user can influence (`volgende`,
 * `terug`) is judged the way a browser will read it: browsers drop tabs and newlines inside a URL,
 * treat `\` as `/`, and read `//host` as another site. So the value is parsed with the WHATWG URL
 * parser (the same algorithm browsers use) against a placeholder origin, and accepted only when the
 * result stays on that origin. What is returned is the parsed, re-serialised path, so the Location
 * header carries exactly what the browser would have resolved, never the raw string.
 */
const PLACEHOLDER_ORIGIN = 'http://local.invalid'

export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback
  // Only a path may come in: not a scheme, not a host, not something that only becomes a path
  // after the browser strips leading whitespace or control characters.
  if (value[0] !== '/') return fallback
  let url: URL
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
  const path = url.pathname + url.search + url.hash
  // The serialised path must itself be unambiguous: a second slash or a backslash at its start
  // would make the next parser (a proxy, an older browser) read a host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback
  return path
}

// Browsers strip these from the start of a URL before parsing it.
// eslint-disable-next-line no-control-regex
const LEADING_CONTROLS_AND_SPACE = /^[\u0000-\u0020]+/

/**
 * The last line of defence: a Location header meant to be local (it starts with `/` or `\`, or has
 * characters a browser strips) that a browser would resolve to another origin is replaced by `/`.
 * Absolute URLs the app builds itself (a wijk's own host name) are left alone.
 */
export function guardedLocation(location: string): string {
  const trimmed = location.replace(LEADING_CONTROLS_AND_SPACE, '')
  const local = trimmed.startsWith('/') || trimmed.startsWith('\\') || /[\t\n\r]/.test(location)
  if (!local) return location
  return safeLocalPath(trimmed, '/')
}

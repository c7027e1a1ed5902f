/**
 * Which unique constraint a failed insert or update ran into, on both engines (node-postgres and
 * PGlite report it the same way; Drizzle wraps the driver error as `cause`). Lets a service turn
 * a race it lost into a message next to the field instead of a 500.
 */
export function uniqueViolation(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown }
    if (code === '23505') return typeof constraint === 'string' ? constraint : ''
  }
  return null
}

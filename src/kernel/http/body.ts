import type { Context } from 'hono'
import { badRequest } from './errors.js'

/**
 * Parses the request body once (Hono caches it). A body that is not valid form data (broken
 * multipart, say) is the client's mistake: 400, never a 500.
 */
export async function parsedBody(c: Context): Promise<Record<string, string | File>> {
  try {
    return (await c.req.parseBody()) as Record<string, string | File>
  } catch {
    throw badRequest()
  }
}

/**
 * Route helpers shared by the wijk team's pages (/beheer/wijken/:id/…): the wijk id from the URL
 * for the guard. A malformed id is a 404 before any query (kernel/http/params.ts).
 */
import type { AppContext } from '../../kernel/context.js'
import { notFound } from '../../kernel/http/errors.js'
import { idParam } from '../../kernel/http/params.js'
import type { Resource } from '../../kernel/policy/policy.js'
import { findWijkById } from '../places/places.queries.js'

/** The guard's resource: the wijk in the URL. */
export const wijkOf = (c: AppContext): Resource => ({ wijkId: idParam(c) })

/** The wijk in the URL (the guard has let the actor in for it); 404 when it does not exist. */
export async function wijkInUrl(c: AppContext) {
  const wijk = await findWijkById(c.get('deps').db, idParam(c))
  if (!wijk) throw notFound()
  return wijk
}

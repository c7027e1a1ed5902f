/**
 * Route helpers shared by the wijk team's pages (/beheer/wijken/:id/…): the wijk id from the URL
 * for the guard, and ids of things inside the wijk. A malformed id is a 404 before any query.
 */
import type { AppContext } from '../../kernel/context.js'
import { notFound } from '../../kernel/http/errors.js'
import type { Resource } from '../../kernel/policy/policy.js'
import { findWijkById } from '../places/places.queries.js'

const ID = /^[1-9]\d{0,8}$/

export function idParam(c: AppContext, name = 'id'): number {
  const raw = c.req.param(name) ?? ''
  if (!ID.test(raw)) throw notFound()
  return Number(raw)
}

/** The guard's resource: the wijk in the URL. */
export const wijkOf = (c: AppContext): Resource => ({ wijkId: idParam(c) })

/** The wijk in the URL (the guard has let the actor in for it); 404 when it does not exist. */
export async function wijkInUrl(c: AppContext) {
  const wijk = await findWijkById(c.get('deps').db, idParam(c))
  if (!wijk) throw notFound()
  return wijk
}

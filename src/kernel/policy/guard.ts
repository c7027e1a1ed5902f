/**
 * Route middleware that names the action a route needs and enforces it through the policy.
 * A visitor who is not allowed is sent to the login page; a logged-in user gets 403.
 *
 * A route about one row (an item, a request) loads that row once, in the guard's loader, through
 * `rowLoader`: the guard decides on the row's resource, and the handler takes the very row the
 * decision was about (`loader.row(c)`) instead of reading it again (decisions/013).
 *
 * @example app.post('/beheer/wijken', guard('wijk.create'), handler)
 * @example app.get('/beheer/wijken/:id', guard('wijk.edit', (c) => ({ wijkId: idParam(c) })), handler)
 * @example
 * const item = rowLoader(async (c) => { const row = await findItem(db, idParam(c)); return row && { row, resource: { ownerId: row.ownerId } } })
 * app.get('/mijn-content/:id', guard('content.edit', item), (c) => show(item.row(c)))
 */
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../context.js'
import { type Action, type Resource, can } from './policy.js'
import { forbidden, notFound } from '../http/errors.js'

export type Guard = MiddlewareHandler<AppEnv> & { action: Action }

export type ResourceLoader = (c: AppContext) => Resource | Promise<Resource>

export interface GuardOptions {
  /**
   * 'notFound': a logged-in user who is denied gets 404, the same answer as for a row that does
   * not exist, so a guessed id does not tell whether it names something of someone else. A visitor
   * is sent to log in before anything is loaded, so a visitor's guess tells nothing either. Only
   * for actions no visitor may do.
   */
  denied?: 'notFound'
}

export function loginUrl(c: AppContext): string {
  const url = new URL(c.req.url)
  return `/account/inloggen?volgende=${encodeURIComponent(url.pathname + url.search)}`
}

export function guard(action: Action, load?: ResourceLoader, options: GuardOptions = {}): Guard {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor')
    // Logging in helps a visitor, not a partner's program: that one is refused like a user.
    const visitor = !actor.user && !actor.partner
    if (options.denied === 'notFound' && visitor) return c.redirect(loginUrl(c), 303)
    const resource = load ? await load(c) : {}
    if (!can(actor, action, resource)) {
      if (visitor) return c.redirect(loginUrl(c), 303)
      throw options.denied === 'notFound' ? notFound() : forbidden()
    }
    await next()
  }
  return Object.assign(mw, { action })
}

/** A guard's loader that also keeps the row it loaded, for the handler behind that guard. */
export type RowLoader<T> = ((c: AppContext) => Promise<Resource>) & {
  /** The row the guard decided on; only after that guard ran for this request. */
  row(c: AppContext): T
}

/**
 * Wraps a load of one row and its policy resource into a guard loader. No row (`null`) answers
 * 404. The row is kept per request, keyed by the request's context (one object from the first
 * middleware to the handler), so it is gone with the request.
 */
export function rowLoader<T>(load: (c: AppContext) => Promise<{ row: T; resource: Resource } | null>): RowLoader<T> {
  const rows = new WeakMap<AppContext, T>()
  const loader = async (c: AppContext): Promise<Resource> => {
    const found = await load(c)
    if (!found) throw notFound()
    rows.set(c, found.row)
    return found.resource
  }
  const row = (c: AppContext): T => {
    // A handler asking before its guard loaded (a route guarded with another loader) is a bug in
    // the route, not a missing row: fail loudly rather than answer 404.
    if (!rows.has(c)) throw new Error('rowLoader.row() without its guard: guard this route with the same loader')
    return rows.get(c) as T
  }
  return Object.assign(loader, { row })
}

/**
 * Route middleware that names the action a route needs and enforces it through the policy.
 * A visitor who is not allowed is sent to the login page; a logged-in user gets 403.
 *
 * @example app.post('/beheer/wijken', guard('wijk.create'), handler)
 * @example app.get('/beheer/wijken/:id', guard('wijk.edit', (c) => ({ wijkId: Number(c.req.param('id')) })), handler)
 */
import type { MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../context.js'
import { type Action, type Resource, can } from './policy.js'
import { forbidden } from '../http/errors.js'

export type Guard = MiddlewareHandler<AppEnv> & { action: Action }

export function loginUrl(c: AppContext): string {
  const url = new URL(c.req.url)
  return `/account/inloggen?volgende=${encodeURIComponent(url.pathname + url.search)}`
}

export function guard(action: Action, load?: (c: AppContext) => Resource | Promise<Resource>): Guard {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor')
    const resource = load ? await load(c) : {}
    if (!can(actor, action, resource)) {
      if (!actor.user) return c.redirect(loginUrl(c), 303)
      throw forbidden()
    }
    await next()
  }
  return Object.assign(mw, { action })
}

/** Throws 403 unless allowed; for checks on a resource loaded inside the handler. */
export function authorize(c: AppContext, action: Action, resource: Resource = {}): void {
  if (!can(c.get('actor'), action, resource)) throw forbidden()
}

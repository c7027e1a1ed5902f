/**
 * For a person whose role needs a second factor they have not set up: a banner above every page
 * (days left, or powers withheld), and from management pages (/beheer…) a redirect to the setup
 * page once the role is withheld, instead of a bare 403. The withholding itself happens in the
 * session loader (two-factor.requirement.ts), so it holds for every route whether or not it
 * passes here.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { SETUP_PATH } from './two-factor.emails.js'
import { SecondFactorBanner } from './two-factor.views.js'

export const secondFactorGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const due = c.get('actor').secondFactorDue
  if (!due) return next()
  const path = new URL(c.req.url).pathname
  const isRead = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (due.withheld.length > 0 && isRead && (path === '/beheer' || path.startsWith('/beheer/'))) {
    return c.redirect(SETUP_PATH, 303)
  }
  if (path !== SETUP_PATH) c.get('banners').push(<SecondFactorBanner t={c.get('t')} due={due} now={c.get('deps').clock.now()} />)
  return next()
}

/**
 * Consent renewal (P04), run on every request after CSRF. A logged-in user who has not agreed to
 * the current terms is sent to the consent page first; a new privacy statement they have not
 * seen yet only puts a notice above every page. Visitors cost nothing: no query at all.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { KIND_SLUG, consentStatus } from './documents.queries.js'
import { DOCUMENT_KINDS } from './documents.tables.js'
import { PrivacyBanner } from './documents.views.js'

export const CONSENT_PATH = '/account/toestemming'

/**
 * Reachable without agreeing: reading the documents, leaving (log out, cancel, see or download
 * one's data), and the pages every page links to.
 */
const OPEN_PATHS = [CONSENT_PATH, '/account/uitloggen', ...DOCUMENT_KINDS.map((kind) => `/${KIND_SLUG[kind]}`), '/taal', '/contact', '/mijn-gegevens', '/hulp']

function isOpen(path: string): boolean {
  return OPEN_PATHS.some((p) => path === p || path.startsWith(`${p}/`))
}

export const consentGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('actor').user
  if (!user) return next()
  const url = new URL(c.req.url)
  if (url.pathname === '/health' || url.pathname.startsWith('/static/')) return next()

  const status = await consentStatus(c.get('deps').db, user.id)
  const terms = status.find((d) => d.kind === 'terms' && !d.consented)
  if (terms) {
    if (isOpen(url.pathname)) return next()
    // After a POST there is no page to come back to: the form's target may not answer a GET.
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD'
    const target = isRead ? `${CONSENT_PATH}?volgende=${encodeURIComponent(url.pathname + url.search)}` : CONSENT_PATH
    return c.redirect(target, 303)
  }

  const privacy = status.find((d) => d.kind === 'privacy' && !d.consented)
  if (privacy && url.pathname !== CONSENT_PATH) {
    c.get('banners').push(
      <PrivacyBanner t={c.get('t')} lang={c.get('lang')} csrfToken={c.get('csrfToken')} doc={privacy} path={url.pathname + url.search} />,
    )
  }
  return next()
}

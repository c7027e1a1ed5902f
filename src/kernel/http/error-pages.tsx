/**
 * The one error handler: known errors get their status and a friendly page (or JSON for API
 * clients); anything unexpected is logged and shown as a plain 500 page, never a stack trace.
 */
import type { ErrorHandler, NotFoundHandler, Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../context.js'
import { AppError } from './errors.js'
import { translator } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/catalog.js'
import { render } from '../ui/render.js'
import { VISITOR } from '../policy/actor.js'
import { errorForLog } from '../log.js'
import { PROBLEM_TYPE, problemBody } from './problem.js'

const TITLES: Partial<Record<number, MessageKey>> = {
  400: 'error.badRequest.title',
  403: 'error.forbidden.title',
  404: 'error.notFound.title',
  413: 'error.badRequest.title',
  422: 'error.badRequest.title',
  429: 'error.badRequest.title',
}

function wantsJson(c: Context<AppEnv>): boolean {
  const path = c.req.path
  return path.startsWith('/api/') || path === '/health' || (c.req.header('accept') ?? '').startsWith('application/json')
}

function ensureRequestBasics(c: Context<AppEnv>): void {
  // The error may have happened before the kernel middleware ran.
  if (!c.get('t')) c.set('t', translator('nl'))
  if (!c.get('lang')) c.set('lang', 'nl')
  if (!c.get('actor')) c.set('actor', VISITOR)
  if (!c.get('banners')) c.set('banners', [])
  if (!c.get('csrfToken')) c.set('csrfToken', '')
  if (c.get('hostWijk') === undefined) c.set('hostWijk', null)
}

export function errorPage(c: Context<AppEnv>, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503, messageKey: MessageKey, id: string) {
  ensureRequestBasics(c)
  const t = c.get('t')
  const titleKey = TITLES[status] ?? 'error.server.title'
  if (wantsJson(c)) {
    c.header('Content-Type', PROBLEM_TYPE)
    c.header('Cache-Control', 'no-store')
    if (status === 401) c.header('WWW-Authenticate', 'Bearer')
    return c.body(JSON.stringify(problemBody(status, id, t(titleKey), t(messageKey, { minutes: 15 }))), status)
  }
  return render(
    c,
    <section>
      <h1>{t(titleKey)}</h1>
      <p>{t(messageKey, { minutes: 15 })}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </section>,
    { title: t(titleKey), status: status === 401 ? 403 : status },
  )
}

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value)
    // Only an API client can present credentials again; a browser is shown the refusal.
    if (err.status === 401 && !wantsJson(c)) return errorPage(c, 403, err.messageKey, err.id)
    return errorPage(c, err.status, err.messageKey, err.id)
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status === 413 ? 413 : err.status === 404 ? 404 : err.status === 403 ? 403 : 400
    return errorPage(c, status, status === 413 ? 'error.tooLarge' : 'error.badRequest.body', 'bad_request')
  }
  c.get('deps')?.log.error({ ...errorForLog(err), route: c.req.routePath }, 'unhandled error')
  return errorPage(c, 500, 'error.server.body', 'server_error')
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => errorPage(c, 404, 'error.notFound.body', 'not_found')

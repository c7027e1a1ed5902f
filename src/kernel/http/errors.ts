/**
 * Errors with a status, a stable id and a message key. One onError (app.tsx) renders them as an
 * HTML page or JSON; nothing else (no stack trace) ever reaches the user.
 */
import type { MessageKey } from '../i18n/catalog.js'

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    readonly id: string,
    readonly messageKey: MessageKey,
    readonly headers: Record<string, string> = {},
  ) {
    super(id)
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.notFound.body')
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden.body')
export const badRequest = () => new AppError(400, 'bad_request', 'error.badRequest.body')
export const csrfFailed = () => new AppError(403, 'csrf_failed', 'error.csrf')
export const unreadableInput = () => new AppError(422, 'unreadable_input', 'error.unreadable.body')
export const unreadableUrl = () => new AppError(400, 'unreadable_url', 'error.unreadable.body')
export const tooLarge = () => new AppError(413, 'too_large', 'error.tooLarge')
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', 'error.rateLimited', { 'Retry-After': String(retryAfterSeconds) })

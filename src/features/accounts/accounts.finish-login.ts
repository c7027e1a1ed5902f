/**
 * FINISH LOGIN: the one place a login becomes a session. Called by the password step
 * (POST /account/inloggen, accounts.routes.tsx) for an account without a second factor, and by
 * the second step (features/two-factor/two-factor.login.routes.tsx) after a valid code or
 * passkey. Whatever decides where a login lands belongs here, so both paths land alike.
 */
import type { AppContext } from '../../kernel/context.js'
import { createSession, destroySession, writeSessionCookie } from '../../kernel/auth/session.js'
import { describeDevice } from '../../kernel/auth/device.js'

/** Creates a fresh session for the user and redirects to `volgende` (a checked local path) or Mijn gegevens. */
export async function finishLogin(c: AppContext, userId: string, volgende: string | null): Promise<Response> {
  const deps = c.get('deps')
  // A new session id at every login: a session planted before login is worthless (ASVS 7.2.4).
  const previous = c.get('sessionId')
  if (previous) await destroySession(deps.db, previous)
  const session = await createSession(deps.db, userId, describeDevice(c.req.header('user-agent')), deps.clock.now())
  writeSessionCookie(c, session.token, deps.config.isProduction)
  return c.redirect(volgende ?? '/mijn-gegevens', 303)
}

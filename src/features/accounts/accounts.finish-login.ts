/**
 * The one place a login becomes a session. Called by the password step (POST /account/inloggen,
 * accounts.routes.tsx) for an account without a second factor, and by the second step
 * (features/two-factor/two-factor.login.routes.tsx) after a valid code or passkey. Everything that
 * belongs to a complete login happens here, so both paths end alike: a new session, the last-login
 * time, the device cookie (decision 009) and where the login lands.
 */
import { eq } from 'drizzle-orm'
import type { AppContext } from '../../kernel/context.js'
import { createSession, destroySession, writeSessionCookie } from '../../kernel/auth/session.js'
import { describeDevice } from '../../kernel/auth/device.js'
import { users } from './accounts.tables.js'
import { issueDeviceCookie } from './accounts.device-cookie.js'
import { landingAfterLogin } from './accounts.landing.js'

/** Creates a fresh session for the user and redirects to `volgende` (a checked local path) or the role's start. */
export async function finishLogin(c: AppContext, userId: string, volgende: string | null): Promise<Response> {
  const deps = c.get('deps')
  const now = deps.clock.now()
  // A new session id at every login: a session planted before login is worthless (ASVS 7.2.4).
  const previous = c.get('sessionId')
  if (previous) await destroySession(deps.db, previous)
  const session = await createSession(deps.db, userId, describeDevice(c.req.header('user-agent')), now)
  writeSessionCookie(c, session.token, deps.config.isProduction)
  const [user] = await deps.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId)).returning({ email: users.email })
  if (user) issueDeviceCookie(c, user.email)
  if (volgende) return c.redirect(volgende, 303)
  return c.redirect(await landingAfterLogin(deps.db, userId, await c.get('people').heldRoles(deps.db, userId)), 303)
}

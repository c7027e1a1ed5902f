/**
 * The second step of logging in, between the password (accounts) and the session (finishLogin):
 * starting it, and checking what the person offers there. Attempts are counted per account and
 * per client; a failure counts on both, and the second step is refused while either is full.
 */
import type { AppContext } from '../../kernel/context.js'
import type { Deps } from '../../kernel/context.js'
import { MINUTE } from '../../kernel/clock.js'
import { clearRateLimit, hitRateLimit, isRateLimited, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { startPendingLogin } from './two-factor.pending.js'
import { normaliseTotpCode } from './two-factor.totp.js'
import { normaliseRecoveryCode, spendRecoveryCode } from './two-factor.recovery.js'
import { acceptTotpCode } from './two-factor.service.js'
import { hasSecondFactor } from './two-factor.requirement.js'
import type { LoginSteps } from '../accounts/accounts.steps.js'

export const SECOND_STEP_PATH = '/account/inloggen/tweede-stap'

/** Wrong codes for one account: five per quarter hour (a 6-digit code cannot be guessed in time). */
export const SECOND_STEP_PER_ACCOUNT: Limit = { max: 5, windowMs: 15 * MINUTE }
export const SECOND_STEP_PER_CLIENT: Limit = { max: 30, windowMs: 15 * MINUTE }

/** After a correct password: no session, a pending login, and the second step. */
export async function beginSecondStep(c: AppContext, userId: string, volgende: string | null): Promise<Response> {
  const { db, clock, config } = c.get('deps')
  await startPendingLogin(c, db, userId, volgende, clock.now(), config.isProduction)
  return c.redirect(SECOND_STEP_PATH, 303)
}

/** What logging in (accounts' LoginSteps, wired in app.tsx) asks after a correct password. */
export const secondStepAtLogin = { hasSecondFactor, beginSecondStep } satisfies LoginSteps

function keys(secret: string, userId: string, client: string): Array<[string, Limit]> {
  return [
    [rateKey(secret, 'second-step-account', userId), SECOND_STEP_PER_ACCOUNT],
    [rateKey(secret, 'second-step-client', client), SECOND_STEP_PER_CLIENT],
  ]
}

/** Seconds to wait when the second step is refused for now; 0 when it may be tried. */
export async function secondStepWait(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, client: string): Promise<number> {
  let wait = 0
  for (const [key, limit] of keys(deps.config.sessionSecret, userId, client)) {
    const r = await isRateLimited(deps.db, key, limit, deps.clock.now())
    if (!r.allowed) wait = Math.max(wait, r.retryAfterSeconds)
  }
  return wait
}

export async function countSecondStepFailure(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, client: string): Promise<void> {
  for (const [key, limit] of keys(deps.config.sessionSecret, userId, client)) await hitRateLimit(deps.db, key, limit, deps.clock.now())
}

export async function clearSecondStepFailures(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<void> {
  await clearRateLimit(deps.db, keys(deps.config.sessionSecret, userId, '')[0]![0])
}

/** Checks a typed code: six digits go to the app, anything else is tried as a recovery code. */
export async function checkTypedCode(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, input: string): Promise<'app' | 'recovery' | null> {
  const totp = normaliseTotpCode(input)
  if (totp) return (await acceptTotpCode(deps, userId, totp)) ? 'app' : null
  const recovery = normaliseRecoveryCode(input)
  if (recovery) return (await spendRecoveryCode(deps.db, deps.config.sessionSecret, userId, recovery, deps.clock.now())) ? 'recovery' : null
  return null
}

/**
 * The second step of logging in (/account/inloggen/tweede-stap). Reachable only with a live
 * pending login (two-factor.pending.ts); a valid app code, recovery code or passkey ends it and
 * hands over to finishLogin, which creates the session exactly as a login without a second factor.
 */
import { Hono } from 'hono'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { readForm, fieldError, type FieldErrors } from '../../kernel/http/form.js'
import { clientAddress } from '../../kernel/http/client.js'
import { render } from '../../kernel/ui/render.js'
import { users } from '../accounts/accounts.tables.js'
import { finishLogin } from '../accounts/accounts.finish-login.js'
import { readPendingLogin, endPendingLogin, clearPendingCookie, type PendingLogin } from './two-factor.pending.js'
import { SECOND_STEP_PATH, checkTypedCode, clearSecondStepFailures, countSecondStepFailure, secondStepWait } from './two-factor.login.js'
import { authenticationOptions, verifyPasskeyLogin } from './two-factor.passkeys.js'
import { recordRecoveryCodeUse, totpStatus } from './two-factor.service.js'
import { listPasskeys } from './two-factor.passkeys.js'
import { parseAuthentication } from './two-factor.schema.js'
import { SecondStepPage, passkeyScript } from './two-factor.views.js'

const codeSchema = z.object({ code: z.string().trim().min(1).max(40) })

function client(c: AppContext): string {
  return clientAddress(c, c.get('deps').config.trustProxy)
}

/** The pending login, or the answer that sends the person back to the password. */
async function pending(c: AppContext): Promise<PendingLogin | Response> {
  const { db, clock, config } = c.get('deps')
  const found = await readPendingLogin(c, db, clock.now(), config.isProduction)
  if (found) return found
  clearPendingCookie(c, config.isProduction)
  return c.redirect('/account/inloggen?melding=flash.twoFactor.pendingExpired', 303)
}

async function showStep(c: AppContext, p: PendingLogin, opts: { errors?: FieldErrors; values?: Record<string, string>; message?: string; status?: 200 | 422 | 429 } = {}) {
  const { db, config } = c.get('deps')
  const [app, keys] = await Promise.all([totpStatus(db, p.userId), listPasskeys(db, p.userId)])
  const t = c.get('t')
  return render(
    c,
    <SecondStepPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      hasApp={Boolean(app?.confirmedAt)}
      hasPasskeys={keys.length > 0}
      state={{ values: opts.values, errors: opts.errors }}
      message={opts.message}
      operatorEmail={config.operator.email}
    />,
    { title: t('twoFactor.step.title'), status: opts.status ?? 200, head: keys.length > 0 ? passkeyScript : undefined },
  )
}

/** Ends the pending login and creates the session; null when another request finished it first. */
async function complete(c: AppContext, p: PendingLogin): Promise<Response | null> {
  const { db, config } = c.get('deps')
  if (!(await endPendingLogin(c, db, p, config.isProduction))) return null
  await clearSecondStepFailures(c.get('deps'), p.userId)
  return finishLogin(c, p.userId, p.nextPath)
}

async function person(c: AppContext, userId: string) {
  const [row] = await c.get('deps').db.select({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang }).from(users).where(eq(users.id, userId)).limit(1)
  return row!
}

export const twoFactorLoginRoutes = new Hono<AppEnv>()
  .get(SECOND_STEP_PATH, guard('account.use'), async (c) => {
    const p = await pending(c)
    return p instanceof Response ? p : showStep(c, p)
  })
  .post(SECOND_STEP_PATH, guard('account.use'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const p = await pending(c)
    if (p instanceof Response) return p
    const form = await readForm(c, codeSchema)
    if (!form.ok) return showStep(c, p, { errors: form.errors, values: form.values, status: 422 })
    const wait = await secondStepWait(deps, p.userId, client(c))
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return showStep(c, p, { message: t('twoFactor.step.limited', { minutes: Math.max(1, Math.ceil(wait / 60)) }), status: 429 })
    }
    const used = await checkTypedCode(deps, p.userId, form.data.code)
    if (!used) {
      await countSecondStepFailure(deps, p.userId, client(c))
      deps.log.info({ event: 'second-factor.login.failed', userId: p.userId }, 'second step failed')
      return showStep(c, p, { errors: fieldError(t, 'code', 'twoFactor.step.invalid'), status: 422 })
    }
    if (used === 'recovery') await recordRecoveryCodeUse(deps, await person(c, p.userId))
    deps.log.info({ event: 'second-factor.login', userId: p.userId, with: used }, 'second step passed')
    const done = await complete(c, p)
    if (!done) return c.redirect('/account/inloggen?melding=flash.twoFactor.pendingExpired', 303)
    if (used === 'recovery') {
      // Land on the setup page, which says how many codes are left.
      return c.redirect('/mijn-gegevens/tweede-factor?melding=flash.twoFactor.recoveryUsed', 303)
    }
    return done
  })
  .post(`${SECOND_STEP_PATH}/passkey-opties`, guard('account.use'), async (c) => {
    const { db, config, clock } = c.get('deps')
    const p = await pending(c)
    if (p instanceof Response) return p
    const options = await authenticationOptions(db, config, p.userId, clock.now())
    return options ? c.json(options) : c.json({ error: 'none' }, 404)
  })
  .post(`${SECOND_STEP_PATH}/passkey`, guard('account.use'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const p = await pending(c)
    if (p instanceof Response) return p
    const form = await readForm(c, z.object({ response: z.string().max(20_000) }))
    const response = form.ok ? parseAuthentication(form.data.response) : null
    const wait = await secondStepWait(deps, p.userId, client(c))
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return showStep(c, p, { message: t('twoFactor.step.limited', { minutes: Math.max(1, Math.ceil(wait / 60)) }), status: 429 })
    }
    const key = response ? await verifyPasskeyLogin(deps.db, deps.config, p.userId, response, deps.clock.now()) : null
    if (!key) {
      await countSecondStepFailure(deps, p.userId, client(c))
      return showStep(c, p, { message: t('twoFactor.step.passkeyFailed'), status: 422 })
    }
    deps.log.info({ event: 'second-factor.login', userId: p.userId, with: 'passkey' }, 'second step passed')
    return (await complete(c, p)) ?? c.redirect('/account/inloggen?melding=flash.twoFactor.pendingExpired', 303)
  })

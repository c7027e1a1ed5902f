/**
 * Sign-up, email confirmation, login, logout and password reset (/account/*). Every answer that
 * could tell whether an address has an account is the same for every address.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { limitedMinutes } from '../../kernel/http/rate-limit.js'
import { guard } from '../../kernel/policy/guard.js'
import { readForm, fieldError } from '../../kernel/http/form.js'
import { clientAddress } from '../../kernel/http/client.js'
import { readQuery } from '../../kernel/http/params.js'
import { render } from '../../kernel/ui/render.js'
import { destroySession, clearSessionCookie } from '../../kernel/auth/session.js'
import { finishLogin } from './accounts.finish-login.js'
import { listLaunchedWijken } from '../places/places.queries.js'
import { signupSchema, loginSchema, emailOnlySchema, resetSchema, isTokenShaped, nextPath, nextQuerySchema, tokenQuerySchema } from './accounts.schema.js'
import { trustedDeviceFor } from './accounts.device-cookie.js'
import { landingAfterLogin } from './accounts.landing.js'
import { personalPasswordProblem } from './accounts.password.js'
import { findUsableToken } from './accounts.queries.js'
import type { AccountSteps } from './accounts.steps.js'
import {
  signUp,
  signupLimited,
  verifyEmail,
  resendVerification,
  authenticate,
  requestPasswordReset,
  resetPassword,
  confirmEmailChange,
} from './accounts.service.js'
import {
  SignupPage,
  CheckMailPage,
  ResendPage,
  VerifiedAlreadyPage,
  LoginPage,
  ForgotPage,
  ResetPage,
  LinkProblemPage,
} from './accounts.views.js'

function client(c: AppContext): string {
  return clientAddress(c, c.get('deps').config.trustProxy)
}

function invalidVerifyLink(c: AppContext) {
  const t = c.get('t')
  return render(c, <ResendPage t={t} csrfToken={c.get('csrfToken')} title={t('accounts.verify.invalidTitle')} message={t('accounts.verify.invalid')} />, {
    title: t('accounts.verify.invalidTitle'),
    status: 400,
  })
}

function invalidResetLink(c: AppContext) {
  const t = c.get('t')
  return render(
    c,
    <LinkProblemPage
      t={t}
      title={t('accounts.verify.invalidTitle')}
      message={t('accounts.reset.invalid')}
      next={{ href: '/account/wachtwoord-vergeten', label: t('accounts.reset.requestNew') }}
    />,
    { title: t('accounts.verify.invalidTitle'), status: 400 },
  )
}

/**
 * The account pages. Signing up and logging in take `steps` from the features above accounts
 * (consent, newsletter, second factor; accounts.steps.ts), handed in by app.tsx.
 */
export function accountsRoutes(steps: AccountSteps) {
  return (
    new Hono<AppEnv>()
      // -- Sign-up ---------------------------------------------------------------------------------
      .get('/account/registreren', guard('account.use'), async (c) => {
        if (c.get('actor').user) return c.redirect('/mijn-gegevens', 303)
        const t = c.get('t')
        const wijken = await listLaunchedWijken(c.get('deps').db)
        const { volgende } = readQuery(c, nextQuerySchema)
        return render(c, <SignupPage t={t} csrfToken={c.get('csrfToken')} wijken={wijken} wijkRequired={wijken.length > 0} volgende={volgende} />, {
          title: t('accounts.signup.title'),
        })
      })
      .post('/account/registreren', guard('account.use'), async (c) => {
        const deps = c.get('deps')
        const t = c.get('t')
        const wijken = await listLaunchedWijken(deps.db)
        const wijkRequired = wijken.length > 0
        const form = await readForm(c, signupSchema(wijkRequired))
        const volgende = nextPath(form.values.volgende)
        const page = (state: { values: Record<string, string>; errors?: Record<string, string> }, limitedMessage?: string) => (
          <SignupPage t={t} csrfToken={c.get('csrfToken')} wijken={wijken} wijkRequired={wijkRequired} state={state} limitedMessage={limitedMessage} volgende={volgende} />
        )
        if (!form.ok) return render(c, page(form), { title: t('accounts.signup.title'), status: 422 })
        const { homeWijkId } = form.data
        if (homeWijkId !== null && !wijken.some((w) => w.id === homeWijkId)) {
          return render(c, page({ values: form.values, errors: fieldError(t, 'homeWijkId', 'accounts.field.homeWijk.unknown') }), {
            title: t('accounts.signup.title'),
            status: 422,
          })
        }
        const limited = await signupLimited(deps, client(c), form.data.email)
        if (limited) {
          const minutes = limitedMinutes(c, limited)
          return render(c, page({ values: form.values }, t('accounts.signup.rateLimited', { minutes })), { title: t('accounts.signup.title'), status: 429 })
        }
        await signUp(deps, steps.signup, { ...form.data, lang: c.get('lang'), nextPath: volgende })
        return c.redirect('/account/registreren/verstuurd', 303)
      })
      .get('/account/registreren/verstuurd', guard('account.use'), (c) => {
        const t = c.get('t')
        return render(
          c,
          <CheckMailPage t={t} message={t('accounts.checkMail.signup')} again={{ href: '/account/bevestigen/opnieuw', label: t('accounts.verify.resendTitle') }} />,
          { title: t('accounts.checkMail.title') },
        )
      })

      // -- Email confirmation ----------------------------------------------------------------------
      .get('/account/bevestigen', guard('account.use'), async (c) => {
        const { token } = readQuery(c, tokenQuerySchema)
        if (!token) return invalidVerifyLink(c)
        const result = await verifyEmail(c.get('deps'), steps.signup, token)
        if (result.status === 'verified') {
          // Straight on to logging in, the address filled in and the page the sign-up started from
          // kept. Not logged in by the link itself: mail scanners open links too, and a login needs
          // the password (and a second factor where there is one).
          const t = c.get('t')
          const volgende = nextPath(result.nextPath ?? undefined)
          if (c.get('actor').user) return c.redirect(volgende ?? '/mijn-gegevens?melding=flash.accounts.emailVerified', 303)
          return render(
            c,
            <LoginPage t={t} csrfToken={c.get('csrfToken')} volgende={volgende} state={{ values: { email: result.email } }} notice={t('flash.accounts.emailVerified')} />,
            { title: t('accounts.login.title') },
          )
        }
        if (result.status === 'already') {
          const t = c.get('t')
          return render(c, <VerifiedAlreadyPage t={t} />, { title: t('accounts.verify.alreadyTitle') })
        }
        return invalidVerifyLink(c)
      })
      .get('/account/bevestigen/opnieuw', guard('account.use'), (c) => {
        const t = c.get('t')
        return render(c, <ResendPage t={t} csrfToken={c.get('csrfToken')} title={t('accounts.verify.resendTitle')} message={t('accounts.verify.resendIntro')} />, {
          title: t('accounts.verify.resendTitle'),
        })
      })
      .post('/account/bevestigen/opnieuw', guard('account.use'), async (c) => {
        const t = c.get('t')
        const page = (state: { values: Record<string, string>; errors?: Record<string, string> }, limitedMessage?: string) => (
          <ResendPage t={t} csrfToken={c.get('csrfToken')} title={t('accounts.verify.resendTitle')} message={t('accounts.verify.resendIntro')} state={state} limitedMessage={limitedMessage} />
        )
        const form = await readForm(c, emailOnlySchema)
        if (!form.ok) return render(c, page(form), { title: t('accounts.verify.resendTitle'), status: 422 })
        const limited = await resendVerification(c.get('deps'), form.data.email, client(c))
        if (limited) {
          const minutes = limitedMinutes(c, limited)
          return render(c, page({ values: form.values }, t('accounts.verify.rateLimited', { minutes })), { title: t('accounts.verify.resendTitle'), status: 429 })
        }
        return c.redirect('/account/bevestigen/verstuurd', 303)
      })
      .get('/account/bevestigen/verstuurd', guard('account.use'), (c) => {
        const t = c.get('t')
        return render(
          c,
          <CheckMailPage t={t} message={t('accounts.checkMail.resend')} again={{ href: '/account/bevestigen/opnieuw', label: t('accounts.verify.resendTitle') }} />,
          { title: t('accounts.checkMail.title') },
        )
      })

      // -- Login and logout ------------------------------------------------------------------------
      .get('/account/inloggen', guard('account.use'), async (c) => {
        const { volgende } = readQuery(c, nextQuerySchema)
        const { user, roles } = c.get('actor')
        if (user) return c.redirect(volgende ?? (await landingAfterLogin(c.get('deps').db, user.id, roles)), 303)
        const t = c.get('t')
        return render(c, <LoginPage t={t} csrfToken={c.get('csrfToken')} volgende={volgende} />, { title: t('accounts.login.title') })
      })
      .post('/account/inloggen', guard('account.use'), async (c) => {
        const deps = c.get('deps')
        const t = c.get('t')
        const form = await readForm(c, loginSchema)
        const volgende = nextPath(form.values.volgende)
        const title = t('accounts.login.title')
        const state = { values: form.values, errors: form.ok ? undefined : form.errors }
        if (!form.ok) return render(c, <LoginPage t={t} csrfToken={c.get('csrfToken')} volgende={volgende} state={state} />, { title, status: 422 })

        const result = await authenticate(deps, form.data.email, form.data.password, client(c), trustedDeviceFor(c, form.data.email))
        if (result.limited) {
          const minutes = limitedMinutes(c, result)
          const message = t('accounts.login.rateLimited', { minutes })
          return render(c, <LoginPage t={t} csrfToken={c.get('csrfToken')} volgende={volgende} state={state} limitedMessage={message} />, { title, status: 429 })
        }
        if (!result.ok) {
          return render(
            c,
            <LoginPage t={t} csrfToken={c.get('csrfToken')} volgende={volgende} state={state} failed={!result.unverified} unverified={result.unverified} />,
            { title, status: result.unverified ? 403 : 422 },
          )
        }
        // With a second factor there is no session yet: a pending login and the second step (features/two-factor).
        if (await steps.login.hasSecondFactor(deps.db, result.userId)) return steps.login.beginSecondStep(c, result.userId, volgende)
        return finishLogin(c, result.userId, volgende)
      })
      .post('/account/uitloggen', guard('account.use'), async (c) => {
        const { db, config, log } = c.get('deps')
        const sessionId = c.get('sessionId')
        if (sessionId) {
          await destroySession(db, sessionId)
          log.info({ event: 'account.logout', userId: c.get('actor').user?.id }, 'logged out')
        }
        clearSessionCookie(c, config.isProduction)
        return c.redirect('/?melding=flash.accounts.loggedOut', 303)
      })

      // -- Password reset --------------------------------------------------------------------------
      .get('/account/wachtwoord-vergeten', guard('account.use'), (c) => {
        const t = c.get('t')
        return render(c, <ForgotPage t={t} csrfToken={c.get('csrfToken')} />, { title: t('accounts.forgot.title') })
      })
      .post('/account/wachtwoord-vergeten', guard('account.use'), async (c) => {
        const t = c.get('t')
        const title = t('accounts.forgot.title')
        const form = await readForm(c, emailOnlySchema)
        if (!form.ok) return render(c, <ForgotPage t={t} csrfToken={c.get('csrfToken')} state={form} />, { title, status: 422 })
        const limited = await requestPasswordReset(c.get('deps'), form.data.email, client(c))
        if (limited) {
          const minutes = limitedMinutes(c, limited)
          return render(c, <ForgotPage t={t} csrfToken={c.get('csrfToken')} state={{ values: form.values }} limitedMessage={t('accounts.forgot.rateLimited', { minutes })} />, {
            title,
            status: 429,
          })
        }
        return c.redirect('/account/wachtwoord-vergeten/verstuurd', 303)
      })
      .get('/account/wachtwoord-vergeten/verstuurd', guard('account.use'), (c) => {
        const t = c.get('t')
        return render(
          c,
          <CheckMailPage t={t} message={t('accounts.checkMail.reset')} again={{ href: '/account/wachtwoord-vergeten', label: t('accounts.reset.requestNew') }} />,
          { title: t('accounts.checkMail.title') },
        )
      })
      .get('/account/wachtwoord-herstellen', guard('account.use'), async (c) => {
        const { db, clock } = c.get('deps')
        const { token } = readQuery(c, tokenQuerySchema)
        if (!token || !(await findUsableToken(db, token, 'reset-password', clock.now()))) return invalidResetLink(c)
        const t = c.get('t')
        return render(c, <ResetPage t={t} csrfToken={c.get('csrfToken')} token={token} />, { title: t('accounts.reset.title') })
      })
      .post('/account/wachtwoord-herstellen', guard('account.use'), async (c) => {
        const deps = c.get('deps')
        const t = c.get('t')
        const form = await readForm(c, resetSchema)
        const token = form.values.token
        if (!isTokenShaped(token)) return invalidResetLink(c)
        const owner = await findUsableToken(deps.db, token, 'reset-password', deps.clock.now())
        if (!owner) return invalidResetLink(c)
        const title = t('accounts.reset.title')
        if (!form.ok) return render(c, <ResetPage t={t} csrfToken={c.get('csrfToken')} token={token} state={form} />, { title, status: 422 })
        const personal = personalPasswordProblem(form.data.password, owner)
        if (personal) {
          return render(c, <ResetPage t={t} csrfToken={c.get('csrfToken')} token={token} state={{ values: form.values, errors: fieldError(t, 'password', personal) }} />, {
            title,
            status: 422,
          })
        }
        if (!(await resetPassword(deps, token, form.data.password))) return invalidResetLink(c)
        clearSessionCookie(c, deps.config.isProduction)
        return c.redirect('/account/inloggen?melding=flash.accounts.passwordReset', 303)
      })

      // -- Email change (the link in the mail to the new address) ----------------------------------
      .get('/account/email-bevestigen', guard('account.use'), async (c) => {
        const t = c.get('t')
        const { token } = readQuery(c, tokenQuerySchema)
        const changed = token ? await confirmEmailChange(c.get('deps'), token) : null
        if (!changed) {
          return render(c, <LinkProblemPage t={t} title={t('accounts.emailChange.invalidTitle')} message={t('accounts.emailChange.invalid')} />, {
            title: t('accounts.emailChange.invalidTitle'),
            status: 400,
          })
        }
        if (c.get('actor').user?.id === changed.userId) return c.redirect('/mijn-gegevens?melding=flash.accounts.emailChanged', 303)
        return c.redirect('/account/inloggen?melding=flash.accounts.emailChangedLogin', 303)
      })
  )
}

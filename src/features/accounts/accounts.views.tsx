/**
 * Pages of sign-up, login, email confirmation and password reset. Pure views: props in, HTML out.
 * Password fields never show what was typed (Field leaves type=password empty).
 */
import type { Child } from 'hono/jsx'
import type { T } from '../../kernel/i18n/i18n.js'
import type { WijkSummary } from '../places/places.queries.js'
import { CsrfField, Field, Checkbox, ErrorSummary, Notice, Select, type FormState } from '../../kernel/ui/components.js'
import { wijkChoices } from '../places/wijk-choices.js'

interface Base {
  t: T
  csrfToken: string
}

/** The home wijk: the wijken grouped by city, with an empty first choice. */
export function WijkSelect(p: { t: T; wijken: WijkSummary[]; required: boolean; state?: FormState; value?: string }) {
  const { t } = p
  const none = { value: '', label: p.required ? t('accounts.field.homeWijk.choose') : t('accounts.field.homeWijk.none') }
  return (
    <Select
      t={t}
      name="homeWijkId"
      label={t('accounts.field.homeWijk')}
      hint={t('accounts.field.homeWijk.hint')}
      required={p.required}
      options={[none, ...wijkChoices(p.wijken)]}
      state={p.state}
      value={p.value}
    />
  )
}

/** A link to a document that opens in a new tab, so the half-filled form is not lost. */
function DocLink({ href, t, children }: { href: string; t: T; children: Child }) {
  return (
    <a href={href} target="_blank" rel="noopener">
      {children}
      <span class="visually-hidden"> {t('accounts.opensNewTab')}</span>
    </a>
  )
}

export function SignupPage(p: Base & { state?: FormState; wijken: WijkSummary[]; wijkRequired: boolean; limitedMessage?: string; volgende?: string | null }) {
  const { t } = p
  const state = p.state
  return (
    <section>
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')}</p>
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action="/account/registreren" class="stack" id="signup-form" novalidate>
        <CsrfField token={p.csrfToken} />
        {p.volgende && <input type="hidden" name="volgende" value={p.volgende} />}
        <Field name="email" type="email" label={t('accounts.field.email')} hint={t('accounts.field.email.hint')} state={state} required autocomplete="email" maxlength={254} t={t} />
        <Field name="password" type="password" label={t('accounts.field.password')} hint={t('accounts.field.password.hint')} state={state} required autocomplete="new-password" t={t} />
        <Field name="firstName" label={t('accounts.field.firstName')} hint={t('accounts.field.firstName.hint')} state={state} required autocomplete="given-name" maxlength={100} t={t} />
        <Field name="lastName" label={t('accounts.field.lastName')} hint={t('accounts.field.lastName.hint')} state={state} autocomplete="family-name" maxlength={100} t={t} />
        {p.wijken.length > 0 && <WijkSelect t={t} wijken={p.wijken} required={p.wijkRequired} state={state} />}
        {p.wijken.length > 0 && <Checkbox name="newsletter" state={state} label={t('accounts.field.newsletter')} hint={t('accounts.field.newsletter.hint')} />}
        <fieldset>
          <legend>{t('accounts.signup.consentLegend')}</legend>
          <Checkbox
            name="acceptTerms"
            state={state}
            label={
              <>
                {t('accounts.field.acceptTerms')}{' '}
                <DocLink href="/voorwaarden" t={t}>
                  {t('accounts.field.acceptTerms.link')}
                </DocLink>
              </>
            }
          />
          <Checkbox
            name="acceptPrivacy"
            state={state}
            label={
              <>
                {t('accounts.field.acceptPrivacy')}{' '}
                <DocLink href="/privacy" t={t}>
                  {t('accounts.field.acceptPrivacy.link')}
                </DocLink>
                {t('accounts.field.acceptPrivacy.after') && ` ${t('accounts.field.acceptPrivacy.after')}`}
              </>
            }
          />
        </fieldset>
        <div>
          <button type="submit">{t('accounts.signup.submit')}</button>
        </div>
      </form>
      <p>
        {t('accounts.signup.haveAccount')} <a href="/account/inloggen">{t('accounts.login.title')}</a>
      </p>
    </section>
  )
}

/** The neutral "check your mail" page: the same whatever happened behind it. */
export function CheckMailPage(p: { t: T; message: string; again: { href: string; label: string } }) {
  const { t } = p
  return (
    <section class="prose">
      <h1>{t('accounts.checkMail.title')}</h1>
      <p>{p.message}</p>
      <p>{t('accounts.checkMail.noMail')}</p>
      <p>
        <a href={p.again.href}>{p.again.label}</a>
      </p>
    </section>
  )
}

/** A small form with only an email field that asks for a new confirmation link. */
export function ResendForm(p: Base & { state?: FormState; email?: string }) {
  const { t } = p
  return (
    <form method="post" action="/account/bevestigen/opnieuw" class="stack">
      <CsrfField token={p.csrfToken} />
      <Field name="email" type="email" label={t('accounts.field.email')} state={p.state} value={p.email} required autocomplete="email" maxlength={254} t={t} />
      <div>
        <button type="submit">{t('accounts.verify.resendSubmit')}</button>
      </div>
    </form>
  )
}

export function ResendPage(p: Base & { title: string; message: string; state?: FormState; limitedMessage?: string }) {
  const { t } = p
  return (
    <section>
      <h1>{p.title}</h1>
      <p>{p.message}</p>
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <ResendForm t={t} csrfToken={p.csrfToken} state={p.state} />
    </section>
  )
}

export function VerifiedAlreadyPage({ t }: { t: T }) {
  return (
    <section class="prose">
      <h1>{t('accounts.verify.alreadyTitle')}</h1>
      <p>{t('accounts.verify.already')}</p>
      <p>
        <a class="button" href="/account/inloggen">
          {t('accounts.login.title')}
        </a>
      </p>
    </section>
  )
}

export function LoginPage(
  p: Base & {
    state?: FormState
    volgende: string | null
    failed?: boolean
    unverified?: boolean
    limitedMessage?: string
    /** A success message above the form (the address was just confirmed). */
    notice?: string
  },
) {
  const { t } = p
  const withNext = p.volgende ? `?volgende=${encodeURIComponent(p.volgende)}` : ''
  return (
    <section>
      <h1>{t('accounts.login.title')}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      {p.failed && <Notice kind="error">{t('accounts.login.failed')}</Notice>}
      {p.unverified && <Notice kind="error">{t('accounts.login.unverified')}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/account/inloggen" class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        {p.volgende && <input type="hidden" name="volgende" value={p.volgende} />}
        <Field name="email" type="email" label={t('accounts.field.email')} state={p.state} required autocomplete="username" maxlength={254} t={t} />
        <Field name="password" type="password" label={t('accounts.field.password')} state={p.state} required autocomplete="current-password" t={t} />
        <div>
          <button type="submit">{t('accounts.login.submit')}</button>
        </div>
      </form>
      {p.unverified && (
        <section>
          <h2>{t('accounts.verify.resendTitle')}</h2>
          <ResendForm t={t} csrfToken={p.csrfToken} email={p.state?.values?.email} />
        </section>
      )}
      <p>
        <a href="/account/wachtwoord-vergeten">{t('accounts.login.forgot')}</a>
      </p>
      <p>
        {t('accounts.login.noAccount')} <a href={`/account/registreren${withNext}`}>{t('accounts.signup.title')}</a>
      </p>
    </section>
  )
}

export function ForgotPage(p: Base & { state?: FormState; limitedMessage?: string }) {
  const { t } = p
  return (
    <section>
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/account/wachtwoord-vergeten" class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field name="email" type="email" label={t('accounts.field.email')} state={p.state} required autocomplete="email" maxlength={254} t={t} />
        <div>
          <button type="submit">{t('accounts.forgot.submit')}</button>
        </div>
      </form>
    </section>
  )
}

export function ResetPage(p: Base & { token: string; state?: FormState }) {
  const { t } = p
  return (
    <section>
      <h1>{t('accounts.reset.title')}</h1>
      <p>{t('accounts.reset.intro')}</p>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/account/wachtwoord-herstellen" class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="token" value={p.token} />
        <Field name="password" type="password" label={t('accounts.field.newPassword')} hint={t('accounts.field.password.hint')} state={p.state} required autocomplete="new-password" t={t} />
        <Field name="passwordRepeat" type="password" label={t('accounts.field.passwordRepeat')} state={p.state} required autocomplete="new-password" t={t} />
        <div>
          <button type="submit">{t('accounts.reset.submit')}</button>
        </div>
      </form>
    </section>
  )
}

/** A link that no longer works, with the way forward. */
export function LinkProblemPage(p: { t: T; title: string; message: string; next?: { href: string; label: string } }) {
  return (
    <section class="prose">
      <h1>{p.title}</h1>
      <p>{p.message}</p>
      {p.next && (
        <p>
          <a href={p.next.href}>{p.next.label}</a>
        </p>
      )}
    </section>
  )
}

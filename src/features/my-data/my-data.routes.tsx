/**
 * "Mijn gegevens" (/mijn-gegevens): the account holder's own data, consents and the forms to
 * change them. Always about the logged-in user: no id in the URL, so nobody else's can be asked for.
 */
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { readForm, fieldError, type FormValues, type FieldErrors } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { forbidden } from '../../kernel/http/errors.js'
import { listWijken } from '../places/places.queries.js'
import { LANG_COOKIE } from '../site/site.routes.js'
import { profileSchema, changeEmailSchema, changePasswordSchema } from '../accounts/accounts.schema.js'
import { personalPasswordProblem } from '../accounts/accounts.password.js'
import { loadAccount, listConsents, pendingEmailChange } from '../accounts/accounts.queries.js'
import { updateProfile, requestEmailChange, changePassword, checkCurrentPassword } from '../accounts/accounts.service.js'
import { limitedMinutes } from '../accounts/accounts.routes.js'
import { MyDataPage, type MyDataForm } from './my-data.views.js'

/** The logged-in user; guard('account.manage') has made sure there is one. */
function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('guard account.manage lets only logged-in users through')
  return user
}

async function showMyData(
  c: AppContext,
  failed?: { form: MyDataForm; values: FormValues; errors?: FieldErrors; limitedMessage?: string },
  status: 200 | 422 | 429 = 200,
) {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const user = me(c)
  const [account, consents, wijken, pendingEmail] = await Promise.all([
    loadAccount(db, user.id),
    listConsents(db, user.id),
    listWijken(db),
    pendingEmailChange(db, user.id, clock.now()),
  ])
  if (!account) throw new Error('the session user has no account row')
  return render(
    c,
    <MyDataPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      account={account}
      consents={consents}
      wijken={wijken}
      pendingEmail={pendingEmail}
      failed={failed && { form: failed.form, state: { values: failed.values, errors: failed.errors }, limitedMessage: failed.limitedMessage }}
    />,
    { title: t('accounts.myData.title'), status },
  )
}

export const myDataRoutes = new Hono<AppEnv>()
  .get('/mijn-gegevens', guard('account.manage'), (c) => showMyData(c))
  .post('/mijn-gegevens', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const wijken = await listWijken(deps.db)
    const form = await readForm(c, profileSchema(wijken.length > 0))
    if (!form.ok) return showMyData(c, { form: 'profile', values: form.values, errors: form.errors }, 422)
    const { homeWijkId } = form.data
    if (homeWijkId !== null && !wijken.some((w) => w.id === homeWijkId)) {
      return showMyData(c, { form: 'profile', values: form.values, errors: fieldError(t, 'homeWijkId', 'accounts.field.homeWijk.unknown') }, 422)
    }
    await updateProfile(deps, me(c).id, form.data)
    // A language cookie outranks the account's language; keep it in step with the new choice.
    if (getCookie(c, LANG_COOKIE) !== undefined) {
      setCookie(c, LANG_COOKIE, form.data.lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax', secure: deps.config.isProduction, httpOnly: true })
    }
    return c.redirect('/mijn-gegevens?melding=flash.accounts.profileSaved', 303)
  })
  .post('/mijn-gegevens/email', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, changeEmailSchema)
    if (!form.ok) return showMyData(c, { form: 'email', values: form.values, errors: form.errors }, 422)
    if (form.data.newEmail === user.email) {
      return showMyData(c, { form: 'email', values: form.values, errors: fieldError(t, 'newEmail', 'accounts.myData.changeEmail.same') }, 422)
    }
    const check = await checkCurrentPassword(deps, user, form.data.emailPassword)
    if (check.limited) {
      const minutes = limitedMinutes(c, check)
      return showMyData(c, { form: 'email', values: form.values, limitedMessage: t('accounts.myData.rateLimited', { minutes }) }, 429)
    }
    if (!check.ok) {
      return showMyData(c, { form: 'email', values: form.values, errors: fieldError(t, 'emailPassword', 'accounts.password.wrongCurrent') }, 422)
    }
    await requestEmailChange(deps, user, form.data.newEmail)
    return c.redirect('/mijn-gegevens?melding=flash.accounts.emailChangeSent', 303)
  })
  .post('/mijn-gegevens/wachtwoord', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, changePasswordSchema)
    if (!form.ok) return showMyData(c, { form: 'password', values: form.values, errors: form.errors }, 422)
    const personal = personalPasswordProblem(form.data.newPassword, user)
    if (personal) return showMyData(c, { form: 'password', values: form.values, errors: fieldError(t, 'newPassword', personal) }, 422)
    const check = await checkCurrentPassword(deps, user, form.data.currentPassword)
    if (check.limited) {
      const minutes = limitedMinutes(c, check)
      return showMyData(c, { form: 'password', values: form.values, limitedMessage: t('accounts.myData.rateLimited', { minutes }) }, 429)
    }
    if (!check.ok) {
      return showMyData(c, { form: 'password', values: form.values, errors: fieldError(t, 'currentPassword', 'accounts.password.wrongCurrent') }, 422)
    }
    const sessionId = c.get('sessionId')
    if (!sessionId) throw forbidden()
    await changePassword(deps, user, sessionId, form.data.newPassword)
    return c.redirect('/mijn-gegevens?melding=flash.accounts.passwordChanged', 303)
  })

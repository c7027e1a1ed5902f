/**
 * Setting up the second factor (/mijn-gegevens/tweede-factor): an authenticator app, passkeys and
 * recovery codes, always for the logged-in person only. Removing a factor and making new codes
 * need the current password; a stolen session alone cannot weaken the account.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { readBody, readForm, fieldError, text } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { checkCurrentPassword } from '../accounts/accounts.service.js'
import { limitedMinutes } from '../../kernel/http/rate-limit.js'
import { SETUP_PATH } from './two-factor.emails.js'
import { listPasskeys, registrationOptions } from './two-factor.passkeys.js'
import { recoveryCodeCounts } from './two-factor.recovery.js'
import { addPasskey, confirmTotp, disableTotp, pendingEnrolment, regenerateRecoveryCodes, removePasskey, startTotpEnrolment, totpStatus } from './two-factor.service.js'
import { EnrolPage, RecoveryCodesPage, SetupPage, passkeyScript, type SetupErrors } from './two-factor.views.js'
import { parseRegistration } from './two-factor.schema.js'

const ID = /^[1-9]\d{0,8}$/

function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('guard account.manage lets only logged-in users through')
  return user
}

async function showSetup(c: AppContext, errors?: SetupErrors, status: 200 | 422 | 429 = 200) {
  const { db, clock } = c.get('deps')
  const user = me(c)
  const [app, keys, codes] = await Promise.all([totpStatus(db, user.id), listPasskeys(db, user.id), recoveryCodeCounts(db, user.id)])
  const t = c.get('t')
  return render(
    c,
    <SetupPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} data={{ app, passkeys: keys, codes, due: c.get('actor').secondFactorDue, now: clock.now() }} errors={errors} />,
    { title: t('twoFactor.title'), status, head: passkeyScript },
  )
}

/**
 * Checks the current password posted with a form; the answer to send when it is wrong or the
 * account is rate-limited, or null to go on.
 */
async function passwordProblem(c: AppContext, form: NonNullable<SetupErrors['form']>): Promise<Response | null> {
  const t = c.get('t')
  const { values } = await readBody(c)
  const password = values['password'] ?? ''
  const check = await checkCurrentPassword(c.get('deps'), me(c), password.slice(0, 1024))
  if (check.limited) return showSetup(c, { limited: t('twoFactor.limited', { minutes: limitedMinutes(c, check) }) }, 429)
  if (!check.ok) return showSetup(c, { form, message: t('twoFactor.field.password.wrong') }, 422)
  return null
}

const codeSchema = z.object({ code: z.string().trim().min(1).max(20) })
const passkeySchema = z.object({ name: text(60), response: z.string().max(20_000).optional() })

export const twoFactorRoutes = new Hono<AppEnv>()
  .get(SETUP_PATH, guard('account.manage'), (c) => showSetup(c))

  // -- Authenticator app -----------------------------------------------------------------------
  .post(`${SETUP_PATH}/app`, guard('account.manage'), async (c) => {
    await startTotpEnrolment(c.get('deps'), me(c).id)
    return c.redirect(`${SETUP_PATH}/app`, 303)
  })
  .get(`${SETUP_PATH}/app`, guard('account.manage'), async (c) => {
    const pending = await pendingEnrolment(c.get('deps'), me(c))
    if (!pending) return c.redirect(SETUP_PATH, 303)
    const t = c.get('t')
    return render(c, <EnrolPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} secret={pending.secret} qrSvg={pending.qrSvg} />, { title: t('twoFactor.enrol.title') })
  })
  .post(`${SETUP_PATH}/app/bevestigen`, guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const pending = await pendingEnrolment(deps, user)
    if (!pending) return c.redirect(SETUP_PATH, 303)
    const form = await readForm(c, codeSchema)
    const invalid = (errors: Record<string, string>) =>
      render(c, <EnrolPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} secret={pending.secret} qrSvg={pending.qrSvg} state={{ values: form.values, errors }} />, {
        title: t('twoFactor.enrol.title'),
        status: 422,
      })
    if (!form.ok) return invalid(form.errors)
    const result = await confirmTotp(deps, user, form.data.code)
    if (!result.ok) return invalid(fieldError(t, 'code', 'twoFactor.field.code.invalid'))
    if (!result.recoveryCodes) return c.redirect(`${SETUP_PATH}?melding=flash.twoFactor.appEnabled`, 303)
    return render(c, <RecoveryCodesPage t={t} codes={result.recoveryCodes} before={<p role="status">{t('flash.twoFactor.appEnabled')}</p>} />, { title: t('twoFactor.codes.title') })
  })
  .post(`${SETUP_PATH}/app/uitzetten`, guard('account.manage'), async (c) => {
    const problem = await passwordProblem(c, 'app.disable')
    if (problem) return problem
    await disableTotp(c.get('deps'), me(c))
    return c.redirect(`${SETUP_PATH}?melding=flash.twoFactor.appDisabled`, 303)
  })

  // -- Recovery codes --------------------------------------------------------------------------
  .post(`${SETUP_PATH}/herstelcodes`, guard('account.manage'), async (c) => {
    const problem = await passwordProblem(c, 'codes')
    if (problem) return problem
    const codes = await regenerateRecoveryCodes(c.get('deps'), me(c))
    if (!codes) return c.redirect(SETUP_PATH, 303)
    const t = c.get('t')
    return render(c, <RecoveryCodesPage t={t} codes={codes} />, { title: t('twoFactor.codes.title') })
  })

  // -- Passkeys --------------------------------------------------------------------------------
  .post(`${SETUP_PATH}/passkeys/opties`, guard('account.manage'), async (c) => {
    const { db, config, clock } = c.get('deps')
    return c.json(await registrationOptions(db, config, me(c), clock.now()))
  })
  .post(`${SETUP_PATH}/passkeys`, guard('account.manage'), async (c) => {
    const t = c.get('t')
    const form = await readForm(c, passkeySchema)
    if (!form.ok) return showSetup(c, { form: 'passkey.add', message: Object.values(form.errors)[0], passkeyName: form.values['name'] }, 422)
    const response = parseRegistration(form.data.response)
    if (!response) return showSetup(c, { form: 'passkey.add', message: t('twoFactor.passkeys.needsScript'), passkeyName: form.data.name }, 422)
    const result = await addPasskey(c.get('deps'), me(c), response, form.data.name)
    if (result === 'tooMany') return showSetup(c, { form: 'passkey.add', message: t('twoFactor.passkeys.tooMany'), passkeyName: form.data.name }, 422)
    if (result === 'invalid') return showSetup(c, { form: 'passkey.add', message: t('twoFactor.passkeys.failed'), passkeyName: form.data.name }, 422)
    return c.redirect(`${SETUP_PATH}?melding=flash.twoFactor.passkeyAdded`, 303)
  })
  .post(`${SETUP_PATH}/passkeys/:id/verwijderen`, guard('account.manage'), async (c) => {
    const id = c.req.param('id')
    if (!ID.test(id)) return c.notFound()
    // Someone else's passkey id finds nothing, before and after the password: both are matched with the logged-in person.
    const own = await listPasskeys(c.get('deps').db, me(c).id)
    if (!own.some((k) => k.id === Number(id))) return c.notFound()
    const problem = await passwordProblem(c, `passkey.${Number(id)}`)
    if (problem) return problem
    if (!(await removePasskey(c.get('deps'), me(c), Number(id)))) return c.notFound()
    return c.redirect(`${SETUP_PATH}?melding=flash.twoFactor.passkeyRemoved`, 303)
  })

/**
 * Pages of the second factor: the setup page (Mijn gegevens › Tweestapsverificatie), linking an
 * authenticator app, the recovery codes shown once, the second step of logging in, and the banner.
 * Passkey buttons are progressive enhancement (static/passkey.js); codes work without script.
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, type FormState } from '../../kernel/ui/components.js'
import { ASSETS } from '../../kernel/ui/assets.js'
import type { SecondFactorDue } from '../../kernel/policy/actor.js'
import { SETUP_PATH } from './two-factor.emails.js'
import { SECOND_STEP_PATH } from './two-factor.login.js'
import { daysLeft } from './two-factor.requirement.js'

interface Base {
  t: T
  lang: Lang
  csrfToken: string
}

/** The passkey script, loaded only by pages that offer passkeys. */
export const passkeyScript = <script src={ASSETS.passkey.url} defer></script>

/** "Nog N dagen" or "uitgeschakeld", above every page for a person whose role needs a factor. */
export function SecondFactorBanner(p: { t: T; due: SecondFactorDue; now: Date }) {
  const { t } = p
  const text = p.due.withheld.length > 0 ? t('twoFactor.banner.withheld') : t('twoFactor.banner.grace', { days: daysLeft(p.due.graceEndsAt!, p.now) })
  return (
    <Notice kind={p.due.withheld.length > 0 ? 'error' : 'info'}>
      {text} <a href={SETUP_PATH}>{t('twoFactor.banner.action')}</a>
    </Notice>
  )
}

/** A password field with an id of its own, for pages with several confirming forms. */
function PasswordConfirm(p: { t: T; id: string; error?: string }) {
  const hint = `${p.id}-hint`
  const err = `${p.id}-error`
  return (
    <div class="field">
      <label for={p.id}>{p.t('twoFactor.field.password')}</label>
      <p class="hint" id={hint}>
        {p.t('twoFactor.field.password.hint')}
      </p>
      {p.error && (
        <p class="field-error" id={err}>
          {p.error}
        </p>
      )}
      <input id={p.id} name="password" type="password" required autocomplete="current-password" aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${hint} ${err}` : hint} />
    </div>
  )
}

export interface SetupData {
  app: { confirmedAt: Date | null; lastUsedAt: Date | null } | null
  passkeys: Array<{ id: number; name: string; createdAt: Date; lastUsedAt: Date | null }>
  codes: { total: number; unused: number; createdAt: Date | null }
  due: SecondFactorDue | undefined
  now: Date
}

/** Which form failed, with its message, so the error shows next to the right field. */
export interface SetupErrors {
  form?: 'app.disable' | 'codes' | `passkey.${number}` | 'passkey.add'
  message?: string
  limited?: string
  passkeyName?: string
}

export function SetupPage(p: Base & { data: SetupData; errors?: SetupErrors }) {
  const { t, lang, data } = p
  const e = p.errors ?? {}
  const appOn = data.app?.confirmedAt ?? null
  const hasFactor = appOn !== null || data.passkeys.length > 0
  const date = (d: Date) => formatDate(d, lang)
  return (
    <section>
      <p>
        <a href="/mijn-gegevens">← {t('my-data.title')}</a>
      </p>
      <h1>{t('twoFactor.title')}</h1>
      <p class="prose">{t('twoFactor.intro')}</p>
      <Notice kind={hasFactor ? 'ok' : 'info'}>{hasFactor ? t('twoFactor.status.on') : t('twoFactor.status.off')}</Notice>
      {data.due && !hasFactor && (
        <Notice kind={data.due.withheld.length > 0 ? 'error' : 'info'}>
          {data.due.withheld.length > 0
            ? t('twoFactor.required.withheld')
            : t('twoFactor.required.grace', { date: formatDate(data.due.graceEndsAt!, lang, 'dateTime'), days: daysLeft(data.due.graceEndsAt!, data.now) })}
        </Notice>
      )}
      {e.limited && <Notice kind="error">{e.limited}</Notice>}

      <section aria-labelledby="app-heading">
        <h2 id="app-heading">{t('twoFactor.app.title')}</h2>
        {appOn ? (
          <>
            <p>
              {t('twoFactor.app.on', { date: date(appOn) })} {data.app?.lastUsedAt && t('twoFactor.app.lastUsed', { date: date(data.app.lastUsedAt) })}
            </p>
            <form method="post" action={`${SETUP_PATH}/app/uitzetten`} class="stack" novalidate>
              <CsrfField token={p.csrfToken} />
              <PasswordConfirm t={t} id="password-app" error={e.form === 'app.disable' ? e.message : undefined} />
              <div>
                <button type="submit">{t('twoFactor.app.disable')}</button>
              </div>
            </form>
          </>
        ) : (
          <>
            <p>{t('twoFactor.app.off')}</p>
            <form method="post" action={`${SETUP_PATH}/app`}>
              <CsrfField token={p.csrfToken} />
              <button type="submit">{t('twoFactor.app.start')}</button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading">{t('twoFactor.passkeys.title')}</h2>
        <p class="prose">{t('twoFactor.passkeys.intro')}</p>
        {data.passkeys.length === 0 ? (
          <p>{t('twoFactor.passkeys.none')}</p>
        ) : (
          <DataTable caption={t('twoFactor.passkeys.caption')} head={[t('twoFactor.passkeys.name'), t('twoFactor.passkeys.created'), t('twoFactor.passkeys.lastUsed'), t('twoFactor.passkeys.remove')]}>
            {data.passkeys.map((k) => (
              <tr>
                <th scope="row">{k.name}</th>
                <td>{date(k.createdAt)}</td>
                <td>{k.lastUsedAt ? date(k.lastUsedAt) : t('twoFactor.passkeys.never')}</td>
                <td>
                  <form method="post" action={`${SETUP_PATH}/passkeys/${k.id}/verwijderen`} class="stack" novalidate>
                    <CsrfField token={p.csrfToken} />
                    <PasswordConfirm t={t} id={`password-passkey-${k.id}`} error={e.form === `passkey.${k.id}` ? e.message : undefined} />
                    <div>
                      <button type="submit">{t('twoFactor.passkeys.removeNamed', { name: k.name })}</button>
                    </div>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3>{t('twoFactor.passkeys.add')}</h3>
        <p class="hint" id="passkey-support">
          {t('twoFactor.passkeys.needsScript')}
        </p>
        {e.form === 'passkey.add' && e.message && <Notice kind="error">{e.message}</Notice>}
        <form
          method="post"
          action={`${SETUP_PATH}/passkeys`}
          class="stack"
          novalidate
          data-passkey="register"
          data-options={`${SETUP_PATH}/passkeys/opties`}
          data-busy={t('twoFactor.passkeys.busy')}
          data-failed={t('twoFactor.passkeys.failed')}
        >
          <CsrfField token={p.csrfToken} />
          <Field name="name" label={t('twoFactor.field.passkeyName')} hint={t('twoFactor.field.passkeyName.hint')} required maxlength={60} t={t} state={{ values: { name: e.passkeyName ?? '' } }} />
          <p class="passkey-status" role="status" aria-live="polite"></p>
          <div>
            <button type="submit">{t('twoFactor.passkeys.add')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">{t('twoFactor.recovery.title')}</h2>
        <p class="prose">{t('twoFactor.recovery.intro')}</p>
        {!hasFactor ? (
          <p>{t('twoFactor.recovery.needFactor')}</p>
        ) : (
          <>
            {data.codes.total > 0 && data.codes.createdAt ? (
              <p>{t('twoFactor.recovery.count', { unused: data.codes.unused, total: data.codes.total, date: date(data.codes.createdAt) })}</p>
            ) : (
              <Notice kind="info">{t('twoFactor.recovery.none')}</Notice>
            )}
            <form method="post" action={`${SETUP_PATH}/herstelcodes`} class="stack" novalidate>
              <CsrfField token={p.csrfToken} />
              <PasswordConfirm t={t} id="password-codes" error={e.form === 'codes' ? e.message : undefined} />
              <p class="hint">{t('twoFactor.recovery.regenerate.hint')}</p>
              <div>
                <button type="submit">{t('twoFactor.recovery.regenerate')}</button>
              </div>
            </form>
          </>
        )}
      </section>
    </section>
  )
}

/** Linking an app: the key as text and as a QR code, then the first code. */
export function EnrolPage(p: Base & { secret: string; qrSvg: string; state?: FormState }) {
  const { t } = p
  // The SVG comes from the QR library with only rect and path elements and fill attributes.
  const label = t('twoFactor.enrol.qrLabel').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  const svg = p.qrSvg.replace('<svg ', `<svg role="img" aria-label="${label}" width="220" height="220" `)
  const grouped = p.secret.match(/.{1,4}/g)!.join(' ')
  return (
    <section>
      <h1>{t('twoFactor.enrol.title')}</h1>
      <ol class="prose">
        <li>
          <p>{t('twoFactor.enrol.step1')}</p>
          <div class="qr">{raw(svg)}</div>
          <p>
            {t('twoFactor.enrol.secret')}: <code class="secret">{grouped}</code>
          </p>
        </li>
        <li>
          <p>{t('twoFactor.enrol.step2')}</p>
        </li>
      </ol>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={`${SETUP_PATH}/app/bevestigen`} class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field name="code" label={t('twoFactor.field.code')} required autocomplete="one-time-code" inputmode="numeric" maxlength={9} state={p.state} t={t} />
        <div>
          <button type="submit">{t('twoFactor.enrol.submit')}</button>
        </div>
      </form>
      <p>
        <a href={SETUP_PATH}>{t('twoFactor.enrol.cancel')}</a>
      </p>
    </section>
  )
}

export function RecoveryCodesPage(p: { t: T; codes: string[]; before?: Child }) {
  const { t } = p
  return (
    <section>
      {p.before}
      <h1>{t('twoFactor.codes.title')}</h1>
      <p class="prose">{t('twoFactor.codes.once')}</p>
      <ul class="recovery-codes">
        {p.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={SETUP_PATH}>{t('twoFactor.codes.done')}</a>
      </p>
    </section>
  )
}

export function SecondStepPage(p: Base & { hasApp: boolean; hasPasskeys: boolean; state?: FormState; message?: string; operatorEmail: string }) {
  const { t } = p
  return (
    <section>
      <h1>{t('twoFactor.step.title')}</h1>
      <p>{t('twoFactor.step.intro')}</p>
      {p.message && <Notice kind="error">{p.message}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      {p.hasPasskeys && (
        <form
          method="post"
          action={`${SECOND_STEP_PATH}/passkey`}
          data-passkey="login"
          data-options={`${SECOND_STEP_PATH}/passkey-opties`}
          data-busy={t('twoFactor.passkeys.busy')}
          data-failed={t('twoFactor.step.passkeyFailed')}
        >
          <CsrfField token={p.csrfToken} />
          <p class="passkey-status" role="status" aria-live="polite"></p>
          <button type="submit">{t('twoFactor.step.passkey')}</button>
        </form>
      )}
      {p.hasPasskeys && <h2>{t('twoFactor.step.orCode')}</h2>}
      <form method="post" action={SECOND_STEP_PATH} class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field
          name="code"
          label={p.hasApp ? t('twoFactor.step.field') : t('twoFactor.step.fieldRecovery')}
          hint={t('twoFactor.step.field.hint')}
          required
          autocomplete="one-time-code"
          maxlength={40}
          state={p.state}
          t={t}
        />
        <div>
          <button type="submit">{t('twoFactor.step.submit')}</button>
        </div>
      </form>
      <p class="hint">{t('twoFactor.step.lost', { email: p.operatorEmail })}</p>
    </section>
  )
}

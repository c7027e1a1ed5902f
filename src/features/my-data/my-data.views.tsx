/**
 * "Mijn gegevens": every stored field of the account with what it is used for (none is public),
 * the consents given, and forms to change details, email address and password (P03, P23, P28).
 */
import type { Child } from 'hono/jsx'
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/messages.js'
import type { WijkSummary } from '../places/places.queries.js'
import { CsrfField, Field, Select, ErrorSummary, Notice, type FormState } from '../../kernel/ui/components.js'
import type { AccountView, ConsentView } from '../accounts/accounts.queries.js'
import { WijkSelect } from '../accounts/accounts.views.js'

export type MyDataForm = 'profile' | 'email' | 'password'

export interface MyDataProps {
  t: T
  lang: Lang
  csrfToken: string
  account: AccountView
  consents: ConsentView[]
  wijken: WijkSummary[]
  pendingEmail: string | null
  /** The state of the one form that was just submitted and failed. */
  failed?: { form: MyDataForm; state: FormState; limitedMessage?: string }
}

const DOC_TITLE: Record<ConsentView['kind'], MessageKey> = { privacy: 'layout.privacy', terms: 'layout.terms' }
const DOC_PATH: Record<ConsentView['kind'], string> = { privacy: '/privacy', terms: '/voorwaarden' }
const CHANNEL: Record<ConsentView['channel'], MessageKey> = {
  signup: 'accounts.consent.channel.signup',
  renewal: 'accounts.consent.channel.renewal',
  paper: 'accounts.consent.channel.paper',
}

function stateFor(p: MyDataProps, form: MyDataForm): FormState | undefined {
  return p.failed?.form === form ? p.failed.state : undefined
}

function AccountTable({ t, account }: { t: T; account: AccountView }) {
  const empty = <span class="muted">{t('accounts.myData.empty')}</span>
  const rows: Array<[MessageKey, Child, MessageKey]> = [
    [
      'accounts.field.email',
      <>
        {account.email}
        {!account.emailVerifiedAt && <span class="muted"> ({t('accounts.myData.unverified')})</span>}
      </>,
      'accounts.myData.use.email',
    ],
    ['accounts.field.password', t('accounts.myData.passwordStored'), 'accounts.myData.use.password'],
    ['accounts.field.firstName', account.firstName, 'accounts.myData.use.firstName'],
    ['accounts.field.lastName', account.lastName ?? empty, 'accounts.myData.use.lastName'],
    [
      'accounts.field.homeWijk',
      account.homeWijkName ? `${account.homeWijkName} (${account.homeCityName ?? ''})` : empty,
      'accounts.myData.use.homeWijk',
    ],
    ['accounts.field.lang', t(account.lang === 'en' ? 'accounts.lang.en' : 'accounts.lang.nl'), 'accounts.myData.use.lang'],
  ]
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('accounts.myData.col.field')}</th>
            <th scope="col">{t('accounts.myData.col.value')}</th>
            <th scope="col">{t('accounts.myData.col.use')}</th>
            <th scope="col">{t('accounts.myData.col.public')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, use]) => (
            <tr>
              <th scope="row">{t(label)}</th>
              <td>{value}</td>
              <td>{t(use)}</td>
              <td>{t('accounts.myData.notPublic')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ConsentTable({ t, lang, consents }: { t: T; lang: Lang; consents: ConsentView[] }) {
  if (consents.length === 0) return <p>{t('accounts.myData.consents.none')}</p>
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('accounts.myData.col.document')}</th>
            <th scope="col">{t('accounts.myData.col.version')}</th>
            <th scope="col">{t('accounts.myData.col.givenAt')}</th>
            <th scope="col">{t('accounts.myData.col.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((c) => (
            <tr>
              <th scope="row">{t(DOC_TITLE[c.kind])}</th>
              <td>
                <a href={`${DOC_PATH[c.kind]}/versie/${c.version}`}>{t('accounts.myData.versionLink', { version: c.version })}</a>
              </td>
              <td>{formatDate(c.givenAt, lang, 'dateTime')}</td>
              <td>{t(CHANNEL[c.channel])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function MyDataPage(p: MyDataProps) {
  const { t, account } = p
  const profile = stateFor(p, 'profile')
  const email = stateFor(p, 'email')
  const password = stateFor(p, 'password')
  return (
    <>
      <h1>{t('accounts.myData.title')}</h1>
      <p class="prose">{t('accounts.myData.intro')}</p>

      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('accounts.myData.account')}</h2>
        {p.pendingEmail && <Notice kind="info">{t('accounts.myData.pendingEmail', { email: p.pendingEmail })}</Notice>}
        <AccountTable t={t} account={account} />
      </section>

      <section aria-labelledby="consents-heading">
        <h2 id="consents-heading">{t('accounts.myData.consents')}</h2>
        <p>{t('accounts.myData.consents.intro')}</p>
        <ConsentTable t={t} lang={p.lang} consents={p.consents} />
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('accounts.myData.edit')}</h2>
        <ErrorSummary errors={profile?.errors} t={t} />
        <form method="post" action="/mijn-gegevens" class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <Field name="firstName" label={t('accounts.field.firstName')} hint={t('accounts.field.firstName.hint')} state={profile} value={account.firstName} required autocomplete="given-name" maxlength={100} t={t} />
          <Field name="lastName" label={t('accounts.field.lastName')} hint={t('accounts.field.lastName.hint')} state={profile} value={account.lastName ?? ''} autocomplete="family-name" maxlength={100} t={t} />
          {p.wijken.length > 0 && (
            <WijkSelect t={t} wijken={p.wijken} required state={profile} value={account.homeWijkId === null ? '' : String(account.homeWijkId)} />
          )}
          <Select
            name="lang"
            label={t('accounts.field.lang')}
            hint={t('accounts.field.lang.hint')}
            options={[
              { value: 'nl', label: t('accounts.lang.nl') },
              { value: 'en', label: t('accounts.lang.en') },
            ]}
            state={profile}
            value={account.lang}
            required
            t={t}
          />
          <div>
            <button type="submit">{t('form.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t('accounts.myData.changeEmail')}</h2>
        {p.failed?.form === 'email' && p.failed.limitedMessage && <Notice kind="error">{p.failed.limitedMessage}</Notice>}
        <ErrorSummary errors={email?.errors} t={t} />
        <form method="post" action="/mijn-gegevens/email" class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <Field name="newEmail" type="email" label={t('accounts.field.newEmail')} hint={t('accounts.field.newEmail.hint')} state={email} required autocomplete="email" maxlength={254} t={t} />
          <Field name="emailPassword" type="password" label={t('accounts.field.currentPassword')} hint={t('accounts.field.currentPassword.hint')} state={email} required autocomplete="current-password" t={t} />
          <div>
            <button type="submit">{t('accounts.myData.changeEmail.submit')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('accounts.myData.changePassword')}</h2>
        <p>{t('accounts.myData.changePassword.intro')}</p>
        {p.failed?.form === 'password' && p.failed.limitedMessage && <Notice kind="error">{p.failed.limitedMessage}</Notice>}
        <ErrorSummary errors={password?.errors} t={t} />
        <form method="post" action="/mijn-gegevens/wachtwoord" class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <Field name="currentPassword" type="password" label={t('accounts.field.currentPassword')} state={password} required autocomplete="current-password" t={t} />
          <Field name="newPassword" type="password" label={t('accounts.field.newPassword')} hint={t('accounts.field.password.hint')} state={password} required autocomplete="new-password" t={t} />
          <Field name="newPasswordRepeat" type="password" label={t('accounts.field.newPasswordRepeat')} state={password} required autocomplete="new-password" t={t} />
          <div>
            <button type="submit">{t('accounts.myData.changePassword.submit')}</button>
          </div>
        </form>
      </section>
    </>
  )
}

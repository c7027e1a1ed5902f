/**
 * "Mijn gegevens": every personal datum the platform holds about the user, section by section
 * with a table of contents, each with what it is used for and whether it is public, and the
 * forms to change it within two clicks (P03, P23, P28). Pure view: everything comes in as props.
 */
import type { Child } from 'hono/jsx'
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { WijkSummary } from '../places/places.queries.js'
import { CsrfField, Field, Select, ErrorSummary, Notice, type FormState, DataTable } from '../../kernel/ui/components.js'
import type { ConsentView } from '../documents/documents.queries.js'
import { WijkSelect } from '../accounts/accounts.views.js'
import type { AccessEntry, MyExport, MyNewsletter, MyRole, MySession } from './my-data.queries.js'
import type { AccountDetails } from '../accounts/accounts.queries.js'
import type { MyAlerts } from '../alerts/alerts.privacy.js'
import { SecondFactorSection, type SecondFactorFacts } from '../two-factor/two-factor.privacy.js'
import type { PublicPartner } from '../partners/partners.queries.js'
import { MyPartnersSection } from '../partners/partners.public.views.js'
import { MyPackagesSection } from '../billing/billing.account.views.js'
import { AccessSection, AlertsSection, ContactSection, ContentSection, ExportSection, NewslettersSection, Purpose, RolesSection, SessionsSection, type ContentView } from './my-data.sections.js'

export type MyDataForm = 'profile' | 'email' | 'password' | 'newsletter' | 'export'

export interface MyDataProps {
  t: T
  lang: Lang
  csrfToken: string
  account: AccountDetails
  pendingEmail: string | null
  roles: MyRole[]
  consents: ConsentView[]
  newsletters: MyNewsletter[]
  alerts: MyAlerts
  sessions: MySession[]
  secondFactor: SecondFactorFacts
  content: ContentView[]
  /** Partners in force that can show at least one of my shared public items. */
  partners: PublicPartner[]
  packages: Parameters<typeof MyPackagesSection>[0]['own']
  access: { entries: AccessEntry[]; moreHref: string | null }
  exports: MyExport[]
  wijken: WijkSummary[]
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

/** The sections in page order: the table of contents and the ids of the sections. */
const TOC: Array<[string, MessageKey]> = [
  ['account', 'my-data.account'],
  ['rollen', 'my-data.roles'],
  ['toestemmingen', 'my-data.consents'],
  ['nieuwsbrieven', 'my-data.newsletters'],
  ['meldingen', 'my-data.alerts'],
  ['apparaten', 'my-data.sessions'],
  ['tweestapsverificatie', 'twoFactor.myData.title'],
  ['mijn-inhoud', 'my-data.content'],
  ['contactgegevens', 'my-data.contact'],
  ['partners', 'partners.myData.heading'],
  ['pakketten', 'billing.my.title'],
  ['toegang', 'my-data.access'],
  ['download', 'my-data.export'],
  ['wijzigen', 'my-data.edit'],
  ['email-wijzigen', 'my-data.changeEmail'],
  ['wachtwoord-wijzigen', 'my-data.changePassword'],
]

function stateFor(p: MyDataProps, form: MyDataForm): FormState | undefined {
  return p.failed?.form === form ? p.failed.state : undefined
}

function AccountTable({ t, lang, account }: { t: T; lang: Lang; account: AccountDetails }) {
  const empty = <span class="muted">{t('my-data.empty')}</span>
  const edit = (href: string, label: MessageKey) => (
    <a href={href}>
      {t('my-data.change')}
      <span class="visually-hidden">: {t(label).toLowerCase()}</span>
    </a>
  )
  const automatic = <span class="muted">{t('my-data.automatic')}</span>
  const rows: Array<[MessageKey, Child, MessageKey, Child]> = [
    ['accounts.field.email', account.email, 'my-data.use.email', edit('#email-wijzigen', 'accounts.field.email')],
    [
      'my-data.field.emailVerified',
      account.emailVerifiedAt ? formatDate(account.emailVerifiedAt, lang, 'dateTime') : t('my-data.unverified'),
      'my-data.use.emailVerified',
      automatic,
    ],
    ['accounts.field.password', t('my-data.passwordStored'), 'my-data.use.password', edit('#wachtwoord-wijzigen', 'accounts.field.password')],
    ['accounts.field.firstName', account.firstName, 'my-data.use.firstName', edit('#wijzigen', 'accounts.field.firstName')],
    ['accounts.field.lastName', account.lastName ?? empty, 'my-data.use.lastName', edit('#wijzigen', 'accounts.field.lastName')],
    [
      'accounts.field.homeWijk',
      account.homeWijkName ? `${account.homeWijkName} (${account.homeCityName ?? ''})` : empty,
      'my-data.use.homeWijk',
      edit('#wijzigen', 'accounts.field.homeWijk'),
    ],
    ['accounts.field.lang', t(account.lang === 'en' ? 'accounts.lang.en' : 'accounts.lang.nl'), 'my-data.use.lang', edit('#wijzigen', 'accounts.field.lang')],
    ['my-data.field.createdAt', formatDate(account.createdAt, lang, 'dateTime'), 'my-data.use.createdAt', automatic],
    ['my-data.field.lastLoginAt', account.lastLoginAt ? formatDate(account.lastLoginAt, lang, 'dateTime') : t('my-data.never'), 'my-data.use.lastLoginAt', automatic],
  ]
  return (
    <DataTable head={[t('my-data.col.field'), t('my-data.col.value'), t('my-data.col.use'), t('my-data.col.public'), t('my-data.col.change')]}>
      {rows.map(([label, value, use, change]) => (
        <tr>
          <th scope="row">{t(label)}</th>
          <td>{value}</td>
          <td>{t(use)}</td>
          <td>{t('my-data.no')}</td>
          <td>{change}</td>
        </tr>
      ))}
    </DataTable>
  )
}

function ConsentTable({ t, lang, consents }: { t: T; lang: Lang; consents: ConsentView[] }) {
  if (consents.length === 0) return <p>{t('my-data.consents.none')}</p>
  return (
    <DataTable head={[t('my-data.col.document'), t('my-data.col.version'), t('my-data.col.givenAt'), t('my-data.col.channel')]}>
      {consents.map((c) => (
        <tr>
          <th scope="row">{t(DOC_TITLE[c.kind])}</th>
          <td>
            <a href={`${DOC_PATH[c.kind]}/versie/${c.version}`}>{t('my-data.versionLink', { version: c.version })}</a>
          </td>
          <td>{formatDate(c.givenAt, lang, 'dateTime')}</td>
          <td>{t(CHANNEL[c.channel])}</td>
        </tr>
      ))}
    </DataTable>
  )
}

export function MyDataPage(p: MyDataProps) {
  const { t, account } = p
  const profile = stateFor(p, 'profile')
  const email = stateFor(p, 'email')
  const password = stateFor(p, 'password')
  return (
    <>
      <h1>{t('my-data.title')}</h1>
      <p class="prose">{t('my-data.intro')}</p>

      <nav aria-labelledby="toc-heading" class="toc">
        <h2 id="toc-heading">{t('my-data.toc')}</h2>
        <ul>
          {TOC.map(([id, key]) => (
            <li>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="account-heading" id="account">
        <h2 id="account-heading">{t('my-data.account')}</h2>
        {p.pendingEmail && <Notice kind="info">{t('my-data.pendingEmail', { email: p.pendingEmail })}</Notice>}
        <AccountTable t={t} lang={p.lang} account={account} />
      </section>

      <RolesSection t={t} lang={p.lang} roles={p.roles} />

      <section aria-labelledby="toestemmingen-heading" id="toestemmingen">
        <h2 id="toestemmingen-heading">{t('my-data.consents')}</h2>
        <Purpose t={t} use="my-data.consents.use" isPublic="my-data.notPublic.long" />
        <p>{t('my-data.consents.intro')}</p>
        <ConsentTable t={t} lang={p.lang} consents={p.consents} />
        <p>
          {t('my-data.consents.change')} <a href="/hulp">{t('my-data.askHelp')}</a>
        </p>
      </section>

      <NewslettersSection t={t} lang={p.lang} csrfToken={p.csrfToken} newsletters={p.newsletters} wijken={p.wijken} state={stateFor(p, 'newsletter')} />
      <AlertsSection t={t} lang={p.lang} alerts={p.alerts} />
      <SessionsSection t={t} lang={p.lang} csrfToken={p.csrfToken} sessions={p.sessions} />
      <SecondFactorSection t={t} lang={p.lang} facts={p.secondFactor} />
      <ContentSection t={t} content={p.content} />
      <ContactSection t={t} csrfToken={p.csrfToken} content={p.content} />
      <MyPartnersSection t={t} lang={p.lang} partners={p.partners} />
      <MyPackagesSection t={t} lang={p.lang} own={p.packages} />
      <AccessSection t={t} lang={p.lang} entries={p.access.entries} moreHref={p.access.moreHref} />
      <ExportSection t={t} lang={p.lang} csrfToken={p.csrfToken} exports={p.exports} limitedMessage={p.failed?.form === 'export' ? p.failed.limitedMessage : undefined} />

      <section aria-labelledby="wijzigen-heading" id="wijzigen">
        <h2 id="wijzigen-heading">{t('my-data.edit')}</h2>
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

      <section aria-labelledby="email-wijzigen-heading" id="email-wijzigen">
        <h2 id="email-wijzigen-heading">{t('my-data.changeEmail')}</h2>
        {p.failed?.form === 'email' && p.failed.limitedMessage && <Notice kind="error">{p.failed.limitedMessage}</Notice>}
        <ErrorSummary errors={email?.errors} t={t} />
        <form method="post" action="/mijn-gegevens/email" class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <Field name="newEmail" type="email" label={t('accounts.field.newEmail')} hint={t('accounts.field.newEmail.hint')} state={email} required autocomplete="email" maxlength={254} t={t} />
          <Field name="emailPassword" type="password" label={t('accounts.field.currentPassword')} hint={t('accounts.field.currentPassword.hint')} state={email} required autocomplete="current-password" t={t} />
          <div>
            <button type="submit">{t('my-data.changeEmail.submit')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="wachtwoord-wijzigen-heading" id="wachtwoord-wijzigen">
        <h2 id="wachtwoord-wijzigen-heading">{t('my-data.changePassword')}</h2>
        <p>{t('my-data.changePassword.intro')}</p>
        {p.failed?.form === 'password' && p.failed.limitedMessage && <Notice kind="error">{p.failed.limitedMessage}</Notice>}
        <ErrorSummary errors={password?.errors} t={t} />
        <form method="post" action="/mijn-gegevens/wachtwoord" class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <Field name="currentPassword" type="password" label={t('accounts.field.currentPassword')} state={password} required autocomplete="current-password" t={t} />
          <Field name="newPassword" type="password" label={t('accounts.field.newPassword')} hint={t('accounts.field.password.hint')} state={password} required autocomplete="new-password" t={t} />
          <Field name="newPasswordRepeat" type="password" label={t('accounts.field.newPasswordRepeat')} state={password} required autocomplete="new-password" t={t} />
          <div>
            <button type="submit">{t('my-data.changePassword.submit')}</button>
          </div>
        </form>
      </section>
    </>
  )
}

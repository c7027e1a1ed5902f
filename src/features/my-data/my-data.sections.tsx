/**
 * The sections of Mijn gegevens beyond the account itself: roles, newsletters, alerts, sessions, content
 * and its contact fields, the access log and the export. Each starts with what the data is used
 * for and whether it is public (P28), and offers its change within two clicks.
 */
import type { Child } from 'hono/jsx'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Notice, Select, type FormState } from '../../kernel/ui/components.js'
import { wijkChoices } from '../places/wijk-choices.js'
import type { WijkSummary } from '../places/places.queries.js'
import type { AccessEntry, MyExport, MyNewsletter, MyRole, MySession } from './my-data.queries.js'
import type { MyContentRow } from '../content/content.owned.js'
import { describeAction, describeActor, roleLabel } from './my-data.access.js'
import { CONTACT_FIELDS, type ContactField } from './my-data.service.js'
import type { MyAlerts } from '../alerts/alerts.privacy.js'
import { ALERTS_PATH } from '../alerts/alerts.views.js'

export type ContentView = MyContentRow & { isPublic: boolean; viewHref: string | null }

/** "What for" and "public?" of a kind of data, the same way in every section. */
export function Purpose({ t, use, isPublic }: { t: T; use: MessageKey; isPublic: MessageKey }) {
  return (
    <dl class="facts purpose">
      <dt>{t('my-data.purpose.use')}</dt>
      <dd>{t(use)}</dd>
      <dt>{t('my-data.purpose.public')}</dt>
      <dd>{t(isPublic)}</dd>
    </dl>
  )
}

const dateTime = (d: Date, lang: Lang) => formatDate(d, lang, 'dateTime')

function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  )
}

export function RolesSection({ t, lang, roles }: { t: T; lang: Lang; roles: MyRole[] }) {
  return (
    <Section id="rollen" title={t('my-data.roles')}>
      <Purpose t={t} use="my-data.roles.use" isPublic="my-data.roles.public" />
      {roles.length === 0 ? (
        <p>{t('my-data.roles.none')}</p>
      ) : (
        <DataTable head={[t('my-data.col.role'), t('my-data.col.wijk'), t('my-data.col.since')]}>
          {roles.map((r) => (
            <tr>
              <th scope="row">{roleLabel(t, r.role)}</th>
              <td>{r.wijkName ? `${r.wijkName} (${r.cityName ?? ''})` : t('my-data.roles.wholePlatform')}</td>
              <td>{dateTime(r.since, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        {t('my-data.roles.change')} <a href="/hulp">{t('my-data.askHelp')}</a>
      </p>
    </Section>
  )
}

/** What the user follows and how often they are mailed about it; changed on the alerts page. */
export function AlertsSection({ t, lang, alerts }: { t: T; lang: Lang; alerts: MyAlerts }) {
  return (
    <Section id="meldingen" title={t('my-data.alerts')}>
      <Purpose t={t} use="my-data.alerts.use" isPublic="my-data.notPublic.long" />
      <dl class="facts">
        <dt>{t('my-data.alerts.frequency')}</dt>
        <dd>{alerts.frequency ? t(`alerts.frequency.${alerts.frequency}`) : t('my-data.alerts.notSetUp')}</dd>
      </dl>
      {alerts.follows.length === 0 ? (
        <p>{t('my-data.alerts.none')}</p>
      ) : (
        <DataTable caption={t('my-data.alerts.caption')} head={[t('my-data.col.what'), t('my-data.col.wijk'), t('my-data.col.since')]}>
          {alerts.follows.map((f) => (
            <tr>
              <th scope="row">{f.label}</th>
              <td>
                {f.wijkName} <span class="muted">({f.cityName})</span>
              </td>
              <td>{dateTime(f.createdAt, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        <a href={ALERTS_PATH}>{t('alerts.myDataLink')}</a>
      </p>
    </Section>
  )
}

export function NewslettersSection(p: { t: T; lang: Lang; csrfToken: string; newsletters: MyNewsletter[]; wijken: WijkSummary[]; state?: FormState }) {
  const { t } = p
  const subscribed = new Set(p.newsletters.map((n) => n.wijkId))
  const open = p.wijken.filter((w) => !subscribed.has(w.id))
  return (
    <Section id="nieuwsbrieven" title={t('my-data.newsletters')}>
      <Purpose t={t} use="my-data.newsletters.use" isPublic="my-data.notPublic.long" />
      {p.newsletters.length === 0 ? (
        <p>{t('my-data.newsletters.none')}</p>
      ) : (
        <DataTable head={[t('my-data.col.wijk'), t('my-data.col.since'), t('my-data.col.status'), t('my-data.col.change')]}>
          {p.newsletters.map((n) => (
            <tr>
              <th scope="row">
                {n.wijkName} <span class="muted">({n.cityName})</span>
              </th>
              <td>{dateTime(n.createdAt, p.lang)}</td>
              <td>
                {t(n.status === 'confirmed' ? 'my-data.newsletters.confirmed' : 'my-data.newsletters.pending')}
                {!n.viaAccount && <span class="muted"> · {t('my-data.newsletters.withoutAccount')}</span>}
              </td>
              <td>
                <form method="post" action={`/mijn-gegevens/nieuwsbrieven/${n.id}/afmelden`} class="inline">
                  <CsrfField token={p.csrfToken} />
                  <button type="submit" class="secondary" aria-label={t('my-data.newsletters.unsubscribeLabel', { wijk: n.wijkName })}>
                    {t('my-data.newsletters.unsubscribe')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {open.length > 0 && (
        <>
          <ErrorSummary errors={p.state?.errors} t={t} />
          <form method="post" action="/mijn-gegevens/nieuwsbrieven" class="inline-form" novalidate>
            <CsrfField token={p.csrfToken} />
            <Select
              t={t}
              name="newsletterWijkId"
              label={t('my-data.newsletters.subscribeTo')}
              required
              options={[{ value: '', label: t('my-data.newsletters.choose') }, ...wijkChoices(open)]}
              state={p.state}
            />
            <div>
              <button type="submit">{t('my-data.newsletters.subscribe')}</button>
            </div>
          </form>
        </>
      )}
    </Section>
  )
}

export function SessionsSection({ t, lang, csrfToken: csrf, sessions }: { t: T; lang: Lang; csrfToken: string; sessions: MySession[] }) {
  const others = sessions.filter((s) => !s.isCurrent).length
  return (
    <Section id="apparaten" title={t('my-data.sessions')}>
      <Purpose t={t} use="my-data.sessions.use" isPublic="my-data.notPublic.long" />
      <DataTable head={[t('my-data.col.device'), t('my-data.col.loggedInAt'), t('my-data.col.lastUsed'), t('my-data.col.change')]}>
        {sessions.map((s) => (
          <tr>
            <th scope="row">
              {s.device}
              {s.isCurrent && <strong> ({t('my-data.sessions.thisDevice')})</strong>}
            </th>
            <td>{dateTime(s.createdAt, lang)}</td>
            <td>{dateTime(s.lastSeenAt, lang)}</td>
            <td>
              <form method="post" action={`/mijn-gegevens/apparaten/${s.handle}/uitloggen`} class="inline">
                <CsrfField token={csrf} />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={t('my-data.sessions.logoutLabel', { device: s.device, date: dateTime(s.lastSeenAt, lang) })}
                >
                  {t('my-data.sessions.logout')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      <ul class="actions session-actions">
        {others > 0 && (
          <li>
            <form method="post" action="/mijn-gegevens/apparaten/anderen-uitloggen" class="inline">
              <CsrfField token={csrf} />
              <button type="submit" class="secondary">
                {t('my-data.sessions.logoutOthers')}
              </button>
            </form>
          </li>
        )}
        <li>
          <form method="post" action="/mijn-gegevens/apparaten/overal-uitloggen" class="inline">
            <CsrfField token={csrf} />
            <button type="submit" class="secondary">
              {t('my-data.sessions.logoutEverywhere')}
            </button>
          </form>
        </li>
      </ul>
    </Section>
  )
}

const statusLabel = (t: T, status: string) => t(`my-content.status.${status}` as MessageKey)
const typeLabel = (t: T, type: string) => t(`my-content.type.${type}` as MessageKey)

export function ContentSection({ t, content }: { t: T; content: ContentView[] }) {
  return (
    <Section id="mijn-inhoud" title={t('my-data.content')}>
      <Purpose t={t} use="my-data.content.use" isPublic="my-data.content.public" />
      {content.length === 0 ? (
        <p>
          {t('my-data.content.none')} <a href="/mijn-content/nieuw">{t('my-data.content.new')}</a>
        </p>
      ) : (
        <DataTable
          head={[
            t('my-data.col.title'),
            t('my-data.col.type'),
            t('my-data.col.wijk'),
            t('my-data.col.status'),
            t('my-data.col.relation'),
            t('my-data.col.public'),
            t('my-data.col.change'),
          ]}
        >
          {content.map((c) => (
            <tr>
              <th scope="row">{c.title}</th>
              <td>{typeLabel(t, c.type)}</td>
              <td>{c.wijkName}</td>
              <td>{statusLabel(t, c.status)}</td>
              <td>{t(c.isOwner ? 'my-data.content.owner' : 'my-data.content.coManager')}</td>
              <td>{t(c.isPublic ? 'my-data.yes' : 'my-data.no')}</td>
              <td>
                <ul class="actions">
                  <li>
                    <a href={`/mijn-content/${c.id}/bewerken`} aria-label={t('my-data.content.editLabel', { title: c.title })}>
                      {t('my-data.content.edit')}
                    </a>
                  </li>
                  {c.viewHref && (
                    <li>
                      <a href={c.viewHref} aria-label={t('my-data.content.viewLabel', { title: c.title })}>
                        {t('my-data.content.view')}
                      </a>
                    </li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  )
}

const CONTACT_VALUE: Record<ContactField, (c: ContentView) => string | null> = {
  name: (c) => c.contactName,
  email: (c) => c.contactEmail,
  phone: (c) => c.contactPhone,
  address: (c) => c.contactAddress,
}
const CONTACT_PUBLIC: Record<ContactField, (c: ContentView) => boolean> = {
  name: (c) => c.contactNamePublic,
  email: (c) => c.contactEmailPublic,
  phone: (c) => c.contactPhonePublic,
  address: (c) => c.contactAddressPublic,
}

/** One row per contact field with a one-click switch between public and private (P28). */
function ContactTable({ t, csrfToken: csrf, item }: { t: T; csrfToken: string; item: ContentView }) {
  return (
    <DataTable
      caption={t('my-data.contact.caption', { title: item.title })}
      head={[
        t('my-data.col.contactField'),
        t('my-data.col.value'),
        t('my-data.col.public'),
        t('my-data.col.change'),
      ]}
    >
      {CONTACT_FIELDS.map((field) => {
        const value = CONTACT_VALUE[field](item)
        const visible = CONTACT_PUBLIC[field](item)
        const label = t(`my-data.contact.${field}` as MessageKey)
        return (
          <tr>
            <th scope="row">{label}</th>
            <td class="pre-wrap">{value ?? <span class="muted">{t('my-data.empty')}</span>}</td>
            <td>{t(visible ? 'my-data.contact.isPublic' : 'my-data.contact.isPrivate')}</td>
            <td>
              {value !== null && (
                <form method="post" action={`/mijn-gegevens/contact/${item.id}/${field}`} class="inline">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="openbaar" value={visible ? 'nee' : 'ja'} />
                  <button type="submit" class="secondary">
                    {t(visible ? 'my-data.contact.hide' : 'my-data.contact.show')}
                    <span class="visually-hidden">: {t('my-data.contact.which', { field: label.toLowerCase(), title: item.title })}</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        )
      })}
    </DataTable>
  )
}

export function ContactSection({ t, csrfToken: csrf, content }: { t: T; csrfToken: string; content: ContentView[] }) {
  const withContact = content.filter((c) => CONTACT_FIELDS.some((f) => CONTACT_VALUE[f](c) !== null))
  return (
    <Section id="contactgegevens" title={t('my-data.contact')}>
      <Purpose t={t} use="my-data.contact.use" isPublic="my-data.contact.public" />
      {withContact.length === 0 ? (
        <p>{t('my-data.contact.none')}</p>
      ) : (
        withContact.map((item) => (
          <>
            <h3>{item.title}</h3>
            <ContactTable t={t} csrfToken={csrf} item={item} />
          </>
        ))
      )}
    </Section>
  )
}

export function AccessSection({ t, lang, entries, moreHref }: { t: T; lang: Lang; entries: AccessEntry[]; moreHref: string | null }) {
  return (
    <Section id="toegang" title={t('my-data.access')}>
      <Purpose t={t} use="my-data.access.use" isPublic="my-data.notPublic.long" />
      {entries.length === 0 ? (
        <p>{t('my-data.access.none')}</p>
      ) : (
        <DataTable head={[t('my-data.col.when'), t('my-data.col.who'), t('my-data.col.what')]}>
          {entries.map((e) => (
            <tr>
              <td>{dateTime(e.at, lang)}</td>
              <td>{describeActor(t, e)}</td>
              <td>{describeAction(t, lang, e)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {moreHref && (
        <p>
          <a href={moreHref}>{t('my-data.access.more')}</a>
        </p>
      )}
    </Section>
  )
}

const EXPORT_STATUS: Record<MyExport['status'], MessageKey> = {
  queued: 'my-data.export.status.queued',
  running: 'my-data.export.status.running',
  ready: 'my-data.export.status.ready',
  failed: 'my-data.export.status.failed',
}
export const exportStatusLabel = (t: T, status: MyExport['status']) => t(EXPORT_STATUS[status])

export function ExportSection({ t, lang, csrfToken: csrf, exports, limitedMessage }: { t: T; lang: Lang; csrfToken: string; exports: MyExport[]; limitedMessage?: string }) {
  return (
    <Section id="download" title={t('my-data.export')}>
      <p>{t('my-data.export.intro')}</p>
      <Purpose t={t} use="my-data.export.use" isPublic="my-data.export.public" />
      {limitedMessage && <Notice kind="error">{limitedMessage}</Notice>}
      <form method="post" action="/mijn-gegevens/export">
        <CsrfField token={csrf} />
        <button type="submit">{t('my-data.export.button')}</button>
      </form>
      {exports.length > 0 && (
        <>
          <h3>{t('my-data.export.recent')}</h3>
          <ul>
            {exports.map((e) => (
              <li>
                <a href={`/mijn-gegevens/export/${e.id}`}>{t('my-data.export.requestedAt', { date: dateTime(e.requestedAt, lang) })}</a>: {exportStatusLabel(t, e.status)}
                {e.status === 'ready' && <> · {t('my-data.export.until', { date: dateTime(e.expiresAt, lang) })}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}

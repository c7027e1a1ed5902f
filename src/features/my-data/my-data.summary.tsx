/**
 * overzicht.html in the export: the same data as gegevens.json, readable by a person, in the
 * user's language. Self-contained: its only style is inline and its only images are the ones in
 * the ZIP next to it, so it opens offline and loads nothing from anywhere.
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { formatDate, translator, type Lang, type T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { DataExport } from './export.schema.js'
import { describeActor, roleLabel } from './my-data.access.js'
import { euro } from '../billing/billing.money.js'

// A constant, not user data: raw() only keeps hono/jsx from escaping the CSS.
const CSS = `
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f23; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #1d6b4f; } h3 { margin-bottom: 0.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #c9d1d9; vertical-align: top; }
.muted { color: #4a5560; } .pre { white-space: pre-wrap; overflow-wrap: anywhere; }
img { max-width: 20rem; height: auto; display: block; margin: 0.5rem 0; }
`

const when = (value: string | null, lang: Lang) => (value ? formatDate(new Date(value), lang, 'dateTime') : '')
const yesNo = (t: T, v: boolean) => t(v ? 'my-data.yes' : 'my-data.no')
const wijkName = (w: { name: string; city: string } | null) => (w ? `${w.name} (${w.city})` : '')

function Rows({ rows }: { rows: Array<[string, Child]> }) {
  return (
    <table>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Table({ head, rows }: { head: string[]; rows: Child[][] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {r.map((cell) => (
              <td>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Section({ title, none, count, children }: { title: string; none: string; count: number; children: Child }) {
  return (
    <section>
      <h2>{title}</h2>
      {count === 0 ? <p class="muted">{none}</p> : children}
    </section>
  )
}

function Summary({ d, lang, t }: { d: DataExport; lang: Lang; t: T }) {
  const a = d.account
  const contentKind = (type: string) => t(`my-content.type.${type}` as MessageKey)
  const contentStatus = (status: string) => t(`my-content.status.${status}` as MessageKey)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('my-data.summary.title', { platform: d.platform.name })}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <h1>{t('my-data.summary.title', { platform: d.platform.name })}</h1>
        <p>{t('my-data.summary.intro', { date: when(d.exportedAt, lang), version: d.schemaVersion })}</p>

        <section>
          <h2>{t('my-data.account')}</h2>
          <Rows
            rows={[
              [t('accounts.field.email'), a.email],
              [t('my-data.field.emailVerified'), a.emailVerifiedAt ? when(a.emailVerifiedAt, lang) : t('my-data.unverified')],
              ...(a.pendingEmail ? ([[t('my-data.field.pendingEmail'), a.pendingEmail]] as Array<[string, Child]>) : []),
              [t('accounts.field.password'), t('my-data.passwordStored')],
              [t('accounts.field.firstName'), a.firstName],
              [t('accounts.field.lastName'), a.lastName ?? t('my-data.empty')],
              [t('accounts.field.homeWijk'), a.homeWijk ? wijkName(a.homeWijk) : t('my-data.empty')],
              [t('accounts.field.lang'), t(a.language === 'en' ? 'accounts.lang.en' : 'accounts.lang.nl')],
              [t('my-data.field.createdAt'), when(a.createdAt, lang)],
              [t('my-data.field.lastLoginAt'), a.lastLoginAt ? when(a.lastLoginAt, lang) : t('my-data.never')],
            ]}
          />
        </section>

        <Section title={t('my-data.roles')} none={t('my-data.roles.none')} count={d.roles.length}>
          <Table head={[t('my-data.col.role'), t('my-data.col.wijk'), t('my-data.col.since')]} rows={d.roles.map((r) => [roleLabel(t, r.role), wijkName(r.wijk), when(r.since, lang)])} />
        </Section>

        <Section title={t('my-data.consents')} none={t('my-data.consents.none')} count={d.consents.length}>
          <Table
            head={[t('my-data.col.document'), t('my-data.col.version'), t('my-data.col.givenAt'), t('my-data.col.channel')]}
            rows={d.consents.map((c) => [t(c.document === 'privacy' ? 'layout.privacy' : 'layout.terms'), String(c.version), when(c.givenAt, lang), t(`accounts.consent.channel.${c.channel}` as MessageKey)])}
          />
        </Section>

        <Section title={t('my-data.newsletters')} none={t('my-data.newsletters.none')} count={d.newsletterSubscriptions.length}>
          <Table
            head={[t('my-data.col.wijk'), t('my-data.col.since'), t('my-data.col.status')]}
            rows={d.newsletterSubscriptions.map((n) => [wijkName(n.wijk), when(n.subscribedAt, lang), t(n.status === 'confirmed' ? 'my-data.newsletters.confirmed' : 'my-data.newsletters.pending')])}
          />
        </Section>

        <section>
          <h2>{t('my-data.alerts')}</h2>
          <Rows rows={[[t('my-data.alerts.frequency'), d.alerts.frequency ? t(`alerts.frequency.${d.alerts.frequency}`) : t('my-data.alerts.notSetUp')]]} />
          {d.alerts.follows.length === 0 ? (
            <p class="muted">{t('my-data.alerts.none')}</p>
          ) : (
            <Table head={[t('my-data.col.what'), t('my-data.col.wijk'), t('my-data.col.since')]} rows={d.alerts.follows.map((f) => [f.label, wijkName(f.wijk), when(f.since, lang)])} />
          )}
        </section>

        <Section title={t('my-data.sessions')} none={t('my-data.sessions.none')} count={d.sessions.length}>
          <Table head={[t('my-data.col.device'), t('my-data.col.loggedInAt'), t('my-data.col.lastUsed')]} rows={d.sessions.map((s) => [s.device, when(s.createdAt, lang), when(s.lastUsedAt, lang)])} />
        </Section>

        <section>
          <h2>{t('twoFactor.myData.title')}</h2>
          <Rows
            rows={[
              [t('twoFactor.app.title'), d.secondFactor.authenticatorApp ? when(d.secondFactor.authenticatorApp.enabledAt, lang) : t('my-data.no')],
              [t('twoFactor.recovery.title'), t('twoFactor.myData.codes', { unused: d.secondFactor.recoveryCodes.unused, total: d.secondFactor.recoveryCodes.total })],
            ]}
          />
          {d.secondFactor.passkeys.length > 0 && (
            <Table head={[t('twoFactor.passkeys.name'), t('twoFactor.passkeys.created'), t('twoFactor.passkeys.lastUsed')]} rows={d.secondFactor.passkeys.map((k) => [k.name, when(k.createdAt, lang), k.lastUsedAt ? when(k.lastUsedAt, lang) : t('twoFactor.passkeys.never')])} />
          )}
        </section>

        <Section title={t('my-data.content')} none={t('my-data.content.none')} count={d.content.length}>
          {d.content.map((c) => (
            <article>
              <h3>{c.title}</h3>
              <Rows
                rows={[
                  [t('my-data.col.type'), contentKind(c.type)],
                  [t('my-data.col.wijk'), wijkName(c.wijk)],
                  [t('my-data.col.status'), contentStatus(c.status)],
                  [t('my-data.col.relation'), t(c.relation === 'owner' ? 'my-data.content.owner' : 'my-data.content.coManager')],
                  [t('my-data.col.public'), c.publicUrl ?? yesNo(t, c.isPublic)],
                  [t('my-data.field.createdAt'), when(c.createdAt, lang)],
                  [t('my-data.field.updatedAt'), when(c.updatedAt, lang)],
                  ...(c.expiresAt ? ([[t('my-data.field.expiresAt'), when(c.expiresAt, lang)]] as Array<[string, Child]>) : []),
                  ...(c.summary ? ([[t('my-data.field.summary'), <span class="pre">{c.summary}</span>]] as Array<[string, Child]>) : []),
                  ...(c.body ? ([[t('my-data.field.body'), <span class="pre">{c.body}</span>]] as Array<[string, Child]>) : []),
                ]}
              />
              <Table
                head={[t('my-data.col.contactField'), t('my-data.col.value'), t('my-data.col.public')]}
                rows={(['name', 'email', 'phone', 'address'] as const).map((f) => [
                  t(`my-data.contact.${f}` as MessageKey),
                  c.contact[f].value ?? t('my-data.empty'),
                  yesNo(t, c.contact[f].public),
                ])}
              />
              {c.images.map((img) => (img.file ? <img src={img.file} alt={img.alt} width={img.width} height={img.height} /> : <p class="muted">{img.alt}</p>))}
            </article>
          ))}
        </Section>

        <Section title={t('my-data.access')} none={t('my-data.access.none')} count={d.accessLog.length}>
          <Table
            head={[t('my-data.col.when'), t('my-data.col.who'), t('my-data.col.what')]}
            rows={d.accessLog.map((e) => [
              when(e.at, lang),
              describeActor(t, { actorFirstName: e.actor.firstName, actorRoles: e.actor.roles.map((r) => ({ role: r.role, wijkName: r.wijk })) }),
              e.description,
            ])}
          />
        </Section>

        <Section title={t('my-data.summary.support')} none={t('my-data.summary.support.none')} count={d.supportRequests.length}>
          <Table
            head={[t('my-data.col.when'), t('my-data.col.status'), t('my-data.summary.message'), t('my-data.summary.answer')]}
            rows={d.supportRequests.map((s) => [when(s.createdAt, lang), t(`my-data.summary.status.${s.status}` as MessageKey), <span class="pre">{s.message}</span>, <span class="pre">{s.answer ?? ''}</span>])}
          />
        </Section>

        <Section title={t('my-data.summary.complaints')} none={t('my-data.summary.complaints.none')} count={d.complaints.length}>
          <Table
            head={[t('my-data.summary.reference'), t('my-data.col.when'), t('my-data.col.status'), t('my-data.summary.message'), t('my-data.summary.answer')]}
            rows={d.complaints.map((c) => [c.reference, when(c.createdAt, lang), t(`my-data.summary.status.${c.status}` as MessageKey), <span class="pre">{c.body}</span>, <span class="pre">{c.answer ?? ''}</span>])}
          />
        </Section>

        <Section title={t('my-data.summary.reports')} none={t('my-data.summary.reports.none')} count={d.reports.length}>
          <Table
            head={[t('my-data.col.when'), t('my-data.summary.reportedItem'), t('my-data.summary.reason'), t('my-data.summary.message'), t('my-data.col.status')]}
            rows={d.reports.map((r) => [when(r.createdAt, lang), r.item.title, t(`moderation.reason.${r.reason}`), <span class="pre">{r.message}</span>, t(`my-data.summary.status.${r.status}`)])}
          />
        </Section>

        <Section title={t('my-data.summary.breachNotices')} none={t('my-data.summary.breachNotices.none')} count={d.breachNotices.length}>
          <Table
            head={[t('my-data.col.when'), t('my-data.summary.breach'), t('my-data.col.status')]}
            rows={d.breachNotices.map((b) => [when(b.sentAt ?? b.queuedAt, lang), b.breach, t(`my-data.summary.delivery.${b.status}`)])}
          />
        </Section>

        <Section title={t('my-data.summary.teamMessages')} none={t('my-data.summary.teamMessages.none')} count={d.teamMessages.length}>
          {d.teamMessages.map((m) => (
            <article>
              <h3>{m.subject}</h3>
              <p class="muted">
                {m.wijk.name} · {when(m.sentAt ?? m.queuedAt, lang)} · {t(`my-data.summary.delivery.${m.status}`)}
              </p>
              <p class="pre">{m.body}</p>
            </article>
          ))}
        </Section>

        <Section title={t('my-data.summary.invoices')} none={t('my-data.summary.invoices.none')} count={d.invoices.length}>
          <p>{t('my-data.summary.invoices.kept')}</p>
          <Table
            head={[t('my-data.summary.invoiceNumber'), t('my-data.col.when'), t('my-data.summary.invoiceTotal'), t('my-data.col.status')]}
            rows={d.invoices.map((i) => [i.number, formatDate(new Date(`${i.issuedOn}T12:00:00Z`), lang), euro(i.totalCents, lang), t(`my-data.summary.invoiceStatus.${i.status}`)])}
          />
        </Section>
      </body>
    </html>
  )
}

export function renderSummary(data: DataExport, lang: Lang): string {
  return `<!doctype html>\n${(<Summary d={data} lang={lang} t={translator(lang)} />).toString() as string}`
}

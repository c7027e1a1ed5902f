/**
 * Pages of the breach register (P22): the list with each breach's deadline, the form, the detail
 * page with its countdown, the report for the Autoriteit Persoonsgegevens, and the pages that
 * inform account holders. Pure JSX, props in.
 */
import type { Child } from 'hono/jsx'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FormValues } from '../../kernel/http/form.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, ProgressBar, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { Breach, NotificationProgress, NotificationRecordRow } from './breaches.queries.js'
import { RECORD_PAGE_SIZE } from './breaches.queries.js'
import { deadlineText, type DeadlineState } from './breaches.deadline.js'
import { AUTHORITY_DECISIONS, BREACH_STATUSES, ENCRYPTION, INFORM_DECISIONS, NATURES, localDateTimeValue, natureField, type Nature } from './breaches.schema.js'

const NATURE_KEY: Record<Nature, MessageKey> = {
  read: 'breaches.nature.read',
  copied: 'breaches.nature.copied',
  altered: 'breaches.nature.altered',
  deleted: 'breaches.nature.deleted',
  stolen: 'breaches.nature.stolen',
  lost: 'breaches.nature.lost',
}
const AUTHORITY_KEY: Record<Breach['authorityDecision'], MessageKey> = {
  undecided: 'breaches.authority.undecided',
  notify: 'breaches.authority.notify',
  'not-required': 'breaches.authority.not-required',
}
const INFORM_KEY: Record<Breach['informDecision'], MessageKey> = {
  undecided: 'breaches.inform.undecided',
  inform: 'breaches.inform.inform',
  'not-required': 'breaches.inform.not-required',
}
const ENCRYPTION_KEY: Record<Breach['dataEncrypted'], MessageKey> = {
  no: 'breaches.encrypted.no',
  partly: 'breaches.encrypted.partly',
  yes: 'breaches.encrypted.yes',
}
const STATUS_KEY: Record<Breach['status'], MessageKey> = { open: 'breaches.status.open', closed: 'breaches.status.closed' }

const base = (id: number) => `/beheer/datalekken/${id}`

/** A class for the deadline's urgency, so it stands out in the list and on the page. */
function deadlineClass(state: DeadlineState): string {
  if (state.kind === 'passed') return 'deadline deadline-passed'
  if (state.kind === 'running' && state.hours < 24) return 'deadline deadline-soon'
  return 'deadline'
}

function Deadline({ t, lang, state }: { t: T; lang: Lang; state: DeadlineState }) {
  return <span class={deadlineClass(state)}>{deadlineText(t, lang, state)}</span>
}

/** The form's values for an existing breach, as the inputs expect them. */
export function breachFormValues(b: Breach): FormValues {
  const values: FormValues = {
    title: b.title,
    discoveredAt: localDateTimeValue(b.discoveredAt),
    occurredAt: localDateTimeValue(b.occurredAt),
    whatHappened: b.whatHappened,
    dataKinds: b.dataKinds,
    dataEncrypted: b.dataEncrypted,
    peopleKinds: b.peopleKinds,
    approxPeople: b.approxPeople === null ? '' : String(b.approxPeople),
    approxRecords: b.approxRecords === null ? '' : String(b.approxRecords),
    likelyConsequences: b.likelyConsequences,
    measuresTaken: b.measuresTaken,
    measuresProposed: b.measuresProposed,
    advice: b.advice,
    authorityDecision: b.authorityDecision,
    authorityNotifiedAt: localDateTimeValue(b.authorityNotifiedAt),
    authorityReference: b.authorityReference ?? '',
    informDecision: b.informDecision,
    informReason: b.informReason,
    contactPerson: b.contactPerson,
    status: b.status,
  }
  if (b.ongoing) values.ongoing = 'on'
  if (b.crossBorder) values.crossBorder = 'on'
  for (const n of b.nature) if ((NATURES as readonly string[]).includes(n)) values[natureField(n as Nature)] = 'on'
  return values
}

export function BreachListPage(p: { t: T; lang: Lang; rows: Array<{ breach: Breach; deadline: DeadlineState }> }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('breaches.list.title')}</h1>
      <p>{t('breaches.list.intro')}</p>
      <p>
        <a class="button" href="/beheer/datalekken/nieuw">
          {t('breaches.list.new')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p>{t('breaches.list.none')}</p>
      ) : (
        <DataTable
          caption={t('breaches.list.title')}
          head={[
            t('breaches.field.title'),
            t('breaches.field.discoveredAt'),
            t('breaches.field.status'),
            t('breaches.deadline.label'),
          ]}
        >
          {p.rows.map(({ breach: b, deadline }) => (
            <tr>
              <th scope="row">
                <a href={base(b.id)}>{b.title}</a>
              </th>
              <td>{formatDate(b.discoveredAt, lang, 'dateTime')}</td>
              <td>{t(STATUS_KEY[b.status])}</td>
              <td>
                <Deadline t={t} lang={lang} state={deadline} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

function options<K extends string>(t: T, values: readonly K[], keys: Record<K, MessageKey>) {
  return values.map((v) => ({ value: v, label: t(keys[v]) }))
}

export function BreachFormPage(p: { t: T; csrfToken: string; action: string; state: FormState; breach?: Breach }) {
  const { t, state } = p
  return (
    <>
      <p>
        <a href={p.breach ? base(p.breach.id) : '/beheer/datalekken'}>{p.breach ? t('breaches.back.detail') : t('breaches.back.list')}</a>
      </p>
      <h1>{p.breach ? t('breaches.form.editTitle', { title: p.breach.title }) : t('breaches.form.newTitle')}</h1>
      <p>{t('breaches.form.intro')}</p>
      <ErrorSummary errors={state.errors} t={t} />
      <form method="post" action={p.action} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend>{t('breaches.form.what')}</legend>
          <Field t={t} name="title" label={t('breaches.field.title')} hint={t('breaches.field.title.hint')} state={state} required maxlength={200} />
          <Field t={t} name="discoveredAt" type="datetime-local" label={t('breaches.field.discoveredAt')} hint={t('breaches.field.discoveredAt.hint')} state={state} required />
          <Field t={t} name="occurredAt" type="datetime-local" label={t('breaches.field.occurredAt')} hint={t('breaches.field.occurredAt.hint')} state={state} />
          <Checkbox name="ongoing" label={t('breaches.field.ongoing')} state={state} />
          <TextArea t={t} name="whatHappened" label={t('breaches.field.whatHappened')} hint={t('breaches.field.whatHappened.hint')} state={state} required rows={6} maxlength={10_000} />
        </fieldset>
        <fieldset>
          <legend>{t('breaches.field.nature')}</legend>
          <p class="hint">{t('breaches.field.nature.hint')}</p>
          {NATURES.map((n) => (
            <Checkbox name={natureField(n)} label={t(NATURE_KEY[n])} state={state} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('breaches.form.dataAndPeople')}</legend>
          <TextArea t={t} name="dataKinds" label={t('breaches.field.dataKinds')} hint={t('breaches.field.dataKinds.hint')} state={state} required rows={3} maxlength={2000} />
          <Select t={t} name="dataEncrypted" label={t('breaches.field.dataEncrypted')} state={state} required options={options(t, ENCRYPTION, ENCRYPTION_KEY)} />
          <TextArea t={t} name="peopleKinds" label={t('breaches.field.peopleKinds')} hint={t('breaches.field.peopleKinds.hint')} state={state} required rows={3} maxlength={2000} />
          <Field t={t} name="approxPeople" type="number" inputmode="numeric" label={t('breaches.field.approxPeople')} state={state} />
          <Field t={t} name="approxRecords" type="number" inputmode="numeric" label={t('breaches.field.approxRecords')} state={state} />
          <Checkbox name="crossBorder" label={t('breaches.field.crossBorder')} hint={t('breaches.field.crossBorder.hint')} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('breaches.form.consequences')}</legend>
          <TextArea t={t} name="likelyConsequences" label={t('breaches.field.likelyConsequences')} hint={t('breaches.field.likelyConsequences.hint')} state={state} rows={4} maxlength={5000} />
          <TextArea t={t} name="measuresTaken" label={t('breaches.field.measuresTaken')} state={state} rows={4} maxlength={5000} />
          <TextArea t={t} name="measuresProposed" label={t('breaches.field.measuresProposed')} state={state} rows={3} maxlength={5000} />
          <TextArea t={t} name="advice" label={t('breaches.field.advice')} hint={t('breaches.field.advice.hint')} state={state} rows={3} maxlength={5000} />
        </fieldset>
        <fieldset>
          <legend>{t('breaches.form.reporting')}</legend>
          <Select t={t} name="authorityDecision" label={t('breaches.field.authorityDecision')} state={state} required options={options(t, AUTHORITY_DECISIONS, AUTHORITY_KEY)} />
          <Field t={t} name="authorityNotifiedAt" type="datetime-local" label={t('breaches.field.authorityNotifiedAt')} state={state} />
          <Field t={t} name="authorityReference" label={t('breaches.field.authorityReference')} hint={t('breaches.field.authorityReference.hint')} state={state} maxlength={200} />
          <Field t={t} name="contactPerson" label={t('breaches.field.contactPerson')} hint={t('breaches.field.contactPerson.hint')} state={state} maxlength={500} />
          <Select t={t} name="informDecision" label={t('breaches.field.informDecision')} state={state} required options={options(t, INFORM_DECISIONS, INFORM_KEY)} />
          <TextArea t={t} name="informReason" label={t('breaches.field.informReason')} hint={t('breaches.field.informReason.hint')} state={state} rows={2} maxlength={2000} />
        </fieldset>
        <Select t={t} name="status" label={t('breaches.field.status')} state={state} required options={options(t, BREACH_STATUSES, STATUS_KEY)} />
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
    </>
  )
}

function Text({ t, value }: { t: T; value: string | null }) {
  return value ? <span class="pre-wrap">{value}</span> : <span class="muted">{t('breaches.notFilledIn')}</span>
}

function natureText(t: T, b: Breach): string | null {
  const known = b.nature.filter((n): n is Nature => (NATURES as readonly string[]).includes(n))
  return known.length ? known.map((n) => t(NATURE_KEY[n])).join(', ') : null
}

function count(t: T, n: number | null): string | null {
  return n === null ? null : t('breaches.about', { n })
}

function NotifiedSummary({ t, lang, progress }: { t: T; lang: Lang; progress: NotificationProgress }) {
  if (progress.total === 0) return <>{t('breaches.notify.nobodyYet')}</>
  return (
    <>
      {t('breaches.notify.summary', { sent: progress.sent, total: progress.total })}
      {progress.lastSentAt && ` ${t('breaches.notify.lastSent', { date: formatDate(progress.lastSentAt, lang, 'dateTime') })}`}
    </>
  )
}

interface Fact {
  term: string
  detail: Child
}

function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl class="facts">
      {facts.map((f) => (
        <>
          <dt>{f.term}</dt>
          <dd>{f.detail}</dd>
        </>
      ))}
    </dl>
  )
}

/**
 * Every fact about a breach, worded once: the detail page lists them all, the AP report groups
 * them into the sections of the AP's form. Both must say the same thing about the same breach.
 */
function breachFacts(t: T, lang: Lang, b: Breach, progress: NotificationProgress) {
  const text = (term: string, value: string | null): Fact => ({ term, detail: <Text t={t} value={value} /> })
  const yesNo = (term: string, value: boolean): Fact => ({ term, detail: value ? t('breaches.yes') : t('breaches.no') })
  return {
    status: { term: t('breaches.field.status'), detail: t(STATUS_KEY[b.status]) },
    discoveredAt: { term: t('breaches.field.discoveredAt'), detail: formatDate(b.discoveredAt, lang, 'dateTime') },
    occurredAt: { term: t('breaches.field.occurredAt'), detail: b.occurredAt ? formatDate(b.occurredAt, lang, 'dateTime') : t('breaches.unknown') },
    ongoing: yesNo(t('breaches.field.ongoing'), b.ongoing),
    whatHappened: text(t('breaches.field.whatHappened'), b.whatHappened),
    nature: text(t('breaches.field.nature'), natureText(t, b)),
    dataKinds: text(t('breaches.field.dataKinds'), b.dataKinds),
    dataEncrypted: { term: t('breaches.field.dataEncrypted'), detail: t(ENCRYPTION_KEY[b.dataEncrypted]) },
    peopleKinds: text(t('breaches.field.peopleKinds'), b.peopleKinds),
    approxPeople: text(t('breaches.field.approxPeople'), count(t, b.approxPeople)),
    approxRecords: text(t('breaches.field.approxRecords'), count(t, b.approxRecords)),
    crossBorder: yesNo(t('breaches.field.crossBorder'), b.crossBorder),
    likelyConsequences: text(t('breaches.field.likelyConsequences'), b.likelyConsequences),
    measuresTaken: text(t('breaches.field.measuresTaken'), b.measuresTaken),
    measuresProposed: text(t('breaches.field.measuresProposed'), b.measuresProposed),
    advice: text(t('breaches.field.advice'), b.advice),
    authorityDecision: { term: t('breaches.field.authorityDecision'), detail: t(AUTHORITY_KEY[b.authorityDecision]) },
    authorityNotifiedAt: {
      term: t('breaches.field.authorityNotifiedAt'),
      detail: b.authorityNotifiedAt ? formatDate(b.authorityNotifiedAt, lang, 'dateTime') : t('breaches.notYet'),
    },
    authorityReference: text(t('breaches.field.authorityReference'), b.authorityReference),
    contactPerson: text(t('breaches.field.contactPerson'), b.contactPerson),
    informDecision: {
      term: t('breaches.field.informDecision'),
      detail: (
        <>
          {t(INFORM_KEY[b.informDecision])}
          {b.informReason && <span class="pre-wrap"> ({b.informReason})</span>}
        </>
      ),
    },
    notified: { term: t('breaches.detail.notified'), detail: <NotifiedSummary t={t} lang={lang} progress={progress} /> },
  } satisfies Record<string, Fact>
}

export function BreachDetailPage(p: { t: T; lang: Lang; breach: Breach; deadline: DeadlineState; progress: NotificationProgress }) {
  const { t, lang, breach: b } = p
  const f = breachFacts(t, lang, b, p.progress)
  return (
    <>
      <p>
        <a href="/beheer/datalekken">{t('breaches.back.list')}</a>
      </p>
      <h1>{b.title}</h1>
      <p class="deadline-box">
        {t('breaches.deadline.label')}: <Deadline t={t} lang={lang} state={p.deadline} />
        {(p.deadline.kind === 'running' || p.deadline.kind === 'passed') && (
          <>
            {' '}
            <span class="muted">({t('breaches.deadline.until', { date: formatDate(p.deadline.deadline, lang, 'dateTime') })})</span>
          </>
        )}
      </p>
      <ul class="actions">
        <li>
          <a href={`${base(b.id)}/bewerken`}>{t('breaches.detail.edit')}</a>
        </li>
        <li>
          <a href={`${base(b.id)}/melding-ap`}>{t('breaches.detail.report')}</a>
        </li>
        <li>
          <a href={`${base(b.id)}/informeren`}>{t('breaches.detail.inform')}</a>
        </li>
      </ul>
      <Facts
        facts={[
          f.status,
          f.discoveredAt,
          f.occurredAt,
          f.ongoing,
          f.whatHappened,
          f.nature,
          f.dataKinds,
          f.dataEncrypted,
          f.peopleKinds,
          f.approxPeople,
          f.approxRecords,
          f.crossBorder,
          f.likelyConsequences,
          f.measuresTaken,
          f.measuresProposed,
          f.advice,
          f.authorityDecision,
          f.authorityNotifiedAt,
          f.authorityReference,
          f.contactPerson,
          f.informDecision,
          f.notified,
        ]}
      />
    </>
  )
}

export interface ReportOperator {
  name: string
  address: string
  kvk: string
  email: string
}

function ReportSection(p: { id: string; title: string; children: Child }) {
  return (
    <section class="report-section" aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.children}
    </section>
  )
}

/**
 * Every fact the AP's notification form ("Meldformulier datalekken") asks for, in its order,
 * ready to copy over or print. A fact still missing says so, so nothing is skipped unnoticed.
 */
export function BreachReportPage(p: { t: T; lang: Lang; breach: Breach; deadline: DeadlineState; progress: NotificationProgress; operator: ReportOperator; now: Date }) {
  const { t, lang, breach: b } = p
  const f = breachFacts(t, lang, b, p.progress)
  return (
    <article class="report">
      <p class="no-print">
        <a href={base(b.id)}>{t('breaches.back.detail')}</a>
      </p>
      <h1>{t('breaches.report.title')}</h1>
      <p>{t('breaches.report.subject', { title: b.title, reference: `D-${b.id}` })}</p>
      <p class="muted">{t('breaches.report.made', { date: formatDate(p.now, lang, 'dateTime') })}</p>
      <p class="no-print">{t('breaches.report.how')}</p>
      <ReportSection id="organisatie" title={t('breaches.report.organisation')}>
        <Facts
          facts={[
            { term: t('breaches.report.orgName'), detail: p.operator.name },
            { term: t('breaches.report.orgAddress'), detail: p.operator.address },
            { term: t('breaches.report.orgKvk'), detail: p.operator.kvk },
            { term: t('breaches.report.orgEmail'), detail: p.operator.email },
            f.contactPerson,
          ]}
        />
      </ReportSection>
      <ReportSection id="tijdlijn" title={t('breaches.report.timeline')}>
        <Facts facts={[f.occurredAt, f.discoveredAt, f.ongoing, { term: t('breaches.deadline.label'), detail: deadlineText(t, lang, p.deadline) }]} />
      </ReportSection>
      <ReportSection id="aard" title={t('breaches.report.nature')}>
        <Facts facts={[f.whatHappened, f.nature]} />
      </ReportSection>
      <ReportSection id="gegevens" title={t('breaches.report.data')}>
        <Facts facts={[f.dataKinds, f.dataEncrypted, f.peopleKinds, f.approxPeople, f.approxRecords]} />
      </ReportSection>
      <ReportSection id="gevolgen" title={t('breaches.report.consequences')}>
        <p>{f.likelyConsequences.detail}</p>
      </ReportSection>
      <ReportSection id="maatregelen" title={t('breaches.report.measures')}>
        <Facts facts={[f.measuresTaken, f.measuresProposed]} />
      </ReportSection>
      <ReportSection id="betrokkenen-informeren" title={t('breaches.report.informing')}>
        <Facts facts={[f.informDecision, f.notified]} />
      </ReportSection>
      <ReportSection id="grensoverschrijdend" title={t('breaches.report.crossBorder')}>
        <p>{b.crossBorder ? t('breaches.report.crossBorder.yes') : t('breaches.report.crossBorder.no')}</p>
      </ReportSection>
      <ReportSection id="melding" title={t('breaches.report.authority')}>
        <Facts facts={[f.authorityDecision, f.authorityNotifiedAt, f.authorityReference]} />
      </ReportSection>
    </article>
  )
}

export interface WijkChoice {
  id: number
  name: string
  cityName: string
}

/** The selection the notify form posted: kept when the form comes back, and carried into the confirmation. */
export interface NotifySelection {
  audience: string
  wijkIds: number[]
  emails: string
}

function AudienceFields({ t, wijken, selection }: { t: T; wijken: WijkChoice[]; selection: NotifySelection }) {
  const chosen = new Set(selection.wijkIds)
  return (
    <>
      <fieldset id="audience">
        <legend>{t('breaches.notify.audience')}</legend>
        <div class="check">
          <input type="radio" id="audience-all" name="audience" value="all" checked={selection.audience === 'all'} />
          <label for="audience-all">{t('breaches.notify.audience.all')}</label>
        </div>
        <div class="check">
          <input type="radio" id="audience-affected" name="audience" value="affected" checked={selection.audience === 'affected'} />
          <label for="audience-affected">{t('breaches.notify.audience.affected')}</label>
        </div>
      </fieldset>
      <fieldset id="wijken">
        <legend>{t('breaches.notify.wijken')}</legend>
        <p class="hint">{t('breaches.notify.wijken.hint')}</p>
        {wijken.length === 0 && <p>{t('breaches.notify.noWijken')}</p>}
        {wijken.map((w) => (
          <div class="check">
            <input type="checkbox" id={`wijk-${w.id}`} name={`wijk-${w.id}`} checked={chosen.has(w.id)} />
            <label for={`wijk-${w.id}`}>
              {w.name} <span class="muted">({w.cityName})</span>
            </label>
          </div>
        ))}
      </fieldset>
    </>
  )
}

export function NotifyPage(p: {
  t: T
  lang: Lang
  csrfToken: string
  breach: Breach
  wijken: WijkChoice[]
  selection: NotifySelection
  errors?: Record<string, string>
  progress: NotificationProgress
  record: NotificationRecordRow[]
  page: number
}) {
  const { t, lang, breach: b, progress } = p
  const pages = Math.max(1, Math.ceil(progress.total / RECORD_PAGE_SIZE))
  const self = `${base(b.id)}/informeren`
  return (
    <>
      <p>
        <a href={base(b.id)}>{t('breaches.back.detail')}</a>
      </p>
      <h1>{t('breaches.notify.title', { title: b.title })}</h1>
      {progress.total > 0 && (
        <section aria-labelledby="voortgang-kop">
          <h2 id="voortgang-kop">{t('breaches.notify.progress')}</h2>
          <ProgressBar id="voortgang" label={t('breaches.notify.progress.label', { sent: progress.sent, total: progress.total, percent: progress.percent })} value={progress.sent} max={progress.total} />
          {progress.sent < progress.total ? (
            <p>
              {t('breaches.notify.busy')} <a href={self}>{t('breaches.notify.refresh')}</a>
            </p>
          ) : (
            <p>{t('breaches.notify.done')}</p>
          )}
        </section>
      )}
      <section aria-labelledby="starten-kop">
        <h2 id="starten-kop">{progress.total > 0 ? t('breaches.notify.more') : t('breaches.notify.start')}</h2>
        <p>{t('breaches.notify.intro')}</p>
        <p class="hint">{t('breaches.notify.once')}</p>
        <ErrorSummary errors={p.errors} t={t} />
        <form method="post" action={self} class="stack wide" novalidate>
          <CsrfField token={p.csrfToken} />
          {p.errors?.audience && <p class="field-error">{p.errors.audience}</p>}
          <AudienceFields t={t} wijken={p.wijken} selection={p.selection} />
          {p.errors?.wijken && <p class="field-error">{p.errors.wijken}</p>}
          <TextArea
            t={t}
            name="emails"
            label={t('breaches.notify.emails')}
            hint={t('breaches.notify.emails.hint')}
            state={{ values: { emails: p.selection.emails } }}
            rows={5}
            maxlength={200_000}
          />
          <div>
            <button type="submit">{t('breaches.notify.check')}</button>
          </div>
        </form>
      </section>
      {progress.total > 0 && (
        <section aria-labelledby="verslag-kop">
          <h2 id="verslag-kop">{t('breaches.notify.record')}</h2>
          <DataTable caption={t('breaches.notify.record')} head={[t('breaches.notify.col.email'), t('breaches.notify.col.queued'), t('breaches.notify.col.sent')]}>
            {p.record.map((r) => (
              <tr>
                <td>{r.email ?? <span class="muted">{t('breaches.notify.erased')}</span>}</td>
                <td>{formatDate(r.queuedAt, lang, 'dateTime')}</td>
                <td>{r.sentAt ? formatDate(r.sentAt, lang, 'dateTime') : t('breaches.notify.waiting')}</td>
              </tr>
            ))}
          </DataTable>
          {pages > 1 && (
            <nav aria-label={t('breaches.notify.pages')}>
              <ul class="pager">
                <li>{p.page > 1 && <a href={`${self}?pagina=${p.page - 1}`}>{t('breaches.notify.previous')}</a>}</li>
                <li>{t('breaches.notify.pageOf', { page: p.page, pages })}</li>
                <li>{p.page < pages && <a href={`${self}?pagina=${p.page + 1}`}>{t('breaches.notify.next')}</a>}</li>
              </ul>
            </nav>
          )}
        </section>
      )}
    </>
  )
}

export function NotifyConfirmPage(p: { t: T; csrfToken: string; breach: Breach; selection: NotifySelection; matched: number; already: number; unknown: string[] }) {
  const { t, breach: b, selection } = p
  const toMail = p.matched - p.already
  return (
    <>
      <p>
        <a href={`${base(b.id)}/informeren`}>{t('breaches.notify.backToForm')}</a>
      </p>
      <h1>{t('breaches.notify.confirmTitle')}</h1>
      {p.unknown.length > 0 && (
        <Notice kind="info">
          <p>{t('breaches.notify.unknown', { count: p.unknown.length })}</p>
          <ul>
            {p.unknown.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </Notice>
      )}
      <p>{t('breaches.notify.willMail', { count: toMail })}</p>
      {p.already > 0 && <p>{t('breaches.notify.already', { count: p.already })}</p>}
      {toMail > 0 ? (
        <form method="post" action={`${base(b.id)}/informeren/starten`}>
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="audience" value={selection.audience} />
          {selection.wijkIds.map((id) => (
            <input type="hidden" name={`wijk-${id}`} value="on" />
          ))}
          <input type="hidden" name="emails" value={selection.emails} />
          <button type="submit">{t('breaches.notify.send', { count: toMail })}</button>
        </form>
      ) : (
        <p>{t('breaches.notify.nothingToDo')}</p>
      )}
    </>
  )
}

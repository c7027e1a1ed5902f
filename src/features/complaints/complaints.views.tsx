/**
 * Pages of the complaints feature (P29): the form anyone can use, its confirmation, and the
 * register in /beheer/klachten. Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import { COMPLAINT_STATUSES, HONEYPOT_FIELD, LIST_FILTERS, type ComplaintStatus, type ListFilter } from './complaints.schema.js'
import type { Complaint, ComplaintRow } from './complaints.queries.js'
import { AUTHORITY_URL } from './complaints.emails.js'

export const STATUS_KEY: Record<ComplaintStatus, MessageKey> = {
  received: 'complaints.status.received',
  'in-progress': 'complaints.status.in-progress',
  answered: 'complaints.status.answered',
  closed: 'complaints.status.closed',
}

/** The supervisory authority, named on every page a complainant sees. */
function Authority({ t }: { t: T }) {
  return (
    <section class="authority" aria-labelledby="toezichthouder">
      <h2 id="toezichthouder">{t('complaints.authority.heading')}</h2>
      <p>
        {t('complaints.authority.body')} <a href={AUTHORITY_URL}>{t('complaints.authority.link')}</a>
      </p>
    </section>
  )
}

export function ComplaintPage(p: { t: T; csrfToken: string; state?: FormState; values?: { name: string; email: string }; loggedIn: boolean; limited?: boolean }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{t('complaints.title')}</h1>
      <p>{t('complaints.intro')}</p>
      {p.limited && <Notice kind="error">{t('complaints.limited')}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/klacht" class="stack" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="name" label={t('complaints.field.name')} state={p.state} value={p.values?.name} required autocomplete="name" maxlength={100} />
        <Field
          t={t}
          name="email"
          type="email"
          label={t('complaints.field.email')}
          hint={t('complaints.field.email.hint')}
          state={p.state}
          value={p.values?.email}
          required
          autocomplete="email"
          maxlength={254}
        />
        <TextArea t={t} name="body" label={t('complaints.field.body')} hint={t('complaints.field.body.hint')} state={p.state} required maxlength={10_000} rows={10} />
        {/* A trap for bots: people never see or reach this field. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for={HONEYPOT_FIELD}>{t('complaints.honeypot')}</label>
          <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
        </div>
        <p class="hint">{p.loggedIn ? t('complaints.privacy.loggedIn') : t('complaints.privacy')}</p>
        <div>
          <button type="submit">{t('complaints.submit')}</button>
        </div>
      </form>
      <Authority t={t} />
    </div>
  )
}

export function ComplaintReceivedPage({ t, reference }: { t: T; reference: string | null }) {
  return (
    <div class="narrow">
      <h1>{t('complaints.received.title')}</h1>
      <Notice kind="ok">{reference ? t('complaints.received.body', { reference }) : t('complaints.received.bodyNoRef')}</Notice>
      <p>{t('complaints.received.next')}</p>
      <Authority t={t} />
    </div>
  )
}

const FILTER_KEY: Record<ListFilter, MessageKey> = { open: 'complaints.filter.open', all: 'complaints.filter.all', ...STATUS_KEY }

export function AdminListPage(p: { t: T; lang: Lang; filter: ListFilter; counts: Record<ComplaintStatus, number>; rows: ComplaintRow[] }) {
  const { t, lang } = p
  const countOf = (f: ListFilter) =>
    f === 'open' ? p.counts.received + p.counts['in-progress'] : f === 'all' ? Object.values(p.counts).reduce((a, b) => a + b, 0) : p.counts[f]
  return (
    <>
      <h1>{t('complaints.admin.title')}</h1>
      <p>{t('complaints.admin.intro')}</p>
      <nav class="filters" aria-label={t('complaints.admin.filter')}>
        <ul>
          {LIST_FILTERS.map((f) => (
            <li>
              <a href={`/beheer/klachten?status=${f}`} aria-current={f === p.filter ? 'page' : undefined}>
                {t(FILTER_KEY[f])} ({countOf(f)})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.rows.length === 0 ? (
        <p>{t('complaints.admin.none')}</p>
      ) : (
        <DataTable caption={t(FILTER_KEY[p.filter])} head={[t('complaints.col.reference'), t('complaints.col.received'), t('complaints.col.status'), t('complaints.col.answered')]}>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/beheer/klachten/${r.id}`}>{r.reference}</a>
              </th>
              <td>{formatDate(r.createdAt, lang, 'dateTime')}</td>
              <td>{t(STATUS_KEY[r.status])}</td>
              <td>{r.answeredAt ? formatDate(r.answeredAt, lang, 'dateTime') : '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

export function AdminDetailPage(p: { t: T; lang: Lang; csrfToken: string; complaint: Complaint; answerState?: FormState }) {
  const { t, lang, complaint: k } = p
  return (
    <>
      <p>
        <a href="/beheer/klachten">{t('complaints.admin.back')}</a>
      </p>
      <h1>{t('complaints.detail.title', { reference: k.reference })}</h1>
      <dl class="facts">
        <dt>{t('complaints.col.status')}</dt>
        <dd>{t(STATUS_KEY[k.status])}</dd>
        <dt>{t('complaints.col.received')}</dt>
        <dd>{formatDate(k.createdAt, lang, 'dateTime')}</dd>
        <dt>{t('complaints.field.name')}</dt>
        <dd>{k.name}</dd>
        <dt>{t('complaints.field.email')}</dt>
        <dd>{k.email}</dd>
        <dt>{t('complaints.detail.lang')}</dt>
        <dd>{k.lang === 'en' ? 'English' : 'Nederlands'}</dd>
        <dt>{t('complaints.detail.account')}</dt>
        <dd>{k.userId ? t('complaints.detail.account.yes') : t('complaints.detail.account.no')}</dd>
      </dl>
      <h2>{t('complaints.detail.body')}</h2>
      <p class="pre-wrap">{k.body}</p>
      {k.answer && (
        <section aria-labelledby="antwoord-kop">
          <h2 id="antwoord-kop">{t('complaints.detail.answer')}</h2>
          {k.answeredAt && <p class="muted">{t('complaints.detail.answeredAt', { date: formatDate(k.answeredAt, lang, 'dateTime') })}</p>}
          <p class="pre-wrap">{k.answer}</p>
        </section>
      )}
      <h2>{t('complaints.detail.statusHeading')}</h2>
      <form method="post" action={`/beheer/klachten/${k.id}/status`} class="inline-form">
        <CsrfField token={p.csrfToken} />
        <Select t={t} name="status" label={t('complaints.col.status')} value={k.status} required options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEY[s]) }))} />
        <div>
          <button type="submit" class="secondary">
            {t('complaints.detail.statusSubmit')}
          </button>
        </div>
      </form>
      <h2>{k.answer ? t('complaints.detail.answerAgain') : t('complaints.detail.answerHeading')}</h2>
      <ErrorSummary errors={p.answerState?.errors} t={t} />
      <form method="post" action={`/beheer/klachten/${k.id}/antwoord`} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <TextArea
          t={t}
          name="answer"
          label={t('complaints.field.answer')}
          hint={t(k.lang === 'en' ? 'complaints.field.answer.hintEn' : 'complaints.field.answer.hintNl', { email: k.email })}
          state={p.answerState}
          required
          rows={10}
          maxlength={10_000}
        />
        <div>
          <button type="submit">{t('complaints.detail.answerSubmit')}</button>
        </div>
      </form>
    </>
  )
}

/**
 * Pages of moderation: the wijk team's content list, an item's moderation page (hide, publish
 * again, decide on reports, its record), the report queue, and the public "meld dit" form.
 * Pure views: everything comes in as props. Reporters are never named to the team.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import { CONTENT_TYPES, type ContentType } from '../content/content.tables.js'
import { REPORT_REASONS } from './moderation.tables.js'
import type { ModeratedItem, ModerationRow, RecordEntry, ReportRow } from './moderation.queries.js'
import { REASON_MAX, REPORT_MESSAGE_MAX } from './moderation.schema.js'

const typeLabel = (t: T, type: ContentType) => t(`my-content.type.${type}` as MessageKey)
const reasonLabel = (t: T, reason: string) => t(`moderation.reason.${reason}` as MessageKey)

function statusText(t: T, item: { status: string; hiddenKind: string | null }): string {
  if (item.status === 'hidden') return t(item.hiddenKind === 'reports' ? 'moderation.status.hiddenReports' : 'moderation.status.hidden')
  return t(`my-content.status.${item.status}` as MessageKey)
}

function Back({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href}>{label}</a>
    </p>
  )
}

type Wijk = { id: number; name: string }
const base = (wijk: Wijk) => `/beheer/wijken/${wijk.id}`

// -- The wijk's content ------------------------------------------------------------------------

export function ContentListPage(p: { t: T; lang: Lang; wijk: Wijk; rows: ModerationRow[]; soort: string; status: string }) {
  const { t } = p
  return (
    <>
      <Back href="/beheer" label={t('beheer.back')} />
      <h1>{t('moderation.list.title', { wijk: p.wijk.name })}</h1>
      <p>{t('moderation.list.intro')}</p>
      <p>
        <a href={`${base(p.wijk)}/meldingen`}>{t('moderation.list.toReports')}</a>
      </p>
      <form method="get" action={`${base(p.wijk)}/inhoud`} class="inline-form">
        <Select
          name="soort"
          label={t('moderation.filter.type')}
          value={p.soort}
          options={[{ value: '', label: t('moderation.filter.all') }, ...CONTENT_TYPES.map((ty) => ({ value: ty, label: typeLabel(t, ty) }))]}
          t={t}
        />
        <Select
          name="status"
          label={t('moderation.filter.status')}
          value={p.status}
          options={[
            { value: '', label: t('moderation.filter.all') },
            { value: 'published', label: t('my-content.status.published') },
            { value: 'draft', label: t('my-content.status.draft') },
            { value: 'hidden', label: t('moderation.status.hidden') },
            { value: 'opnieuw', label: t('moderation.filter.republish') },
          ]}
          t={t}
        />
        <button type="submit" class="secondary">
          {t('moderation.filter.show')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t('moderation.list.none')}</p>
      ) : (
        <DataTable
          caption={t('moderation.list.title', { wijk: p.wijk.name })}
          head={[
            t('my-content.col.title'),
            t('my-content.col.type'),
            t('my-content.col.status'),
            t('moderation.col.changed'),
            t('my-content.col.actions'),
          ]}
        >
          {p.rows.map((row) => (
            <tr>
              <td>{row.title}</td>
              <td>{typeLabel(t, row.type)}</td>
              <td>
                {statusText(t, row)}
                {row.status === 'hidden' && row.republishRequestedAt && <strong> · {t('moderation.republishAsked')}</strong>}
                {row.openReports > 0 && <span> · {t('moderation.openReports', { count: row.openReports })}</span>}
              </td>
              <td>{formatDate(row.updatedAt, p.lang, 'date')}</td>
              <td>
                <ul class="actions">
                  <li>
                    <a href={`${base(p.wijk)}/inhoud/${row.id}`} aria-label={t('moderation.openLabel', { title: row.title })}>
                      {t('moderation.open')}
                    </a>
                  </li>
                  <li>
                    <a href={`${base(p.wijk)}/inhoud/${row.id}/bewerken`} aria-label={t('my-content.editLabel', { title: row.title })}>
                      {t('my-content.edit')}
                    </a>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

// -- One item ------------------------------------------------------------------------------------

const RECORD_WORDS: Record<string, MessageKey> = {
  'moderation.view': 'moderation.record.view',
  'moderation.edit': 'moderation.record.edit',
  'moderation.hide': 'moderation.record.hide',
  'moderation.unhide': 'moderation.record.unhide',
  'moderation.decide': 'moderation.record.decide',
  'moderation.hide.reports': 'moderation.record.hideReports',
}

function RecordDetails({ t, entry }: { t: T; entry: RecordEntry }) {
  const d = entry.details
  if (Array.isArray(d['fields']) && entry.action === 'moderation.edit') return <>: {(d['fields'] as string[]).join(', ')}</>
  if (typeof d['reason'] === 'string') return <>: {d['reason']}</>
  if (typeof d['decision'] === 'string') {
    const outcome = d['outcome'] === 'hide' ? t('moderation.decide.hide') : t('moderation.decide.keep')
    return (
      <>
        : {outcome} — {d['decision']}
      </>
    )
  }
  return null
}

export interface ItemPageProps {
  t: T
  lang: Lang
  csrfToken: string
  wijk: Wijk
  item: ModeratedItem
  publicHref: string | null
  reports: ReportRow[]
  record: RecordEntry[]
  hideState?: FormState
  decideState?: FormState
  unhideState?: FormState
}

export function ItemModerationPage(p: ItemPageProps) {
  const { t, item } = p
  const open = p.reports.filter((r) => r.status === 'open')
  const action = `${base(p.wijk)}/inhoud/${item.id}`
  return (
    <>
      <Back href={`${base(p.wijk)}/inhoud`} label={t('moderation.backToList')} />
      <h1>{item.title}</h1>
      <dl class="facts">
        <dt>{t('my-content.col.type')}</dt>
        <dd>{typeLabel(t, item.type)}</dd>
        <dt>{t('my-content.col.status')}</dt>
        <dd>{statusText(t, item)}</dd>
        {item.status === 'hidden' && item.hiddenReason && (
          <>
            <dt>{t('moderation.field.reason')}</dt>
            <dd class="pre-wrap">{item.hiddenReason}</dd>
          </>
        )}
        {item.status === 'hidden' && item.republishRequestedAt && (
          <>
            <dt>{t('moderation.republishAsked')}</dt>
            <dd>{formatDate(item.republishRequestedAt, p.lang, 'dateTime')}</dd>
          </>
        )}
        <dt>{t('moderation.owner')}</dt>
        <dd>{item.ownerId ? t('moderation.owner.person') : t('moderation.owner.wijk')}</dd>
      </dl>
      <ul class="actions">
        <li>
          <a href={`${action}/bewerken`}>{t('moderation.edit')}</a>
        </li>
        {p.publicHref && (
          <li>
            <a href={p.publicHref}>{t('moderation.viewPublic')}</a>
          </li>
        )}
      </ul>

      {open.length > 0 && (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">{t('moderation.decide.title', { count: open.length })}</h2>
          <p>{t(item.hiddenKind === 'reports' && item.status === 'hidden' ? 'moderation.decide.introHidden' : 'moderation.decide.intro')}</p>
          <ErrorSummary errors={p.decideState?.errors} t={t} />
          <form method="post" action={`${action}/besluit`} class="stack">
            <CsrfField token={p.csrfToken} />
            <Select
              name="outcome"
              label={t('moderation.field.outcome')}
              required
              options={[
                { value: '', label: t('my-content.choose') },
                { value: 'keep', label: t('moderation.decide.keep') },
                { value: 'hide', label: t('moderation.decide.hide') },
              ]}
              state={p.decideState}
              t={t}
            />
            <TextArea name="decision" label={t('moderation.field.decision')} hint={t('moderation.field.decision.hint')} required rows={3} maxlength={REASON_MAX} state={p.decideState} t={t} />
            <button type="submit">{t('moderation.decide.submit')}</button>
          </form>
        </section>
      )}

      {item.status === 'hidden' ? (
        <section aria-labelledby="unhide-title">
          <h2 id="unhide-title">{t('moderation.unhide.title')}</h2>
          <p>{t('moderation.unhide.intro')}</p>
          {open.length > 0 && <p>{t('moderation.unhide.withReports', { count: open.length })}</p>}
          <ErrorSummary errors={p.unhideState?.errors} t={t} />
          <form method="post" action={`${action}/publiceren`} class="stack">
            <CsrfField token={p.csrfToken} />
            {(open.length > 0 || p.unhideState) && (
              <TextArea
                name="explanation"
                label={t('moderation.field.explanation')}
                hint={t('moderation.field.explanation.hint')}
                required
                rows={3}
                maxlength={REASON_MAX}
                state={p.unhideState}
                t={t}
              />
            )}
            <div>
              <button type="submit">{t('moderation.unhide')}</button>
            </div>
          </form>
        </section>
      ) : (
        <section aria-labelledby="hide-title">
          <h2 id="hide-title">{t('moderation.hide.title')}</h2>
          <p>{t('moderation.hide.intro')}</p>
          <ErrorSummary errors={p.hideState?.errors} t={t} />
          <form method="post" action={`${action}/verbergen`} class="stack">
            <CsrfField token={p.csrfToken} />
            <TextArea name="reason" label={t('moderation.field.reason')} hint={t('moderation.field.reason.hint')} required rows={3} maxlength={REASON_MAX} state={p.hideState} t={t} />
            <button type="submit">{t('moderation.hide')}</button>
          </form>
        </section>
      )}

      <h2>{t('moderation.reports.title')}</h2>
      {p.reports.length === 0 ? (
        <p>{t('moderation.reports.none')}</p>
      ) : (
        <ReportTable t={t} lang={p.lang} rows={p.reports} caption={t('moderation.reports.title')} showDecision />
      )}

      <h2>{t('moderation.record.title')}</h2>
      {p.record.length === 0 ? (
        <p>{t('moderation.record.none')}</p>
      ) : (
        <ul class="record">
          {p.record.map((e) => (
            <li>
              {formatDate(e.at, p.lang, 'dateTime')} · {e.actorFirstName ?? t('moderation.record.automatic')} · {t(RECORD_WORDS[e.action] ?? 'moderation.record.other')}
              <RecordDetails t={t} entry={e} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function ReportTable(p: { t: T; lang: Lang; rows: ReportRow[]; caption: string; itemHref?: (r: ReportRow) => string; showDecision?: boolean }) {
  const { t } = p
  return (
    <DataTable
      caption={p.caption}
      head={[
        t('moderation.col.date'),
        p.itemHref && t('my-content.col.title'),
        t('moderation.col.reason'),
        t('moderation.col.message'),
        p.showDecision && t('moderation.col.decision'),
      ]}
    >
      {p.rows.map((r) => (
        <tr>
          <td>{formatDate(r.createdAt, p.lang, 'dateTime')}</td>
          {p.itemHref && (
            <td>
              <a href={p.itemHref(r)}>{r.title}</a> <span class="muted">({statusText(t, { status: r.itemStatus, hiddenKind: null })})</span>
            </td>
          )}
          <td>{reasonLabel(t, r.reason)}</td>
          <td class="pre-wrap">{r.message}</td>
          {p.showDecision && <td class="pre-wrap">{r.status === 'resolved' ? r.decision : t('moderation.reports.open')}</td>}
        </tr>
      ))}
    </DataTable>
  )
}

// -- The queue -----------------------------------------------------------------------------------

export function ReportsQueuePage(p: { t: T; lang: Lang; wijk: Wijk; rows: ReportRow[] }) {
  const { t } = p
  return (
    <>
      <Back href="/beheer" label={t('beheer.back')} />
      <h1>{t('moderation.queue.title', { wijk: p.wijk.name })}</h1>
      <p>{t('moderation.queue.intro')}</p>
      <p>
        <a href={`${base(p.wijk)}/inhoud`}>{t('moderation.queue.toContent')}</a>
      </p>
      {p.rows.length === 0 ? (
        <p>{t('moderation.queue.none')}</p>
      ) : (
        <ReportTable t={t} lang={p.lang} rows={p.rows} caption={t('moderation.queue.title', { wijk: p.wijk.name })} itemHref={(r) => `${base(p.wijk)}/inhoud/${r.contentId}`} />
      )}
    </>
  )
}

// -- "Meld dit" ----------------------------------------------------------------------------------

export function ReportPage(p: { t: T; csrfToken: string; itemTitle: string; itemHref: string; action: string; state?: FormState; limited?: boolean }) {
  const { t } = p
  return (
    <>
      <Back href={p.itemHref} label={t('moderation.report.back', { title: p.itemTitle })} />
      <h1>{t('moderation.report.title', { title: p.itemTitle })}</h1>
      <p>{t('moderation.report.intro')}</p>
      {p.limited && <Notice kind="error">{t('moderation.report.limited')}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={p.action} class="stack">
        <CsrfField token={p.csrfToken} />
        <Select
          name="reason"
          label={t('moderation.field.reportReason')}
          required
          options={[{ value: '', label: t('my-content.choose') }, ...REPORT_REASONS.map((r) => ({ value: r, label: reasonLabel(t, r) }))]}
          state={p.state}
          t={t}
        />
        <TextArea name="message" label={t('moderation.field.reportMessage')} hint={t('moderation.field.reportMessage.hint')} rows={4} maxlength={REPORT_MESSAGE_MAX} state={p.state} t={t} />
        <button type="submit">{t('moderation.report.submit')}</button>
      </form>
    </>
  )
}

export function ReportDonePage(p: { t: T; heading: string; message: string; itemHref: string; itemTitle: string }) {
  const { t } = p
  return (
    <>
      <h1>{p.heading}</h1>
      <p>{p.message}</p>
      <p>
        <a href={p.itemHref}>{t('moderation.report.back', { title: p.itemTitle })}</a>
      </p>
    </>
  )
}

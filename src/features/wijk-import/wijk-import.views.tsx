/**
 * The import steps (upload, columns, check, progress) and the claim pages. Plain HTML: the
 * progress page has a "vernieuwen" link instead of a meta refresh or script.
 */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FieldErrors } from '../../kernel/http/form.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, ProgressBar, Select, type FormState } from '../../kernel/ui/components.js'
import { IMPORT_FIELDS, IMPORT_KINDS, publicSwitch, type ColumnMapping, type ImportField, type ImportKind } from './wijk-import.mapping.js'
import { MAX_FILE_BYTES, MAX_ROWS } from './wijk-import.parse.js'
import type { RowVerdict } from './wijk-import.check.js'
import { BackToOverview } from '../wijkbeheer/wijkbeheer.views.js'
import type { BatchSummary, ClaimableEntry, ImportBatch } from './wijk-import.queries.js'
import type { ImportRowProblem } from './wijk-import.tables.js'

interface Wijk {
  id: number
  name: string
}

export const importBase = (wijkId: number) => `/beheer/wijken/${wijkId}/import`

/** Good rows shown on the check page; the rest is counted. */
const SHOWN_GOOD_ROWS = 200

function Back({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href}>{label}</a>
    </p>
  )
}

function Step({ t, n }: { t: T; n: number }) {
  return <p class="muted">{t('wijk-import.steps', { n })}</p>
}

const kindShort = (t: T, kind: ImportKind) => t(`wijk-import.kindShort.${kind}`)
/** "1 organisatie", "3 activiteiten". */
const kindCount = (t: T, kind: ImportKind, n: number) => t(`wijk-import.count.${kind}`, { n })

// -- Step 1: upload -----------------------------------------------------------------------------

export function UploadPage(p: { t: T; lang: Lang; csrfToken: string; wijk: Wijk; state?: FormState; recent: BatchSummary[]; canClaim: boolean }) {
  const { t } = p
  const errors = p.state?.errors
  const fileError = errors?.file
  const kind = p.state?.values?.kind ?? 'organisation'
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('wijk-import.title', { wijk: p.wijk.name })}</h1>
      <p>{t('wijk-import.intro')}</p>
      <Step t={t} n={1} />
      <ErrorSummary errors={errors} t={t} />
      <UploadForm t={t} csrfToken={p.csrfToken} wijkId={p.wijk.id} kind={kind} fileError={fileError} kindError={errors?.kind} />
      <p class="muted">{t('wijk-import.retention')}</p>
      {p.canClaim && (
        <p>
          <a href={`${importBase(p.wijk.id)}/organisaties`}>{t('wijk-import.claims.link')}</a>
        </p>
      )}
      <h2>{t('wijk-import.recent')}</h2>
      {p.recent.length === 0 ? (
        <p>{t('wijk-import.recent.none')}</p>
      ) : (
        <DataTable
          head={[
            t('wijk-import.col.file'),
            t('wijk-import.col.kind'),
            t('wijk-import.col.date'),
            { label: t('wijk-import.col.rows'), class: 'num' },
            { label: t('wijk-import.col.created'), class: 'num' },
            t('wijk-import.col.status'),
          ]}
        >
          {p.recent.map((b) => (
            <tr>
              <td>
                <a href={batchHref(p.wijk.id, b)}>{b.fileName}</a>
              </td>
              <td>{kindShort(t, b.kind)}</td>
              <td>{formatDate(b.createdAt, p.lang, 'dateTime')}</td>
              <td class="num">{b.rowCount}</td>
              <td class="num">{b.createdCount}</td>
              <td>{t(`wijk-import.status.${b.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

/** Where a batch continues: its columns, its check, or its progress. */
export function batchHref(wijkId: number, b: { id: string; status: ImportBatch['status'] }): string {
  const base = `${importBase(wijkId)}/${b.id}`
  if (b.status === 'uploaded') return `${base}/kolommen`
  if (b.status === 'checked') return `${base}/controle`
  return base
}

/** Also on the check page, to upload the corrected file (`previous` keeps the column choice). */
function UploadForm(p: { t: T; csrfToken: string; wijkId: number; kind: string; previous?: string; fileError?: string; kindError?: string; again?: boolean }) {
  const { t } = p
  const hint = t('wijk-import.field.file.hint', { mb: MAX_FILE_BYTES / 1024 / 1024, rows: MAX_ROWS })
  const describedBy = ['file-hint', p.fileError ? 'file-error' : ''].filter(Boolean).join(' ')
  return (
    <form method="post" action={importBase(p.wijkId)} enctype="multipart/form-data" class="stack">
      <CsrfField token={p.csrfToken} />
      {p.previous ? (
        <>
          <input type="hidden" name="previous" value={p.previous} />
          <input type="hidden" name="kind" value={p.kind} />
        </>
      ) : (
        <fieldset aria-describedby={p.kindError ? 'kind-error' : undefined}>
          <legend>{t('wijk-import.field.kind')}</legend>
          {p.kindError && (
            <p class="field-error" id="kind-error">
              {p.kindError}
            </p>
          )}
          {IMPORT_KINDS.map((k) => (
            <div class="check">
              <input type="radio" id={k === 'organisation' ? 'kind' : `kind-${k}`} name="kind" value={k} checked={p.kind === k} />
              <label for={k === 'organisation' ? 'kind' : `kind-${k}`}>{t(`wijk-import.kind.${k}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div class="field">
        <label for="file">{t('wijk-import.field.file')}</label>
        <p class="hint" id="file-hint">
          {p.again ? `${t('wijk-import.upload.againHint')} ${hint}` : hint}
        </p>
        {p.fileError && (
          <p class="field-error" id="file-error">
            {p.fileError}
          </p>
        )}
        <input
          type="file"
          id="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          aria-invalid={p.fileError ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <button type="submit">{p.again ? t('wijk-import.upload.again') : t('wijk-import.upload.submit')}</button>
    </form>
  )
}

// -- Step 2: columns ----------------------------------------------------------------------------

const FIELD_HINTS: Record<string, MessageKey> = {
  startDate: 'wijk-import.mapping.hint.date',
  endDate: 'wijk-import.mapping.hint.date',
  startTime: 'wijk-import.mapping.hint.time',
  endTime: 'wijk-import.mapping.hint.time',
  allDay: 'wijk-import.mapping.hint.allDay',
  costAmount: 'wijk-import.mapping.hint.cost',
}

export function MappingPage(p: { t: T; csrfToken: string; wijk: Wijk; batch: ImportBatch; mapping: ColumnMapping; publicFields: readonly string[]; errors?: FieldErrors }) {
  const { t, batch } = p
  const base = `${importBase(p.wijk.id)}/${batch.id}`
  const firstValue = (index: number) => batch.rows.find((r) => (r[index] ?? '') !== '')?.[index] ?? ''
  const options = [{ value: '', label: t('wijk-import.mapping.none') }, ...batch.headers.map((h, i) => ({ value: String(i), label: h }))]
  const values = Object.fromEntries(Object.entries(p.mapping).map(([k, v]) => [k, String(v)]))
  const column = (field: ImportField) => {
    const chosen = p.mapping[field.name]
    const sample = chosen === undefined ? '' : firstValue(chosen).slice(0, 80)
    const hint = [field.name in FIELD_HINTS ? t(FIELD_HINTS[field.name]!) : '', sample ? t('wijk-import.mapping.sample', { value: sample }) : ''].filter(Boolean).join(' ')
    return <Select name={field.name} label={t(field.label)} options={options} state={{ values, errors: p.errors }} required={field.required} hint={hint || undefined} t={t} />
  }
  const fields = IMPORT_FIELDS[batch.kind]
  return (
    <>
      <Back href={importBase(p.wijk.id)} label={t('wijk-import.back')} />
      <h1>{t('wijk-import.mapping.title')}</h1>
      <Step t={t} n={2} />
      <p>{t('wijk-import.mapping.intro', { file: batch.fileName })}</p>
      <ErrorSummary errors={p.errors} t={t} />
      <form method="post" action={`${base}/kolommen`} class="stack">
        <CsrfField token={p.csrfToken} />
        {fields.filter((f) => !f.contact).map(column)}
        <fieldset class="stack">
          <legend>{t('wijk-import.mapping.contact')}</legend>
          <p class="hint">{t('wijk-import.mapping.contactIntro')}</p>
          {fields
            .filter((f) => f.contact)
            .map((field) => (
              <>
                {column(field)}
                {/* Where a ticked field appears, next to the choice (P27); off by default. */}
                <Checkbox
                  name={publicSwitch(field.name)}
                  label={t('my-content.contact.showPublicly', { field: t(field.label) })}
                  checked={p.publicFields.includes(field.name)}
                  hint={t('wijk-import.mapping.publicHint')}
                />
              </>
            ))}
        </fieldset>
        <button type="submit">{t('wijk-import.mapping.submit')}</button>
      </form>
      <h2>{t('wijk-import.mapping.columns')}</h2>
      <ul>
        {batch.headers.map((h, i) => (
          <li>
            {h}
            {firstValue(i) && <span class="muted"> — {t('wijk-import.mapping.sample', { value: firstValue(i).slice(0, 80) })}</span>}
          </li>
        ))}
      </ul>
    </>
  )
}

/** The batch's public choice in one sentence: which contact fields the imported items show. */
function PublicChoice({ t, batch }: { t: T; batch: ImportBatch }) {
  const shown = IMPORT_FIELDS[batch.kind].filter((f) => f.contact && batch.publicFields.includes(f.name)).map((f) => t(f.label))
  return <p>{shown.length === 0 ? t('wijk-import.public.none') : t('wijk-import.public.shown', { fields: shown.join(', ') })}</p>
}

// -- Step 3: the dry run ------------------------------------------------------------------------

function fieldLabel(t: T, kind: ImportKind, name: string): string {
  const field = IMPORT_FIELDS[kind].find((f) => f.name === name)
  return field ? t(field.label) : name
}

function ProblemTable(p: { t: T; kind: ImportKind; problems: Array<{ row: number; title?: string; errors: FieldErrors }>; caption: string; showTitle: boolean }) {
  const { t } = p
  return (
    <DataTable
      caption={p.caption}
      captionVisible
      head={[
        { label: t('wijk-import.col.row'), class: 'num' },
        p.showTitle && t('wijk-import.col.title'),
        t('wijk-import.col.problems'),
      ]}
    >
      {p.problems.map((problem) => (
        <tr>
          <th scope="row" class="num">
            {problem.row}
          </th>
          {p.showTitle && <td>{problem.title || <span class="muted">{t('wijk-import.check.noTitle')}</span>}</td>}
          <td>
            <ul>
              {Object.entries(problem.errors).map(([field, message]) => (
                <li>
                  <strong>{fieldLabel(t, p.kind, field)}</strong>: {message}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

export function CheckPage(p: { t: T; lang: Lang; csrfToken: string; wijk: Wijk; batch: ImportBatch; verdicts: RowVerdict[] }) {
  const { t, batch } = p
  const base = `${importBase(p.wijk.id)}/${batch.id}`
  const bad = p.verdicts.filter((v) => !v.ok)
  const good = p.verdicts.filter((v) => v.ok)
  const kind = kindShort(t, batch.kind)
  const detail = (v: RowVerdict): string => {
    const c = v.columns ?? {}
    const parts = batch.kind === 'activity' ? [c.startsAt ? formatDate(c.startsAt, p.lang, c.allDay ? 'date' : 'dateTime') : '', c.locationText ?? ''] : [c.website ?? '', c.openingHours ?? '']
    return parts.filter(Boolean).join(' · ')
  }
  return (
    <>
      <Back href={`${base}/kolommen`} label={t('wijk-import.check.changeMapping')} />
      <h1>{t('wijk-import.check.title')}</h1>
      <Step t={t} n={3} />
      {bad.length === 0 ? (
        <Notice kind="ok">{t('wijk-import.check.allGood', { total: p.verdicts.length, kind })}</Notice>
      ) : (
        <Notice kind="info">{t('wijk-import.check.summary', { ok: good.length, total: p.verdicts.length, bad: bad.length, kind })}</Notice>
      )}
      <PublicChoice t={t} batch={batch} />
      {good.length > 0 ? (
        <form method="post" action={`${base}/importeren`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit">{t('wijk-import.check.import', { n: good.length })}</button>
        </form>
      ) : (
        <p>{t('wijk-import.check.nothing')}</p>
      )}
      {bad.length > 0 && (
        <>
          <h2>{t('wijk-import.check.problems')}</h2>
          <ProblemTable t={t} kind={batch.kind} problems={bad} caption={t('wijk-import.check.problemsCaption')} showTitle />
          <h2>{t('wijk-import.upload.again')}</h2>
          <UploadForm t={t} csrfToken={p.csrfToken} wijkId={p.wijk.id} kind={batch.kind} previous={batch.id} again />
        </>
      )}
      {good.length > 0 && (
        <>
          <h2>{t('wijk-import.check.good')}</h2>
          <DataTable
            caption={t('wijk-import.check.goodCaption')}
            captionVisible
            head={[
              { label: t('wijk-import.col.row'), class: 'num' },
              t('wijk-import.col.title'),
              t('wijk-import.col.details'),
            ]}
          >
            {good.slice(0, SHOWN_GOOD_ROWS).map((v) => (
              <tr>
                <th scope="row" class="num">
                  {v.row}
                </th>
                <td>{v.columns?.title}</td>
                <td>{detail(v)}</td>
              </tr>
            ))}
          </DataTable>
          {good.length > SHOWN_GOOD_ROWS && <p>{t('wijk-import.check.more', { n: good.length - SHOWN_GOOD_ROWS })}</p>}
        </>
      )}
    </>
  )
}

// -- Step 4: progress ---------------------------------------------------------------------------

export function ProgressPage(p: { t: T; csrfToken: string; wijk: Wijk; batch: ImportBatch; wijkHref: string }) {
  const { t, batch } = p
  const base = `${importBase(p.wijk.id)}/${batch.id}`
  const problems: ImportRowProblem[] = batch.problems
  return (
    <>
      <Back href={importBase(p.wijk.id)} label={t('wijk-import.back')} />
      <h1>{t('wijk-import.progress.title')}</h1>
      <Step t={t} n={4} />
      <PublicChoice t={t} batch={batch} />
      {batch.status === 'uploaded' || batch.status === 'checked' ? (
        <p>
          {t('wijk-import.progress.notStarted')} <a href={batchHref(p.wijk.id, batch)}>{t('wijk-import.progress.toCheck')}</a>
        </p>
      ) : (
        <>
          <ProgressBar id="import-progress" label={`${t('wijk-import.progress.label')}: ${t('wijk-import.progress.percent', { percent: batch.progress })}`} value={batch.progress} />
          {batch.status === 'importing' && (
            <p>
              {t('wijk-import.progress.running')} <a href={base}>{t('wijk-import.progress.refresh')}</a>
            </p>
          )}
          {batch.status === 'failed' && <FailedImport t={t} csrfToken={p.csrfToken} wijk={p.wijk} batch={batch} />}
          {batch.status === 'done' && (
            <>
              <Notice kind="ok">{t('wijk-import.progress.done', { items: kindCount(t, batch.kind, batch.createdCount), skipped: problems.length })}</Notice>
              <p>
                <a href={p.wijkHref}>{p.wijk.name}</a>
                {batch.kind === 'organisation' && (
                  <>
                    {' · '}
                    <a href={`${importBase(p.wijk.id)}/organisaties`}>{t('wijk-import.claims.link')}</a>
                  </>
                )}
              </p>
            </>
          )}
          {problems.length > 0 && (
            <>
              <h2>{t('wijk-import.progress.skipped')}</h2>
              <ProblemTable t={t} kind={batch.kind} problems={problems.map((pr) => ({ ...pr, title: batch.rows[pr.row - 2]?.[batch.mapping.title ?? -1] ?? '' }))} caption={t('wijk-import.check.problemsCaption')} showTitle />
            </>
          )}
        </>
      )}
    </>
  )
}

/** A failed import: what happened (a safe code, no row data), and the two ways on. */
function FailedImport(p: { t: T; csrfToken: string; wijk: Wijk; batch: ImportBatch }) {
  const { t, batch } = p
  return (
    <>
      <Notice kind="error">
        {t('wijk-import.progress.failed')}
        {batch.createdCount > 0 && <> {t('wijk-import.progress.failedCount', { created: batch.createdCount, items: kindCount(t, batch.kind, batch.createdCount) })}</>}
      </Notice>
      {batch.failure && <p class="muted">{t('wijk-import.progress.failure', { code: batch.failure })}</p>}
      <h2>{t('wijk-import.progress.retryTitle')}</h2>
      <p>{t('wijk-import.progress.retryIntro')}</p>
      <form method="post" action={`${importBase(p.wijk.id)}/${batch.id}/opnieuw`}>
        <CsrfField token={p.csrfToken} />
        <button type="submit">{t('wijk-import.progress.retry')}</button>
      </form>
      <h2>{t('wijk-import.progress.startOverTitle')}</h2>
      <p>{t('wijk-import.progress.startOverIntro')}</p>
      <UploadForm t={t} csrfToken={p.csrfToken} wijkId={p.wijk.id} kind={batch.kind} previous={batch.id} again />
    </>
  )
}

// -- Claims -------------------------------------------------------------------------------------

export function ClaimsPage(p: { t: T; lang: Lang; wijk: Wijk; entries: ClaimableEntry[] }) {
  const { t } = p
  return (
    <>
      <Back href={importBase(p.wijk.id)} label={t('wijk-import.back')} />
      <h1>{t('wijk-import.claims.title')}</h1>
      <p>{t('wijk-import.claims.intro')}</p>
      {p.entries.length === 0 ? (
        <p>{t('wijk-import.claims.none')}</p>
      ) : (
        <DataTable head={[t('wijk-import.claims.col.name'), t('wijk-import.claims.col.pending'), { label: t('wijk-import.claims.invite'), hidden: true }]}>
          {p.entries.map((e) => (
            <tr>
              <td>{e.title}</td>
              <td>
                {e.pendingEmail && e.pendingUntil ? (
                  t('wijk-import.claims.pending', { email: e.pendingEmail, date: formatDate(e.pendingUntil, p.lang) })
                ) : (
                  <span class="muted">{t('wijk-import.claims.notInvited')}</span>
                )}
              </td>
              <td>
                <a href={`${importBase(p.wijk.id)}/organisaties/${e.id}`} aria-label={t('wijk-import.claims.inviteLabel', { title: e.title })}>
                  {t('wijk-import.claims.invite')}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

export function ClaimPage(p: { t: T; csrfToken: string; wijk: Wijk; item: { id: number; title: string }; days: number; state?: FormState }) {
  const { t } = p
  return (
    <>
      <Back href={`${importBase(p.wijk.id)}/organisaties`} label={t('wijk-import.claims.back')} />
      <h1>{t('wijk-import.claim.title', { title: p.item.title })}</h1>
      <p>{t('wijk-import.claim.intro', { days: p.days })}</p>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={`${importBase(p.wijk.id)}/organisaties/${p.item.id}`} class="stack">
        <CsrfField token={p.csrfToken} />
        <Field name="email" type="email" label={t('wijk-import.claim.email')} state={p.state} required autocomplete="off" t={t} />
        <button type="submit">{t('wijk-import.claim.submit')}</button>
      </form>
    </>
  )
}

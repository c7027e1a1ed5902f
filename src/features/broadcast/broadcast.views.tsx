/** The broadcast pages: compose with earlier broadcasts, and one broadcast's progress and record. */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, ErrorSummary, Field, ProgressBar, TextArea, type FormState } from '../../kernel/ui/components.js'
import { BackToOverview } from '../wijkbeheer/wijkbeheer.views.js'
import type { Broadcast, BroadcastSummary, Progress, RecordRow } from './broadcast.queries.js'

interface WijkRef {
  id: number
  name: string
}

export function ComposePage(p: { t: T; lang: Lang; csrfToken: string; wijk: WijkRef; audience: number; earlier: BroadcastSummary[]; state?: FormState }) {
  const { t, lang } = p
  const base = `/beheer/wijken/${p.wijk.id}/bericht`
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('broadcast.title', { wijk: p.wijk.name })}</h1>
      <p>{t('broadcast.intro')}</p>
      <p>
        <strong>{t('broadcast.audience', { n: p.audience })}</strong>
      </p>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={base} class="stack wide">
        <CsrfField token={p.csrfToken} />
        <Field name="subject" label={t('broadcast.subject')} required maxlength={120} state={p.state} t={t} />
        <TextArea name="body" label={t('broadcast.body')} hint={t('broadcast.body.hint')} required maxlength={5000} rows={10} state={p.state} t={t} />
        <div>
          <button type="submit">{t('broadcast.send')}</button>
        </div>
      </form>
      <section aria-labelledby="earlier-title">
        <h2 id="earlier-title">{t('broadcast.earlier')}</h2>
        {p.earlier.length === 0 ? (
          <p>{t('broadcast.earlier.none')}</p>
        ) : (
          <DataTable caption={t('broadcast.earlier')} head={[t('broadcast.subject'), t('broadcast.col.date'), { label: t('broadcast.col.delivered'), class: 'num' }]}>
            {p.earlier.map((b) => (
              <tr>
                <td>
                  <a href={`${base}/${b.id}`}>{b.subject}</a>
                </td>
                <td>{formatDate(b.createdAt, lang, 'dateTime')}</td>
                <td class="num">
                  {b.delivered} / {b.recipients}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  )
}

export function BroadcastPage(p: { t: T; lang: Lang; wijk: WijkRef; broadcast: Broadcast; progress: Progress; record: RecordRow[]; page: number }) {
  const { t, lang, progress } = p
  const self = `/beheer/wijken/${p.wijk.id}/bericht/${p.broadcast.id}`
  const pages = Math.max(1, Math.ceil(progress.total / 100))
  return (
    <>
      <p>
        <a href={`/beheer/wijken/${p.wijk.id}/bericht`}>{t('broadcast.back')}</a>
      </p>
      <h1>{t('broadcast.detail.title', { subject: p.broadcast.subject })}</h1>
      <p class="muted">{t('broadcast.detail.created', { date: formatDate(p.broadcast.createdAt, lang, 'dateTime') })}</p>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t('broadcast.progress')}</h2>
        {progress.total === 0 ? (
          <p>{t('broadcast.progress.nobody')}</p>
        ) : (
          <>
            <ProgressBar id="voortgang" label={t('broadcast.progress.label', { sent: progress.sent, total: progress.total, percent: progress.percent })} value={progress.sent} max={progress.total} />
            {progress.sent < progress.total ? (
              <p>
                {t('broadcast.progress.busy')} <a href={self}>{t('broadcast.progress.refresh')}</a>
              </p>
            ) : (
              <p>{t('broadcast.progress.done')}</p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="message-title">
        <h2 id="message-title">{t('broadcast.detail.message')}</h2>
        <div class="pre-wrap card">{p.broadcast.body}</div>
      </section>
      {progress.total > 0 && (
        <section aria-labelledby="record-title">
          <h2 id="record-title">{t('broadcast.record')}</h2>
          <p class="hint">{t('broadcast.record.hint')}</p>
          <DataTable caption={t('broadcast.record')} head={[t('broadcast.col.recipient'), t('broadcast.col.via'), t('broadcast.col.queued'), t('broadcast.col.sent')]}>
            {p.record.map((r) => (
              <tr>
                <td>{r.firstName ?? <span class="muted">{t('broadcast.erased')}</span>}</td>
                <td>{r.via.join(', ')}</td>
                <td>{formatDate(r.queuedAt, lang, 'dateTime')}</td>
                <td>{r.sentAt ? formatDate(r.sentAt, lang, 'dateTime') : t('broadcast.waiting')}</td>
              </tr>
            ))}
          </DataTable>
          {pages > 1 && (
            <ul class="pager">
              {p.page > 1 && (
                <li>
                  <a href={`${self}?pagina=${p.page - 1}`}>{t('broadcast.previous')}</a>
                </li>
              )}
              {p.page < pages && (
                <li>
                  <a href={`${self}?pagina=${p.page + 1}`}>{t('broadcast.next')}</a>
                </li>
              )}
            </ul>
          )}
        </section>
      )}
    </>
  )
}

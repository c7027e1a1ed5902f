/**
 * The wijk team's newsletter pages (/beheer/wijken/<id>/nieuwsbrieven): list, compose, preview,
 * progress of sending. They show counts of subscribers, never who they are.
 */
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, ProgressBar, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { DeliveryProgress, Newsletter, NewsletterRow } from './newsletter.admin.queries.js'
import type { Issue } from './newsletter.compose.js'

const STATUS_KEY: Record<NewsletterRow['status'], MessageKey> = {
  draft: 'newsletter.status.draft',
  sending: 'newsletter.status.sending',
  sent: 'newsletter.status.sent',
}

export const adminBase = (wijkId: number) => `/beheer/wijken/${wijkId}/nieuwsbrieven`

export function NewslettersPage(p: { t: T; lang: Lang; wijk: { id: number; name: string }; rows: NewsletterRow[]; subscribers: number; archiveHref: string }) {
  const { t, lang } = p
  const base = adminBase(p.wijk.id)
  return (
    <>
      <p>
        <a href="/beheer">{t('newsletter.admin.backToBeheer')}</a>
      </p>
      <h1>{t('newsletter.admin.title', { wijk: p.wijk.name })}</h1>
      <p>{t('newsletter.admin.subscribers', { count: p.subscribers })}</p>
      <ul class="actions">
        <li>
          <a href={`${base}/nieuw`}>{t('newsletter.admin.new')}</a>
        </li>
        <li>
          <a href={`${base}/export`}>{t('newsletter.admin.exportLink')}</a>
        </li>
        <li>
          <a href={p.archiveHref}>{t('newsletter.admin.publicArchive')}</a>
        </li>
      </ul>
      {p.rows.length === 0 ? (
        <p>{t('newsletter.admin.none')}</p>
      ) : (
        <DataTable
          caption={t('newsletter.admin.title', { wijk: p.wijk.name })}
          head={[
            t('newsletter.col.subject'),
            t('newsletter.col.status'),
            t('newsletter.col.date'),
            t('newsletter.col.recipients'),
          ]}
        >
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${r.id}`}>{r.subject}</a>
              </th>
              <td>{t(STATUS_KEY[r.status])}</td>
              <td>{formatDate(r.sentAt ?? r.updatedAt, lang, 'dateTime')}</td>
              <td>{r.status === 'draft' ? '–' : t('newsletter.col.recipients.value', { delivered: r.delivered, recipients: r.recipients })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

export function ComposePage(p: {
  t: T
  csrfToken: string
  wijk: { id: number; name: string }
  /** Null for a new newsletter. */
  newsletter: Newsletter | null
  values: Record<string, string>
  checked: { activities: boolean; prikbord: boolean; news: boolean }
  state?: FormState
  notice?: string
}) {
  const { t } = p
  const base = adminBase(p.wijk.id)
  const n = p.newsletter
  const state: FormState = { values: p.state?.values ?? p.values, errors: p.state?.errors }
  return (
    <>
      <p>
        <a href={base}>{t('newsletter.admin.back', { wijk: p.wijk.name })}</a>
      </p>
      <h1>{n ? t('newsletter.compose.editTitle') : t('newsletter.compose.newTitle')}</h1>
      <p class="muted">{t('newsletter.step.write')}</p>
      {p.notice && <Notice kind="error">{p.notice}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={n ? `${base}/${n.id}` : base} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="subject" label={t('newsletter.field.subject')} state={state} required maxlength={150} />
        <TextArea t={t} name="body" label={t('newsletter.field.body')} hint={t('newsletter.field.body.hint')} state={state} rows={14} maxlength={20_000} />
        <fieldset>
          <legend>{t('newsletter.field.blocks')}</legend>
          <Checkbox name="activities" state={p.state} checked={p.checked.activities} label={t('newsletter.block.activities.label')} />
          <Checkbox name="prikbord" state={p.state} checked={p.checked.prikbord} label={t('newsletter.block.prikbord.label')} />
          <Checkbox name="news" state={p.state} checked={p.checked.news} label={t('newsletter.block.news.label')} />
        </fieldset>
        <Field t={t} name="periodFrom" type="date" label={t('newsletter.field.periodFrom')} hint={t('newsletter.field.period.hint')} state={state} required />
        <Field t={t} name="periodTo" type="date" label={t('newsletter.field.periodTo')} state={state} required />
        <div>
          <button type="submit">{t('newsletter.compose.save')}</button>
        </div>
      </form>
      {/* The only way on is through the preview, where the test mail and sending are. */}
      {n && (
        <p>
          <a href={`${base}/${n.id}/voorbeeld`}>{t('newsletter.compose.toPreview')}</a>
        </p>
      )}
    </>
  )
}

/**
 * Steps 2 to 4 of one path: the preview, then a test mail to oneself, then sending. A sent
 * newsletter shows its preview only.
 */
export function PreviewPage(p: { t: T; csrfToken: string; wijk: { id: number; name: string }; newsletter: Newsletter; issue: Issue; greeting: string; subscribers: number }) {
  const { t } = p
  const base = adminBase(p.wijk.id)
  const n = p.newsletter
  const draft = n.status === 'draft'
  return (
    <>
      <p>
        <a href={`${base}/${n.id}`}>{t(draft ? 'newsletter.preview.back' : 'newsletter.preview.backSent')}</a>
      </p>
      <h1>{t('newsletter.preview.title', { subject: n.subject })}</h1>
      {draft && <p class="muted">{t('newsletter.step.preview')}</p>}
      <Notice kind="info">{t('newsletter.preview.intro')}</Notice>
      <article class="prose card">
        <p>{p.greeting}</p>
        {/* Sanitised markdown and public content only (newsletter.compose.tsx). */}
        {raw(p.issue.html)}
        <p class="muted">{t('newsletter.preview.footer')}</p>
      </article>
      {draft && (
        <>
          <section aria-labelledby="test-kop">
            <h2 id="test-kop">{t('newsletter.step.test')}</h2>
            <p>{t('newsletter.compose.testIntro')}</p>
            <form method="post" action={`${base}/${n.id}/test`}>
              <CsrfField token={p.csrfToken} />
              <button type="submit" class="secondary">
                {t('newsletter.compose.test')}
              </button>
            </form>
          </section>
          <section aria-labelledby="versturen-kop">
            <h2 id="versturen-kop">{t('newsletter.step.send')}</h2>
            <p>{t('newsletter.compose.sendIntro')}</p>
            <form method="post" action={`${base}/${n.id}/versturen`}>
              <CsrfField token={p.csrfToken} />
              <button type="submit">{t('newsletter.compose.send', { count: p.subscribers })}</button>
            </form>
          </section>
        </>
      )}
    </>
  )
}

export function SentPage(p: { t: T; lang: Lang; wijk: { id: number; name: string }; newsletter: Newsletter; progress: DeliveryProgress; archiveHref: string }) {
  const { t, lang, progress } = p
  const n = p.newsletter
  return (
    <>
      <p>
        <a href={adminBase(p.wijk.id)}>{t('newsletter.admin.back', { wijk: p.wijk.name })}</a>
      </p>
      <h1>{n.subject}</h1>
      <dl class="facts">
        <dt>{t('newsletter.col.status')}</dt>
        <dd>{t(STATUS_KEY[n.status])}</dd>
        {n.sentAt && (
          <>
            <dt>{t('newsletter.sent.startedAt')}</dt>
            <dd>{formatDate(n.sentAt, lang, 'dateTime')}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="voortgang-kop">
        <h2 id="voortgang-kop">{t('newsletter.sent.progress')}</h2>
        <ProgressBar id="voortgang" label={t('newsletter.sent.progress.label', { sent: progress.sent, total: progress.total, percent: progress.percent })} value={progress.percent} />
        {n.status === 'sending' && (
          <p>
            <a href={`${adminBase(p.wijk.id)}/${n.id}`}>{t('newsletter.sent.reload')}</a>
          </p>
        )}
      </section>
      {n.status === 'sent' && (
        <p>
          <a href={p.archiveHref}>{t('newsletter.sent.archive')}</a>
        </p>
      )}
    </>
  )
}

/** The Mailchimp export: what it holds, and a refusal while there is no processor agreement. */
export function ExportPage(p: { t: T; csrfToken: string; wijk: { id: number; name: string }; agreement: boolean; count: number; registerHref: string; refused?: boolean }) {
  const { t } = p
  return (
    <>
      <p>
        <a href={adminBase(p.wijk.id)}>{t('newsletter.admin.back', { wijk: p.wijk.name })}</a>
      </p>
      <h1>{t('newsletter.export.title', { wijk: p.wijk.name })}</h1>
      <p>{t('newsletter.export.intro')}</p>
      {p.agreement ? (
        <>
          <p>{t('newsletter.export.count', { count: p.count })}</p>
          <p>{t('newsletter.export.logged')}</p>
          <form method="post" action={`${adminBase(p.wijk.id)}/export`} class="inline-form">
            <CsrfField token={p.csrfToken} />
            <button type="submit">{t('newsletter.export.submit')}</button>
          </form>
        </>
      ) : (
        <Notice kind={p.refused ? 'error' : 'info'}>
          {t('newsletter.export.noAgreement')} <a href={p.registerHref}>{t('newsletter.export.registerLink')}</a>
        </Notice>
      )}
    </>
  )
}

/**
 * The status page of one export: a progress bar while the job runs, then the download link until
 * it expires. Works without JavaScript ("Vernieuwen" reloads it); export-status.js, when it runs,
 * refreshes the status region by itself.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, ProgressBar } from '../../kernel/ui/components.js'
import type { dataExports } from './my-data.tables.js'
import { exportStatusLabel } from './my-data.sections.js'

type ExportRow = typeof dataExports.$inferSelect

function sizeLabel(bytes: number | null, lang: Lang): string {
  const kb = Math.max(1, Math.round((bytes ?? 0) / 1024))
  return kb >= 1024 ? `${(kb / 1024).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })} MB` : `${kb} kB`
}

function NewExportForm({ t, csrfToken: csrf }: { t: T; csrfToken: string }) {
  return (
    <form method="post" action="/mijn-gegevens/export">
      <CsrfField token={csrf} />
      <button type="submit">{t('my-data.export.again')}</button>
    </form>
  )
}

export function ExportStatusPage({ t, lang, csrfToken: csrf, row }: { t: T; lang: Lang; csrfToken: string; row: ExportRow }) {
  const busy = row.status === 'queued' || row.status === 'running'
  const self = `/mijn-gegevens/export/${row.id}`
  return (
    <>
      <h1>{t('my-data.export')}</h1>
      <p>{t('my-data.export.requestedAt', { date: formatDate(row.requestedAt, lang, 'dateTime') })}</p>
      {/* The region export-status.js replaces; polite, so a screen reader hears the new status. */}
      <div id="export-status" aria-live="polite" data-refresh={busy ? self : undefined}>
        <p>
          <strong>{exportStatusLabel(t, row.status)}</strong>
        </p>
        {busy && (
          <ProgressBar id="export-progress" label={`${t('my-data.export.progress')}: ${row.progress}%`} value={row.progress} />
        )}
        {busy && (
          <p>
            {t('my-data.export.wait')}{' '}
            <a href={self} class="button secondary">
              {t('my-data.export.refresh')}
            </a>
          </p>
        )}
        {row.status === 'ready' && (
          <>
            <p>
              <a href={`${self}/download`} class="button" download>
                {t('my-data.export.download', { size: sizeLabel(row.sizeBytes, lang) })}
              </a>
            </p>
            <p>{t('my-data.export.until', { date: formatDate(row.expiresAt, lang, 'dateTime') })}</p>
            <p>{t('my-data.export.contents')}</p>
          </>
        )}
        {row.status === 'failed' && (
          <>
            <p>{t('my-data.export.failed')}</p>
            <NewExportForm t={t} csrfToken={csrf} />
          </>
        )}
      </div>
      <p>
        <a href="/mijn-gegevens#download">{t('my-data.backToMyData')}</a>
      </p>
    </>
  )
}

export function ExportExpiredPage({ t, csrfToken: csrf }: { t: T; csrfToken: string }) {
  return (
    <>
      <h1>{t('my-data.export.expired.title')}</h1>
      <p>{t('my-data.export.expired.body')}</p>
      <NewExportForm t={t} csrfToken={csrf} />
      <p>
        <a href="/mijn-gegevens#download">{t('my-data.backToMyData')}</a>
      </p>
    </>
  )
}

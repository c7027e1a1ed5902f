/** The retention overview for administrators. Pure view. */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { HOUR, DAY } from '../../kernel/clock.js'
import { DataTable } from '../../kernel/ui/components.js'

export interface RetentionRow {
  name: string
  what: string
  period: string
  everyMs: number
  run: { lastRunAt: Date; lastRemoved: number; totalRemoved: number; lastError: string | null } | null
}

function frequency(t: T, everyMs: number): string {
  if (everyMs % DAY === 0) return t('beheer.retention.everyDays', { n: everyMs / DAY })
  return t('beheer.retention.everyHours', { n: Math.max(1, Math.round(everyMs / HOUR)) })
}

export function RetentionPage({ t, lang, rows }: { t: T; lang: Lang; rows: RetentionRow[] }) {
  return (
    <>
      <h1>{t('beheer.retention.title')}</h1>
      <p>{t('beheer.retention.intro')}</p>
      <DataTable
        caption={t('beheer.retention.title')}
        head={[
          t('beheer.retention.col.what'),
          t('beheer.retention.col.period'),
          t('beheer.retention.col.lastRun'),
          t('beheer.retention.col.removed'),
        ]}
      >
        {rows.map((r) => (
          <tr id={`regel-${r.name.replace(/\./g, '-')}`}>
            <th scope="row">
              {r.what}
              <br />
              <span class="muted">
                <code>{r.name}</code> · {frequency(t, r.everyMs)}
              </span>
            </th>
            <td>{r.period}</td>
            <td>
              {r.run ? formatDate(r.run.lastRunAt, lang, 'dateTime') : t('beheer.retention.never')}
              {r.run?.lastError && <p class="field-error">{t('beheer.retention.failed', { error: r.run.lastError })}</p>}
            </td>
            <td>{r.run ? t('beheer.retention.removed', { last: r.run.lastRemoved, total: r.run.totalRemoved }) : '–'}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

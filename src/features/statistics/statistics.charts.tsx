/**
 * Charts drawn on the server as SVG: no script, no external library, nothing to load. Each chart
 * is an image with a title and a description of what it shows (role="img"), followed by the same
 * numbers as a table in a <details>, for screen readers, keyboard users and copying.
 * Colours come from classes in the stylesheet (static/css/) (CSP forbids inline styles).
 */
import type { T } from '../../kernel/i18n/i18n.js'
import { DataTable } from '../../kernel/ui/components.js'

export interface Bar {
  label: string
  views: number
}

/** Longest label drawn in a bar chart; the table below has the full text. */
const LABEL_CHARS = 55

function shorten(label: string): string {
  return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1)}…`
}

function ChartTable(p: { t: T; title: string; columns: [string, string]; rows: Bar[]; format: (n: number) => string }) {
  return (
    <details class="chart-table">
      <summary>{p.t('statistics.table.show', { title: p.title })}</summary>
      <DataTable caption={p.title} head={[p.columns[0], { label: p.columns[1], class: 'num' }]}>
        {p.rows.map((r) => (
          <tr>
            <th scope="row" class="break">
              {r.label}
            </th>
            <td class="num">{p.format(r.views)}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  )
}

/** Views per day as vertical bars; every day of the period has a bar (0 when none). */
export function DayChart(p: {
  t: T
  id: string
  title: string
  description: string
  /** `label` is the day as shown (e.g. "2 mrt"). */
  days: Array<Bar & { day: string }>
  format: (n: number) => string
}) {
  const W = 720
  const H = 240
  const left = 48
  const right = 8
  const top = 16
  const bottom = 28
  const plotW = W - left - right
  const plotH = H - top - bottom
  const max = Math.max(1, ...p.days.map((d) => d.views))
  const step = plotW / Math.max(1, p.days.length)
  const barW = Math.max(1, step * 0.8)
  const n = p.days.length
  // Three day labels (first, middle, last) stay readable at 90 days too.
  const labelled = new Set([0, Math.floor((n - 1) / 2), n - 1])
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`} class="chart-svg" preserveAspectRatio="xMidYMid meet">
        <title id={`${p.id}-title`}>{p.title}</title>
        <desc id={`${p.id}-desc`}>{p.description}</desc>
        <line x1={left} y1={top} x2={W - right} y2={top} class="chart-grid" />
        <line x1={left} y1={top + plotH} x2={W - right} y2={top + plotH} class="chart-axis" />
        <text x={left - 6} y={top + 4} text-anchor="end" class="chart-text">
          {p.format(max)}
        </text>
        <text x={left - 6} y={top + plotH + 4} text-anchor="end" class="chart-text">
          0
        </text>
        {p.days.map((d, i) => {
          const h = (d.views / max) * plotH
          return <rect x={(left + i * step + (step - barW) / 2).toFixed(1)} y={(top + plotH - h).toFixed(1)} width={barW.toFixed(1)} height={h.toFixed(1)} class="chart-bar" />
        })}
        {p.days.map((d, i) =>
          labelled.has(i) ? (
            <text x={(left + i * step + step / 2).toFixed(1)} y={H - 8} text-anchor={i === 0 && n > 1 ? 'start' : i === n - 1 && n > 1 ? 'end' : 'middle'} class="chart-text">
              {d.label}
            </text>
          ) : null,
        )}
      </svg>
      <ChartTable t={p.t} title={p.title} columns={[p.t('statistics.col.day'), p.t('statistics.col.views')]} rows={p.days} format={p.format} />
    </figure>
  )
}

/** A ranking as horizontal bars, the label above each bar and the number after it. */
export function BarChart(p: { t: T; id: string; title: string; column: string; bars: Bar[]; format: (n: number) => string }) {
  // Narrower than the day chart: its text stays readable in a half-width column and on a phone.
  const W = 480
  const row = 40
  const H = Math.max(1, p.bars.length) * row + 4
  const valueW = 70
  const max = Math.max(1, ...p.bars.map((b) => b.views))
  const first = p.bars[0]
  const description = first ? p.t('statistics.chart.bars.desc', { count: p.bars.length, first: first.label, views: first.views }) : ''
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`} class="chart-svg bars" preserveAspectRatio="xMinYMin meet">
        <title id={`${p.id}-title`}>{p.title}</title>
        <desc id={`${p.id}-desc`}>{description}</desc>
        {p.bars.map((b, i) => {
          const y = i * row
          const w = Math.max(2, (b.views / max) * (W - valueW))
          return (
            <g>
              <text x={0} y={y + 14} class="chart-text">
                {shorten(b.label)}
              </text>
              <rect x={0} y={y + 20} width={w.toFixed(1)} height={14} class="chart-bar" />
              <text x={(w + 6).toFixed(1)} y={y + 32} class="chart-text">
                {p.format(b.views)}
              </text>
            </g>
          )
        })}
      </svg>
      <ChartTable t={p.t} title={p.title} columns={[p.column, p.t('statistics.col.views')]} rows={p.bars} format={p.format} />
    </figure>
  )
}

/**
 * The statistics dashboard, for every site (/beheer/statistieken) or one wijk
 * (/beheer/wijken/<id>/statistieken). Pure view: numbers, labels and links come in ready-made.
 */
import type { T } from '../../kernel/i18n/i18n.js'
import type { FormState } from '../../kernel/ui/components.js'
import { ErrorSummary, Select } from '../../kernel/ui/components.js'
import { BarChart, DayChart, type Bar } from './statistics.charts.js'
import { PERIODS } from './statistics.schema.js'

export interface StatsData {
  total: number
  from: string
  to: string
  /** Shown forms of from and to. */
  fromLabel: string
  toLabel: string
  days: Array<Bar & { day: string }>
  pages: Bar[]
  referrers: Bar[]
  browsers: Bar[]
  languages: Bar[]
}

export function StatsPage(p: {
  t: T
  title: string
  /** The filter form's target; its query string is the CSV link's too. */
  action: string
  csvHref: string
  state: FormState
  /** Only on the all-sites page: the wijk choice. */
  sites?: Array<{ value: string; label: string }>
  data: StatsData
  format: (n: number) => string
}) {
  const { t, data } = p
  return (
    <>
      <p>
        <a href="/beheer">{t('statistics.back')}</a>
      </p>
      <h1>{p.title}</h1>
      <p class="prose">{t('statistics.intro')}</p>
      <ErrorSummary errors={p.state.errors} t={t} />
      <form method="get" action={p.action} class="inline-form stats-filter" aria-labelledby="stats-filter-title">
        <h2 id="stats-filter-title" class="visually-hidden">
          {t('statistics.filter.title')}
        </h2>
        <Select
          name="periode"
          label={t('statistics.filter.period')}
          options={PERIODS.map((n) => ({ value: n, label: t('statistics.filter.days', { n }) }))}
          state={p.state}
          required
          t={t}
        />
        {p.sites && <Select name="wijk" label={t('statistics.filter.wijk')} options={p.sites} state={p.state} required t={t} />}
        <button type="submit">{t('statistics.filter.submit')}</button>
      </form>
      <p>
        <strong>{t('statistics.total', { views: data.total, from: data.fromLabel, to: data.toLabel })}</strong>
      </p>
      <p>
        <a href={p.csvHref} download>
          {t('statistics.csv')}
        </a>
      </p>
      {data.total === 0 ? (
        <p class="notice info">{t('statistics.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="per-day-title" class="stats-section">
            <h2 id="per-day-title">{t('statistics.chart.perDay')}</h2>
            <DayChart
              t={t}
              id="chart-days"
              title={t('statistics.chart.perDay')}
              description={dayDescription(t, data, p.format)}
              days={data.days}
              format={p.format}
            />
          </section>
          <section aria-labelledby="pages-title" class="stats-section">
            <h2 id="pages-title">{t('statistics.chart.pages')}</h2>
            <BarChart t={t} id="chart-pages" title={t('statistics.chart.pages')} column={t('statistics.col.page')} bars={data.pages} format={p.format} />
          </section>
          <section aria-labelledby="referrers-title" class="stats-section">
            <h2 id="referrers-title">{t('statistics.chart.referrers')}</h2>
            {data.referrers.length === 0 ? (
              <p>{t('statistics.chart.referrers.none')}</p>
            ) : (
              <BarChart t={t} id="chart-referrers" title={t('statistics.chart.referrers')} column={t('statistics.col.site')} bars={data.referrers} format={p.format} />
            )}
          </section>
          <div class="stats-pair">
            <section aria-labelledby="browsers-title" class="stats-section">
              <h2 id="browsers-title">{t('statistics.chart.browsers')}</h2>
              <BarChart t={t} id="chart-browsers" title={t('statistics.chart.browsers')} column={t('statistics.col.browser')} bars={data.browsers} format={p.format} />
            </section>
            <section aria-labelledby="languages-title" class="stats-section">
              <h2 id="languages-title">{t('statistics.chart.languages')}</h2>
              <BarChart t={t} id="chart-languages" title={t('statistics.chart.languages')} column={t('statistics.col.language')} bars={data.languages} format={p.format} />
            </section>
          </div>
        </>
      )}
      <p class="muted">{t('statistics.retention')}</p>
    </>
  )
}

function dayDescription(t: T, data: StatsData, format: (n: number) => string): string {
  const top = data.days.reduce((best, d) => (d.views > best.views ? d : best), data.days[0]!)
  return t('statistics.chart.perDay.desc', {
    days: data.days.length,
    from: data.fromLabel,
    to: data.toLabel,
    total: data.total,
    top: top.label,
    topViews: format(top.views),
  })
}

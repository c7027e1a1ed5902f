/**
 * The Agenda's views: the list in day buckets, a month as a calendar table and one day. All work
 * without JavaScript and print; the calendar is a real table (caption, column headings), so it
 * reads as one with a screen reader too. On a phone its cells show a count instead of titles.
 */
import type { Child } from 'hono/jsx'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { Icon } from '../../kernel/ui/icons.js'
import type { AgendaCard, AgendaDay, Bucket, CalendarCell } from './wijk-site.agenda.js'
import { CardList } from './wijk-site.cards.js'
import { dayRange } from './wijk-site.dates.js'
import { formatDay, formatMonthName, formatWhen, weekdayNames } from './wijk-site.format.js'
import { CELL_LIMIT } from './wijk-site.agenda.js'
import { Pager } from './wijk-site.views.js'

type Href = (card: AgendaCard) => string

const BUCKET_TITLE: Record<Bucket, MessageKey> = {
  today: 'wijk-site.agenda.today',
  week: 'wijk-site.agenda.week',
  later: 'wijk-site.agenda.later',
}

/** The frame of every Agenda view: heading, view switch, filters, the view, paging and feeds. */
export function AgendaPage(p: {
  t: T
  heading: string
  views: Child
  filters: Child
  body: Child
  prev: string | null
  next: string | null
  feeds: Array<{ label: string; href: string }>
  /** Subscribing in one's own calendar app (wijk-site.ical.page.tsx). */
  subscribe?: Child
}) {
  return (
    <>
      <h1>{p.heading}</h1>
      <div class="agenda-tools no-print">
        {p.views}
        {p.filters}
      </div>
      {p.body}
      <Pager t={p.t} prev={p.prev} next={p.next} />
      {p.subscribe}
      <ul class="feed-links no-print">
        {p.feeds.map((f) => (
          <li>
            <a href={f.href}>{f.label}</a>
          </li>
        ))}
      </ul>
    </>
  )
}

/** List or month: two links, the current one marked. */
export function AgendaViews(p: { t: T; listHref: string; monthHref: string; current: 'list' | 'month' | null }) {
  return (
    <nav class="agenda-views" aria-label={p.t('wijk-site.agenda.views')}>
      <ul>
        <li>
          <a href={p.listHref} aria-current={p.current === 'list' ? 'page' : undefined}>
            <Icon name="list" />
            {p.t('wijk-site.agenda.view.list')}
          </a>
        </li>
        <li>
          <a href={p.monthHref} aria-current={p.current === 'month' ? 'page' : undefined}>
            <Icon name="month" />
            {p.t('wijk-site.agenda.view.month')}
          </a>
        </li>
      </ul>
    </nav>
  )
}

/** Earlier, the whole period, later: for a month or a day. */
export function PeriodNav(p: { label: string; prev: { label: string; href: string }; middle: { label: string; href: string }; next: { label: string; href: string } }) {
  return (
    <nav class="agenda-periods no-print" aria-label={p.label}>
      <a href={p.prev.href}>{p.prev.label}</a>
      <a href={p.middle.href}>{p.middle.label}</a>
      <a href={p.next.href}>{p.next.label}</a>
    </nav>
  )
}

function DayCards(p: { t: T; lang: Lang; day: AgendaDay; hrefOf: Href }) {
  return (
    <section class="agenda-day">
      <h3>{formatDay(p.day.date, p.lang)}</h3>
      <CardList t={p.t} lang={p.lang} cards={p.day.items} hrefOf={p.hrefOf} level={4} />
    </section>
  )
}

/** Today, the rest of this week and later, each with its days as headings. */
export function AgendaBuckets(p: { t: T; lang: Lang; buckets: Array<{ bucket: Bucket; days: AgendaDay[] }>; hrefOf: Href; empty: string; emptyNext?: Child }) {
  if (p.buckets.length === 0) {
    return (
      <div class="notice info empty-state">
        <p>{p.empty}</p>
        {p.emptyNext}
      </div>
    )
  }
  return (
    <>
      {p.buckets.map((b) => (
        <section class={`agenda-bucket bucket-${b.bucket}`} aria-labelledby={`bucket-${b.bucket}`}>
          <h2 id={`bucket-${b.bucket}`}>{p.t(BUCKET_TITLE[b.bucket])}</h2>
          {b.days.map((day) => (
            <DayCards t={p.t} lang={p.lang} day={day} hrefOf={p.hrefOf} />
          ))}
        </section>
      ))}
    </>
  )
}

/** One day in full. */
export function AgendaDayList(p: { t: T; lang: Lang; items: AgendaCard[]; hrefOf: Href }) {
  if (p.items.length === 0) return <p class="notice info">{p.t('wijk-site.agenda.dayEmpty')}</p>
  return <CardList t={p.t} lang={p.lang} cards={p.items} hrefOf={p.hrefOf} level={2} />
}

function CalendarDay(p: { t: T; lang: Lang; cell: CalendarCell; monthName: string; hrefOf: Href; dayHref: (key: string) => string }) {
  const { t, lang, cell } = p
  const n = cell.items.length
  const shown = cell.items.slice(0, CELL_LIMIT)
  const classes = ['cal-day', cell.today ? 'is-today' : '', n > 0 ? 'has-items' : ''].filter(Boolean).join(' ')
  // The day's link is named "5 december, 2 activiteiten"; a phone shows the number alone.
  const date = (
    <>
      <span class="cal-num">{cell.day}</span>
      <span class="visually-hidden"> {p.monthName}</span>
    </>
  )
  return (
    <td class={classes} aria-current={cell.today ? 'date' : undefined}>
      {n === 0 ? (
        <span class="cal-date">{date}</span>
      ) : (
        <>
          <a class="cal-date" href={p.dayHref(cell.key)} data-n={String(n)}>
            {date}
            <span class="visually-hidden">, </span>
            <span class="cal-count">
              {t('wijk-site.agenda.dayCount', { n })}
            </span>
          </a>
          <ul class="cal-items">
            {shown.map((o) => (
              <li>
                <a href={p.hrefOf(o)}>
                  <span class="cal-time">{o.allDay ? t('wijk-site.allDay') : formatWhen(o.occursAt, null, false, lang, false)}</span> {o.title}
                </a>
              </li>
            ))}
            {n > shown.length && (
              <li class="cal-more">
                <a href={p.dayHref(cell.key)}>{t('wijk-site.agenda.more', { n: n - shown.length })}</a>
              </li>
            )}
          </ul>
        </>
      )}
    </td>
  )
}

/** A month as a table of weeks, Monday first; each day with activities links to its own page. */
export function MonthCalendar(p: { t: T; lang: Lang; month: string; monthLabel: string; weeks: Array<Array<CalendarCell | null>>; hrefOf: Href; dayHref: (key: string) => string }) {
  const monthName = formatMonthName(dayRange(`${p.month}-15`).from, p.lang)
  return (
    <div class="month-calendar-wrap">
      <table class="month-calendar">
        <caption>{p.t('wijk-site.agenda.calendarCaption', { month: p.monthLabel })}</caption>
        <thead>
          <tr>
            {weekdayNames(p.lang).map((w) => (
              <th scope="col">
                <abbr title={w.long}>{w.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.weeks.map((week) => (
            <tr>{week.map((cell) => (cell ? <CalendarDay t={p.t} lang={p.lang} cell={cell} monthName={monthName} hrefOf={p.hrefOf} dayHref={p.dayHref} /> : <td class="cal-pad"></td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The wijk team's pages: dashboard, residents (P13) and links. Pure views. */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Field, type FormState } from '../../kernel/ui/components.js'
import { typeLabel } from '../my-content/my-content.views.js'
import type { DashboardCounts, DashboardItem, Resident } from './wijkbeheer.queries.js'
import type { ExternalLink } from '../places/places.queries.js'
import type { TeamPageLink } from './wijkbeheer.pages.js'

const statusLabel = (t: T, status: string) => t(`my-content.status.${status}` as MessageKey)

interface WijkRef {
  id: number
  name: string
}

function BackToOverview({ t, wijk }: { t: T; wijk: WijkRef }) {
  return (
    <p>
      <a href={`/beheer/wijken/${wijk.id}/overzicht`}>{t('wijkbeheer.back', { wijk: wijk.name })}</a>
    </p>
  )
}
export { BackToOverview }

export interface ItemRow extends DashboardItem {
  /** The public page, when the item is published. */
  href: string | null
}

function ItemTable(p: { t: T; lang: Lang; caption: string; items: ItemRow[]; dateOf: (i: ItemRow) => Date; dateLabel: string; since?: Date }) {
  const { t, lang } = p
  return (
    <DataTable caption={p.caption} head={[t('wijkbeheer.col.title'), t('wijkbeheer.col.type'), t('wijkbeheer.col.status'), p.dateLabel]}>
      {p.items.map((i) => (
        <tr>
          <td>
            {i.href ? <a href={i.href}>{i.title}</a> : i.title}
            {p.since && <span class="muted"> ({i.createdAt > p.since ? t('wijkbeheer.overview.new') : t('wijkbeheer.overview.changed')})</span>}
            {i.offline && <span class="muted"> · {t('wijkbeheer.overview.offline')}</span>}
          </td>
          <td>{typeLabel(t, i.type)}</td>
          <td>{statusLabel(t, i.status)}</td>
          <td>{formatDate(p.dateOf(i), lang, 'dateTime')}</td>
        </tr>
      ))}
    </DataTable>
  )
}

export function OverviewPage(p: {
  t: T
  lang: Lang
  wijk: WijkRef
  siteHref: string
  lastVisit: Date | null
  since: Date
  changed: ItemRow[]
  expiring: ItemRow[]
  expiringDays: number
  counts: DashboardCounts
  reportsHref: string | null
  supportHref: string | null
  statsHref: string | null
  pages: TeamPageLink[]
}) {
  const { t, lang, counts } = p
  return (
    <>
      <p>
        <a href="/beheer">{t('beheer.back')}</a>
      </p>
      <h1>{t('wijkbeheer.overview.title', { wijk: p.wijk.name })}</h1>
      <p>
        <a href={p.siteHref}>{t('beheer.wijk.site')}</a>
      </p>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{t('wijkbeheer.overview.attention')}</h2>
        <ul class="cards">
          <li class="card">
            <h3>{t('wijkbeheer.overview.reports')}</h3>
            <p>{t('wijkbeheer.overview.reports.count', { n: counts.openReports })}</p>
            {p.reportsHref && (
              <p>
                <a href={p.reportsHref}>{t('wijkbeheer.overview.reports.link')}</a>
              </p>
            )}
          </li>
          <li class="card">
            <h3>{t('wijkbeheer.overview.support')}</h3>
            <p>{t('wijkbeheer.overview.support.count', { n: counts.openSupport })}</p>
            {p.supportHref && (
              <p>
                <a href={p.supportHref}>{t('wijkbeheer.overview.support.link')}</a>
              </p>
            )}
          </li>
          <li class="card">
            <h3>{t('wijkbeheer.overview.stats')}</h3>
            <p>{t('wijkbeheer.overview.stats.views', { n: counts.viewsLastWeek })}</p>
            {p.statsHref && (
              <p>
                <a href={p.statsHref}>{t('wijkbeheer.overview.stats.link')}</a>
              </p>
            )}
          </li>
        </ul>
      </section>
      <section aria-labelledby="changed-title">
        <h2 id="changed-title">{t('wijkbeheer.overview.changedTitle')}</h2>
        <p class="muted">
          {p.lastVisit
            ? t('wijkbeheer.overview.sinceVisit', { date: formatDate(p.lastVisit, lang, 'dateTime') })
            : t('wijkbeheer.overview.firstVisit', { date: formatDate(p.since, lang, 'date') })}
        </p>
        {p.changed.length === 0 ? (
          <p>{t('wijkbeheer.overview.nothingChanged')}</p>
        ) : (
          <ItemTable t={t} lang={lang} caption={t('wijkbeheer.overview.changedTitle')} items={p.changed} dateOf={(i) => i.updatedAt} dateLabel={t('wijkbeheer.col.changed')} since={p.since} />
        )}
      </section>
      <section aria-labelledby="expiring-title">
        <h2 id="expiring-title">{t('wijkbeheer.overview.expiringTitle')}</h2>
        <p class="muted">{t('wijkbeheer.overview.expiringHint', { days: p.expiringDays })}</p>
        {p.expiring.length === 0 ? (
          <p>{t('wijkbeheer.overview.nothingExpiring')}</p>
        ) : (
          <ItemTable t={t} lang={lang} caption={t('wijkbeheer.overview.expiringTitle')} items={p.expiring} dateOf={(i) => i.expiresAt!} dateLabel={t('wijkbeheer.col.expires')} />
        )}
      </section>
      <section aria-labelledby="pages-title">
        <h2 id="pages-title">{t('wijkbeheer.overview.pages')}</h2>
        <ul class="inline-list">
          {p.pages.map((pg) => (
            <li>
              <a href={pg.href}>{t(pg.label)}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

/**
 * The residents of the wijk (P13): first name, last name and email, and no other column.
 * The test reads the table's header to prove it.
 */
export function ResidentsPage(p: { t: T; wijk: WijkRef; residents: Resident[] }) {
  const { t } = p
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('wijkbeheer.residents.title', { wijk: p.wijk.name })}</h1>
      <p>{t('wijkbeheer.residents.intro')}</p>
      <p class="muted">{t('wijkbeheer.residents.logged')}</p>
      {p.residents.length === 0 ? (
        <p>{t('wijkbeheer.residents.none')}</p>
      ) : (
        <>
          <p>{t('wijkbeheer.residents.count', { n: p.residents.length })}</p>
          <DataTable
            caption={t('wijkbeheer.residents.title', { wijk: p.wijk.name })}
            head={[t('wijkbeheer.residents.firstName'), t('wijkbeheer.residents.lastName'), t('wijkbeheer.residents.email')]}
          >
            {p.residents.map((r) => (
              <tr>
                <td>{r.firstName}</td>
                <td>{r.lastName ?? ''}</td>
                <td>{r.email}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  )
}

export function LinksPage(p: { t: T; csrfToken: string; wijk: WijkRef; links: ExternalLink[]; max: number; state?: FormState; rowError?: { id: number; state: FormState } }) {
  const { t } = p
  const base = `/beheer/wijken/${p.wijk.id}/links`
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('wijkbeheer.links.title', { wijk: p.wijk.name })}</h1>
      <p>{t('wijkbeheer.links.intro')}</p>
      {p.links.length === 0 ? (
        <p>{t('wijkbeheer.links.none')}</p>
      ) : (
        <ul class="theme-list">
          {p.links.map((l) => {
            const rowState = p.rowError?.id === l.id ? p.rowError.state : { values: { [`title-${l.id}`]: l.title, [`url-${l.id}`]: l.url } }
            return (
              <li>
                <form method="post" action={`${base}/${l.id}`} class="inline-form">
                  <CsrfField token={p.csrfToken} />
                  <Field name={`title-${l.id}`} label={t('wijkbeheer.links.linkTitle')} required maxlength={80} state={rowState} t={t} />
                  <Field name={`url-${l.id}`} label={t('wijkbeheer.links.url')} type="url" required maxlength={500} state={rowState} t={t} />
                  <button type="submit" aria-label={t('wijkbeheer.links.saveLabel', { title: l.title })}>
                    {t('wijkbeheer.links.save')}
                  </button>
                </form>
                <form method="post" action={`${base}/${l.id}/verwijderen`} class="inline">
                  <CsrfField token={p.csrfToken} />
                  <button type="submit" class="linklike" aria-label={t('wijkbeheer.links.deleteLabel', { title: l.title })}>
                    {t('wijkbeheer.links.delete')}
                  </button>
                </form>
              </li>
            )
          })}
        </ul>
      )}
      <h2>{t('wijkbeheer.links.add')}</h2>
      {p.links.length >= p.max ? (
        <p>{t('wijkbeheer.links.full', { max: p.max })}</p>
      ) : (
        <>
          <ErrorSummary errors={p.state?.errors} t={t} />
          <form method="post" action={base} class="stack">
            <CsrfField token={p.csrfToken} />
            <Field name="title" label={t('wijkbeheer.links.linkTitle')} hint={t('wijkbeheer.links.linkTitle.hint')} required maxlength={80} state={p.state} t={t} />
            <Field name="url" label={t('wijkbeheer.links.url')} hint={t('wijkbeheer.links.url.hint')} type="url" required maxlength={500} state={p.state} t={t} />
            <div>
              <button type="submit">{t('wijkbeheer.links.addButton')}</button>
            </div>
          </form>
        </>
      )}
    </>
  )
}

import { raw } from 'hono/html'
import type { T } from '../../kernel/i18n/i18n.js'
import type { FieldErrors } from '../../kernel/http/form.js'
import type { ContentType } from '../content/content.tables.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { KindChip, Thumbnail } from '../wijk-site/wijk-site.cards.js'
import type { ImageRef } from '../wijk-site/wijk-site.queries.js'

export interface SearchHitView {
  href: string
  title: string
  type: ContentType
  /** Safe HTML from snippetHtml(): escaped text with <mark> around matches. */
  snippetHtml: string
  /** The item's first image, shown small. */
  thumb: ImageRef | null
}

export interface SearchPageProps {
  t: T
  wijkName: string
  action: string
  q: string
  errors?: FieldErrors
  results?: { hits: SearchHitView[]; total: number; capped: boolean; page: number; pages: number; prevHref?: string; nextHref?: string }
}

const TYPE_KEY: Record<ContentType, MessageKey> = {
  activity: 'search.type.activity',
  organisation: 'search.type.organisation',
  request: 'search.type.request',
  offer: 'search.type.offer',
  news: 'search.type.news',
  showcase: 'search.type.showcase',
}

export function SearchPage(p: SearchPageProps) {
  const { t } = p
  const error = p.errors?.q
  return (
    <div class="search-page">
      <h1>{t('search.heading', { wijk: p.wijkName })}</h1>
      <form method="get" action={p.action} class="search-form" role="search">
          <div class="field">
            <label for="q">{t('search.field.q')}</label>
            {error && (
              <p class="field-error" id="q-error">
                {error}
              </p>
            )}
            <input
              id="q"
              name="q"
              type="search"
              value={p.q}
              maxlength={200}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'q-error' : undefined}
            />
          </div>
          <button type="submit">{t('search.submit')}</button>
      </form>
      {p.results && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {p.results.total === 0 ? t('search.none', { q: p.q }) : p.results.capped ? t('search.countCapped', { count: p.results.total, q: p.q }) : t('search.count', { count: p.results.total, q: p.q })}
          </h2>
          {p.results.total === 0 && <p>{t('search.none.next')}</p>}
          <ol class="search-results">
            {p.results.hits.map((hit) => (
              <li class={hit.thumb ? 'search-hit has-thumb' : 'search-hit'}>
                <h3>
                  <a href={hit.href}>{hit.title}</a>
                </h3>
                <p class="search-type">
                  <KindChip type={hit.type} label={t(TYPE_KEY[hit.type])} />
                </p>
                {hit.snippetHtml && <p>{raw(hit.snippetHtml)}</p>}
                {hit.thumb && <Thumbnail image={hit.thumb} logo={hit.type === 'organisation'} />}
              </li>
            ))}
          </ol>
          {p.results.pages > 1 && (
            <nav aria-label={t('search.pagination')} class="pagination">
              {p.results.prevHref && (
                <a href={p.results.prevHref} rel="prev">
                  {t('search.prev')}
                </a>
              )}{' '}
              <span>{t('search.pageOf', { page: p.results.page, pages: p.results.pages })}</span>{' '}
              {p.results.nextHref && (
                <a href={p.results.nextHref} rel="next">
                  {t('search.next')}
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  )
}

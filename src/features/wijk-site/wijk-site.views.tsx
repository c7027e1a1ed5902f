/**
 * Public wijk site pages: module lists, the Agenda, item pages and the Agenda's print view. Pure
 * views: links and projected data come in ready-made.
 */
import { categoryLabel } from '../content/content.categories.js'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { PublicItem } from '../content/content.public.js'
import type { Module } from '../content/content.urls.js'
import type { ImageRef, OccurrenceCard, ThemeRef } from './wijk-site.queries.js'
import { formatDay, formatMoney, formatWhen } from './wijk-site.format.js'
import { CardList, ItemCard, VerifiedMark, type CardData } from './wijk-site.cards.js'
import { Icon } from '../../kernel/ui/icons.js'

type Href = (card: { id: number; slug: string; type: PublicItem['type'] }) => string

export interface FilterLink {
  label: string
  href: string
  current: boolean
}

const themeName = (theme: ThemeRef, lang: Lang) => (lang === 'en' ? theme.nameEn : theme.nameNl)

export function FilterList(p: { label: string; id: string; links: FilterLink[] }) {
  if (p.links.length <= 1) return null
  return (
    <nav class="filters" aria-labelledby={p.id}>
      <h2 id={p.id} class="filter-title">
        {p.label}
      </h2>
      <ul>
        {p.links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.current ? 'true' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * Filters folded into one line ("Filters: Deze week, Sport"), so that on a phone the list, not
 * its filter links, fills the first screen. `current` names the filters in force.
 */
export function FilterDisclosure(p: { t: T; current: string[]; children: Child }) {
  return (
    <details class="filter-box">
      <summary>
        <Icon name="filter" />
        {p.current.length > 0 ? p.t('wijk-site.filters.active', { current: p.current.join(', ') }) : p.t('wijk-site.filters')}
      </summary>
      <div class="filter-body">{p.children}</div>
    </details>
  )
}

export function Pager(p: { t: T; prev: string | null; next: string | null }) {
  if (!p.prev && !p.next) return null
  return (
    <nav class="pager" aria-label={p.t('wijk-site.pages')}>
      {p.prev && (
        <a href={p.prev} rel="prev">
          {p.t('wijk-site.prev')}
        </a>
      )}
      {p.next && (
        <a href={p.next} rel="next">
          {p.t('wijk-site.next')}
        </a>
      )}
    </nav>
  )
}

export interface ListPageProps {
  t: T
  lang: Lang
  module: Module
  heading: string
  intro: string
  filters: Child
  cards: CardData[]
  hrefOf: Href
  empty: string
  /** What to do about an empty list: post the first item, or drop the filter. */
  emptyNext?: Child
  prev: string | null
  next: string | null
  feedHref: string
  extraLinks?: Child
}

export function ListPage(p: ListPageProps) {
  return (
    <>
      <h1>{p.heading}</h1>
      <p class="prose">{p.intro}</p>
      {p.filters}
      {p.cards.length === 0 ? (
        <div class="notice info empty-state">
          <p>{p.empty}</p>
          {p.emptyNext}
        </div>
      ) : (
        <CardList t={p.t} lang={p.lang} cards={p.cards} hrefOf={p.hrefOf} level={2} />
      )}
      <Pager t={p.t} prev={p.prev} next={p.next} />
      <p class="feed-links">
        <a href={p.feedHref}>{p.t('wijk-site.rss')}</a>
        {p.extraLinks}
      </p>
    </>
  )
}

/** Occurrences grouped by their Amsterdam day, in order. */
export function groupByDay(items: OccurrenceCard[], lang: Lang): Array<{ day: string; items: OccurrenceCard[] }> {
  const groups: Array<{ day: string; items: OccurrenceCard[] }> = []
  for (const item of items) {
    const day = formatDay(item.occursAt, lang)
    const last = groups[groups.length - 1]
    if (last && last.day === day) last.items.push(item)
    else groups.push({ day, items: [item] })
  }
  return groups
}

/** Label/value pairs of an item (facts, public contact fields). */
function Facts({ t, rows }: { t: T; rows: Array<[MessageKey, Child]> }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  )
}

function ImageList({ images }: { images: ImageRef[] }) {
  if (images.length === 0) return null
  return (
    <div class="item-images">
      {images.map((img, i) => {
        const widths = [...img.widths].sort((a, b) => a - b)
        const src = (w: number) => `/media/${img.fileKey}-${w}.webp`
        const largest = widths[widths.length - 1] ?? img.width
        const middle = widths.find((w) => w >= 640) ?? largest
        return (
          <img
            src={src(middle)}
            srcset={widths.map((w) => `${src(w)} ${w}w`).join(', ')}
            sizes="(max-width: 45rem) 100vw, 45rem"
            width={img.width}
            height={img.height}
            alt={img.alt}
            // The first picture is at the top of the page, often its largest element: fetched at once.
            loading={i === 0 ? 'eager' : 'lazy'}
            fetchpriority={i === 0 ? 'high' : undefined}
            decoding="async"
          />
        )
      })}
    </div>
  )
}

export interface ItemPageProps {
  t: T
  lang: Lang
  item: PublicItem
  bodyHtml: string
  themes: Array<{ name: string; href: string }>
  images: ImageRef[]
  occurrences: Array<{ startsAt: Date; endsAt: Date | null }>
  calendarHref: string | null
  location: { name: string; href: string } | null
  business: { name: string; href: string } | null
  activities: Array<{ title: string; href: string }>
  contactHref: string
  /** "Meld dit": report the item to the wijk team (not in the owner's preview). */
  reportHref?: string
  backHref: string
  backLabel: string
  /** The organisation's package gives the verified mark. */
  verified?: boolean
}

export function ItemPage(p: ItemPageProps) {
  const { t, lang, item } = p
  const facts: Array<[MessageKey, Child]> = []
  if (item.type === 'activity') {
    if (p.location) facts.push(['wijk-site.fact.where', <a href={p.location.href}>{p.location.name}</a>])
    if (item.locationText) facts.push(['wijk-site.fact.location', item.locationText])
    facts.push(['wijk-site.fact.cost', item.costCents ? formatMoney(item.costCents, lang) : t('wijk-site.free')])
    if (item.joinInfo) facts.push(['wijk-site.fact.join', <span class="pre-wrap">{item.joinInfo}</span>])
  }
  if (item.type === 'organisation') {
    if (item.offers) facts.push(['wijk-site.fact.offers', <span class="pre-wrap">{item.offers}</span>])
    if (item.openingHours) facts.push(['wijk-site.fact.openingHours', <span class="pre-wrap">{item.openingHours}</span>])
    if (item.website && /^https?:\/\//i.test(item.website)) {
      facts.push(['wijk-site.fact.website', <a href={item.website} rel="nofollow noopener">{item.website.replace(/^https?:\/\//i, '')}</a>])
    }
  }
  if (item.type === 'request' || item.type === 'offer') {
    facts.push(['wijk-site.fact.kind', t(item.type === 'request' ? 'wijk-site.kind.request' : 'wijk-site.kind.offer')])
    if (item.category) facts.push(['wijk-site.fact.category', categoryLabel(t, item.category)])
    if (item.expiresAt) facts.push(['wijk-site.fact.until', formatDate(item.expiresAt, lang)])
  }
  if (item.type === 'news') facts.push(['wijk-site.fact.published', formatDate(item.publishedAt ?? item.updatedAt, lang)])
  if (item.type === 'showcase') {
    if (item.priceCents !== null) facts.push(['wijk-site.fact.price', formatMoney(item.priceCents, lang)])
    if (p.business) facts.push(['wijk-site.fact.business', <a href={p.business.href}>{p.business.name}</a>])
  }
  const contact: Array<[MessageKey, Child]> = []
  if (item.contactName) contact.push(['wijk-site.contact.name', item.contactName])
  if (item.contactEmail) contact.push(['wijk-site.contact.email', <a href={`mailto:${item.contactEmail}`}>{item.contactEmail}</a>])
  if (item.contactPhone) contact.push(['wijk-site.contact.phone', <a href={`tel:${item.contactPhone.replace(/[^+0-9]/g, '')}`}>{item.contactPhone}</a>])
  if (item.contactAddress) contact.push(['wijk-site.contact.address', <span class="pre-wrap">{item.contactAddress}</span>])

  return (
    <>
      <article class="item">
        <h1>{item.title}</h1>
        {p.verified && (
          <p>
            <VerifiedMark t={t} />
          </p>
        )}
        {item.summary && <p class="lead">{item.summary}</p>}
        <ImageList images={p.images} />
        {item.type === 'activity' && (
          <section aria-labelledby="when-title">
            <h2 id="when-title">{t('wijk-site.item.when')}</h2>
            {p.occurrences.length === 0 ? (
              <p>{t('wijk-site.item.noOccurrences')}</p>
            ) : (
              <ul class="occurrences">
                {p.occurrences.map((o) => (
                  <li>
                    {formatDay(o.startsAt, lang)}
                    {item.allDay ? '' : `, ${formatWhen(o.startsAt, o.endsAt, false, lang, false)}`}
                  </li>
                ))}
              </ul>
            )}
            {p.calendarHref && (
              <p>
                <a href={p.calendarHref}>{t('wijk-site.item.addToCalendar')}</a>
              </p>
            )}
          </section>
        )}
        {facts.length > 0 && (
          <Facts t={t} rows={facts} />
        )}
        {p.bodyHtml && <div class="prose item-body">{raw(p.bodyHtml)}</div>}
        <ThemeLinks t={t} themes={p.themes} headingId="themes-title" />
        {item.type === 'organisation' && p.activities.length > 0 && (
          <section aria-labelledby="activities-title">
            <h2 id="activities-title">{t('wijk-site.item.activities')}</h2>
            <ul>
              {p.activities.map((a) => (
                <li>
                  <a href={a.href}>{a.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {(contact.length > 0 || item.acceptsMessages) && (
          <section aria-labelledby="contact-title" class="item-contact">
            <h2 id="contact-title">{t('wijk-site.contact.title')}</h2>
            {contact.length > 0 && <Facts t={t} rows={contact} />}
            {/* Only when the form has someone to deliver to (content.public.ts). */}
            {item.acceptsMessages && (
              <p>
                <a href={p.contactHref} class="button">
                  {t('wijk-site.contact.send')}
                </a>
              </p>
            )}
          </section>
        )}
        <p class="muted">{t('wijk-site.item.updated', { date: formatDate(item.updatedAt, lang) })}</p>
        {p.reportHref && (
          <p>
            <a href={p.reportHref}>{t('wijk-site.item.report')}</a>
          </p>
        )}
      </article>
      <p>
        <a href={p.backHref}>{p.backLabel}</a>
      </p>
    </>
  )
}

/** A compact list per day for printing on A4 (no navigation; print CSS does the rest). */
export function PrintPage(p: {
  t: T
  lang: Lang
  heading: string
  period: string
  items: OccurrenceCard[]
  empty: string
  other: Array<{ label: string; href: string }>
  /** Leave out summaries (a month), to keep the page and the printout short. */
  brief?: boolean
}) {
  const days = groupByDay(p.items, p.lang)
  return (
    <div class="agenda-print">
      <h1>{p.heading}</h1>
      <p class="period">{p.period}</p>
      <nav class="no-print" aria-label={p.t('wijk-site.print.periods')}>
        <ul class="inline-list">
          {p.other.map((o) => (
            <li>
              <a href={o.href}>{o.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {days.length === 0 ? (
        <p>{p.empty}</p>
      ) : (
        days.map((d) => (
          <section class="print-day" aria-label={d.day}>
            <h2>{d.day}</h2>
            <ul>
              {d.items.map((o) => (
                <li>
                  <strong>{o.allDay ? p.t('wijk-site.allDay') : formatWhen(o.occursAt, o.occursUntil, false, p.lang, false)}</strong> {o.title}
                  {o.locationText ? ` — ${o.locationText}` : ''}
                  {o.summary && !p.brief && <span class="print-summary"> {o.summary}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  )
}

/** Sections of the wijk home: what is on, the newest items, recently updated, themes. */
export function WijkHomeSections(p: {
  t: T
  lang: Lang
  /** Items their owners' packages put in the Uitgelicht section (promoted: labelled as such). */
  featured: CardData[]
  agenda: CardData[]
  prikbord: CardData[]
  news: CardData[]
  updated: CardData[]
  themes: Array<{ name: string; href: string }>
  hrefOf: Href
  moduleHref: (m: Module) => string
  /** Where to post the first item of a module, for an empty block. */
  addHref: (m: Module) => string
  /** Websites run by residents of the wijk, set by its team (https only, validated on entry). */
  externalLinks?: Array<{ title: string; url: string }>
  /** The wijk's newsletter page: sign up and archive. */
  newsletterHref?: string
}) {
  const { t, lang } = p
  const block = (id: Module, title: string, more: string, moreLabel: string, cards: Child, empty: boolean, emptyText: string) => (
    <section class="home-block" aria-labelledby={`home-${id}`}>
      <h2 id={`home-${id}`}>{title}</h2>
      {empty ? (
        <p class="muted">
          {emptyText} <a href={p.addHref(id)}>{t(`wijk-site.next.${id}`)}</a>
        </p>
      ) : (
        <ul class="cards item-list">{cards}</ul>
      )}
      <p>
        <a href={more}>{moreLabel}</a>
      </p>
    </section>
  )
  return (
    <div class="wijk-home-sections">
      {p.featured.length > 0 && (
        <section class="home-block home-featured" aria-labelledby="home-featured">
          <h2 id="home-featured">{t('wijk-site.home.featured')}</h2>
          <p class="muted">{t('wijk-site.home.featured.hint')}</p>
          <ul class="cards item-list">
            {p.featured.map((c) => (
              <ItemCard t={t} lang={lang} card={c} href={p.hrefOf(c)} level={3} note={t('wijk-site.home.featured.note')} />
            ))}
          </ul>
        </section>
      )}
      {block(
        'agenda',
        t('places.module.agenda'),
        p.moduleHref('agenda'),
        t('wijk-site.home.allAgenda'),
        p.agenda.map((o) => <ItemCard t={t} lang={lang} card={o} href={p.hrefOf(o)} level={3} />),
        p.agenda.length === 0,
        t('places.module.agenda.empty'),
      )}
      {block(
        'prikbord',
        t('places.module.prikbord'),
        p.moduleHref('prikbord'),
        t('wijk-site.home.allPrikbord'),
        p.prikbord.map((c) => <ItemCard t={t} lang={lang} card={c} href={p.hrefOf(c)} level={3} />),
        p.prikbord.length === 0,
        t('places.module.prikbord.empty'),
      )}
      {block(
        'nieuws',
        t('places.module.nieuws'),
        p.moduleHref('nieuws'),
        t('wijk-site.home.allNews'),
        p.news.map((c) => <ItemCard t={t} lang={lang} card={c} href={p.hrefOf(c)} level={3} />),
        p.news.length === 0,
        t('places.module.nieuws.empty'),
      )}
      <section class="home-block" aria-labelledby="home-updated">
        <h2 id="home-updated">{t('wijk-site.home.updated')}</h2>
        {p.updated.length === 0 ? (
          <p class="muted">{t('wijk-site.home.noneUpdated')}</p>
        ) : (
          <ul class="cards item-list">
            {p.updated.map((c) => (
              <ItemCard t={t} lang={lang} card={c} href={p.hrefOf(c)} level={3} note={t('wijk-site.home.updatedOn', { date: formatDate(c.updatedAt, lang) })} />
            ))}
          </ul>
        )}
      </section>
      <ThemeLinks t={t} themes={p.themes} headingId="home-themes" class="home-block" />
      {p.externalLinks && p.externalLinks.length > 0 && (
        <section class="home-block" aria-labelledby="home-links">
          <h2 id="home-links">{t('wijkbeheer.site.links')}</h2>
          <p class="muted">{t('wijkbeheer.site.links.hint')}</p>
          <ul class="external-links">
            {p.externalLinks.map((l) => (
              <li>
                <a href={l.url} rel="noopener noreferrer external">
                  {l.title} <span class="muted">{t('wijkbeheer.site.external')}</span>
                </a>{' '}
                <span class="muted">{new URL(l.url).hostname}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.newsletterHref && (
        <section class="home-block" aria-labelledby="home-newsletter">
          <h2 id="home-newsletter">{t('newsletter.nav')}</h2>
          <p>
            <a href={p.newsletterHref}>{t('newsletter.home.link')}</a>
          </p>
        </section>
      )}
    </div>
  )
}

/** The city page's view of its wijken: next activities and newest Prikbord items, each with its wijk. */
export function CitySections(p: {
  t: T
  lang: Lang
  agenda: Array<{ card: CardData; href: string; wijk: string }>
  prikbord: Array<{ card: CardData; href: string; wijk: string }>
}) {
  const { t, lang } = p
  return (
    <div class="city-sections">
      <section aria-labelledby="city-agenda">
        <h2 id="city-agenda">{t('wijk-site.city.agenda')}</h2>
        {p.agenda.length === 0 ? (
          <p class="muted">{t('wijk-site.empty.agenda')}</p>
        ) : (
          <ul class="cards item-list">
            {p.agenda.map((a) => (
              <ItemCard t={t} lang={lang} card={a.card} href={a.href} label={a.wijk} level={3} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="city-prikbord">
        <h2 id="city-prikbord">{t('wijk-site.city.prikbord')}</h2>
        {p.prikbord.length === 0 ? (
          <p class="muted">{t('wijk-site.empty.prikbord')}</p>
        ) : (
          <ul class="cards item-list">
            {p.prikbord.map((a) => (
              <ItemCard t={t} lang={lang} card={a.card} href={a.href} label={a.wijk} level={3} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export { themeName }

/** The themes as links to their lists; nothing when there are none. */
function ThemeLinks(p: { t: T; themes: Array<{ name: string; href: string }>; headingId: string; class?: string }) {
  if (p.themes.length === 0) return null
  return (
    <section class={p.class} aria-labelledby={p.headingId}>
      <h2 id={p.headingId}>{p.t('wijk-site.themes')}</h2>
      <ul class="tags">
        {p.themes.map((th) => (
          <li>
            <a href={th.href}>{th.name}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

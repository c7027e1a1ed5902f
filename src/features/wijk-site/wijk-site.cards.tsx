/**
 * Cards of the public wijk site: what a resident needs to decide whether to open an item, seen at
 * a glance. Each card is an article with its title as heading; what kind of item it is shows as a
 * labelled chip with an icon, never by colour alone; key facts share one line, each behind an icon
 * that names the fact for a screen reader. Pure views: the cards come with their thumbnail from
 * wijk-site.cards.queries.ts.
 *
 * Written as text (`markup`, kernel/ui/markup.ts, which escapes what it is given as JSX does)
 * rather than JSX: a list page draws about twenty cards of some fifteen elements each, and
 * hono/jsx's cost per element was most of what these components did (decisions/034).
 */
import { markup, type Markup } from '../../kernel/ui/markup.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { Icon, type IconName } from '../../kernel/ui/icons.js'
import { categoryLabel } from '../content/content.categories.js'
import type { ContentType } from '../content/content.tables.js'
import { dayKey } from './wijk-site.dates.js'
import { badgeParts, formatMoney, formatWhen } from './wijk-site.format.js'
import type { Card, ImageRef } from './wijk-site.queries.js'

/** A card as the lists hand it in: an activity may carry the date it is listed for, any item its thumbnail. */
export type CardData = Card & { occursAt?: Date; occursUntil?: Date | null; thumb?: ImageRef | null; verified?: boolean }

export const TYPE_ICON: Record<ContentType, IconName> = {
  activity: 'calendar',
  organisation: 'organisation',
  request: 'vraag',
  offer: 'aanbod',
  news: 'news',
  showcase: 'shop',
}

/** Day number and month on a tile; `datetime` gives the date to machines. */
export function DateBadge(p: { date: Date; lang: Lang }): Markup {
  const parts = badgeParts(p.date, p.lang)
  return markup`<time class="date-badge" datetime="${dayKey(p.date)}"><span class="date-weekday">${parts.weekday}</span> <span class="date-day">${parts.day}</span> <span class="date-month">${parts.month}</span></time>`
}

/**
 * The item's first image, small. Its alt text stays empty: the title beside it names the item, and
 * the item page shows the picture large with the owner's description. width and height are those of
 * the file served, so the browser keeps the space before it arrives; lazy, as lists run long.
 */
export function Thumbnail(p: { image: ImageRef; logo?: boolean }): Markup {
  const smallest = Math.min(...p.image.widths)
  // The smallest file is never wider than the original (my-content.images.ts).
  const width = Math.min(p.image.width, smallest)
  const height = Math.max(1, Math.round((width * p.image.height) / p.image.width))
  return markup`<img class="${p.logo ? 'card-thumb thumb-logo' : 'card-thumb'}" src="/media/${p.image.fileKey}-${smallest}.webp" width="${width}" height="${height}" alt="" loading="lazy" decoding="async"/>`
}

/** "Vraag" or "Aanbod" (or another type's name), with its icon and a style of its own. */
export function KindChip(p: { type: ContentType; label: string }): Markup {
  return markup`<span class="chip chip-${p.type}">${Icon({ name: TYPE_ICON[p.type] })}${p.label}</span>`
}

/**
 * "Geverifieerd" on an organisation whose package gives it: our own icon and the word, with what
 * it means for a screen reader; a border marks it besides the colour.
 */
export function VerifiedMark(p: { t: T }): Markup {
  return markup`<span class="chip chip-verified">${Icon({ name: 'verified' })}${p.t('wijk-site.verified')}<span class="visually-hidden"> ${p.t('wijk-site.verified.why')}</span></span>`
}

/** One fact behind its icon; `long` for free text (opening hours) that may take more than a line. */
function meta(icon: IconName, label: string, fact: string, long = false): Markup {
  return markup`<span class="${long ? 'meta-item meta-long' : 'meta-item'}">${Icon({ name: icon, label })}<span class="meta-text">${fact}</span></span>`
}

/** The facts of a card that fit on one line: time, place and price of an activity, and the like. */
function metaOf(t: T, lang: Lang, card: CardData): Markup[] {
  const facts: Markup[] = []
  if (card.type === 'activity') {
    if (card.occursAt) {
      const time = card.allDay ? t('wijk-site.allDay') : formatWhen(card.occursAt, card.occursUntil ?? null, false, lang, false)
      facts.push(meta('clock', t('wijk-site.fact.time'), time))
    }
    if (card.locationText) facts.push(meta('pin', t('wijk-site.fact.where'), card.locationText))
    facts.push(meta('euro', t('wijk-site.fact.cost'), card.costCents ? formatMoney(card.costCents, lang) : t('wijk-site.free')))
  } else if (card.type === 'organisation') {
    if (card.openingHours) facts.push(meta('clock', t('wijk-site.fact.openingHours'), card.openingHours, true))
  } else if (card.type === 'request' || card.type === 'offer') {
    if (card.expiresAt) facts.push(meta('calendar', t('wijk-site.fact.until'), formatDate(card.expiresAt, lang)))
  } else if (card.type === 'news') {
    facts.push(meta('calendar', t('wijk-site.fact.published'), formatDate(card.publishedAt ?? card.updatedAt, lang)))
  } else if (card.type === 'showcase') {
    if (card.priceCents !== null) facts.push(meta('euro', t('wijk-site.fact.price'), formatMoney(card.priceCents, lang)))
  }
  return facts
}

/** Chips above the facts: vraag or aanbod with its category, and a label such as the wijk on a city page. */
function chipsOf(t: T, card: CardData, label: string | undefined): Markup[] {
  const chips: Markup[] = []
  if (card.verified) chips.push(VerifiedMark({ t }))
  if (card.type === 'request' || card.type === 'offer') {
    chips.push(KindChip({ type: card.type, label: t(card.type === 'request' ? 'wijk-site.kind.request' : 'wijk-site.kind.offer') }))
    if (card.category) chips.push(markup`<span class="chip chip-category">${Icon({ name: 'tag', label: t('wijk-site.fact.category') })}${categoryLabel(t, card.category)}</span>`)
  }
  if (label) chips.push(markup`<span class="chip chip-label">${Icon({ name: 'pin' })}${label}</span>`)
  return chips
}

/** `note`: a line of its own under the facts, such as when the item was last updated. */
export function ItemCard(p: { t: T; lang: Lang; card: CardData; href: string; label?: string; level?: 2 | 3 | 4; note?: string }): Markup {
  const { t, lang, card } = p
  const level = p.level ?? 2
  const facts = metaOf(t, lang, card)
  const chips = chipsOf(t, card, p.label)
  const badge = card.type === 'activity' && card.occursAt
  return markup`<li><article class="card item-card card-${card.type}${badge ? ' has-badge' : ''}${card.thumb ? ' has-thumb' : ''}"><h${level} class="card-title"><a href="${p.href}">${card.title}</a></h${level}>${[
    badge && DateBadge({ date: card.occursAt!, lang }),
    card.thumb && Thumbnail({ image: card.thumb, logo: card.type === 'organisation' }),
    chips.length > 0 && markup`<ul class="chips">${chips.map((chip) => markup`<li>${chip}</li>`)}</ul>`,
    facts.length > 0 && markup`<p class="card-meta">${facts}</p>`,
    card.summary && markup`<p class="card-summary">${card.summary}</p>`,
    p.note && markup`<p class="card-note muted">${p.note}</p>`,
  ]}</article></li>`
}

/** A list of cards; `level` is the heading level of their titles under the page's headings. */
export function CardList<C extends CardData>(p: { t: T; lang: Lang; cards: C[]; hrefOf: (card: C) => string; level?: 2 | 3 | 4 }) {
  return (
    <ul class="cards item-list">
      {p.cards.map((card) => (
        <ItemCard t={p.t} lang={p.lang} card={card} href={p.hrefOf(card)} level={p.level} />
      ))}
    </ul>
  )
}

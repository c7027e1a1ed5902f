/**
 * A widget's items as the compact JSON the web component reads, and the URLs of a widget. Built
 * from the public projection only, and narrower than the API: what a list on another site needs
 * to show an item and link to it. No contact field of any kind, not even a public one: a widget
 * sends people to the item page, where the owner's choices about contact are shown.
 */
import { itemPath } from '../content/content.urls.js'
import type { Occurrence, SharedItem } from './partners.api.queries.js'
import type { Widget, WidgetContent, WidgetPlace } from './partners.widgets.queries.js'
import type { WidgetJson } from './widget/widget.types.js'

/** The moment an item is about: an activity's next occurrence, else its own start (if any). */
export function nextTime(item: SharedItem, occurrences: ReadonlyMap<number, readonly Occurrence[]>): { startsAt: Date | null; endsAt: Date | null } {
  const next = occurrences.get(item.id)?.[0]
  if (next) return next
  return item.type === 'activity' ? { startsAt: item.startsAt, endsAt: item.endsAt } : { startsAt: null, endsAt: null }
}

/** The page on our site with more of what the widget lists: the wijk's module, or the city. */
export function moreUrl(baseUrl: string, widget: Pick<Widget, 'module'>, place: WidgetPlace | null): string | null {
  if (!place || widget.module === 'item') return null
  return place.kind === 'wijk' ? `${baseUrl}/${place.slug}/${widget.module}` : `${baseUrl}/${place.slug}`
}

export function itemUrl(baseUrl: string, item: SharedItem): string {
  return baseUrl + itemPath(item.wijkSlug, item)
}

export function widgetJson(baseUrl: string, widget: Widget, content: WidgetContent): WidgetJson {
  return {
    widget: { id: widget.id, module: widget.module, lang: widget.lang, place: content.place?.name ?? null, more_url: moreUrl(baseUrl, widget, content.place) },
    items: content.items.map((item) => {
      const when = nextTime(item, content.occurrences)
      return {
        id: item.id,
        type: item.type,
        title: item.title,
        summary: item.summary,
        url: itemUrl(baseUrl, item),
        wijk: item.wijkName,
        starts_at: when.startsAt?.toISOString() ?? null,
        ends_at: when.endsAt?.toISOString() ?? null,
        all_day: item.allDay,
        location: item.locationText,
        price_cents: item.costCents ?? item.priceCents,
      }
    }),
  }
}

/** Where a widget lives on our origin. */
export const widgetPaths = {
  frame: (id: string) => `/embed/${id}`,
  data: (id: string) => `/embed/v1/widgets/${id}`,
  script: '/embed/v1.js',
  style: '/embed/v1.css',
  frameScript: '/embed/v1/frame.js',
}

/** The custom element of a module. */
export function elementName(module: Widget['module']): string {
  return module === 'organisaties' ? 'wijk-organisaties' : `wijk-${module}`
}

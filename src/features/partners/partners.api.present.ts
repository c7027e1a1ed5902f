/**
 * From a shared item (the public projection) to the API's JSON. Only fields of the projection
 * exist here: a contact field the owner did not switch on is already null in the row.
 */
import { itemPath } from '../content/content.urls.js'
import type { ThemeRef } from '../wijk-site/wijk-site.queries.js'
import type { Occurrence, SharedItem } from './partners.api.queries.js'
import type { ApiItem } from './partners.api.schema.js'

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)

export function apiItemOf(item: SharedItem, baseUrl: string, themes: readonly ThemeRef[], occurrences?: readonly Occurrence[]): ApiItem {
  const url = baseUrl + itemPath(item.wijkSlug, item)
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    summary: item.summary,
    body: item.body,
    url,
    wijk: { id: item.wijkId, slug: item.wijkSlug, name: item.wijkName },
    themes: themes.map((th) => ({ slug: th.slug, name_nl: th.nameNl, name_en: th.nameEn })),
    published_at: isoOrNull(item.publishedAt),
    updated_at: item.updatedAt.toISOString(),
    contact: { name: item.contactName, email: item.contactEmail, phone: item.contactPhone, address: item.contactAddress },
    contact_form_url: item.acceptsMessages ? `${url}/contact` : null,
    starts_at: isoOrNull(item.startsAt),
    ends_at: isoOrNull(item.endsAt),
    all_day: item.allDay,
    ...(occurrences ? { occurrences: occurrences.map((o) => ({ starts_at: o.startsAt.toISOString(), ends_at: isoOrNull(o.endsAt) })) } : {}),
    location: item.locationText,
    cost_cents: item.costCents,
    join_info: item.joinInfo,
    offers: item.offers,
    opening_hours: item.openingHours,
    website: item.website,
    category: item.category,
    expires_at: isoOrNull(item.expiresAt),
    price_cents: item.priceCents,
    business_id: item.businessId,
  }
}

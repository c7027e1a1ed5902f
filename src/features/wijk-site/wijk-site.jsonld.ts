/**
 * schema.org data for item pages (Event, Organization, NewsArticle), from the public projection
 * only. The JSON goes into a <script type="application/ld+json"> data block: browsers do not run
 * it, and "<" is written as \u003c so no text can close the element.
 */
import type { PublicItem } from '../content/content.public.js'

export function jsonLdFor(item: PublicItem, url: string, extra: { occurrences: Array<{ startsAt: Date; endsAt: Date | null }>; locationName: string | null; wijkName: string }): string | null {
  const contact = {
    ...(item.contactEmail ? { email: item.contactEmail } : {}),
    ...(item.contactPhone ? { telephone: item.contactPhone } : {}),
  }
  let data: Record<string, unknown> | null = null
  if (item.type === 'activity') {
    const next = extra.occurrences[0]
    const start = next?.startsAt ?? item.startsAt
    if (!start) return null
    const end = next ? next.endsAt : item.endsAt
    data = {
      '@type': 'Event',
      name: item.title,
      description: item.summary || undefined,
      url,
      startDate: start.toISOString(),
      ...(end ? { endDate: end.toISOString() } : {}),
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      isAccessibleForFree: !item.costCents,
      location: {
        '@type': 'Place',
        name: extra.locationName ?? item.locationText ?? extra.wijkName,
        ...(item.locationText ? { address: item.locationText } : {}),
      },
      ...(item.costCents ? { offers: { '@type': 'Offer', price: (item.costCents / 100).toFixed(2), priceCurrency: 'EUR', url } } : {}),
    }
  } else if (item.type === 'organisation') {
    data = {
      '@type': 'Organization',
      name: item.title,
      description: item.summary || undefined,
      url,
      ...(item.website && /^https?:\/\//i.test(item.website) ? { sameAs: item.website } : {}),
      ...contact,
      ...(item.contactAddress ? { address: item.contactAddress } : {}),
    }
  } else if (item.type === 'news') {
    data = {
      '@type': 'NewsArticle',
      headline: item.title.slice(0, 110),
      description: item.summary || undefined,
      url,
      mainEntityOfPage: url,
      datePublished: (item.publishedAt ?? item.updatedAt).toISOString(),
      dateModified: item.updatedAt.toISOString(),
    }
  }
  if (!data) return null
  return JSON.stringify({ '@context': 'https://schema.org', ...data })
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

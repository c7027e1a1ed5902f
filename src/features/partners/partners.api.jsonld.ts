/**
 * schema.org JSON-LD of API items (Accept: application/ld+json), made from the API item itself:
 * the same projection, so it can hold nothing the JSON answer does not.
 */
import type { ApiItem } from './partners.api.schema.js'

const euros = (cents: number) => (cents / 100).toFixed(2)

function contactOf(item: ApiItem) {
  return {
    ...(item.contact.email ? { email: item.contact.email } : {}),
    ...(item.contact.phone ? { telephone: item.contact.phone } : {}),
    ...(item.contact.address ? { address: item.contact.address } : {}),
  }
}

export function jsonLdNode(item: ApiItem): Record<string, unknown> {
  const base = { '@id': item.url, url: item.url, name: item.title, ...(item.summary ? { description: item.summary } : {}) }
  switch (item.type) {
    case 'activity': {
      const next = item.occurrences?.[0]
      const start = next?.starts_at ?? item.starts_at
      const end = next ? next.ends_at : item.ends_at
      return {
        '@type': 'Event',
        ...base,
        ...(start ? { startDate: start } : {}),
        ...(end ? { endDate: end } : {}),
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: { '@type': 'Place', name: item.location ?? item.wijk.name },
        isAccessibleForFree: !item.cost_cents,
        ...(item.cost_cents ? { offers: { '@type': 'Offer', price: euros(item.cost_cents), priceCurrency: 'EUR' } } : {}),
      }
    }
    case 'organisation':
      return { '@type': 'Organization', ...base, ...(item.website && /^https?:\/\//i.test(item.website) ? { sameAs: item.website } : {}), ...contactOf(item) }
    case 'news':
      return { '@type': 'NewsArticle', ...base, headline: item.title.slice(0, 110), datePublished: item.published_at ?? item.updated_at, dateModified: item.updated_at }
    case 'request':
      return { '@type': 'Demand', ...base, ...(item.category ? { category: item.category } : {}), ...(item.expires_at ? { validThrough: item.expires_at } : {}) }
    case 'offer':
      return { '@type': 'Offer', ...base, ...(item.category ? { category: item.category } : {}), ...(item.expires_at ? { validThrough: item.expires_at } : {}) }
    case 'showcase':
      return {
        '@type': 'Product',
        ...base,
        ...(item.price_cents !== null ? { offers: { '@type': 'Offer', price: euros(item.price_cents), priceCurrency: 'EUR', url: item.url } } : {}),
      }
  }
}

export function jsonLdDocument(items: ApiItem[]): Record<string, unknown> {
  return { '@context': 'https://schema.org', '@graph': items.map(jsonLdNode) }
}

/**
 * RSS 2.0 and the sitemap, written by hand: both formats are small, and a library would be more
 * code to trust than these few lines. Input is projected public data only. iCalendar has its own
 * files (wijk-site.ical*.ts).
 */

// ---------- RSS ----------

export function xmlEscape(value: string): string {
  return (
    value
      // XML 1.0 cannot carry these control characters at all, not even escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}

export interface RssItem {
  title: string
  url: string
  summary: string
  date: Date
}

export function buildRss(channel: { title: string; url: string; selfUrl: string; description: string; lang: string }, items: RssItem[]): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlEscape(channel.title)}</title>`,
    `<link>${xmlEscape(channel.url)}</link>`,
    `<atom:link href="${xmlEscape(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xmlEscape(channel.description)}</description>`,
    `<language>${channel.lang}</language>`,
  ]
  for (const item of items) {
    parts.push(
      '<item>',
      `<title>${xmlEscape(item.title)}</title>`,
      `<link>${xmlEscape(item.url)}</link>`,
      `<guid isPermaLink="true">${xmlEscape(item.url)}</guid>`,
      `<pubDate>${item.date.toUTCString()}</pubDate>`,
      `<description>${xmlEscape(item.summary)}</description>`,
      '</item>',
    )
  }
  parts.push('</channel>', '</rss>')
  return parts.join('\n') + '\n'
}

// ---------- Sitemap ----------

export function buildSitemap(entries: Array<{ loc: string; lastmod?: Date }>): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (const e of entries) {
    parts.push(`<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}</url>`)
  }
  parts.push('</urlset>')
  return parts.join('\n') + '\n'
}

export function buildSitemapIndex(locs: string[]): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (const loc of locs) parts.push(`<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`)
  parts.push('</sitemapindex>')
  return parts.join('\n') + '\n'
}

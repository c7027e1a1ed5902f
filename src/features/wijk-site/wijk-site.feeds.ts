/**
 * iCalendar (RFC 5545) and RSS 2.0, written by hand: both formats are small, and a library would
 * be more code to trust than these few lines. Input is projected public data only.
 */
import { toLocal } from '../content/content.recurrence.js'

// ---------- iCalendar ----------

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function icsEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function icsFold(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch)
    const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function localDateStamp(date: Date): string {
  const p = toLocal(date)
  return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`
}

export interface IcsEvent {
  contentId: number
  startsAt: Date
  endsAt: Date | null
  allDay: boolean
  title: string
  summary: string
  location: string | null
  url: string
  updatedAt: Date
}

/** A VCALENDAR with one VEVENT per occurrence; UIDs are stable per (activity, start). */
export function buildCalendar(name: string, host: string, events: IcsEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//WijkConnect//Agenda//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsEscape(name)}`, 'X-WR-TIMEZONE:Europe/Amsterdam']
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.contentId}-${utcStamp(e.startsAt)}@${host}`, `DTSTAMP:${utcStamp(e.updatedAt)}`)
    if (e.allDay) {
      const lastDay = e.endsAt ?? e.startsAt
      // DTEND of a date is exclusive: the day after the last day.
      const after = new Date(Date.UTC(...(ymd(lastDay) as [number, number, number])) + 86_400_000)
      lines.push(`DTSTART;VALUE=DATE:${localDateStamp(e.startsAt)}`, `DTEND;VALUE=DATE:${after.toISOString().slice(0, 10).replace(/-/g, '')}`)
    } else {
      lines.push(`DTSTART:${utcStamp(e.startsAt)}`)
      if (e.endsAt) lines.push(`DTEND:${utcStamp(e.endsAt)}`)
    }
    lines.push(`SUMMARY:${icsEscape(e.title)}`)
    if (e.summary) lines.push(`DESCRIPTION:${icsEscape(e.summary)}`)
    if (e.location) lines.push(`LOCATION:${icsEscape(e.location)}`)
    lines.push(`URL:${e.url}`, 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(icsFold).join('\r\n') + '\r\n'
}

function ymd(date: Date): [number, number, number] {
  const p = toLocal(date)
  return [p.year, p.month - 1, p.day]
}

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

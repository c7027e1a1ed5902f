import { MARK_END, MARK_START } from './search.queries.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Turns a ts_headline snippet into safe HTML: everything is escaped (the snippet is the item's
 * own text), then only our markers become <mark>. Markdown punctuation is dropped so the
 * snippet reads as text.
 */
export function snippetHtml(snippet: string): string {
  const plain = snippet
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/(^|\s)(?:#{1,6}|>)(?=\s)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  const escaped = plain.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
  let open = false
  let out = ''
  for (const ch of escaped) {
    if (ch === MARK_START && !open) {
      out += '<mark>'
      open = true
    } else if (ch === MARK_END && open) {
      out += '</mark>'
      open = false
    } else if (ch !== MARK_START && ch !== MARK_END) out += ch
  }
  return open ? `${out}</mark>` : out
}

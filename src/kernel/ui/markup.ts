/**
 * Markup written as text, for the few components a page repeats many times (decisions/034).
 * Every value is escaped as JSX and hono's `html` escape it (the same five characters, the same
 * entities); markup made by `markup`, an icon or JSX goes in as it is; null, undefined and booleans
 * leave nothing, so `cond && markup`…`` works; an array goes in item by item. hono's `html` did
 * this before, but it wraps every value in an array of its own and keeps room for promises, which
 * nothing here passes: twenty cards took 85 µs with it and 60 µs this way (in one process, warm).
 *
 * @example markup`<span class="chip">${label}</span>`
 */
import { raw, type HtmlEscapedString } from 'hono/utils/html'

export type Markup = HtmlEscapedString

export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0]!
  for (let i = 0; i < values.length; i++) text += textOf(values[i]) + strings[i + 1]!
  return raw(text)
}

const ENTITIES: Record<string, string> = { '"': '&quot;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const SPECIAL = /["'&<>]/
const SPECIALS = /["'&<>]/g

/** Text escaped for markup, in text and in quoted attributes. */
export function escapeMarkup(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (ch) => ENTITIES[ch]!) : value
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return escapeMarkup(value)
  if (typeof value === 'number') return String(value)
  if (value === null || value === undefined || typeof value === 'boolean') return ''
  if (Array.isArray(value)) {
    let text = ''
    for (const item of value) text += textOf(item)
    return text
  }
  if ((value as { isEscaped?: boolean }).isEscaped === true) {
    const text: unknown = value.toString()
    if (typeof text === 'string') return text
    throw new TypeError('markup takes no markup that is still being made (a promise)')
  }
  if (value instanceof Promise) throw new TypeError('markup takes no promises')
  return escapeMarkup(String(value))
}

/**
 * Markup written as text, for the few components a page repeats many times (decisions/034).
 * hono's `html` escapes every value it is given, as JSX does; with no promise among the values
 * its result is already text, which this type says.
 *
 * @example markup`<span class="chip">${label}</span>`
 */
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

export type Markup = HtmlEscapedString

export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  return html(strings, ...values) as Markup
}

/**
 * `markup` writes what hono's `html` (and so JSX) would: the same escaping of everything a
 * resident typed, the same handling of markup, arrays, numbers and the values that leave nothing.
 */
import { describe, it, expect } from 'vitest'
import { html } from 'hono/html'
import { markup } from './markup.js'

const typed = ['"><script>alert(1)</script><b x=\'y\'>&amp;', '', 'gewoon', 'é ü — … 😀', 'a\'b"c&d<e>f']
const values: unknown[] = [...typed, 0, 12.5, null, undefined, true, false, [typed[0], false, [typed[4]]], markup`<i>${typed[0]}</i>`, { toString: () => '<obj>' }]

describe('markup', () => {
  it('gives the same text as hono/html for every pair of values, in text and in an attribute', () => {
    for (const a of values) {
      for (const b of values) {
        expect(String(markup`<p class="${a}">${b}</p>${[a, b]}`)).toBe(String(html`<p class="${a}">${b}</p>${[a, b]}`))
      }
    }
  })

  it('escapes text and keeps markup', () => {
    const inner = markup`<b>${'<script>'}</b>`
    expect(String(markup`<p title="${'"x"'}">${inner}${"'"}</p>`)).toBe('<p title="&quot;x&quot;"><b>&lt;script&gt;</b>&#39;</p>')
  })

  it('refuses a promise rather than writing "[object Promise]"', () => {
    expect(() => markup`<p>${Promise.resolve('x')}</p>`).toThrow(TypeError)
  })
})

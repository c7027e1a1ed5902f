import { describe, it, expect } from 'vitest'
import { renderMarkdown, escapeMarkdown } from './markdown.js'

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and links', () => {
    const html = renderMarkdown('## Kop\n\n- een *twee*\n- [register](/verwerkingen)')
    expect(html).toContain('<h2>Kop</h2>')
    expect(html).toContain('<li>een <em>twee</em></li>')
    expect(html).toContain('<a href="/verwerkingen">register</a>')
  })

  it('shows raw HTML as text instead of running it', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHallo <img src=x onerror=alert(1)> <b>vet</b>')
    expect(html).not.toMatch(/<script|<img|<b>/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('drops links to javascript:, data: and other unsafe schemes, however they are written', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) [d](data:text/html,x) [e](vbscript:x) [f](file:///etc/passwd) <javascript:alert(1)> [g](ftp://x.example/)',
    )
    expect(html).not.toContain('href=')
  })

  it('keeps http(s), mailto and tel links, and marks external ones nofollow noopener', () => {
    const html = renderMarkdown('[AP](https://autoriteitpersoonsgegevens.nl) [m](mailto:a@b.nl) [t](tel:+31201234567) https://example.nl/pagina')
    expect(html).toContain('<a href="https://autoriteitpersoonsgegevens.nl" rel="nofollow noopener">AP</a>')
    expect(html).toContain('<a href="mailto:a@b.nl">m</a>')
    expect(html).toContain('<a href="tel:+31201234567">t</a>')
    expect(html).toContain('<a href="https://example.nl/pagina" rel="nofollow noopener">https://example.nl/pagina</a>')
  })

  it('loads images only from this site and shows the description of a remote one', () => {
    const html = renderMarkdown('![logo](/media/logo.png) ![spion](https://tracker.example/pixel.gif)')
    expect(html).toContain('<img src="/media/logo.png" alt="logo">')
    expect(html).not.toContain('tracker.example')
    expect(html).toContain('spion')
  })

  it('never emits an h1: the page around the text has its own', () => {
    expect(renderMarkdown('# Titel')).toBe('<h2>Titel</h2>\n')
  })
})

describe('escapeMarkdown', () => {
  it('makes a value literal text: no markup, link or HTML can come out of it', () => {
    const value = '<b>x</b> *y* [z](javascript:alert(1)) `c` # h\n- l'
    const html = renderMarkdown(`Naam: ${escapeMarkdown(value)}`)
    expect(html).toBe('<p>Naam: &lt;b&gt;x&lt;/b&gt; *y* [z](javascript:alert(1)) `c` # h - l</p>\n')
  })

  it('works inside a link destination', () => {
    const email = escapeMarkdown('privacy@buurt.example.nl')
    expect(renderMarkdown(`[${email}](mailto:${email})`)).toContain('<a href="mailto:privacy@buurt.example.nl">privacy@buurt.example.nl</a>')
  })
})

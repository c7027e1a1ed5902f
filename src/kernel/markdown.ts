/**
 * Markdown to safe HTML, for text written by admins and users (legal documents, news, content).
 * Raw HTML is escaped, only http(s), mailto, tel and relative links survive, external links get
 * rel="nofollow noopener", images load only from this site (no third-party requests, P21), and
 * headings start at h2 because the page around the text has its own h1.
 *
 * @example
 * const html = renderMarkdown(`Mail [${escapeMarkdown(name)}](mailto:${escapeMarkdown(email)})`)
 * return <div class="prose">{raw(html)}</div>
 */
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

// Stricter than markdown-it's default: a deny-list of schemes would let new ones through.
md.validateLink = (url: string) => {
  const scheme = SCHEME.exec(url.trim())?.[1]?.toLowerCase()
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme)
}

function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href)
}

function isLocalPath(src: string): boolean {
  return src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\')
}

const renderDefault: NonNullable<typeof md.renderer.rules.link_open> = (tokens, idx, options, _env, self) =>
  self.renderToken(tokens, idx, options)

const linkOpen = md.renderer.rules.link_open ?? renderDefault
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!
  if (isExternal(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'nofollow noopener')
  return linkOpen(tokens, idx, options, env, self)
}

const image = md.renderer.rules.image ?? renderDefault
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!
  if (isLocalPath(String(token.attrGet('src') ?? ''))) return image(tokens, idx, options, env, self)
  // A remote image would tell a third party who reads the page: show its description instead.
  return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env))
}

const demote = (tokens: Parameters<typeof renderDefault>[0], idx: number) => {
  const token = tokens[idx]!
  if (token.tag === 'h1') token.tag = 'h2'
}
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  demote(tokens, idx)
  return self.renderToken(tokens, idx, options)
}
md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
  demote(tokens, idx)
  return self.renderToken(tokens, idx, options)
}

/** Renders markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string): string {
  return md.render(source)
}

/**
 * Makes a value (e.g. from configuration) literal text inside markdown: every ASCII punctuation
 * character is backslash-escaped, so it can start no link, emphasis or list; line breaks become
 * spaces. Also safe inside a link destination such as `(mailto:…)`, as long as it has no spaces.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`)
}

/**
 * A browser-like client over app.request(): keeps cookies, sends Origin like a browser does, and
 * fills in the CSRF token of the last page it loaded.
 *
 * @example
 * const client = t.client()
 * await client.get('/account/inloggen')
 * const res = await client.post('/account/inloggen', { email, password })
 */
import type { Hono } from 'hono'

type AnyApp = Pick<Hono<any>, 'request'>

export const ORIGIN = 'http://localhost'

export class TestClient {
  readonly cookies = new Map<string, string>()
  csrf: string | undefined
  headers: Record<string, string> = {}

  constructor(private readonly app: AnyApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v)
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader())
    const res = await this.app.request(path, { ...init, headers, redirect: 'manual' })
    this.store(res)
    return res
  }

  /** GET; remembers the CSRF token of an HTML page. Returns the response with its body read. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const res = await this.request(path, { headers })
    const body = await res.text()
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1]
    if (token) this.csrf = token
    return new Page(res, body)
  }

  /** POSTs a form like a browser on this site would. Loads `path` first if no token is known yet. */
  async post(path: string, fields: Record<string, string>, opts: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Page> {
    if (this.csrf === undefined && opts.csrf === undefined) await this.get('/')
    const body = new URLSearchParams(fields)
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    if (token !== null && token !== undefined) body.set('_csrf', token)
    const res = await this.request(path, {
      method: 'POST',
      body,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    })
    const text = await res.text()
    const next = /name="_csrf" value="([^"]+)"/.exec(text)?.[1]
    if (next) this.csrf = next
    return new Page(res, text)
  }

  /** Follows a redirect answer with a GET. */
  async follow(page: Page): Promise<Page> {
    const location = page.res.headers.get('location')
    if (!location) throw new Error(`not a redirect: ${page.status}`)
    return this.get(location.replace(/^https?:\/\/[^/]+/, ''))
  }
}

export class Page {
  constructor(
    readonly res: Response,
    readonly body: string,
  ) {}
  get status(): number {
    return this.res.status
  }
  get location(): string | null {
    return this.res.headers.get('location')
  }
  /** Visible text, tags removed and entities decoded enough for assertions. */
  get text(): string {
    return this.body
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
  }
}

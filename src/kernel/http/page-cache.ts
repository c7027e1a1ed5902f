/**
 * A cache of rendered public pages for visitors (DESIGN: "the big lever"). Anonymous public pages
 * are the same for every visitor, so a rendered answer is kept in memory and served again while
 * nothing it shows can have changed:
 * - every table the public pages read has a trigger that raises a version stamp (migrations 0004,
 *   0034): the stamp of each wijk whose rows changed, or the platform-wide one for everything else;
 * - the stamps are held in memory and pushed by the database at every commit that raises them
 *   (public-version.ts, decisions/008 and 022), so a hit asks the database nothing and never waits
 *   behind a job; while they are unknown (a lost PostgreSQL listener) nothing is served from the
 *   cache;
 * - a page names what it depends on while it renders (`pageDependsOn`: the wijk-site names its
 *   wijk, a city page its wijken) and is served again while none of those stamps nor the platform's
 *   moved; a page that names nothing depends on everything, so a write in any wijk renders it anew;
 * - entries also expire after `ttlMs` of business time, for what changes with time alone
 *   (an item expiring, "upcoming" lists).
 * Kept answers are held gzipped, a fifth of the bytes of a page: five times as many pages in the
 * same memory, sent as they are to every browser (all ask for gzip) and unpacked for a client
 * that does not. The cache holds at most `maxBytes` (PAGE_CACHE_MB), counting each entry's key and
 * headers as well as its body, and lets the least recently served go first: its size, not a count
 * of pages, is what an operator weighs against the server's memory.
 * Never cached: anything for a logged-in user, any answer that sets a cookie or says no-store,
 * and the platform's personal areas. Nor partners' widgets (/embed): they follow the partner's
 * agreement, which the version stamp does not, and a suspended agreement cuts them at once.
 */
import { gunzipSync } from 'node:zlib'
import type { MiddlewareHandler, Next } from 'hono'
import type { AppContext, AppEnv } from '../context.js'
import type { PublicVersion } from './public-version.js'
import { acceptsGzip, gzipToKeep, varyOn, weakened } from './encoding.js'


/**
 * Tells the page cache that this page shows only what is platform-wide and what belongs to
 * `scopes` (e.g. one wijk's: the feature that knows wijken names the scope), so a change elsewhere
 * leaves it cached. Called while the page renders; calls add up. A page that never calls it depends
 * on everything. A page that shows anything of another scope must name that scope too.
 */
export function pageDependsOn(c: AppContext, scopes: readonly string[]): void {
  c.set('cacheScopes', [...(c.get('cacheScopes') ?? []), ...scopes])
}

const PERSONAL_SEGMENTS = new Set(['account', 'mijn-gegevens', 'mijn-content', 'beheer', 'dev', 'health', 'media', 'static', 'uitnodiging', 'taal', 'hulp', 'klacht', 'afmelden', 'api', 'embed'])
const CACHEABLE_TYPES = /^(text\/html|text\/calendar|application\/rss\+xml|application\/atom\+xml|application\/xml|text\/xml|text\/plain)/

/** A visitor's page is kept when it is the same for everyone and of a kind we serve again. */
function keepablePage(res: Response): boolean {
  const cacheControl = res.headers.get('cache-control') ?? ''
  return res.status === 200 && !res.headers.has('set-cookie') && !/no-store|private/.test(cacheControl) && CACHEABLE_TYPES.test(res.headers.get('content-type') ?? '')
}

/** Another answer (the caller's key holds what it depends on) is kept when it is a plain 200. */
function keepableAnswer(res: Response): boolean {
  return res.status === 200 && !res.headers.has('set-cookie') && !/no-store/.test(res.headers.get('cache-control') ?? '')
}

interface Entry {
  /** The public version's generation when the render started. */
  generation: number
  /** The scopes the answer depends on besides the platform's; undefined: on everything. */
  scopes: readonly string[] | undefined
  storedAt: number
  status: number
  headers: Array<[string, string]>
  /** The answer's body, gzipped. */
  gzipped: Uint8Array
  /** What the entry takes in memory, as counted against the cache's budget (`entrySize`). */
  size: number
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024
/** The objects around an entry's strings and body (its record, the header pairs, the map's slot): an estimate. */
const ENTRY_OVERHEAD_BYTES = 600

/**
 * An entry's memory: the body, plus key and header strings at a byte per character (V8 keeps
 * Latin-1 strings so; the few others take two), plus its objects.
 */
function entrySize(key: string, headers: ReadonlyArray<[string, string]>, body: Uint8Array): number {
  let strings = key.length
  for (const [name, value] of headers) strings += name.length + value.length
  return body.byteLength + strings + ENTRY_OVERHEAD_BYTES
}

/** A rendered answer and the scopes it named (undefined: it depends on everything). */
interface Rendered {
  res: Response
  scopes: readonly string[] | undefined
  /** The answer's body as the renderer made it, when known: packed without reading the answer back. */
  text?: string
}

/** The HTML `render` made for this very answer (not for another answer the route then gave). */
function renderedText(c: AppContext, res: Response): string | undefined {
  const page = c.get('renderedPage')
  return page?.res === res ? page.html : undefined
}

/** A rendered answer's body as bytes: from its text when known, else read from a copy of the answer. */
async function bodyBytes({ res, text }: Rendered): Promise<Uint8Array> {
  return text !== undefined ? Buffer.from(text) : new Uint8Array(await res.clone().arrayBuffer())
}

export interface PageCacheOptions {
  /** The memory the kept answers may take, keys and headers included (PAGE_CACHE_MB). */
  maxBytes?: number
  /** Business time an entry may live (deps.clock). */
  ttlMs?: number
  /**
   * Also read the stamp from the database on every cacheable request. Only for tests on
   * PostgreSQL: the notification of a test's own write arrives on another connection a moment
   * after the write returns, and such a test looks at once.
   */
  confirmEachRequest?: boolean
}

/**
 * Runs `produce` with a render that goes down the chain, and hands its answer to Hono. A kept
 * answer is returned for Hono to take as it is: assigning c.res would make Hono copy the answer
 * and its headers, a fifth of the cost of a hit (decisions/027). A render's answer is already the
 * context's; only its packed copy replaces it.
 */
async function handOver(c: AppContext, next: Next, produce: (render: () => Promise<Response>) => Promise<Response>): Promise<Response | void> {
  let rendered = false
  const res = await produce(async () => {
    rendered = true
    await next()
    return c.res
  })
  if (!rendered) return res
  if (res !== c.res) {
    // Hono's setter would copy the new answer (its body through a stream) and put the rendered
    // answer's headers back over it; the packed answer holds them already, its ETag weakened.
    c.res = undefined
    c.res = res
  }
}

export class PageCache {
  readonly #entries = new Map<string, Entry>()
  /** Renders in progress; each resolves with whether its answer was kept. */
  readonly #rendering = new Map<string, Promise<boolean>>()
  #bytes = 0
  readonly #version: PublicVersion
  readonly #maxBytes: number
  readonly #ttlMs: number
  readonly #confirmEachRequest: boolean

  constructor(version: PublicVersion, opts: PageCacheOptions = {}) {
    this.#version = version
    this.#maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
    this.#ttlMs = opts.ttlMs ?? 60_000
    this.#confirmEachRequest = opts.confirmEachRequest ?? false
  }

  get size(): number {
    return this.#entries.size
  }

  /** The memory the kept answers take, as counted against `maxBytes`. */
  get heldBytes(): number {
    return this.#bytes
  }

  get maxBytes(): number {
    return this.#maxBytes
  }

  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  #store(key: string, entry: Entry): void {
    const old = this.#entries.get(key)
    if (old) this.#bytes -= old.size
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    this.#bytes += entry.size
    // A Map iterates in insertion order and a hit moves its entry last: the first are the least
    // recently served.
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break
      this.#entries.delete(k)
      this.#bytes -= e.size
    }
  }

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      // Credentials make an answer somebody's own: a partner's API key gives its own scope.
      if (c.req.method !== 'GET' || c.get('sessionId') !== null || c.req.header('authorization') !== undefined) return next()
      const url = new URL(c.req.url)
      if (PERSONAL_SEGMENTS.has(url.pathname.split('/')[1] ?? '')) return next()
      const { clock } = c.get('deps')
      if (this.#confirmEachRequest) await this.#version.confirm()
      if (!this.#version.known) return next()
      const key = `${c.req.header('host') ?? ''}|${url.pathname}${url.search}|${c.get('lang')}`
      const now = clock.now().getTime()
      const takesGzip = acceptsGzip(c.req.header('accept-encoding'))
      const rendered = (render: () => Promise<Response>) => async (): Promise<Rendered> => {
        const res = await render()
        return { res, scopes: c.get('cacheScopes'), text: renderedText(c, res) }
      }
      return handOver(c, next, (render) => this.#keptOrRendered(key, now, takesGzip, rendered(render), keepablePage))
    }
  }

  /** `answer` as a middleware step: the answer kept under `key`, or the rest of the chain's, kept. */
  through(c: AppContext, next: Next, key: string): Promise<Response | void> {
    return handOver(c, next, (render) => this.answer(key, c.get('deps').clock.now().getTime(), render, c.req.header('accept-encoding')))
  }

  /**
   * The same rules for an answer that is not a visitor's page: the caller builds a key that holds
   * everything the answer depends on (a partner's scope, the URL, the media type), and `render`
   * runs on a miss. Only a 200 without cookies or no-store is kept; it is sent gzipped when the
   * caller's Accept-Encoding takes it.
   */
  async answer(key: string, now: number, render: () => Promise<Response>, acceptEncoding?: string): Promise<Response> {
    if ((await this.currentVersion()) === null) return render()
    return this.#keptOrRendered(key, now, acceptsGzip(acceptEncoding), async () => ({ res: await render(), scopes: undefined }), keepableAnswer)
  }

  /**
   * The kept answer while valid, else one render at a time: requests that miss while it renders
   * wait for it rather than each render the same answer (after a change, every open connection
   * misses at once; a widget on a busy partner site is asked for by many visitors together).
   */
  async #keptOrRendered(key: string, now: number, takesGzip: boolean, render: () => Promise<Rendered>, keepable: (res: Response) => boolean): Promise<Response> {
    const hit = this.#valid(key, now)
    if (hit) return this.#serve(key, hit, takesGzip)
    const turn = await this.#renderTurn(key, now)
    if (turn === 'render-own') return (await render()).res
    if (typeof turn !== 'function') return this.#serve(key, turn, takesGzip)
    // Tagged with the generation known as the render starts, not the one seen on arrival: a
    // visitor who waited for an outdated render renders the current answer, which the others
    // waiting then accept, instead of each rendering in turn an answer nobody takes. A change
    // heard while it renders makes the answer outdated at once (never served stale).
    const generation = this.#version.generation
    let stored = false
    try {
      const rendered = await render()
      const { res, scopes } = rendered
      if (!keepable(res)) return res
      // The length is the server's to set for whichever coding it sends.
      const body = await gzipToKeep(await bodyBytes(rendered))
      varyOn(res.headers, 'Accept-Encoding')
      const headers = [...res.headers.entries()].filter(([name]) => name !== 'content-length')
      const entry: Entry = { generation, scopes, storedAt: now, status: res.status, headers, gzipped: body, size: entrySize(key, headers, body) }
      this.#store(key, entry)
      stored = true
      if (takesGzip) return packed(entry, 'miss')
      res.headers.set('X-Page-Cache', 'miss')
      return res
    } finally {
      this.#rendering.delete(key)
      turn(stored)
    }
  }

  /**
   * Whose turn it is to render this key: a render already in progress is waited for and its kept
   * answer returned; 'render-own' when it could not be kept (a 404, a cookie: everyone renders
   * their own, as without a cache); otherwise the caller renders, and gets the function that
   * tells the waiters whether the answer was kept. A waiter that finds the answer outdated (the
   * version moved on during the render) waits for the next render, or becomes its renderer:
   * never fifty renders side by side. The turn is claimed in the same step as the map is read
   * (no await in between), or every request arriving together would claim it.
   */
  async #renderTurn(key: string, now: number): Promise<Entry | 'render-own' | ((stored: boolean) => void)> {
    for (let rendering = this.#rendering.get(key); rendering; rendering = this.#rendering.get(key)) {
      if (!(await rendering)) return 'render-own'
      const rendered = this.#valid(key, now)
      if (rendered) return rendered
    }
    let finish: (stored: boolean) => void = () => {}
    this.#rendering.set(key, new Promise<boolean>((resolve) => (finish = resolve)))
    return finish
  }

  /**
   * A stamp of everything public as this process knows it (read afresh first where so
   * configured), for whatever else is kept while nothing public changed; null while it is unknown.
   */
  async currentVersion(): Promise<string | null> {
    if (this.#confirmEachRequest) await this.#version.confirm()
    return this.#version.current
  }

  /** The kept entry while none of what it depends on changed since it was rendered, nor it expired. */
  #valid(key: string, now: number): Entry | null {
    const entry = this.#entries.get(key)
    if (!entry || now - entry.storedAt < 0 || now - entry.storedAt >= this.#ttlMs) return null
    return this.#version.unchangedSince(entry.generation, entry.scopes) ? entry : null
  }

  #serve(key: string, entry: Entry, takesGzip: boolean): Response {
    // Most recently used last, so eviction takes the least recently used first.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    if (takesGzip) return packed(entry, 'hit')
    const headers = new Headers(entry.headers)
    headers.set('X-Page-Cache', 'hit')
    return new Response(gunzipSync(entry.gzipped), { status: entry.status, headers })
  }
}

/** A kept answer as its gzip bytes, for a client that takes them. */
function packed(entry: Entry, outcome: 'hit' | 'miss'): Response {
  const headers = new Headers(entry.headers)
  headers.set('X-Page-Cache', outcome)
  headers.set('Content-Encoding', 'gzip')
  const etag = headers.get('etag')
  if (etag) headers.set('ETag', weakened(etag))
  return new Response(entry.gzipped, { status: entry.status, headers })
}

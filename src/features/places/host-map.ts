/**
 * Custom host names: a wijk can be served at the root of its own domain. Routing needs the
 * answer synchronously (Hono's getPath), so the mapping lives in memory, reloaded after a wijk
 * changes and every 30 seconds (other processes may have changed it).
 */
import { isNotNull } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { wijken } from './places.tables.js'
import { PLATFORM_SEGMENTS } from '../../kernel/http/reserved.js'
import type { HostWijk, WijkHosts } from '../../kernel/context.js'

export class HostMap implements WijkHosts {
  #byHost = new Map<string, HostWijk>()
  #timer: NodeJS.Timeout | undefined

  async reload(db: Db): Promise<void> {
    const rows = await db
      .select({ id: wijken.id, slug: wijken.slug, hostName: wijken.hostName })
      .from(wijken)
      .where(isNotNull(wijken.hostName))
    this.#byHost = new Map(rows.map((r) => [r.hostName!.toLowerCase(), { id: r.id, slug: r.slug }]))
  }

  startRefreshing(db: Db, everyMs = 30_000): void {
    this.#timer = setInterval(() => void this.reload(db).catch(() => {}), everyMs)
    this.#timer.unref()
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
  }

  /** The wijk served at this Host header, if any (port ignored). */
  lookup(hostHeader: string | null | undefined): HostWijk | null {
    if (!hostHeader || this.#byHost.size === 0) return null
    const host = hostHeader.toLowerCase().replace(/:\d+$/, '')
    return this.#byHost.get(host) ?? null
  }

  /**
   * The path to route: on a wijk's own host, "/agenda" means "/<slug>/agenda", while the
   * platform's own paths (/account, /privacy, /static …) stay as they are.
   */
  routePath(request: Request): string {
    const url = new URL(request.url)
    const wijk = this.lookup(request.headers.get('host'))
    if (!wijk) return url.pathname
    const first = url.pathname.split('/')[1] ?? ''
    if (first !== '' && PLATFORM_SEGMENTS.has(first)) return url.pathname
    return `/${wijk.slug}${url.pathname}`
  }
}

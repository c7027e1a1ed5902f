/**
 * Custom host names: a wijk can be served at the root of its own domain. Routing needs the
 * answer synchronously (Hono's getPath), so the mapping lives in memory, reloaded after a wijk
 * changes and every 30 seconds (other processes may have changed it).
 *
 * A host name a platform admin set is always served. One the wijk's ambassadeur set under a
 * package (`host_name_by_package`) is served only while an ambassadeur of the wijk holds
 * `wijk.host`, as the policy decides (`wijk.host.served`): when the package lapses the name stays
 * stored but the wijk is served at its path again, within one reload (decisions/021).
 */
import { isNotNull } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Clock } from '../../kernel/clock.js'
import type { AccountEntitlements, Entitlement } from '../../kernel/policy/entitlements.js'
import { can } from '../../kernel/policy/policy.js'
import { VISITOR } from '../../kernel/policy/actor.js'
import { wijken } from './places.tables.js'
import { PLATFORM_SEGMENTS } from '../../kernel/http/reserved.js'
import type { HostWijk, WijkHosts } from '../../kernel/context.js'

/**
 * The accounts holding the ambassadeur role of each of these wijken (features/roles answers;
 * wired in boot.ts, since places imports no other feature).
 */
export type WijkAmbassadeurs = (db: Db, wijkIds: readonly number[]) => Promise<ReadonlyMap<number, readonly string[]>>

/** What deciding on a package-set host name needs. */
export interface HostEntitlements {
  entitlements: AccountEntitlements
  ambassadeurs: WijkAmbassadeurs
  clock: Clock
}

export class HostMap implements WijkHosts {
  #byHost = new Map<string, HostWijk>()
  #timer: NodeJS.Timeout | undefined

  constructor(private readonly packages: HostEntitlements) {}

  async reload(db: Db): Promise<void> {
    const rows = await db
      .select({ id: wijken.id, slug: wijken.slug, hostName: wijken.hostName, byPackage: wijken.hostNameByPackage })
      .from(wijken)
      .where(isNotNull(wijken.hostName))
    const entitled = await this.#entitledWijken(
      db,
      rows.filter((r) => r.byPackage).map((r) => r.id),
    )
    this.#byHost = new Map(rows.filter((r) => !r.byPackage || entitled.has(r.id)).map((r) => [r.hostName!.toLowerCase(), { id: r.id, slug: r.slug }]))
  }

  /** Of these wijken, those whose package-set host name is served: two reads for all of them. */
  async #entitledWijken(db: Db, wijkIds: number[]): Promise<Set<number>> {
    if (wijkIds.length === 0) return new Set()
    const { entitlements, ambassadeurs, clock } = this.packages
    const byWijk = await ambassadeurs(db, wijkIds)
    const held = await entitlements.of(db, [...byWijk.values()].flat(), clock.now())
    const served = wijkIds.filter((wijkId) => {
      const given = new Set<Entitlement>((byWijk.get(wijkId) ?? []).flatMap((userId) => held.get(userId) ?? []))
      return can(VISITOR, 'wijk.host.served', { wijkId, entitlements: [...given] })
    })
    return new Set(served)
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

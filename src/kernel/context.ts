/**
 * What every request handler can reach: the wired dependencies (deps) and per-request values
 * set by the kernel middleware (language, translator, actor, CSRF token).
 */
import type { Embedding } from './http/embedding.types.js'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Config } from '../config/env.js'
import type { Clock } from './clock.js'
import type { Db, Engine } from './db/client.js'
import type { Logger } from './log.js'
import type { Lang, T } from './i18n/i18n.js'
import type { Actor } from './policy/actor.js'
import type { SessionPeople } from './auth/session.js'
import type { FileStore } from './files/store.js'
import type { AccountEntitlements } from './policy/entitlements.js'

export interface Deps {
  config: Config
  db: Db
  engine: Engine
  clock: Clock
  log: Logger
  files: FileStore
  /** Wakes the job runner after a commit that queued work; a no-op in tests that drain by hand. */
  wakeJobs: () => void
  /** Custom host names of wijken; reload it after a wijk's host name or slug changes. */
  hostMap: WijkHosts
  /** What accounts' packages entitle them to; read only where a decision needs it (decisions/021). */
  entitlements: AccountEntitlements
  /** Public rows every page of a wijk reads, kept while their scopes are unchanged (http/public-memo.ts). */
  publicMemo: PublicMemo
}

/**
 * Keeps what `load` read while none of `scopes` (page cache scopes, decisions/023) nor the
 * platform changed; `key` must name everything the value depends on. What it returns is shared:
 * never change it.
 */
export interface PublicMemo {
  remember<T>(key: string, scopes: readonly string[], load: () => Promise<T>): Promise<T>
}

/**
 * Which wijk a host name of its own (custom domain) serves. Routing needs the answer for every
 * request, so the kernel names what it asks; features/places keeps the map (host-map.ts).
 */
export interface WijkHosts {
  /** The wijk served at this Host header, if any (port ignored). */
  lookup(hostHeader: string | null | undefined): HostWijk | null
  /** The path to route: on a wijk's own host, "/agenda" means "/<slug>/agenda". */
  routePath(request: Request): string
  /** Reads the host names again, after a wijk's host name or slug changed. */
  reload(db: Db): Promise<void>
}

/** A wijk served at the root of its own host name (custom domain). */
export interface HostWijk {
  id: number
  slug: string
}

export type AppEnv = {
  Variables: {
    deps: Deps
    lang: Lang
    t: T
    actor: Actor
    /** Hash of the current session token, when logged in. */
    sessionId: string | null
    /** Token to put in every form on this page. */
    csrfToken: string
    /** Set when the request came in on a wijk's own host name. */
    hostWijk: HostWijk | null
    /** Where a person's account and roles are found (as for the session), for a login that has just happened. */
    people: SessionPeople
    /** Notices shown above the content of every page (e.g. "the privacy statement changed"). */
    banners: Child[]
    /** Set by a route whose answer other sites may use: see kernel/http/embedding.ts. */
    embedding?: Embedding
    /** What a public page depends on besides the platform (`pageDependsOn`, kernel/http/page-cache.ts); unset: everything. */
    cacheScopes?: readonly string[]
    /** The page `render` answered with and its HTML, so the page cache packs the text it already has (kernel/ui/render.tsx). */
    renderedPage?: { res: Response; html: string }
  }
}

export type AppContext = Context<AppEnv>

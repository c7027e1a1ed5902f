/**
 * What every request handler can reach: the wired dependencies (deps) and per-request values
 * set by the kernel middleware (language, translator, actor, CSRF token).
 */
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Config } from '../config/env.js'
import type { Clock } from './clock.js'
import type { Db, Engine } from './db/client.js'
import type { Logger } from './log.js'
import type { Lang, T } from './i18n/i18n.js'
import type { Actor } from './policy/actor.js'
import type { FileStore } from './files/store.js'
import type { HostMap } from '../features/places/host-map.js'
import type { PageCache } from './http/page-cache.js'
import type { PageViewCounter } from '../features/statistics/statistics.counter.js'

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
  hostMap: HostMap
  /** Rendered public pages for visitors, invalidated by the public version stamp. */
  pageCache: PageCache
  /** Page views counted in memory and written as daily aggregates (P16). */
  stats: PageViewCounter
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
    /** Notices shown above the content of every page (e.g. "the privacy statement changed"). */
    banners: Child[]
  }
}

export type AppContext = Context<AppEnv>

/**
 * Walks every route of the router as every role against resources of wijk A and wijk B, and says
 * per request what happened: allowed, refused (403/404) or sent to the login page.
 *
 * GETs share one instance of each resource; every POST gets a new session and new resources of
 * its own, sent with only a valid CSRF token, so a POST that deletes, revokes or logs out does
 * not change what the next request sees.
 */
import type { Hono } from 'hono'
import { rateLimits } from '../../src/kernel/http/rate-limit.tables.js'
import { routeParams } from '../routes.js'
import { extraFields, paramKind, isSelector, isWijkParam } from './route-kinds.js'
import { ROLES, type Kind, type Memo, type RoleName, type Side, type World } from './world.js'

/** Y: allowed (the route did its work or checked the input); N: 403 or 404; L: sent to log in. */
export type Outcome = 'Y' | 'N' | 'L'

/**
 * Columns: "-" for a route without parameters; A and B for resources of either wijk; "AxB" for
 * wijk A's address holding a resource of wijk B (a nested id from the other wijk).
 */
export type Column = '-' | 'A' | 'B' | 'AxB'

export interface Route {
  method: 'GET' | 'POST'
  path: string
  /** Method and path without parameter patterns: "GET /beheer/wijken/:id/inhoud/:item". */
  key: string
  /** The policy actions its guards name. */
  actions: string[]
  /** Path parameters, and the query or form fields some routes need to address a resource. */
  params: Array<{ name: string; whole: string; kind: Kind | undefined; where: 'path' | 'query' | 'form' }>
  columns: Column[]
}

export function listRoutes(app: Pick<Hono<any>, 'routes'>): Route[] {
  const seen = new Map<string, Route>()
  for (const r of app.routes) {
    if (r.path.includes('*') || (r.method !== 'GET' && r.method !== 'POST')) continue
    const key = `${r.method} ${plainPath(r.path)}`
    const action = (r.handler as { action?: string }).action
    const known = seen.get(key)
    if (known) {
      if (known.path !== r.path) throw new Error(`two routes read as ${key}: ${known.path} and ${r.path}`)
      if (action && !known.actions.includes(action)) known.actions.push(action)
      continue
    }
    const params = [
      ...routeParams(r.path).map((p) => ({ name: p.name, whole: p.whole, kind: paramKind(r.path, p.name), where: 'path' as const })),
      ...extraFields(r.path).map((f) => ({ name: f.field, whole: '', kind: f.kind, where: f.where })),
    ]
    const resources = params.filter((p) => p.kind && !isSelector(p.kind))
    const nested = resources.some((p) => isWijkParam(p.kind!)) && resources.some((p) => !isWijkParam(p.kind!))
    const columns: Column[] = resources.length === 0 ? ['-'] : nested ? ['A', 'B', 'AxB'] : ['A', 'B']
    seen.set(key, { method: r.method, path: r.path, key, actions: action ? [action] : [], params, columns })
  }
  return [...seen.values()]
}

/** A route path with its parameters' patterns left out. */
export function plainPath(path: string): string {
  let out = path
  for (const p of routeParams(path)) out = out.replace(p.whole, `:${p.name}`)
  return out
}

function classify(res: Response): Outcome {
  const location = res.headers.get('location') ?? ''
  if (res.status >= 300 && res.status < 400 && /^(https?:\/\/[^/]+)?\/account\/inloggen/.test(location)) return 'L'
  if (res.status === 401 || res.status === 403 || res.status === 404) return 'N'
  return 'Y'
}

export interface Result {
  route: Route
  role: RoleName
  column: Column
  url: string
  status: number
  outcome: Outcome
}

export async function addressOf(world: World, route: Route, column: Column, memo: Memo | undefined): Promise<{ url: string; form: Record<string, string> }> {
  let url = route.path
  const query = new URLSearchParams()
  const form: Record<string, string> = {}
  for (const p of route.params) {
    const side: Side = column === 'B' || (column === 'AxB' && !isWijkParam(p.kind!)) ? 'B' : 'A'
    const value = await world.value(p.kind!, side, memo)
    if (p.where === 'path') url = url.replace(p.whole, encodeURIComponent(value))
    else if (p.where === 'query') query.set(p.name, value)
    else form[p.name] = value
  }
  return { url: query.size ? `${url}?${query}` : url, form }
}

/** One request; its outcome. A 5xx is never an outcome: it is returned for the test to fail on. */
export async function request(world: World, route: Route, role: RoleName, column: Column, getClients: Map<RoleName, Awaited<ReturnType<World['client']>>>): Promise<Result> {
  await world.t.deps.db.delete(rateLimits)
  const post = route.method === 'POST'
  const memo: Memo | undefined = post ? new Map() : undefined
  const { url, form } = await addressOf(world, route, column, memo)
  let client = getClients.get(role)
  if (post || !client) {
    client = await world.client(role)
    if (!post) getClients.set(role, client)
  }
  const res = post
    ? await client.request(url, {
        method: 'POST',
        body: new URLSearchParams({ ...form, _csrf: client.csrf! }),
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      })
    : await client.request(url)
  await res.arrayBuffer()
  return { route, role, column, url, status: res.status, outcome: classify(res) }
}

/** Every route × role × column, GETs first (they share resources), then POSTs. */
export async function walk(world: World, routes: Route[]): Promise<Result[]> {
  const results: Result[] = []
  const clients = new Map<RoleName, Awaited<ReturnType<World['client']>>>()
  const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method === 'POST')]
  for (const route of ordered) {
    for (const column of route.columns) {
      for (const role of ROLES) results.push(await request(world, route, role, column, clients))
    }
  }
  return results
}

/** A route's outcomes in one column, in the order of ROLES: "LNNNYNYY". */
export function row(results: Result[], key: string, column: Column): string {
  return ROLES.map((role) => results.find((r) => r.route.key === key && r.column === column && r.role === role)?.outcome ?? '?').join('')
}

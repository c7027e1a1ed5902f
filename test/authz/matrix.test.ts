/**
 * The authorization matrix (issue 5): every route the router knows, for every role, against
 * resources of wijk A and wijk B, compared with the expected table in expected.ts. A new route
 * cannot escape: without an entry in the table, or with a parameter nobody knows how to fill,
 * this test fails. docs/authorization-routes.md is printed from the same table and the router's
 * guards; the test fails when the file differs (WRITE_AUTHZ_DOC=1 rewrites it).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../platform.js'
import { ROOT } from '../spawn.js'
import { buildWorld, ROLES } from './world.js'
import { listRoutes, walk, row, type Result, type Route } from './walk.js'
import { EXPECTED, expectedRow } from './expected.js'
import { routesDocument } from './document.js'

let t: TestPlatform
let routes: Route[]
let results: Result[]

beforeAll(async () => {
  t = await createTestPlatform()
  routes = listRoutes(t.app)
  const world = await buildWorld(t)
  results = await walk(world, routes.filter((r) => r.params.every((p) => p.kind)))
}, 600_000)
afterAll(() => t?.stop())

describe('authorization matrix', () => {
  it('knows every route of the router, and every route in the table exists', () => {
    const keys = routes.map((r) => r.key)
    expect(keys.filter((k) => !(k in EXPECTED)), 'routes without an expected outcome: add them to test/authz/expected.ts').toEqual([])
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k)), 'entries for routes that no longer exist').toEqual([])
    const unknown = routes.flatMap((r) => r.params.filter((p) => !p.kind).map((p) => `${r.key} :${p.name}`))
    expect(unknown, 'route parameters without a kind: add a rule to test/authz/route-kinds.ts').toEqual([])
    expect(routes.length).toBeGreaterThan(200)
  })

  it('never answers 5xx to anyone', () => {
    expect(results.filter((r) => r.status >= 500).map((r) => `${r.role} ${r.route.method} ${r.url} → ${r.status}`)).toEqual([])
  })

  it('gives every role exactly the outcome the table expects, in wijk A, in wijk B and across them', () => {
    const wrong: string[] = []
    for (const route of routes) {
      const profile = EXPECTED[route.key]
      if (!profile) continue
      for (const column of route.columns) {
        const want = expectedRow(profile, column)
        const got = row(results, route.key, column)
        if (want !== got) wrong.push(`${route.key} [${column}] expected ${profile} ${want ?? '(no row for this column)'}, got ${got}  (roles: ${ROLES.join(' ')})`)
      }
    }
    expect(wrong).toEqual([])
    // The walk really covered every role on every route and column.
    expect(results.length).toBe(routes.reduce((n, r) => n + r.columns.length * ROLES.length, 0))
  })

  it('docs/authorization-routes.md is the table as it is enforced', () => {
    const file = path.join(ROOT, 'docs', 'authorization-routes.md')
    const doc = routesDocument(routes)
    if (process.env.WRITE_AUTHZ_DOC === '1') fs.writeFileSync(file, doc)
    expect(fs.readFileSync(file, 'utf8'), 'run npm run docs:authz').toBe(doc)
  })
})

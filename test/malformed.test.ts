/**
 * Bad input never produces a server error: every POST route the router knows gets malformed
 * bodies (random bytes, invalid percent-encoding, huge fields, prototype keys, broken multipart),
 * as a visitor and as a logged-in admin, and must answer below 500.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { randomBytes } from 'node:crypto'
import { createTestPlatform, type TestPlatform } from './platform.js'
import { buildUser, buildWijk, login } from './factories.js'
import { ORIGIN, type TestClient } from './client.js'
import { buildWorld, ROLES, type RoleName, type World } from './authz/world.js'
import { listRoutes, addressOf, type Route } from './authz/walk.js'
import { EXPECTED, expectedRow } from './authz/expected.js'
import { rateLimits } from '../src/kernel/http/rate-limit.tables.js'
import { HONEYPOT_FIELD } from '../src/features/contact-form/contact-form.schema.js'

let t: TestPlatform
let admin: TestClient
let visitor: TestClient
let routes: string[]

beforeAll(async () => {
  t = await createTestPlatform()
  const wijk = await buildWijk(t)
  const user = await buildUser(t, { role: 'admin' })
  admin = t.client()
  await login(admin, user)
  await admin.get('/mijn-gegevens')
  visitor = t.client()
  await visitor.get('/')
  routes = [...new Set(t.app.routes.filter((r) => r.method === 'POST').map((r) => r.path))].map((p) =>
    p.replace(/:slug\{?[^/]*\}?/g, wijk.slug).replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1'),
  )
})
afterAll(() => t.stop())

function bodies(token: string): Array<[string, string, string | Buffer]> {
  const form = 'application/x-www-form-urlencoded'
  const tok = `_csrf=${encodeURIComponent(token)}`
  return [
    ['random bytes', form, Buffer.concat([Buffer.from(`${tok}&`), randomBytes(2048)])],
    ['invalid percent-encoding', form, `${tok}&email=%FF%FE%&password=%E0%A4%A&name=%`],
    ['a 200 kB field', form, `${tok}&email=${'a'.repeat(200_000)}&firstName=${'b'.repeat(200_000)}`],
    ['prototype keys', form, `${tok}&__proto__[admin]=1&constructor[prototype][x]=1&__proto__=x`],
    ['repeated keys', form, `${tok}&email=a@b.nl&email=c@d.nl&role=admin&role=x`],
    ['broken multipart', 'multipart/form-data; boundary=zzz', `--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--zzz\r\nContent-Disposition: form-data; name="logo"; filename="../../etc/passwd"\r\n\r\nnot an image`],
    ['unicode and control characters', form, `${tok}&email=${encodeURIComponent('\u0000\u202e@\r\nBcc: x@y.nl')}&firstName=${encodeURIComponent('😀\u0000\u0007')}`],
  ]
}

describe('malformed input', () => {
  it('finds POST routes to try', () => {
    expect(routes.length).toBeGreaterThan(1)
  })

  for (const who of ['visitor', 'admin'] as const) {
    it(`never answers 5xx to a ${who}`, async () => {
      const client = who === 'admin' ? admin : visitor
      const failures: string[] = []
      for (const route of routes) {
        for (const [name, type, body] of bodies(client.csrf!)) {
          const res = await client.request(route, { method: 'POST', body, headers: { origin: ORIGIN, 'content-type': type } })
          if (res.status >= 500) failures.push(`${route} with ${name}: ${res.status}`)
          await res.arrayBuffer()
        }
      }
      expect(failures).toEqual([])
    }, 120_000)
  }

  it('refuses a body over the size limit with 413', async () => {
    const res = await visitor.request('/taal', {
      method: 'POST',
      body: `_csrf=${visitor.csrf}&x=${'a'.repeat(13 * 1024 * 1024)}`,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(413)
  })
})

/**
 * Unreadable characters in every field of every POST route: NUL (PostgreSQL refuses it in text),
 * a lone surrogate and invalid UTF-8 percent-encodings. Each route is requested with real
 * resources of the authorization world, by a role the matrix table allows, with the fields of the
 * route's own form (read from the page at the same address) or, without such a page, a set of
 * common field names. Nothing may answer 5xx, and a form whose text field carried such a character
 * must be refused (4xx), never stored.
 */
describe('unreadable characters in every POST route', () => {
  let w: TestPlatform
  let world: World
  let postRoutes: Route[]
  const PREFERRED: RoleName[] = ['owner', 'coManager', 'wijkbeheerderA', 'ambassadeurA', 'admin', 'user', 'visitor']
  const COMMON_FIELDS = ['message', 'title', 'name', 'firstName', 'lastName', 'email', 'body', 'bodyNl', 'bodyEn', 'subject', 'reason', 'answer', 'description', 'summary', 'url', 'alt', 'q']
  const PAYLOADS: Array<[string, string]> = [
    ['NUL', 'a%00b'],
    ['lone surrogate', 'a%ED%A0%80b'],
    ['invalid UTF-8', 'a%FF%FEb%C3'],
  ]

  beforeAll(async () => {
    w = await createTestPlatform()
    world = await buildWorld(w)
    postRoutes = listRoutes(w.app).filter((r) => r.method === 'POST' && r.params.every((p) => p.kind))
  }, 120_000)
  afterAll(() => w?.stop())

  /** The role that may use the route in wijk A, from the matrix table. */
  function allowedRole(route: Route): RoleName | null {
    const profile = EXPECTED[route.key]
    const outcomes = profile ? expectedRow(profile, route.columns.includes('A') ? 'A' : '-') : undefined
    if (!outcomes) return null
    return PREFERRED.find((role) => outcomes[ROLES.indexOf(role)] === 'Y') ?? null
  }

  /** The text fields of the form on the page at `url` that posts to `url`, with their values. */
  function formFields(html: string, url: string): Map<string, { value: string; text: boolean }> | null {
    const path = url.split('?')[0]!
    for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
      const action = /action="([^"]*)"/.exec(form[1]!)?.[1]?.replace(/&amp;/g, '&').split('?')[0]
      if (!/method="post"/i.test(form[1]!) || (action !== undefined && action !== '' && action !== path)) continue
      const fields = new Map<string, { value: string; text: boolean }>()
      for (const input of form[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
        const name = /name="([^"]+)"/.exec(input[2]!)?.[1]
        // The trap field stays empty, as a person leaves it.
        if (!name || name === '_csrf' || name === HONEYPOT_FIELD) continue
        const type = /type="([^"]+)"/.exec(input[2]!)?.[1] ?? (input[1] === 'input' ? 'text' : input[1]!)
        if (type === 'file' || type === 'submit') continue
        const value = /value="([^"]*)"/.exec(input[2]!)?.[1] ?? ''
        fields.set(name, { value, text: ['text', 'textarea', 'email', 'search', 'url', 'tel', 'password'].includes(type) })
      }
      if (fields.size > 0) return fields
    }
    return null
  }

  it('never answers 5xx, and refuses every form whose text carries them', async () => {
    const failures: string[] = []
    const accepted: string[] = []
    let formsFound = 0
    for (const route of postRoutes) {
      const role = allowedRole(route)
      if (!role) continue
      for (const [name, encoded] of PAYLOADS) {
        await w.deps.db.delete(rateLimits)
        const memo = new Map()
        const { url, form } = await addressOf(world, route, route.columns.includes('A') ? 'A' : '-', memo)
        const client = await world.client(role)
        // The form is usually on the page at the same address, else on the page above it.
        let fields: ReturnType<typeof formFields> = null
        for (const candidate of [url.split('?')[0]!, url.split('?')[0]!.replace(/\/[^/]+$/, '') || '/']) {
          const page = await client.get(candidate)
          fields = page.status === 200 ? formFields(page.body, url) : null
          if (fields) break
        }
        if (!fields && name === 'NUL' && process.env.SHOW_FORMLESS) console.log('no form for', route.key)
        if (fields && name === 'NUL') formsFound++
        const parts = [`_csrf=${encodeURIComponent(client.csrf!)}`]
        for (const [key, value] of Object.entries(form)) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
        const textFields = fields ? [...fields].filter(([, f]) => f.text).map(([k]) => k) : COMMON_FIELDS
        for (const [key, f] of fields ?? []) if (!f.text && !(key in form)) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(f.value)}`)
        for (const key of textFields) if (!(key in form)) parts.push(`${encodeURIComponent(key)}=${encoded}`)
        const res = await client.request(url, {
          method: 'POST',
          body: parts.join('&'),
          headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        })
        await res.arrayBuffer()
        if (res.status >= 500) failures.push(`${route.key} as ${role} with ${name}: ${res.status}`)
        else if (fields && textFields.length > 0 && res.status < 400) accepted.push(`${route.key} as ${role} with ${name}: ${res.status}`)
      }
    }
    expect(failures).toEqual([])
    expect(accepted, 'forms that accepted unreadable characters').toEqual([])
    // The walk really reached the forms: most POST routes have a page with their form.
    expect(formsFound).toBeGreaterThan(40)
  }, 600_000)
})

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

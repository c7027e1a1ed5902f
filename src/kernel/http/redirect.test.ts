/**
 * Open redirects: every hostile shape of a "local" path must end on our own origin once a browser
 * has parsed it (browsers drop tabs and newlines, read `\` as `/` and `//host` as another site).
 * The browser side of the same table is e2e/redirects.e2e.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { safeLocalPath, guardedLocation } from './redirect.js'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, loggedInClient } from '../../../test/factories.js'
import { ORIGIN } from '../../../test/client.js'
import { HOSTILE_PATHS } from '../../../test/fixtures/hostile-paths.js'

/** Where a browser on https://wijk.test would go for this Location header. */
function browserTarget(location: string): URL {
  return new URL(location, 'https://wijk.test/account/inloggen')
}

describe('safeLocalPath', () => {
  it.each(HOSTILE_PATHS)('keeps %j on our origin', (value) => {
    const path = safeLocalPath(value, '/')
    expect(browserTarget(path).origin).toBe('https://wijk.test')
    expect(path.startsWith('/')).toBe(true)
    expect(path).not.toMatch(/^\/[/\\]|[\t\n\r\\]/)
  })

  it('keeps ordinary local paths, with their query and fragment', () => {
    expect(safeLocalPath('/mijn-gegevens?x=1#sessies')).toBe('/mijn-gegevens?x=1#sessies')
    expect(safeLocalPath('/oosterpark/agenda')).toBe('/oosterpark/agenda')
    expect(safeLocalPath('/zoeken?q=café')).toBe('/zoeken?q=caf%C3%A9')
  })

  it('uses the fallback for what is not a path', () => {
    expect(safeLocalPath(undefined, '/x')).toBe('/x')
    expect(safeLocalPath('', '/x')).toBe('/x')
    expect(safeLocalPath('//evil.test', '')).toBe('')
    expect(safeLocalPath('/' + 'a'.repeat(2001), '/x')).toBe('/x')
  })

  it('guards any Location header meant to be local, and leaves absolute ones the app built', () => {
    expect(guardedLocation('/\t/evil.test')).toBe('/')
    expect(guardedLocation('\\\\evil.test')).toBe('/')
    expect(guardedLocation('/mijn-gegevens')).toBe('/mijn-gegevens')
    expect(guardedLocation('https://oosterpark.example/agenda')).toBe('https://oosterpark.example/agenda')
  })
})

describe('redirect parameters over HTTP', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await createTestPlatform()
  })
  afterAll(() => t.stop())

  function expectLocal(location: string | null, value: string) {
    expect(location, JSON.stringify(value)).not.toBeNull()
    expect(new URL(location!, ORIGIN).origin, JSON.stringify(value)).toBe(ORIGIN)
    expect(location!, JSON.stringify(value)).not.toMatch(/[\t\n\r\\]|^\/\//)
  }

  it('GET /account/inloggen?volgende= for a logged-in user', async () => {
    const client = await loggedInClient(t, await buildUser(t))
    for (const value of HOSTILE_PATHS) {
      const res = await client.get(`/account/inloggen?volgende=${encodeURIComponent(value)}`)
      // A NUL byte in a URL is refused (400) before any route reads it.
      if (value.includes('\u0000')) expect(res.status).toBe(400)
      else expectLocal(res.location, value)
    }
  })

  it('POST /account/inloggen with volgende=', async () => {
    const user = await buildUser(t)
    for (const value of HOSTILE_PATHS) {
      const client = t.client()
      await client.get('/account/inloggen')
      const res = await client.post('/account/inloggen', { email: user.email, password: user.password, volgende: value })
      // A NUL byte is refused by the form reader (422) before any redirect is considered.
      if (value.includes('\u0000')) expect(res.status).toBe(422)
      else expectLocal(res.location, value)
    }
  })

  it('POST /taal with terug=', async () => {
    const client = t.client()
    await client.get('/')
    for (const value of HOSTILE_PATHS) {
      const res = await client.post('/taal', { lang: 'en', terug: value })
      if (value.includes('\u0000')) expect(res.status).toBe(422)
      else expectLocal(res.location, value)
    }
  })
})

/**
 * NUL bytes, other control characters and broken UTF-8 never reach the database: a form shows a
 * message next to the field (422) with the rest of the typing kept; a URL is refused with 400.
 * test/malformed.test.ts sends the same characters to every POST route.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { hasUnreadable, withoutUnreadable, isReadableUrl } from './unreadable.js'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, loggedInClient } from '../../../test/factories.js'
import { ORIGIN } from '../../../test/client.js'

describe('unreadable characters', () => {
  it('are control characters, lone surrogates and what broken UTF-8 decodes to', () => {
    for (const bad of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\ud800', 'x\udc00', '\ufffd', '\uffff']) expect(hasUnreadable(bad), JSON.stringify(bad)).toBe(true)
    for (const good of ['Hallo', 'regel 1\nregel 2\r\n\tingesprongen', 'café 😀', 'ĳs', '\u202eRTL']) expect(hasUnreadable(good), JSON.stringify(good)).toBe(false)
    expect(withoutUnreadable('a\u0000b\u0007c 😀')).toBe('abc 😀')
  })

  it('are found in a URL path segment or query value, decoded', () => {
    expect(isReadableUrl('http://x/oosterpark/zoeken?q=koffie')).toBe(true)
    expect(isReadableUrl('http://x/oosterpark/zoeken?q=a%00b')).toBe(false)
    expect(isReadableUrl('http://x/oosterpark/zoeken?q=%FF')).toBe(false)
    expect(isReadableUrl('http://x/oosterpark/zoeken?q=%E0%A4%A')).toBe(false)
    expect(isReadableUrl('http://x/oosterpark%00/agenda')).toBe(false)
    expect(isReadableUrl('http://x/zoeken?q=caf%C3%A9+au+lait')).toBe(true)
  })
})

describe('over HTTP', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await createTestPlatform()
  })
  afterAll(() => t.stop())

  it('a NUL in the Hulp nodig question gives 422 with the message next to the field and the text kept', async () => {
    const client = await loggedInClient(t, await buildUser(t))
    await client.get('/hulp/vraag')
    const res = await client.request('/hulp/vraag', {
      method: 'POST',
      body: `_csrf=${encodeURIComponent(client.csrf!)}&message=Hoe%20verander%20ik%00mijn%20wijk%3F`,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    })
    const body = await res.text()
    expect(res.status).toBe(422)
    expect(body).toContain('id="message-error"')
    expect(body).toContain('onzichtbare stuurtekens')
    expect(body).toContain('Hoe verander ikmijn wijk?')
  })

  it('a NUL or broken UTF-8 in a search query or a path answers 400, never 500', async () => {
    const wijk = await buildWijk(t)
    const client = t.client()
    for (const url of [`/${wijk.slug}/zoeken?q=a%00b`, `/${wijk.slug}/zoeken?q=%FF%FE`, `/${wijk.slug}%00/agenda`, `/${wijk.slug}/agenda/1%00-x`]) {
      const res = await client.get(url)
      expect(res.status, url).toBe(400)
    }
    expect((await client.get(`/${wijk.slug}/zoeken?q=koffie`)).status).toBe(200)
  })
})

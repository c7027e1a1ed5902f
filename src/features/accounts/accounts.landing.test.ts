/**
 * Verify, then log in, then land (issue 10 item 13): confirming an address goes straight to the
 * login form with the address filled in; a login returns to the page the person was on (also
 * across sign-up and confirmation), else to their role's natural start.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { signupFields, signUp, mailTo, linkIn } from './accounts.test-helpers.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Kersenbuurt' })
})
afterAll(() => t.stop())

async function loginLands(user: { email: string; password: string }, extra: Record<string, string> = {}): Promise<string | null> {
  const client = t.client()
  await client.get('/account/inloggen')
  const res = await client.post('/account/inloggen', { email: user.email, password: user.password, ...extra })
  expect(res.status).toBe(303)
  return res.location
}

describe('where a login lands', () => {
  it('is the role’s natural start when the login did not come from a page', async () => {
    expect(await loginLands(await buildUser(t, { homeWijkId: wijk.id }))).toBe(`/${wijk.slug}/`)
    expect(await loginLands(await buildUser(t))).toBe('/')
    expect(await loginLands(await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))).toBe(`/beheer/wijken/${wijk.id}/overzicht`)
    expect(await loginLands(await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))).toBe(`/beheer/wijken/${wijk.id}/overzicht`)
    expect(await loginLands(await buildUser(t, { role: 'admin' }))).toBe('/beheer')
  })

  it('is the page the person was on: the header’s login link carries it', async () => {
    const client = t.client()
    const page = await client.get(`/${wijk.slug}/agenda`)
    const href = /href="(\/account\/inloggen[^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&')
    expect(href).toBe(`/account/inloggen?volgende=${encodeURIComponent(`/${wijk.slug}/agenda`)}`)
    const form = await client.get(href!)
    const user = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const res = await client.post('/account/inloggen', { email: user.email, password: user.password, volgende: /name="volgende" value="([^"]+)"/.exec(form.body)![1]! })
    expect(res.location).toBe(`/${wijk.slug}/agenda`)
  })
})

describe('confirming the address', () => {
  it('continues to the login form with the address filled in, and after login to the page the sign-up started from', async () => {
    const start = `/${wijk.slug}/prikbord`
    const client = t.client()
    const login = await client.get(`/account/inloggen?volgende=${encodeURIComponent(start)}`)
    const signupHref = /href="(\/account\/registreren[^"]*)"/.exec(login.body.slice(login.body.indexOf('<main')))?.[1]?.replace(/&amp;/g, '&')
    expect(signupHref).toBe(`/account/registreren?volgende=${encodeURIComponent(start)}`)
    const form = await client.get(signupHref!)
    expect(form.body).toContain(`name="volgende" value="${start}"`)
    const fields = signupFields({ homeWijkId: String(wijk.id), volgende: start })
    expect((await signUp(client, fields)).status).toBe(303)

    const link = linkIn(await mailTo(t, fields.email!, 'Bevestig'), '/account/bevestigen')
    const browser = t.client()
    const confirmed = await browser.get(link)
    expect(confirmed.status).toBe(200)
    expect(confirmed.text).toContain('Je e-mailadres is bevestigd')
    expect(confirmed.body).toContain(`value="${fields.email}"`)
    expect(confirmed.body).toContain(`name="volgende" value="${start}"`)
    const res = await browser.post('/account/inloggen', { email: fields.email!, password: fields.password!, volgende: start })
    expect(res.location).toBe(start)
    // Opening the link again says it is done, and logs nobody in.
    const again = await t.client().get(link)
    expect(again.text).toContain('al bevestigd')
  })
})

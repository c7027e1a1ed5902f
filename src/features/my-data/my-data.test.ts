/**
 * "Mijn gegevens": what it shows, the menu link on every page (P18), and changing details,
 * email address (confirmed at the new address) and password (other sessions end).
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { mailTo, linkIn, uniqueEmail, findUser, mailsTo } from '../accounts/accounts.test-helpers.js'

let t: TestPlatform
let oost: { id: number }
let west: { id: number }
beforeAll(async () => {
  t = await createTestPlatform()
  oost = await buildWijk(t, { name: 'Oosterpark' })
  west = await buildWijk(t, { name: 'Westerpark' })
})
afterAll(() => t.stop())
beforeEach(() => t.clock.advance({ minutes: 61 }))

async function loggedIn(opts: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(t, opts)
  const client = t.client()
  await login(client, user)
  return { user, client }
}

/** Loads Mijn gegevens (for the form token) and posts one of its forms. */
async function postMyData(client: TestClient, path: string, fields: Record<string, string>) {
  await client.get('/mijn-gegevens')
  return client.post(path, fields)
}

describe('Mijn gegevens', () => {
  it('sends a visitor to the login page and back', async () => {
    const page = await t.client().get('/mijn-gegevens')
    expect(page.status).toBe(303)
    expect(page.location).toBe('/account/inloggen?volgende=%2Fmijn-gegevens')
  })

  it('shows every account field with its use, none public, and the consents with links to their versions (P03, P28)', async () => {
    const { client } = await loggedIn({ firstName: 'Annelies', lastName: 'Kok', homeWijkId: oost.id, email: uniqueEmail('annelies') })
    const page = await client.get('/mijn-gegevens')
    expect(page.status).toBe(200)
    expect(page.res.headers.get('cache-control')).toBe('no-store')
    for (const value of ['Annelies', 'Kok', 'Oosterpark', 'Nederlands', 'Alleen als hash']) expect(page.text).toContain(value)
    expect(page.text).toContain('Om je aan te spreken in mail.')
    // One "Openbaar: Nee" per stored field of the account: email, confirmed, password, names, wijk, language, created, last login.
    const account = /<section aria-labelledby="account-heading"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? ''
    expect(account.match(/<td[^>]*>Nee<\/td>/g)).toHaveLength(9)
    expect(page.body).toContain('href="/privacy/versie/1"')
    expect(page.body).toContain('href="/voorwaarden/versie/1"')
    expect(page.text).toContain('Bij het maken van je account')
    expect(page.text).toContain('2 maart 2026')
    expect(page.body.match(/<h1[ >]/g)).toHaveLength(1)
  })

  it('is linked from the menu of every page when logged in, with Hulp nodig beside it, and neither when logged out (P18, P24)', async () => {
    const { client } = await loggedIn()
    for (const path of ['/', '/contact', '/privacy', '/mijn-gegevens', '/mijn-content', '/hulp', '/klacht', '/verwerkingen', '/account/wachtwoord-vergeten', '/account/bevestigen/opnieuw']) {
      const page = await client.get(path)
      expect(page.status, path).toBe(200)
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? ''
      expect(nav, path).toContain('<a href="/mijn-gegevens">Mijn gegevens</a>')
      expect(nav, path).toMatch(/<a href="\/hulp"[^>]*>Hulp nodig<\/a>/)
    }
    const visitor = await t.client().get('/contact')
    expect(visitor.body).not.toContain('href="/mijn-gegevens"')
    expect(visitor.body).not.toContain('href="/hulp"')
  })

  it('saves first name, last name, home wijk and language', async () => {
    const { user, client } = await loggedIn({ homeWijkId: oost.id })
    const res = await postMyData(client, '/mijn-gegevens', { firstName: 'Bram', lastName: 'Smit', homeWijkId: String(west.id), lang: 'en' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/mijn-gegevens?melding=flash.accounts.profileSaved')
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id))
    expect(row).toMatchObject({ firstName: 'Bram', lastName: 'Smit', homeWijkId: west.id, lang: 'en' })
    // The page now speaks English, and shows the confirmation.
    const page = await client.get(res.location!)
    expect(page.body).toContain('<html lang="en"')
    expect(page.text).toContain('Your details have been saved.')
    // An empty last name is removed.
    await postMyData(client, '/mijn-gegevens', { firstName: 'Bram', lastName: '', homeWijkId: String(west.id), lang: 'nl' })
    const [after] = await t.deps.db.select().from(users).where(eq(users.id, user.id))
    expect(after?.lastName).toBeNull()
  })

  it('keeps what was typed and says what is wrong when the details are not valid', async () => {
    const { user, client } = await loggedIn({ firstName: 'Cor', homeWijkId: oost.id })
    const empty = await postMyData(client, '/mijn-gegevens', { firstName: '   ', lastName: 'Nieuwe Achternaam', homeWijkId: String(oost.id), lang: 'nl' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="firstName-error">Vul dit veld in.')
    expect(empty.body).toContain('value="Nieuwe Achternaam"')
    const badWijk = await postMyData(client, '/mijn-gegevens', { firstName: 'Cor', homeWijkId: '987654', lang: 'nl' })
    expect(badWijk.status).toBe(422)
    expect(badWijk.body).toContain('id="homeWijkId-error"')
    const badLang = await postMyData(client, '/mijn-gegevens', { firstName: 'Cor', homeWijkId: String(oost.id), lang: 'fr' })
    expect(badLang.status).toBe(422)
    expect(badLang.body).toContain('id="lang-error"')
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id))
    expect(row).toMatchObject({ firstName: 'Cor', lastName: null, lang: 'nl' })
  })
})

describe('changing the email address', () => {
  it('needs the current password', async () => {
    const { user, client } = await loggedIn()
    const res = await postMyData(client, '/mijn-gegevens/email', { newEmail: uniqueEmail('new'), emailPassword: 'not my password' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="emailPassword-error">Dit is niet je huidige wachtwoord.')
    expect(res.body).not.toContain('not my password')
    expect((await findUser(t, user.email))?.email).toBe(user.email)
  })

  it('confirms at the new address, tells the old one, and switches only when the link is opened', async () => {
    const { user, client } = await loggedIn({ firstName: 'Dirk' })
    const newEmail = uniqueEmail('Dirk.Nieuw')
    const res = await postMyData(client, '/mijn-gegevens/email', { newEmail, emailPassword: user.password })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/mijn-gegevens?melding=flash.accounts.emailChangeSent')

    const confirm = await mailTo(t, newEmail.toLowerCase(), 'Bevestig je nieuwe e-mailadres')
    const notice = await mailTo(t, user.email, 'Je e-mailadres wordt mogelijk gewijzigd')
    expect(notice.text).toContain('d***@example.test')
    expect(notice.text).not.toContain(newEmail.toLowerCase())
    expect(confirm.text).toContain('Hallo Dirk,')

    // Not switched yet; the page says what is pending.
    expect((await findUser(t, user.email))?.id).toBe(user.id)
    const pending = await client.get('/mijn-gegevens')
    expect(pending.text).toContain(`We wachten nog op bevestiging van je nieuwe adres ${newEmail.toLowerCase()}`)

    const link = linkIn(confirm, '/account/email-bevestigen')
    const opened = await client.get(link)
    expect(opened.status).toBe(303)
    expect(opened.location).toBe('/mijn-gegevens?melding=flash.accounts.emailChanged')
    expect((await findUser(t, newEmail))?.id).toBe(user.id)
    expect(await findUser(t, user.email)).toBeUndefined()

    // Once only; and logging in now works with the new address, not the old.
    expect((await t.client().get(link)).status).toBe(400)
    await login(t.client(), { email: newEmail, password: user.password })
    const old = t.client()
    await old.get('/account/inloggen')
    expect((await old.post('/account/inloggen', { email: user.email, password: user.password })).status).toBe(422)
  })

  it('fails without saying why when the new address has been taken by the time the link is opened', async () => {
    const { user, client } = await loggedIn()
    const wanted = uniqueEmail('wanted')
    await postMyData(client, '/mijn-gegevens/email', { newEmail: wanted, emailPassword: user.password })
    const link = linkIn(await mailTo(t, wanted, 'Bevestig je nieuwe e-mailadres'), '/account/email-bevestigen')
    await buildUser(t, { email: wanted })
    const opened = await t.client().get(link)
    expect(opened.status).toBe(400)
    expect(opened.text).toContain('Er is niets gewijzigd.')
    expect((await findUser(t, user.email))?.id).toBe(user.id)
  })

  it('only the newest requested change can be confirmed', async () => {
    const { user, client } = await loggedIn()
    const first = uniqueEmail('first')
    const second = uniqueEmail('second')
    await postMyData(client, '/mijn-gegevens/email', { newEmail: first, emailPassword: user.password })
    await postMyData(client, '/mijn-gegevens/email', { newEmail: second, emailPassword: user.password })
    const firstLink = linkIn(await mailTo(t, first, 'Bevestig'), '/account/email-bevestigen')
    expect((await t.client().get(firstLink)).status).toBe(400)
    expect((await findUser(t, user.email))?.id).toBe(user.id)
  })

  it('refuses the current address and a malformed one next to the field', async () => {
    const { user, client } = await loggedIn()
    const same = await postMyData(client, '/mijn-gegevens/email', { newEmail: user.email.toUpperCase(), emailPassword: user.password })
    expect(same.status).toBe(422)
    expect(same.body).toContain('id="newEmail-error">Dit is al je e-mailadres.')
    const bad = await postMyData(client, '/mijn-gegevens/email', { newEmail: 'geen adres', emailPassword: user.password })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="newEmail-error"')
    expect(bad.body).toContain('value="geen adres"')
    expect(mailsTo(t, user.email)).toHaveLength(0)
  })
})

describe('changing the password', () => {
  it('needs the current password and ends the other sessions, keeping this one', async () => {
    const { user, client } = await loggedIn()
    const other = t.client()
    await login(other, user)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2)

    const wrong = await postMyData(client, '/mijn-gegevens/wachtwoord', { currentPassword: 'nope-nope', newPassword: 'mijn nieuwe wachtzin', newPasswordRepeat: 'mijn nieuwe wachtzin' })
    expect(wrong.status).toBe(422)
    expect(wrong.body).toContain('id="currentPassword-error">Dit is niet je huidige wachtwoord.')
    expect(wrong.body).not.toContain('mijn nieuwe wachtzin')

    const res = await postMyData(client, '/mijn-gegevens/wachtwoord', { currentPassword: user.password, newPassword: 'mijn nieuwe wachtzin', newPasswordRepeat: 'mijn nieuwe wachtzin' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/mijn-gegevens?melding=flash.accounts.passwordChanged')
    expect((await client.get('/mijn-gegevens')).status).toBe(200)
    expect((await other.get('/mijn-gegevens')).status).toBe(303)
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1)
    await login(t.client(), { email: user.email, password: 'mijn nieuwe wachtzin' })
    await mailTo(t, user.email, 'Je wachtwoord is gewijzigd')
  })

  it('applies the password policy to the new password', async () => {
    const { user, client } = await loggedIn({ firstName: 'Henk' })
    const cases: Array<[Record<string, string>, string]> = [
      [{ newPassword: 'football1', newPasswordRepeat: 'football1' }, 'id="newPassword-error">Dit wachtwoord wordt heel vaak gebruikt'],
      [{ newPassword: 'henk-houdt-van-kaas', newPasswordRepeat: 'henk-houdt-van-kaas' }, 'id="newPassword-error">Gebruik niet je e-mailadres of je naam'],
      [{ newPassword: 'zeven77', newPasswordRepeat: 'zeven77' }, 'id="newPassword-error">Gebruik minstens 8 tekens'],
      [{ newPassword: 'een goede zin hier', newPasswordRepeat: 'een andere zin hier' }, 'id="newPasswordRepeat-error">De twee wachtwoorden zijn niet hetzelfde.'],
    ]
    for (const [fields, message] of cases) {
      const res = await postMyData(client, '/mijn-gegevens/wachtwoord', { currentPassword: user.password, ...fields })
      expect(res.status, fields.newPassword).toBe(422)
      expect(res.body).toContain(message)
    }
  })

  it('stops accepting guesses of the current password after the per-account login limit', async () => {
    const { user, client } = await loggedIn()
    for (let i = 0; i < 50; i++) {
      const res = await postMyData(client, '/mijn-gegevens/wachtwoord', { currentPassword: `guess-${i}`, newPassword: 'heel goed nieuw ww', newPasswordRepeat: 'heel goed nieuw ww' })
      expect(res.status).toBe(422)
    }
    const limited = await postMyData(client, '/mijn-gegevens/wachtwoord', { currentPassword: user.password, newPassword: 'heel goed nieuw ww', newPasswordRepeat: 'heel goed nieuw ww' })
    expect(limited.status).toBe(429)
    expect(limited.res.headers.get('retry-after')).not.toBeNull()
    expect(limited.text).toContain('Te veel mislukte pogingen')
  })
})

/** Shared steps of the second-factor tests: linking an app through the real pages, and codes made by otplib at the test clock's time. */
import { generate } from 'otplib'
import type { TestClient, Page } from '../../../test/client.js'
import type { TestPlatform } from '../../../test/platform.js'

/** The code an authenticator app would show at the platform clock's time (plus an offset in seconds). */
export function appCode(t: Pick<TestPlatform, 'clock'>, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds })
}

/** The key shown on the linking page, without its spaces. */
export function secretOn(page: Page): string {
  const grouped = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1]
  if (!grouped) throw new Error(`no secret on the page: ${page.status}`)
  return grouped.replace(/ /g, '')
}

export function recoveryCodesOn(page: Page): string[] {
  return [...page.body.matchAll(/<li><code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/g)].map((m) => m[1]!)
}

/** Links an authenticator app for a logged-in client; returns its secret and the recovery codes shown. */
export async function linkApp(t: TestPlatform, client: TestClient): Promise<{ secret: string; codes: string[] }> {
  await client.get('/mijn-gegevens/tweede-factor')
  const started = await client.post('/mijn-gegevens/tweede-factor/app', {})
  if (started.status !== 303) throw new Error(`could not start: ${started.status}`)
  const page = await client.follow(started)
  const secret = secretOn(page)
  const done = await client.post('/mijn-gegevens/tweede-factor/app/bevestigen', { code: await appCode(t, secret) })
  if (done.status !== 200) throw new Error(`could not confirm: ${done.status} ${done.text.slice(0, 300)}`)
  return { secret, codes: recoveryCodesOn(done) }
}

/** The password step; with a second factor it answers 303 to the second step. */
export async function passwordStep(client: TestClient, user: { email: string; password: string }, volgende?: string): Promise<Page> {
  await client.get(volgende ? `/account/inloggen?volgende=${encodeURIComponent(volgende)}` : '/account/inloggen')
  return client.post('/account/inloggen', { email: user.email, password: user.password, ...(volgende ? { volgende } : {}) })
}

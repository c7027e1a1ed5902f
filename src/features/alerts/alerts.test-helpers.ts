/** Shared steps of the alerts tests: follow through the real page, publish, read the digest. */
import { expect } from 'vitest'
import type { TestPlatform } from '../../../test/platform.js'
import type { TestClient } from '../../../test/client.js'
import type { CapturedMail } from '../../../test/smtp.js'
import { buildUser, login } from '../../../test/factories.js'
import { buildItem, type ItemValues } from '../contact-form/items.test-helpers.js'

/** A logged-in account holder who follows `what` in the wijk with the given frequency. */
export async function follower(t: TestPlatform, wijkId: number, what: string[], frequency: string, opts: { lang?: 'nl' | 'en' } = {}) {
  const user = await buildUser(t, { homeWijkId: wijkId, firstName: 'Volger', lang: opts.lang })
  const client = t.client()
  await login(client, user)
  for (const w of what) {
    await client.get(`/mijn-gegevens/meldingen?wijk=${wijkId}`)
    const res = await client.post('/mijn-gegevens/meldingen/volgen', { wijkId: String(wijkId), what: w })
    expect(res.status, res.text.slice(0, 300)).toBe(303)
  }
  const res = await client.post('/mijn-gegevens/meldingen/frequentie', { frequency })
  expect(res.status).toBe(303)
  return { ...user, client }
}

/** A published item, published "now" by the test clock. */
export function publish(t: TestPlatform, values: ItemValues) {
  return buildItem(t, { type: 'request', ...values })
}

export function digestsTo(t: TestPlatform, email: string): CapturedMail[] {
  return t.smtp.messages.filter((m) => m.to === email && m.raw.includes('List-Unsubscribe'))
}

/** Runs what is due and waits a moment for SMTP to hand over what was sent. */
export async function runDue(t: TestPlatform): Promise<void> {
  await t.drain()
  await new Promise((r) => setTimeout(r, 50))
}

/** Header lines of the raw message with folded lines joined. */
export function header(mail: CapturedMail, name: string): string | undefined {
  const unfolded = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(name.length + 1).trim()
}

/** The path of the unsubscribe link in the mail's text. */
export function unsubscribeLink(mail: CapturedMail): string {
  const m = /http:\/\/localhost(\/afmelden\/meldingen\/[A-Za-z0-9_-]{43})/.exec(mail.text)
  if (!m?.[1]) throw new Error('no unsubscribe link in the mail')
  return m[1]
}

export type { TestClient }

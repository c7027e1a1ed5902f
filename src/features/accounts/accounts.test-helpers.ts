/**
 * Shared steps for the accounts tests: sign up through the form, read mail from the SMTP
 * capture, follow the links in it.
 */
import { eq } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type { TestPlatform } from '../../../test/platform.js'
import type { TestClient } from '../../../test/client.js'
import type { CapturedMail } from '../../../test/smtp.js'
import { users } from './accounts.tables.js'

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`
}

export interface SignupFields {
  email: string
  password: string
  firstName: string
  lastName?: string
  homeWijkId?: string
  acceptTerms?: string
  acceptPrivacy?: string
  volgende?: string
}

/** The fields of a complete, valid sign-up. */
export function signupFields(overrides: Partial<SignupFields> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    email: uniqueEmail(),
    password: 'lange zin met 4 woorden',
    firstName: 'Fenna',
    acceptTerms: 'on',
    acceptPrivacy: 'on',
    ...overrides,
  }
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined))
}

export async function signUp(client: TestClient, fields: Record<string, string>) {
  await client.get('/account/registreren')
  return client.post('/account/registreren', fields)
}

/** Delivers queued mail and waits for one to `to` whose subject contains `subject`. */
export async function mailTo(t: TestPlatform, to: string, subject: string): Promise<CapturedMail> {
  await t.drain()
  return t.smtp.waitFor((m) => m.to === to && m.subject.includes(subject))
}

export function mailsTo(t: TestPlatform, to: string): CapturedMail[] {
  return t.smtp.messages.filter((m) => m.to === to)
}

/** The path (with token) of the first link to `path` in a mail's text, e.g. "/account/bevestigen?token=…". */
export function linkIn(mail: CapturedMail, path: string): string {
  const match = new RegExp(`http://localhost(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text)
  if (!match?.[1]) throw new Error(`no ${path} link in mail "${mail.subject}"`)
  return match[1]
}

export function tokenOf(link: string): string {
  return new URL(link, 'http://localhost').searchParams.get('token') ?? ''
}

/** Signs up and confirms the address through the mailed link; returns the fields used. */
export async function signUpVerified(t: TestPlatform, overrides: Partial<SignupFields> = {}) {
  const client = t.client()
  const fields = signupFields(overrides)
  const res = await signUp(client, fields)
  if (res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${res.text.slice(0, 400)}`)
  const mail = await mailTo(t, fields.email!.toLowerCase(), 'Bevestig')
  const verified = await client.get(linkIn(mail, '/account/bevestigen'))
  // Confirming shows the login form with the address filled in.
  if (verified.status !== 200 || !verified.text.includes('Je e-mailadres is bevestigd')) throw new Error(`verification failed: ${verified.status}`)
  return { email: fields.email!.toLowerCase(), password: fields.password!, firstName: fields.firstName! }
}

export async function findUser(t: TestPlatform, email: string) {
  const [row] = await t.deps.db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row
}

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is the host of
 * PUBLIC_BASE_URL and only that origin is accepted. Every ceremony starts with a challenge kept
 * on the server (one per person and purpose, five minutes), which the answer spends: a second
 * answer to the same challenge finds nothing.
 */
import { and, eq } from 'drizzle-orm'
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { Config } from '../../config/env.js'
import type { Db } from '../../kernel/db/client.js'
import { MINUTE, addMs } from '../../kernel/clock.js'
import { passkeys, webauthnChallenges } from './two-factor.tables.js'
import { TOTP_ISSUER } from './two-factor.totp.js'

const CHALLENGE_TTL_MS = 5 * MINUTE

/**
 * The WebAuthn library with its ASN.1 and COSE parsers, loaded at the first passkey ceremony
 * rather than at start: megabytes of memory that most requests never use.
 */
const webauthn = () => import('@simplewebauthn/server')
export const MAX_PASSKEYS = 10

export function relyingParty(config: Pick<Config, 'publicBaseUrl'>): { id: string; origin: string } {
  const url = new URL(config.publicBaseUrl)
  return { id: url.hostname, origin: url.origin }
}

async function keepChallenge(db: Db, userId: string, purpose: 'register' | 'login', challenge: string, now: Date): Promise<void> {
  const expiresAt = addMs(now, CHALLENGE_TTL_MS)
  await db
    .insert(webauthnChallenges)
    .values({ userId, purpose, challenge, expiresAt })
    .onConflictDoUpdate({ target: [webauthnChallenges.userId, webauthnChallenges.purpose], set: { challenge, expiresAt } })
}

/** Takes the open challenge away (single use); null when there is none or it expired. */
async function takeChallenge(db: Db, userId: string, purpose: 'register' | 'login', now: Date): Promise<string | null> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose)))
    .returning({ challenge: webauthnChallenges.challenge, expiresAt: webauthnChallenges.expiresAt })
  return row && row.expiresAt > now ? row.challenge : null
}

export async function listPasskeys(db: Db, userId: string) {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(passkeys.createdAt, passkeys.id)
}

function transportsOf(value: string): AuthenticatorTransportList {
  return value ? (value.split(',') as AuthenticatorTransportList) : []
}
type AuthenticatorTransportList = NonNullable<RegistrationResponseJSON['response']['transports']>

export async function registrationOptions(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  user: { id: string; email: string; firstName: string },
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id))
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID: relyingParty(config).id,
    userName: user.email,
    userDisplayName: user.firstName,
    // The account id as the user handle: stable, and says nothing about the person.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    timeout: CHALLENGE_TTL_MS,
  })
  await keepChallenge(db, user.id, 'register', options.challenge, now)
  return options
}

/** Verifies the browser's answer and stores the passkey; false when it does not verify. */
export async function registerPasskey(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  userId: string,
  response: RegistrationResponseJSON,
  name: string,
  now: Date,
): Promise<{ id: number } | null> {
  const challenge = await takeChallenge(db, userId, 'register', now)
  if (!challenge) return null
  const rp = relyingParty(config)
  let verified
  try {
    verified = await (await webauthn()).verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false })
  } catch {
    return null
  }
  if (!verified.verified) return null
  const { credential } = verified.registrationInfo
  const [row] = await db
    .insert(passkeys)
    .values({
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: (credential.transports ?? []).join(','),
      name,
      createdAt: now,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id })
  return row ?? null
}

export async function authenticationOptions(db: Db, config: Pick<Config, 'publicBaseUrl'>, userId: string, now: Date): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const own = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId))
  if (own.length === 0) return null
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: relyingParty(config).id,
    allowCredentials: own.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    userVerification: 'preferred',
    timeout: CHALLENGE_TTL_MS,
  })
  await keepChallenge(db, userId, 'login', options.challenge, now)
  return options
}

/** Checks a login answer against the person's own passkeys; the passkey's id when it verifies. */
export async function verifyPasskeyLogin(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  userId: string,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<{ id: number; name: string } | null> {
  const challenge = await takeChallenge(db, userId, 'login', now)
  if (!challenge) return null
  const [key] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, response.id)))
    .limit(1)
  if (!key) return null
  const rp = relyingParty(config)
  let result
  try {
    result = await (await webauthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: key.credentialId, publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')), counter: key.signCount, transports: transportsOf(key.transports) },
      requireUserVerification: false,
    })
  } catch {
    return null
  }
  if (!result.verified) return null
  await db.update(passkeys).set({ signCount: result.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, key.id))
  return { id: key.id, name: key.name }
}

/**
 * The shape of a browser's WebAuthn answer, checked before the library verifies its content, so a
 * malformed post is a 4xx and never reaches the cryptography.
 */
import { z } from 'zod'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/).max(8_000)

const registration = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.object({ clientDataJSON: b64url, attestationObject: b64url, transports: z.array(z.string().max(20)).max(10).optional() }).loose(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(30).optional(),
})

const authentication = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }).loose(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(30).optional(),
})

function parseJson(value: string | undefined): unknown {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

export function parseRegistration(value: string | undefined): RegistrationResponseJSON | null {
  const parsed = registration.safeParse(parseJson(value))
  return parsed.success ? (parsed.data as RegistrationResponseJSON) : null
}

export function parseAuthentication(value: string | undefined): AuthenticationResponseJSON | null {
  const parsed = authentication.safeParse(parseJson(value))
  return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null
}

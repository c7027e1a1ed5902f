/**
 * TOTP (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps, what every authenticator app
 * understands. A code is accepted for the current step and one step either side (clock drift),
 * and only when its step is later than the last accepted one, so a code works at most once.
 */
import { generateSecret, generateURI, verify } from 'otplib'

export const TOTP_ISSUER = 'WijkConnect'
/** One step before and after the current one, in seconds. */
const TOLERANCE_SECONDS = 30

export function newTotpSecret(): string {
  // 20 bytes (160 bits), the size RFC 4226 recommends.
  return generateSecret({ length: 20 })
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret })
}

/** Six digits, spaces and dashes ignored ("123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}

/** The time step of a valid code later than afterStep, or null. */
export async function checkTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

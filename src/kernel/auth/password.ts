/**
 * Passwords: argon2id (P19) with OWASP's recommended parameters; only the PHC string is stored.
 */
import { hash, verify } from '@node-rs/argon2'

/** Algorithm 2 is Argon2id in @node-rs/argon2 (its enum is const, so it cannot be imported here). */
const ARGON2ID = 2
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password)
  } catch {
    return false
  }
}

/**
 * A hash of a random password, verified against when an email is unknown, so that a wrong
 * email and a wrong password take the same time.
 */
let dummy: Promise<string> | undefined
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-' + Math.random())
  return dummy
}

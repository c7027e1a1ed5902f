/**
 * The password policy (ASVS v5.0.0-6.2): at least PASSWORD_MIN and at most PASSWORD_MAX characters
 * (counted as Unicode code points), no composition rules, no trimming or other changes, and no
 * password from the list of very common ones or made of the account's own email or first name.
 *
 * common-passwords.txt is a plain list, one lower-cased password per line: well-known weak
 * passwords from public top lists (English and Dutch words, names, football clubs, cities) with
 * their usual digit and year suffixes, keyboard walks and digit runs. Only entries of 8 or more
 * characters are kept, since shorter ones fail the length rule anyway.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { PASSWORD_MIN, PASSWORD_MAX } from '../../kernel/auth/password.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
)

/** A first name shorter than this is not checked for: "Jo" would forbid far too many passwords. */
const MIN_NAME_CHECK = 3

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase())
}

/** Why a password may not be used because of who it belongs to; null when it is fine. */
export function personalPasswordProblem(password: string, who: { email?: string | null; firstName?: string | null }): MessageKey | null {
  const lower = password.toLowerCase()
  const email = who.email?.trim().toLowerCase()
  if (email && (lower === email || lower === email.split('@')[0])) return 'accounts.password.personal'
  const name = who.firstName?.trim().toLowerCase()
  if (name && [...name].length >= MIN_NAME_CHECK && lower.includes(name)) return 'accounts.password.personal'
  return null
}

/** A new password field: length in code points, and not a common password. Never trimmed. */
export const newPassword = () =>
  z.string().superRefine((value, ctx) => {
    const length = [...value].length
    if (length === 0) ctx.addIssue({ code: 'custom', message: 'error.required' })
    else if (length < PASSWORD_MIN) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: PASSWORD_MIN, inclusive: true, input: value })
    else if (length > PASSWORD_MAX) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: PASSWORD_MAX, inclusive: true, input: value })
    else if (isCommonPassword(value)) ctx.addIssue({ code: 'custom', message: 'accounts.password.common' })
  })

/**
 * Form inputs of the accounts feature. Passwords are never trimmed or changed (ASVS 6.2);
 * everything else is trimmed, and email addresses are lower-cased.
 */
import { z } from 'zod'
import { email, text, optionalText, checkbox } from '../../kernel/http/form.js'
import { safeLocalPath } from '../../kernel/http/redirect.js'
import { newPassword, personalPasswordProblem } from './accounts.password.js'

const NAME_MAX = 100
/** Long enough for any real password, short enough not to hash a megabyte on every login attempt. */
const LOGIN_PASSWORD_MAX = 1024
/** Link tokens are 256-bit base64url strings (43 characters); anything else is not one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/

export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value)
}

/** Where to go after logging in: a local path, or null for the default. */
export function nextPath(value: string | undefined): string | null {
  const path = safeLocalPath(value, '')
  return path === '' ? null : path
}

/** ?volgende=<path> of the sign-up and login pages; anything but a local path is no destination. */
export const nextQuerySchema = z.object({ volgende: z.string().optional().transform(nextPath) })

/** ?token=… of a link in a mail; one that is not shaped like ours is the same as none (the page says the link is wrong). */
export const tokenQuerySchema = z.object({ token: z.string().regex(TOKEN_PATTERN).optional().catch(undefined) })

/** A ticked box the user must tick themselves (consent is never pre-ticked). */
const mustAccept = () => checkbox().refine((v) => v, { message: 'error.mustAccept' })

/**
 * A wijk from the select: its id, or null when left empty. Required as soon as the platform has
 * any wijk (the form then offers a choice); whether the id exists is checked against the database.
 */
export const wijkChoice = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) {
        if (required) ctx.addIssue({ code: 'custom', message: 'accounts.field.homeWijk.required' })
        return null
      }
      if (!/^\d{1,9}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'error.invalid' })
        return null
      }
      return Number(v)
    })

/** Adds the "not your own email or name" rule to a schema with a password field. */
function refinePersonal(ctx: z.RefinementCtx, password: unknown, who: { email?: unknown; firstName?: unknown }, path: string) {
  if (typeof password !== 'string') return
  const problem = personalPasswordProblem(password, {
    email: typeof who.email === 'string' ? who.email : null,
    firstName: typeof who.firstName === 'string' ? who.firstName : null,
  })
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem })
}

function refineRepeat(ctx: z.RefinementCtx, password: unknown, repeat: unknown, path: string) {
  if (typeof password === 'string' && typeof repeat === 'string' && password !== repeat) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'accounts.password.mismatch' })
  }
}

export const signupSchema = (wijkRequired: boolean) =>
  z
    .object({
      /** Login name and where account links go; stored lower-cased, never shown publicly. */
      email: email(),
      /** The new password; only its argon2id hash is stored. */
      password: newPassword(),
      /** Used to address the user in mail; never public. */
      firstName: text(NAME_MAX),
      /** Optional; visible to the wijkbeheerder of the home wijk only. */
      lastName: optionalText(NAME_MAX),
      /** The wijk the user belongs to (required when any wijk exists). */
      homeWijkId: wijkChoice(wijkRequired),
      /** The home wijk's newsletter; unticked unless the user ticks it (confirmed with the address). */
      newsletter: checkbox(),
      /** Explicit, unticked-by-default agreement to the current terms (P03). */
      acceptTerms: mustAccept(),
      /** Explicit, unticked-by-default agreement to the current privacy statement (P03). */
      acceptPrivacy: mustAccept(),
    })
    .superRefine((d, ctx) => refinePersonal(ctx, d.password, d, 'password'))

export const loginSchema = z.object({
  /** The account's email address (compared lower-cased). */
  email: email(),
  /** Checked against the stored hash; any length is accepted here so old passwords keep working. */
  password: z.string().min(1).max(LOGIN_PASSWORD_MAX),
  /** Local path to go to after logging in; validated with safeLocalPath. */
  volgende: z.string().optional(),
})

/** A form with only an email address (resend a confirmation link, forgot password). */
export const emailOnlySchema = z.object({
  /** The address to send the link to, if it belongs to an account. */
  email: email(),
})

export const resetSchema = z
  .object({
    /** The token from the link, carried in a hidden field. */
    token: z.string().regex(TOKEN_PATTERN),
    /** The new password. */
    password: newPassword(),
    /** The same again, against typos. */
    passwordRepeat: z.string().min(1),
  })
  .superRefine((d, ctx) => refineRepeat(ctx, d.password, d.passwordRepeat, 'passwordRepeat'))

export const profileSchema = (wijkRequired: boolean) =>
  z.object({
    /** Used to address the user in mail. */
    firstName: text(NAME_MAX),
    /** Optional. */
    lastName: optionalText(NAME_MAX),
    /** The home wijk. */
    homeWijkId: wijkChoice(wijkRequired),
    /** Language of pages and mail. */
    lang: z.enum(['nl', 'en']),
  })

export const changeEmailSchema = z.object({
  /** The address to switch to once its owner confirms it. */
  newEmail: email(),
  /** The current password: a stolen session alone cannot take over the account. */
  emailPassword: z.string().min(1).max(LOGIN_PASSWORD_MAX),
})

export const changePasswordSchema = z
  .object({
    /** The current password. */
    currentPassword: z.string().min(1).max(LOGIN_PASSWORD_MAX),
    /** The new password. */
    newPassword: newPassword(),
    /** The same again, against typos. */
    newPasswordRepeat: z.string().min(1),
  })
  .superRefine((d, ctx) => refineRepeat(ctx, d.newPassword, d.newPasswordRepeat, 'newPasswordRepeat'))

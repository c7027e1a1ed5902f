/**
 * Writes of the accounts feature: sign-up, email verification, login checks, password reset,
 * profile, email and password changes. Each mail is queued in the transaction of its cause.
 *
 * Link tokens (account_tokens) are 256-bit random values; only their SHA-256 is stored, and a
 * token is spent by one atomic UPDATE … WHERE used_at IS NULL, so it works exactly once.
 * No answer ever depends on whether an email address has an account.
 */
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { users, accountTokens, mailLinkRequests } from './accounts.tables.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { hashPassword, verifyPassword, dummyHash } from '../../kernel/auth/password.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { destroyUserSessions } from '../../kernel/auth/session.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { LIMITS, rateKey, hitRateLimit, isRateLimited, clearRateLimit, type Limit } from '../../kernel/http/rate-limit.js'
import { MINUTE, HOUR, addMs } from '../../kernel/clock.js'
import { recordConsent, signupDocumentIds } from '../documents/documents.service.js'
import { confirmAccountSubscriptions, subscribePending } from '../newsletter/newsletter.accounts.js'
import { findLoginUser, findMailRecipient, findPasswordHash, type TokenPurpose } from './accounts.queries.js'
import {
  verifyEmailMail,
  signupAttemptMail,
  resetPasswordMail,
  passwordChangedMail,
  confirmNewEmailMail,
  emailChangeNoticeMail,
} from './accounts.emails.js'

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 48 * HOUR,
  'reset-password': 30 * MINUTE,
  'change-email': 24 * HOUR,
}

/** Rate-limited answers carry how long to wait. */
export interface Limited {
  limited: true
  retryAfterSeconds: number
}

async function issueToken(tx: Db, now: Date, userId: string, purpose: TokenPurpose, extra: { newEmail?: string; nextPath?: string | null } = {}) {
  const token = randomToken()
  const tokenHash = hashToken(token)
  await tx.insert(accountTokens).values({
    tokenHash,
    userId,
    purpose,
    newEmail: extra.newEmail ?? null,
    nextPath: extra.nextPath ?? null,
    createdAt: now,
    expiresAt: addMs(now, TOKEN_TTL_MS[purpose]),
  })
  return { token, tokenHash }
}

/** Spends a token: returns its account (and new address) once, then never again. */
async function consumeToken(tx: Db, token: string, purpose: TokenPurpose, now: Date) {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, newEmail: accountTokens.newEmail, tokenHash: accountTokens.tokenHash, nextPath: accountTokens.nextPath })
  return row ?? null
}

/** Marks every still-open token of one purpose as used (after a reset, only one link may work). */
async function spendOpenTokens(tx: Db, userId: string, purpose: TokenPurpose, now: Date) {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
}

/** Counts one hit on each key; limited when any of them is over its limit. */
async function hitAll(db: Db, hits: Array<[string, Limit]>, now: Date): Promise<Limited | null> {
  let wait = 0
  for (const [key, limit] of hits) {
    const r = await hitRateLimit(db, key, limit, now)
    if (!r.allowed) wait = Math.max(wait, r.retryAfterSeconds)
  }
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : null
}

/** Reads the keys without counting; limited when any of them is full. */
async function checkAll(db: Db, checks: Array<[string, Limit]>, now: Date): Promise<Limited | null> {
  let wait = 0
  for (const [key, limit] of checks) {
    const r = await isRateLimited(db, key, limit, now)
    if (!r.allowed) wait = Math.max(wait, r.retryAfterSeconds)
  }
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : null
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// Sign-up and email verification

export interface SignupInput {
  email: string
  password: string
  firstName: string
  lastName: string | null
  homeWijkId: number | null
  /** Also subscribe to the home wijk's newsletter (confirmed when the address is). */
  newsletter?: boolean
  lang: Lang
  /** The local page the person came from, to return to after confirming and logging in. */
  nextPath?: string | null
}

/**
 * Sign-ups that would send mail, per connection (configurable: a room of people on one Wi-Fi signs
 * up together) and per address (whether or not it has an account, so the answer tells nothing).
 */
export async function signupLimited(deps: Pick<Deps, 'db' | 'clock' | 'config'>, client: string, email: string): Promise<Limited | null> {
  const { db, clock, config } = deps
  const perConnection: Limit = { max: config.signupPerConnectionHour, windowMs: HOUR }
  return hitAll(
    db,
    [
      [rateKey(config.sessionSecret, 'signup-client', client), perConnection],
      [rateKey(config.sessionSecret, 'signup-email', email), LIMITS.signupPerEmail],
    ],
    clock.now(),
  )
}

/**
 * Creates the account with its consent and verification mail, in one transaction. When the
 * address already has an account, nothing is created and its owner gets a mail instead; the
 * caller shows the same page either way. The password is hashed first in both cases, so the two
 * take the same time.
 */
export async function signUp(deps: Deps, input: SignupInput): Promise<{ created: boolean }> {
  const { db, clock, config, log } = deps
  const passwordHash = await hashPassword(input.password)
  const documentIds = await signupDocumentIds(db)
  const now = clock.now()
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        homeWijkId: input.homeWijkId,
        lang: input.lang,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
    if (user) {
      await recordConsent(tx, user.id, documentIds, 'signup', now)
      if (input.newsletter && input.homeWijkId !== null) await subscribePending(tx, { userId: user.id, wijkId: input.homeWijkId }, now)
      const { token, tokenHash } = await issueToken(tx, now, user.id, 'verify-email', { nextPath: input.nextPath })
      await queueMail(tx, now, {
        key: `accounts.verify:${tokenHash}`,
        to: input.email,
        userId: user.id,
        ...verifyEmailMail(config, { firstName: input.firstName, lang: input.lang }, token),
      })
      log.info({ event: 'account.signup', userId: user.id }, 'account created')
      return true
    }
    const existing = await findMailRecipient(tx, { email: input.email })
    if (existing?.status === 'active') {
      // One such mail per address per hour, however often someone tries.
      await queueMail(tx, now, {
        key: `accounts.signup-attempt:${existing.id}:${Math.floor(now.getTime() / HOUR)}`,
        to: existing.email,
        userId: existing.id,
        ...signupAttemptMail(config, existing),
      })
    }
    log.info({ event: 'account.signup.existing' }, 'sign-up for an existing address')
    return false
  })
  deps.wakeJobs()
  return { created }
}

export type VerifyResult =
  | { status: 'verified'; email: string; nextPath: string | null }
  | { status: 'already' }
  | { status: 'invalid' }

/**
 * Confirms an address. A link opened a second time (by the owner after a mail scanner, or twice)
 * says the address is already confirmed rather than showing an error; it changes nothing.
 */
export async function verifyEmail(deps: Pick<Deps, 'db' | 'clock' | 'log'>, token: string): Promise<VerifyResult> {
  const { db, clock, log } = deps
  const now = clock.now()
  const verifiedUser = await db.transaction(async (tx) => {
    const spent = await consumeToken(tx, token, 'verify-email', now)
    if (!spent) return null
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
      .where(eq(users.id, spent.userId))
      .returning({ email: users.email })
    // The newsletter asked for at sign-up starts once the address is known to be theirs.
    await confirmAccountSubscriptions(tx, spent.userId, now)
    return { id: spent.userId, email: user!.email, nextPath: spent.nextPath }
  })
  if (verifiedUser) {
    log.info({ event: 'account.verified', userId: verifiedUser.id }, 'email verified')
    return { status: 'verified', email: verifiedUser.email, nextPath: verifiedUser.nextPath }
  }
  const [row] = await db
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, 'verify-email')))
    .limit(1)
  return { status: row?.verifiedAt ? 'already' : 'invalid' }
}

/**
 * Counts one request for a mailed link (confirmation or reset) against the client and the address,
 * known or not, so being limited says nothing about whether the address has an account.
 */
function mailLinkLimited(deps: Deps, scope: 'verify' | 'reset', email: string, client: string): Promise<Limited | null> {
  const { db, clock, config } = deps
  return hitAll(
    db,
    [
      [rateKey(config.sessionSecret, `${scope}-client`, client), LIMITS.resetPerClient],
      [rateKey(config.sessionSecret, `${scope}-account`, email), LIMITS.resetPerAccount],
    ],
    clock.now(),
  )
}

/**
 * Asks for a mailed link: counts the request, stores it and queues its job, the same work for every
 * address. Whether the address has an account is decided later by the job (handleMailLinkRequest),
 * so neither the answer nor its timing tells (issue 10 item 4).
 */
async function requestMailLink(deps: Deps, purpose: MailLinkPurpose, email: string, client: string): Promise<Limited | null> {
  const { db, clock } = deps
  const now = clock.now()
  const limited = await mailLinkLimited(deps, purpose === 'reset-password' ? 'reset' : 'verify', email, client)
  if (limited) return limited
  await db.transaction(async (tx) => {
    const [request] = await tx.insert(mailLinkRequests).values({ purpose, email, createdAt: now }).returning({ id: mailLinkRequests.id })
    await enqueue(tx, now, { type: MAIL_LINK_JOB, payload: { requestId: request!.id }, maxAttempts: 3 })
  })
  deps.wakeJobs()
  return null
}

export type MailLinkPurpose = 'reset-password' | 'verify-email'
export const MAIL_LINK_JOB = 'accounts.mail-link'

/**
 * The job behind a mailed-link request: takes the request (deleting it, so the address is not
 * kept), and sends the link when the address has an account that may have one: an active account
 * for a reset, an active unconfirmed account for a new confirmation link. Silent otherwise.
 */
export async function handleMailLinkRequest(deps: Deps, requestId: number): Promise<void> {
  const { db, clock, config } = deps
  const now = clock.now()
  const sent = await db.transaction(async (tx) => {
    const [request] = await tx.delete(mailLinkRequests).where(eq(mailLinkRequests.id, requestId)).returning()
    if (!request) return false
    const user = await findMailRecipient(tx, { email: request.email })
    if (!user || user.status !== 'active') return false
    if (request.purpose === 'verify-email') {
      if (user.emailVerifiedAt) return false
      // A new link keeps the page the sign-up started from.
      const [earlier] = await tx
        .select({ nextPath: accountTokens.nextPath })
        .from(accountTokens)
        .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, 'verify-email')))
        .orderBy(desc(accountTokens.createdAt))
        .limit(1)
      const { token, tokenHash } = await issueToken(tx, now, user.id, 'verify-email', { nextPath: earlier?.nextPath ?? null })
      await queueMail(tx, now, { key: `accounts.verify:${tokenHash}`, to: user.email, userId: user.id, ...verifyEmailMail(config, user, token) })
      return true
    }
    const { token, tokenHash } = await issueToken(tx, now, user.id, 'reset-password')
    await queueMail(tx, now, { key: `accounts.reset:${tokenHash}`, to: user.email, userId: user.id, ...resetPasswordMail(config, user, token) })
    return true
  })
  if (sent) deps.wakeJobs()
}

/** Sends a new confirmation link when the address has an unconfirmed account; silent otherwise. */
export function resendVerification(deps: Deps, email: string, client: string): Promise<Limited | null> {
  return requestMailLink(deps, 'verify-email', email, client)
}

// ---------------------------------------------------------------------------------------------
// Login

function loginKeys(secret: string, email: string, client: string): Array<[string, Limit]> {
  return [
    [rateKey(secret, 'login-account-client', `${email}\n${client}`), LIMITS.loginPerAccountClient],
    [rateKey(secret, 'login-account', email), LIMITS.loginPerAccount],
    [rateKey(secret, 'login-client', client), LIMITS.loginPerClient],
  ]
}

export type LoginResult = Limited | { limited: false; ok: false; unverified: boolean } | { limited: false; ok: true; userId: string }

/**
 * Checks an email and password.
 *
 * From a browser with a valid device cookie for this address (`trustedDevice`, its nonce), an
 * attempt counts only against that device's own allowance; once that is spent the browser is
 * treated like any other. Every other attempt is refused while any of three counters is full (this
 * account from this client, this account from anywhere, this client for any account), and every
 * failure counts on all three. So a stranger can fill the account's counter and slow down guessing
 * from everywhere, but cannot lock the owner out of a browser they logged in with before
 * (docs/decisions/009-device-cookies-for-login-limits.md). A success from an untrusted client
 * clears this account's counter for this client only. An unknown address is checked against a
 * dummy hash, so it takes as long as a wrong password and gets the same answer.
 *
 * Decision: an account must confirm its address before it can log in. A correct password on an
 * unconfirmed account is told so (only the password holder can see this) and offered a new link;
 * it does not count as a failure.
 */
export async function authenticate(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log'>,
  email: string,
  password: string,
  client: string,
  trustedDevice: string | null = null,
): Promise<LoginResult> {
  const { db, clock, config, log } = deps
  let keys: Array<[string, Limit]> | null = null
  if (trustedDevice) {
    const deviceKeys: Array<[string, Limit]> = [[rateKey(config.sessionSecret, 'login-device', trustedDevice), LIMITS.loginPerDevice]]
    if (!(await checkAll(db, deviceKeys, clock.now()))) keys = deviceKeys
  }
  const trusted = keys !== null
  keys ??= loginKeys(config.sessionSecret, email, client)
  const limited = await checkAll(db, keys, clock.now())
  if (limited) {
    log.info({ event: 'account.login.limited' }, 'login refused by rate limit')
    return limited
  }
  const user = await findLoginUser(db, email)
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password)
  if (!user || !valid || user.status !== 'active') {
    await hitAll(db, keys, clock.now())
    log.info({ event: 'account.login.failed', trustedDevice: trusted }, 'login failed')
    return { limited: false, ok: false, unverified: false }
  }
  if (!user.emailVerifiedAt) {
    log.info({ event: 'account.login.unverified', userId: user.id }, 'login of an unconfirmed account')
    return { limited: false, ok: false, unverified: true }
  }
  if (!trusted) await clearRateLimit(db, keys[0]![0])
  log.info({ event: 'account.login', userId: user.id, trustedDevice: trusted }, 'logged in')
  return { limited: false, ok: true, userId: user.id }
}

/**
 * Checks the current password of a logged-in user before a sensitive change. Failures count on
 * the same per-account login counter, so a stolen session cannot be used to guess the password.
 */
export async function checkCurrentPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  user: { id: string; email: string },
  password: string,
): Promise<Limited | { limited: false; ok: boolean }> {
  const { db, clock, config } = deps
  const key = rateKey(config.sessionSecret, 'login-account', user.email)
  const limited = await checkAll(db, [[key, LIMITS.loginPerAccount]], clock.now())
  if (limited) return limited
  const phc = await findPasswordHash(db, user.id)
  const ok = phc !== null && (await verifyPassword(phc, password))
  if (!ok) await hitRateLimit(db, key, LIMITS.loginPerAccount, clock.now())
  return { limited: false, ok }
}

// ---------------------------------------------------------------------------------------------
// Password reset

/**
 * Sends a reset link when the address has an active account. Both counters are hit for every
 * request, known address or not, so being limited says nothing about the address either.
 */
export function requestPasswordReset(deps: Deps, email: string, client: string): Promise<Limited | null> {
  return requestMailLink(deps, 'reset-password', email, client)
}

/**
 * Sets a new password from a reset link: spends the link (and any other open reset link), ends
 * every session of the account, and marks the address confirmed: opening the link proved it.
 */
export async function resetPassword(deps: Deps, token: string, password: string): Promise<boolean> {
  const { db, clock, config, log } = deps
  const passwordHash = await hashPassword(password)
  const now = clock.now()
  const user = await db.transaction(async (tx) => {
    const spent = await consumeToken(tx, token, 'reset-password', now)
    if (!spent) return null
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
      .where(and(eq(users.id, spent.userId), eq(users.status, 'active')))
      .returning({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang })
    if (!updated) return null
    await spendOpenTokens(tx, updated.id, 'reset-password', now)
    await destroyUserSessions(tx, updated.id)
    await queueMail(tx, now, {
      key: `accounts.password-changed:${spent.tokenHash}`,
      to: updated.email,
      userId: updated.id,
      ...passwordChangedMail(config, updated),
    })
    return updated
  })
  if (!user) return false
  // The owner proved control of the mailbox: lift an account-wide lock an attacker may have caused.
  await clearRateLimit(db, rateKey(config.sessionSecret, 'login-account', user.email))
  deps.wakeJobs()
  log.info({ event: 'account.password.reset', userId: user.id }, 'password reset')
  return true
}

// ---------------------------------------------------------------------------------------------
// Mijn gegevens

export interface ProfileInput {
  firstName: string
  lastName: string | null
  homeWijkId: number | null
  lang: Lang
}

export async function updateProfile(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: ProfileInput): Promise<void> {
  const { db, clock } = deps
  await db
    .update(users)
    .set({ firstName: input.firstName, lastName: input.lastName, homeWijkId: input.homeWijkId, lang: input.lang, updatedAt: clock.now() })
    .where(eq(users.id, userId))
}

/**
 * Starts an email change: a confirmation link to the new address and a notice to the old one.
 * Whether the new address is taken is only checked when the link is opened, so this answer is
 * the same for every address (and only the owner of that mailbox can learn more).
 */
export async function requestEmailChange(
  deps: Deps,
  user: { id: string; email: string; firstName: string; lang: Lang },
  newEmail: string,
): Promise<void> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  await db.transaction(async (tx) => {
    await spendOpenTokens(tx, user.id, 'change-email', now)
    const { token, tokenHash } = await issueToken(tx, now, user.id, 'change-email', { newEmail })
    await queueMail(tx, now, { key: `accounts.confirm-email:${tokenHash}`, to: newEmail, userId: user.id, ...confirmNewEmailMail(config, user, token) })
    await queueMail(tx, now, {
      key: `accounts.email-change-notice:${tokenHash}`,
      to: user.email,
      userId: user.id,
      ...emailChangeNoticeMail(config, user, newEmail),
    })
  })
  deps.wakeJobs()
  log.info({ event: 'account.email.change-requested', userId: user.id }, 'email change requested')
}

/** Switches to the new address from a confirmation link; null when the link or address cannot be used. */
export async function confirmEmailChange(deps: Pick<Deps, 'db' | 'clock' | 'log'>, token: string): Promise<{ userId: string } | null> {
  const { db, clock, log } = deps
  const now = clock.now()
  try {
    const userId = await db.transaction(async (tx) => {
      const spent = await consumeToken(tx, token, 'change-email', now)
      if (!spent?.newEmail) return null
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, spent.newEmail), ne(users.id, spent.userId)))
        .limit(1)
      if (taken) return null
      const [updated] = await tx
        .update(users)
        .set({ email: spent.newEmail, emailVerifiedAt: now, updatedAt: now })
        .where(and(eq(users.id, spent.userId), eq(users.status, 'active')))
        .returning({ id: users.id })
      return updated?.id ?? null
    })
    if (userId) log.info({ event: 'account.email.changed', userId }, 'email changed')
    return userId ? { userId } : null
  } catch (err) {
    // Someone else took the address between the check and the update.
    if (isUniqueViolation(err)) return null
    throw err
  }
}

/** Sets a new password; every other session of the account ends, the current one stays. */
export async function changePassword(deps: Deps, user: { id: string; email: string; firstName: string; lang: Lang }, keepSessionId: string, password: string): Promise<void> {
  const { db, clock, config, log } = deps
  const passwordHash = await hashPassword(password)
  const now = clock.now()
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id))
    await spendOpenTokens(tx, user.id, 'reset-password', now)
    await destroyUserSessions(tx, user.id, keepSessionId)
    await queueMail(tx, now, {
      key: `accounts.password-changed:${user.id}:${now.getTime()}`,
      to: user.email,
      userId: user.id,
      ...passwordChangedMail(config, user),
    })
  })
  deps.wakeJobs()
  log.info({ event: 'account.password.changed', userId: user.id }, 'password changed')
}

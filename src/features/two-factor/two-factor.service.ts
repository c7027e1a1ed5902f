/**
 * Changes to a person's second factors. Every change is written to the audit log and mailed to
 * the person (no secret ever in the mail), in the transaction of the change.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { renderSVG } from 'uqr'
import type { RegistrationResponseJSON } from '@simplewebauthn/server'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { destroyUserSessions } from '../../kernel/auth/session.js'
import { users } from '../accounts/accounts.tables.js'
import { passkeys, pendingLogins, recoveryCodes, secondFactorReminders, totpFactors, webauthnChallenges } from './two-factor.tables.js'
import { openTotpSecret, sealTotpSecret } from './two-factor.crypto.js'
import { checkTotp, newTotpSecret, normaliseTotpCode, totpUri } from './two-factor.totp.js'
import { recoveryCodeCounts, replaceRecoveryCodes } from './two-factor.recovery.js'
import { MAX_PASSKEYS, registerPasskey } from './two-factor.passkeys.js'
import { hasSecondFactor } from './two-factor.requirement.js'
import { factorChangedMail, type FactorChange } from './two-factor.emails.js'

export interface Person {
  id: string
  email: string
  firstName: string
  lang: Lang
}

/** Audits and mails one change, inside the caller's transaction. */
async function recordChange(deps: Pick<Deps, 'config'>, tx: Db, now: Date, person: Person, change: FactorChange, by: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(tx, now, { actorUserId: by, action: `second-factor.${change.kind}`, subjectUserId: person.id, targetType: 'user', targetId: person.id, details })
  await queueMail(tx, now, {
    key: `two-factor.${change.kind}:${person.id}:${now.getTime()}`,
    to: person.email,
    userId: person.id,
    ...factorChangedMail(deps.config, person, change, now),
  })
}

// ---------------------------------------------------------------------------------------------
// Authenticator app

export async function totpStatus(db: Db, userId: string) {
  const [row] = await db.select({ confirmedAt: totpFactors.confirmedAt, lastUsedAt: totpFactors.lastUsedAt, createdAt: totpFactors.createdAt }).from(totpFactors).where(eq(totpFactors.userId, userId)).limit(1)
  return row ?? null
}

/** Makes a new, not yet active secret (replacing an unconfirmed one); refused while an app is active. */
export async function startTotpEnrolment(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string): Promise<boolean> {
  const { db, clock, config } = deps
  const sealed = sealTotpSecret(config.sessionSecret, userId, newTotpSecret())
  const rows = await db
    .insert(totpFactors)
    .values({ userId, secretEncrypted: sealed, createdAt: clock.now() })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { secretEncrypted: sealed, createdAt: clock.now() }, setWhere: isNull(totpFactors.confirmedAt) })
    .returning({ u: totpFactors.userId })
  return rows.length === 1
}

/** The secret waiting to be confirmed, as text, as an otpauth URI and as an SVG QR code. */
export async function pendingEnrolment(deps: Pick<Deps, 'db' | 'config'>, person: Pick<Person, 'id' | 'email'>) {
  const [row] = await deps.db
    .select({ sealed: totpFactors.secretEncrypted })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, person.id), isNull(totpFactors.confirmedAt)))
    .limit(1)
  const secret = row ? openTotpSecret(deps.config.sessionSecret, person.id, row.sealed) : null
  if (!secret) return null
  const uri = totpUri(secret, person.email)
  return { secret, uri, qrSvg: renderSVG(uri) }
}

export type ConfirmResult = { ok: false } | { ok: true; recoveryCodes: string[] | null }

/**
 * Activates the app with a valid code. The first factor also brings the first set of recovery
 * codes; someone who already has unused codes keeps them.
 */
export async function confirmTotp(deps: Deps, person: Person, input: string): Promise<ConfirmResult> {
  const { db, clock, config, log } = deps
  const code = normaliseTotpCode(input)
  const pending = await pendingEnrolment(deps, person)
  if (!code || !pending) return { ok: false }
  const now = clock.now()
  const step = await checkTotp(pending.secret, code, now, null)
  if (step === null) return { ok: false }
  const codes = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(totpFactors)
      .set({ confirmedAt: now, lastUsedStep: step, lastUsedAt: now })
      .where(and(eq(totpFactors.userId, person.id), isNull(totpFactors.confirmedAt)))
      .returning({ u: totpFactors.userId })
    if (!done) return undefined
    const counts = await recoveryCodeCounts(tx, person.id)
    const fresh = counts.unused === 0 ? await replaceRecoveryCodes(tx, config.sessionSecret, person.id, now) : null
    await recordChange(deps, tx, now, person, { kind: 'totp.enable' }, person.id)
    if (fresh) await recordAudit(tx, now, { actorUserId: person.id, action: 'second-factor.recovery.create', subjectUserId: person.id, targetType: 'user', targetId: person.id })
    return fresh
  })
  if (codes === undefined) return { ok: false }
  deps.wakeJobs()
  log.info({ event: 'second-factor.totp.enable', userId: person.id }, 'authenticator app enabled')
  return { ok: true, recoveryCodes: codes }
}

/** When no factor is left, recovery codes are useless and go too. */
async function dropCodesWithoutFactor(tx: Db, userId: string): Promise<void> {
  if (!(await hasSecondFactor(tx, userId))) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
}

export async function disableTotp(deps: Deps, person: Person): Promise<boolean> {
  const { db, clock, log } = deps
  const now = clock.now()
  const done = await db.transaction(async (tx) => {
    const gone = await tx.delete(totpFactors).where(and(eq(totpFactors.userId, person.id), isNotNull(totpFactors.confirmedAt))).returning({ u: totpFactors.userId })
    if (gone.length === 0) return false
    await dropCodesWithoutFactor(tx, person.id)
    await recordChange(deps, tx, now, person, { kind: 'totp.disable' }, person.id)
    return true
  })
  if (done) {
    deps.wakeJobs()
    log.info({ event: 'second-factor.totp.disable', userId: person.id }, 'authenticator app disabled')
  }
  return done
}

/** A new set of ten codes (the old set stops working); only for someone with a factor. */
export async function regenerateRecoveryCodes(deps: Deps, person: Person): Promise<string[] | null> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  const codes = await db.transaction(async (tx) => {
    if (!(await hasSecondFactor(tx, person.id))) return null
    const fresh = await replaceRecoveryCodes(tx, config.sessionSecret, person.id, now)
    await recordChange(deps, tx, now, person, { kind: 'recovery.regenerate' }, person.id)
    return fresh
  })
  if (codes) {
    deps.wakeJobs()
    log.info({ event: 'second-factor.recovery.regenerate', userId: person.id }, 'recovery codes regenerated')
  }
  return codes
}

// ---------------------------------------------------------------------------------------------
// Passkeys

export type AddPasskeyResult = 'added' | 'invalid' | 'tooMany'

export async function addPasskey(deps: Deps, person: Person, response: RegistrationResponseJSON, name: string): Promise<AddPasskeyResult> {
  const { db, clock, config, log } = deps
  const now = clock.now()
  const count = await db.$count(passkeys, eq(passkeys.userId, person.id))
  if (count >= MAX_PASSKEYS) return 'tooMany'
  const added = await registerPasskey(db, config, person.id, response, name, now)
  if (!added) return 'invalid'
  await db.transaction(async (tx) => {
    await recordChange(deps, tx, now, person, { kind: 'passkey.add', passkeyName: name }, person.id, { passkeyId: added.id })
  })
  deps.wakeJobs()
  log.info({ event: 'second-factor.passkey.add', userId: person.id }, 'passkey added')
  return 'added'
}

export async function removePasskey(deps: Deps, person: Person, passkeyId: number): Promise<boolean> {
  const { db, clock, log } = deps
  const now = clock.now()
  const done = await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, person.id)))
      .returning({ name: passkeys.name })
    if (!gone) return false
    await dropCodesWithoutFactor(tx, person.id)
    await recordChange(deps, tx, now, person, { kind: 'passkey.remove', passkeyName: gone.name }, person.id, { passkeyId })
    return true
  })
  if (done) {
    deps.wakeJobs()
    log.info({ event: 'second-factor.passkey.remove', userId: person.id }, 'passkey removed')
  }
  return done
}

// ---------------------------------------------------------------------------------------------
// Login with the app, and the record of a used recovery code

/** Accepts an app code once: the step must be later than the last accepted one (atomic). */
export async function acceptTotpCode(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, code: string): Promise<boolean> {
  const { db, clock, config } = deps
  const now = clock.now()
  const [row] = await db
    .select({ sealed: totpFactors.secretEncrypted, lastUsedStep: totpFactors.lastUsedStep })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
    .limit(1)
  const secret = row ? openTotpSecret(config.sessionSecret, userId, row.sealed) : null
  if (!row || !secret) return false
  const step = await checkTotp(secret, code, now, row.lastUsedStep)
  if (step === null) return false
  // Two requests with the same code at once: only the one that moves the step forward wins.
  const moved = await db
    .update(totpFactors)
    .set({ lastUsedStep: step, lastUsedAt: now })
    .where(and(eq(totpFactors.userId, userId), row.lastUsedStep === null ? isNull(totpFactors.lastUsedStep) : eq(totpFactors.lastUsedStep, row.lastUsedStep)))
    .returning({ u: totpFactors.userId })
  return moved.length === 1
}

export async function recordRecoveryCodeUse(deps: Deps, person: Person): Promise<void> {
  const { db, clock } = deps
  const now = clock.now()
  const { unused } = await recoveryCodeCounts(db, person.id)
  await db.transaction(async (tx) => {
    await recordChange(deps, tx, now, person, { kind: 'recovery.use', unusedLeft: unused }, person.id, { unusedLeft: unused })
  })
  deps.wakeJobs()
}

// ---------------------------------------------------------------------------------------------
// Removal: by the operator (locked out), and at cancellation

/** Deletes every factor, code, pending login, challenge and reminder of a person. */
export async function removeSecondFactors(tx: Db, userId: string): Promise<{ app: boolean; passkeys: number }> {
  const app = await tx.delete(totpFactors).where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))).returning({ u: totpFactors.userId })
  await tx.delete(totpFactors).where(eq(totpFactors.userId, userId))
  const keys = await tx.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id })
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.delete(pendingLogins).where(eq(pendingLogins.userId, userId))
  await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId))
  await tx.delete(secondFactorReminders).where(eq(secondFactorReminders.userId, userId))
  return { app: app.length > 0, passkeys: keys.length }
}

export type ResetResult = { ok: true; app: boolean; passkeys: number } | { ok: false; reason: 'unknown' }

/**
 * The operator's way back in for a locked-out person (`npm run reset-second-factor`): removes
 * every factor, ends every session, audits (no actor: the operator at the console) and mails.
 */
export async function resetSecondFactor(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log' | 'wakeJobs'>, email: string): Promise<ResetResult> {
  const { db, clock, log } = deps
  const now = clock.now()
  const result = await db.transaction(async (tx): Promise<ResetResult> => {
    const [person] = await tx
      .select({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang })
      .from(users)
      .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.status, 'active')))
      .limit(1)
    if (!person) return { ok: false, reason: 'unknown' }
    const removed = await removeSecondFactors(tx, person.id)
    await destroyUserSessions(tx, person.id)
    await recordChange(deps, tx, now, person, { kind: 'reset' }, null, { app: removed.app, passkeys: removed.passkeys })
    return { ok: true, ...removed }
  })
  if (result.ok) {
    deps.wakeJobs()
    log.info({ event: 'second-factor.reset' }, 'second factor reset by the operator')
  }
  return result
}

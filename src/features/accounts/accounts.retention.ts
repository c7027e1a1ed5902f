/**
 * Retention of account data that nobody needs any more: spent or expired link tokens, and
 * accounts whose address was never confirmed (they cannot log in, so nobody can use them).
 */
import { and, inArray, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { inBatches } from '../../kernel/retention/retention.js'
import { accountTokens, mailLinkRequests, users } from './accounts.tables.js'
import { DAY, HOUR, addMs } from '../../kernel/clock.js'

/** Link tokens are kept one day past their expiry or use, so a link opened again can still say "already used". */
export const TOKEN_RETENTION_MS = DAY
/** An account whose address was not confirmed within this time is deleted. */
export const UNVERIFIED_ACCOUNT_RETENTION_MS = 14 * DAY
const BATCH = 500

/** Deletes spent and expired link tokens older than the retention period; returns how many. */
export async function purgeAccountTokens(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -TOKEN_RETENTION_MS)
  return inBatches(BATCH, async (limit) => {
    const batch = await db
      .select({ tokenHash: accountTokens.tokenHash })
      .from(accountTokens)
      .where(or(lt(accountTokens.expiresAt, before), lt(accountTokens.usedAt, before)))
      .limit(limit)
    if (batch.length > 0) await db.delete(accountTokens).where(inArray(accountTokens.tokenHash, batch.map((r) => r.tokenHash)))
    return batch.length
  })
}

/** Deletes accounts never confirmed within 14 days of sign-up (their consents and tokens go with them). */
export async function purgeUnverifiedAccounts(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -UNVERIFIED_ACCOUNT_RETENTION_MS)
  return inBatches(BATCH, async (limit) => {
    const batch = await db
      .select({ id: users.id })
      .from(users)
      .where(and(isNull(users.emailVerifiedAt), lt(users.createdAt, before)))
      .limit(limit)
    if (batch.length > 0) await db.delete(users).where(inArray(users.id, batch.map((r) => r.id)))
    return batch.length
  })
}

/** Requests for a mailed link are taken by their job within seconds; a request left behind goes after a day. */
export const LINK_REQUEST_RETENTION_MS = DAY

export async function purgeMailLinkRequests(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(mailLinkRequests).where(lt(mailLinkRequests.createdAt, addMs(now, -LINK_REQUEST_RETENTION_MS))).returning({ id: mailLinkRequests.id })
  return rows.length
}

export const accountRetentionRules: RetentionRule[] = [
  {
    name: 'accounts.link-requests',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Verzoeken om een link per e-mail (wachtwoord herstellen, nieuwe bevestigingslink), met het ingevulde e-mailadres', period: 'Verwerkt binnen enkele seconden; wat blijft liggen na een dag' },
      en: { what: 'Requests for a link by mail (password reset, new confirmation link), with the address typed in', period: 'Handled within seconds; anything left after one day' },
    },
    purge: ({ db, clock }) => purgeMailLinkRequests(db, clock.now()),
  },
  {
    name: 'accounts.tokens',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Links uit e-mails (bevestigen, wachtwoord herstellen, e-mailadres wijzigen)', period: 'Een dag nadat de link verliep of gebruikt werd' },
      en: { what: 'Links sent by mail (confirm, reset password, change email address)', period: 'One day after the link expired or was used' },
    },
    purge: ({ db, clock }) => purgeAccountTokens(db, clock.now()),
  },
  {
    name: 'accounts.unverified',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Accounts waarvan het e-mailadres nooit bevestigd is', period: '14 dagen na aanmelden' },
      en: { what: 'Accounts whose email address was never confirmed', period: '14 days after sign-up' },
    },
    purge: ({ db, clock }) => purgeUnverifiedAccounts(db, clock.now()),
  },
]

/** Retention of the second step of logging in: pending logins and passkey challenges, minutes old. */
import { lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { HOUR } from '../../kernel/clock.js'
import { webauthnChallenges } from './two-factor.tables.js'
import { purgeExpiredPendingLogins } from './two-factor.pending.js'

export const twoFactorRetentionRules: RetentionRule[] = [
  {
    name: 'two-factor.pending-logins',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Half afgeronde inlogpogingen (na het wachtwoord, vóór de tweede factor): account en terugkeerpagina', period: '5 minuten, of meteen na de tweede stap' },
      en: { what: 'Half-finished logins (after the password, before the second factor): account and page to return to', period: '5 minutes, or at once after the second step' },
    },
    purge: ({ db, clock }) => purgeExpiredPendingLogins(db, clock.now()),
  },
  {
    name: 'two-factor.passkey-challenges',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Eenmalige uitdagingen voor een passkey (een willekeurige waarde per account)', period: '5 minuten, of meteen na gebruik' },
      en: { what: 'Single-use passkey challenges (one random value per account)', period: '5 minutes, or at once when used' },
    },
    purge: async ({ db, clock }) => {
      const gone = await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, clock.now())).returning({ u: webauthnChallenges.userId })
      return gone.length
    },
  },
]

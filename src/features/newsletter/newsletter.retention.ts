/** Sign-ups without an account that were never confirmed are removed after 30 days (double opt-in). */
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import type { Db } from '../../kernel/db/client.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { newsletterSubscriptions } from './newsletter.tables.js'

export const PENDING_SUBSCRIPTION_DAYS = 30

export async function purgeUnconfirmedSubscriptions(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.status, 'pending'), isNull(newsletterSubscriptions.userId), lt(newsletterSubscriptions.createdAt, addMs(now, -PENDING_SUBSCRIPTION_DAYS * DAY))))
    .returning({ id: newsletterSubscriptions.id })
  return gone.length
}

export const newsletterRetentionRules: RetentionRule[] = [
  {
    name: 'newsletter.unconfirmed',
    everyMs: DAY,
    describe: {
      nl: { what: 'Aanmeldingen voor een wijknieuwsbrief zonder account die nooit zijn bevestigd (voornaam, achternaam, e-mailadres)', period: `${PENDING_SUBSCRIPTION_DAYS} dagen na de aanmelding` },
      en: { what: 'Sign-ups for a wijk newsletter without an account that were never confirmed (first name, last name, email address)', period: `${PENDING_SUBSCRIPTION_DAYS} days after the sign-up` },
    },
    purge: ({ db, clock }) => purgeUnconfirmedSubscriptions(db, clock.now()),
  },
]

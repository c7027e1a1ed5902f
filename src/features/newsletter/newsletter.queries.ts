/** Reads of the subscriptions: by the secret of a mailed link. */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { newsletterSubscriptions } from './newsletter.tables.js'

/**
 * The subscription a link's secret belongs to, with its wijk and the language of its mails (the
 * account's for an account holder, else the one stored at sign-up); null for an unknown (or ended) one.
 */
export async function findSubscriptionByToken(db: Db, token: string) {
  const [row] = await db
    .select({
      id: newsletterSubscriptions.id,
      status: newsletterSubscriptions.status,
      lang: sql<Lang>`coalesce(${users.lang}, ${newsletterSubscriptions.lang})`,
      wijk: { id: wijken.id, slug: wijken.slug, name: wijken.name, hostName: wijken.hostName, logoPath: wijken.logoPath, updatedAt: wijken.updatedAt, launchedAt: wijken.launchedAt },
    })
    .from(newsletterSubscriptions)
    .innerJoin(wijken, eq(wijken.id, newsletterSubscriptions.wijkId))
    .leftJoin(users, eq(users.id, newsletterSubscriptions.userId))
    .where(eq(newsletterSubscriptions.tokenHash, hashToken(token)))
    .limit(1)
  return row ?? null
}
export type LinkedSubscription = NonNullable<Awaited<ReturnType<typeof findSubscriptionByToken>>>

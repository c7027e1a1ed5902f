/** Reads of the subscriptions: by the secret of a mailed link. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { wijken } from '../places/places.tables.js'
import { newsletterSubscriptions } from './newsletter.tables.js'

/** The subscription a link's secret belongs to, with its wijk; null for an unknown (or ended) one. */
export async function findSubscriptionByToken(db: Db, token: string) {
  const [row] = await db
    .select({
      id: newsletterSubscriptions.id,
      status: newsletterSubscriptions.status,
      wijk: { id: wijken.id, slug: wijken.slug, name: wijken.name, hostName: wijken.hostName, logoPath: wijken.logoPath, updatedAt: wijken.updatedAt },
    })
    .from(newsletterSubscriptions)
    .innerJoin(wijken, eq(wijken.id, newsletterSubscriptions.wijkId))
    .where(eq(newsletterSubscriptions.tokenHash, hashToken(token)))
    .limit(1)
  return row ?? null
}
export type LinkedSubscription = NonNullable<Awaited<ReturnType<typeof findSubscriptionByToken>>>

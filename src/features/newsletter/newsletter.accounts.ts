/**
 * The newsletter side of sign-up: the home wijk's newsletter, offered unticked on the sign-up form,
 * starts pending and is confirmed together with the account's address (a newsletter never goes to
 * an address nobody confirmed).
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { newsletterSubscriptions } from './newsletter.tables.js'
import type { SignupSteps } from '../accounts/accounts.steps.js'

export async function subscribePending(db: Db, s: { userId: string; wijkId: number }, now: Date): Promise<void> {
  await db
    .insert(newsletterSubscriptions)
    // The link secret is derived when a newsletter is mailed (newsletter.tokens.ts); this one is never used.
    .values({ wijkId: s.wijkId, userId: s.userId, status: 'pending', tokenHash: hashToken(randomToken()), createdAt: now })
    .onConflictDoNothing()
}

export async function confirmAccountSubscriptions(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(newsletterSubscriptions)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(and(eq(newsletterSubscriptions.userId, userId), eq(newsletterSubscriptions.status, 'pending')))
}

/** The newsletter's part in signing up and confirming the address (accounts' SignupSteps, wired in app.tsx). */
export const signupNewsletter = {
  requestNewsletter: subscribePending,
  addressConfirmed: confirmAccountSubscriptions,
} satisfies Pick<SignupSteps, 'requestNewsletter' | 'addressConfirmed'>

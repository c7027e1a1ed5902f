/**
 * What signing up and logging in ask of the features above accounts. Accounts is a core feature
 * and names none of them (decisions/011-kernel-and-core-features.md): documents records the
 * consent, newsletter the newsletter asked for, two-factor takes over after the password. app.tsx
 * hands their implementations to `accountsRoutes`.
 *
 * The steps that write take the transaction handle of the sign-up or confirmation they belong
 * to, so an account never exists without its consent, and a confirmed address never without its
 * newsletter started.
 */
import type { AppContext } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'

export interface SignupSteps {
  /** The document versions a new account agrees to by signing up; read before the transaction. */
  consentDocuments(db: Db): Promise<number[]>
  /** In the sign-up's transaction: the new account's consent to those versions. */
  recordConsent(tx: Db, userId: string, documentIds: number[], now: Date): Promise<void>
  /** In the sign-up's transaction: the home wijk's newsletter was asked for (pending until the address is confirmed). */
  requestNewsletter(tx: Db, request: { userId: string; wijkId: number }, now: Date): Promise<void>
  /** In the confirmation's transaction: the address is now known to be theirs. */
  addressConfirmed(tx: Db, userId: string, now: Date): Promise<void>
}

export interface LoginSteps {
  /** After a correct password: whether the person has a second factor to show. */
  hasSecondFactor(db: Db, userId: string): Promise<boolean>
  /** Instead of a session: the answer that starts the second step, keeping where they were going. */
  beginSecondStep(c: AppContext, userId: string, volgende: string | null): Promise<Response>
}

export interface AccountSteps {
  signup: SignupSteps
  login: LoginSteps
}

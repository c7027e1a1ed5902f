/**
 * The secret in a subscription's links (confirm, one-click unsubscribe). Only its SHA-256 is
 * stored (newsletter_subscriptions.token_hash), so the secret is derived, not kept: an HMAC of the
 * subscription's fixed facts under the session secret. The same link therefore works in every
 * newsletter a person ever received, and a new subscription (after unsubscribing) gets a new one.
 * Rotating SESSION_SECRET makes the links in mail sent before the rotation stop working; the
 * next newsletter carries working ones again (the send stores their new hash).
 */
import { hmac } from '../../kernel/auth/tokens.js'

export interface SubscriptionFacts {
  wijkId: number
  userId: string | null
  email: string | null
  createdAt: Date
}

export function linkToken(secret: string, s: SubscriptionFacts): string {
  return hmac(secret, `newsletter-link:${s.wijkId}:${s.userId ?? `email:${s.email ?? ''}`}:${s.createdAt.getTime()}`)
}

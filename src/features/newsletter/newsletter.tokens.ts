/**
 * The secret in a subscription's links (confirm, one-click unsubscribe). Only its SHA-256 is
 * stored (newsletter_subscriptions.token_hash), so the secret is derived, not kept: an HMAC of the
 * subscription's fixed facts under the session secret. The same link therefore works in every
 * newsletter a person ever received, and a new subscription (after unsubscribing) gets a new one.
 * Rotating SESSION_SECRET makes the links in mail sent before the rotation stop working; the
 * next newsletter carries working ones again (see ensureLinkToken).
 */
import { hashToken, hmac } from '../../kernel/auth/tokens.js'

export interface SubscriptionFacts {
  wijkId: number
  userId: string | null
  email: string | null
  createdAt: Date
}

/** 43 URL-safe characters, like every other link token of the platform. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function linkToken(secret: string, s: SubscriptionFacts): string {
  return hmac(secret, `newsletter-link:${s.wijkId}:${s.userId ?? `email:${s.email ?? ''}`}:${s.createdAt.getTime()}`)
}

export function linkTokenHash(secret: string, s: SubscriptionFacts): string {
  return hashToken(linkToken(secret, s))
}

/**
 * The secret in the one-click unsubscribe link. Only its SHA-256 is stored
 * (alert_settings.unsubscribe_token_hash), yet every digest must carry a working link, also the
 * ones sent weeks later. So the secret is derived from the server's secret and the account id
 * instead of drawn at random and forgotten: each mail carries the same, still valid link, and a
 * link from an older mail keeps working. Nobody can compute it without SESSION_SECRET; rotating
 * that secret invalidates the old links (the next digest stores the new hash).
 */
import { hashToken, hmac } from '../../kernel/auth/tokens.js'

export function unsubscribeToken(secret: string, userId: string): string {
  return hmac(secret, `alerts.unsubscribe:${userId}`)
}

export function unsubscribeTokenHash(secret: string, userId: string): string {
  return hashToken(unsubscribeToken(secret, userId))
}

export const UNSUBSCRIBE_PATH = '/afmelden/meldingen'

export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${UNSUBSCRIBE_PATH}/${token}`
}

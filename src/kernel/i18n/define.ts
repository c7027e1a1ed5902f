/**
 * How a feature declares its messages. Kept apart from the translator, so a messages file needs
 * nothing else of the kernel and the catalog (src/messages.ts) can gather them without a circle.
 */

/** Declares messages: `{ 'login.title': { nl: 'Inloggen', en: 'Log in' } }`. */
export function defineMessages<K extends string>(m: Record<K, { nl: string; en: string }>) {
  return m
}

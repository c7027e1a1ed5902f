/** Prikbord categories: stored as codes, shown with their label in the reader's language. */
import type { T } from '../../kernel/i18n/i18n.js'
import { isMessageKey } from '../../kernel/i18n/i18n.js'

export const CATEGORIES = ['boodschappen', 'vervoer', 'klussen', 'gezelschap', 'spullen', 'kennis-en-advies', 'overig'] as const
export type Category = (typeof CATEGORIES)[number]

/** The label of a category code; an unknown code (e.g. from an import) is shown as it is. */
export function categoryLabel(t: T, code: string): string {
  const key = `my-content.category.${code}`
  return isMessageKey(key) ? t(key) : code
}

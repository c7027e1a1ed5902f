/**
 * The privacy statement, terms, Deelovereenkomst, package agreement and ambassadeur agreement shipped with WijkConnect, in Dutch and English. Placeholders
 * like {{operator.name}} are filled from configuration when the page is shown.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocumentKind } from '../documents.tables.js'

const dir = path.dirname(fileURLToPath(import.meta.url))
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8')

export const DEFAULT_DOCUMENTS: Record<DocumentKind, { nl: string; en: string }> = {
  privacy: { nl: read('privacy.nl.md'), en: read('privacy.en.md') },
  terms: { nl: read('terms.nl.md'), en: read('terms.en.md') },
  sharing: { nl: read('sharing.nl.md'), en: read('sharing.en.md') },
  package: { nl: read('package.nl.md'), en: read('package.en.md') },
  ambassadeur: { nl: read('ambassadeur.nl.md'), en: read('ambassadeur.en.md') },
}

/**
 * The privacy statement and terms shipped with WijkConnect, in Dutch and English. Placeholders
 * like {{operator.name}} are filled from configuration when the page is shown.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8')

export const DEFAULT_DOCUMENTS = {
  privacy: { nl: read('privacy.nl.md'), en: read('privacy.en.md') },
  terms: { nl: read('terms.nl.md'), en: read('terms.en.md') },
}

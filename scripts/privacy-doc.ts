/** npm run docs:privacy — writes docs/privacy-modules.md from the privacy modules (a test compares them). */
import fs from 'node:fs'
import path from 'node:path'
import { privacyDocument } from '../src/kernel/privacy/document.js'
import { PRIVACY_MODULES } from '../src/privacy.js'
import { ROOT } from '../test/spawn.js'

fs.writeFileSync(path.join(ROOT, 'docs', 'privacy-modules.md'), privacyDocument(PRIVACY_MODULES))
process.stdout.write('docs/privacy-modules.md written\n')

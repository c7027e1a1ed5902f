/** npm run docs:retention — writes docs/retention.md from the retention rules (a test compares them). */
import fs from 'node:fs'
import path from 'node:path'
import { retentionDocument } from '../src/kernel/retention/document.js'
import { RETENTION_RULES } from '../src/retention.js'
import { ROOT } from '../test/spawn.js'

fs.writeFileSync(path.join(ROOT, 'docs', 'retention.md'), retentionDocument(RETENTION_RULES))
process.stdout.write('docs/retention.md written\n')

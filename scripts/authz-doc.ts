/**
 * npm run docs:authz — writes docs/authorization.md from the policy module, so the document
 * can never drift from what the code enforces (a test compares them).
 */
import fs from 'node:fs'
import path from 'node:path'
import { authorizationDocument } from '../src/kernel/policy/document.js'
import { ROOT } from '../test/spawn.js'

fs.writeFileSync(path.join(ROOT, 'docs', 'authorization.md'), authorizationDocument())
process.stdout.write('docs/authorization.md written\n')

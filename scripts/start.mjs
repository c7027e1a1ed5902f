/**
 * `npm start`: compiles src/ into dist/ (scripts/build.mjs, under a second) and runs the server
 * from there in this same process, so a service manager's signals reach the server itself and a
 * `git pull` never leaves an older dist/ running (decisions/029).
 */
import { stop } from 'esbuild'
import './build.mjs'

// The compiler's helper process is not needed until the server asks for it again.
await stop()
await import('../dist/server.js')

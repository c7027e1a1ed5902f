/**
 * Compiles the server for `npm start`: every TypeScript module of src/ becomes a JavaScript file
 * at the same place under dist/ (file by file, no bundle, so a path read next to a module still
 * holds), and every other file of src/ (styles, documents, the PGlite worker, the widget's own
 * sources that are built at run time) is copied. Tests are left out.
 *
 * Why not run src/ through tsx as in development: its loader runs on a thread of its own with a
 * second JavaScript engine for the life of the process, about 50 MB of the server's memory
 * (decisions/029). Plain JavaScript, so it runs before anything is compiled.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const src = path.join(root, 'src')
const out = path.join(root, 'dist')
/** Sources the server compiles itself when asked (esbuild at run time), kept as they are. */
const KEPT_AS_SOURCE = path.join(src, 'features/partners/widget')

const isTest = (file) => /\.test\.tsx?$|\.test-helpers\.tsx?$|\.fixtures\.tsx?$/.test(file)
const modules = []
const others = []
for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue
  const file = path.join(entry.parentPath, entry.name)
  if (isTest(file)) continue
  if (/\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith(KEPT_AS_SOURCE + path.sep)) modules.push(file)
  else others.push(file)
}

// Built beside dist/ and then put in its place, so a half-written dist/ is never what starts.
const next = `${out}.next-${process.pid}`
fs.rmSync(next, { recursive: true, force: true })
await build({
  entryPoints: modules,
  outdir: next,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
})
for (const file of others) {
  const to = path.join(next, path.relative(src, file))
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.copyFileSync(file, to)
}
fs.rmSync(out, { recursive: true, force: true })
fs.renameSync(next, out)

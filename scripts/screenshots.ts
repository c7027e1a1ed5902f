/**
 * `npm run screenshots`: pictures of the main page types at 390 px (a phone) and 1280 px (a
 * laptop), light and dark, to look at after a change of layout or style.
 *
 * Starts the platform in demo mode on a fresh data folder (or uses a running one: `-- --base
 * http://127.0.0.1:3000`, which must hold the demo data), logs in as the demo users, and writes
 * every page, full length, to data/screenshots/. The pages marked `docs` are also written to
 * docs/screenshots/ as the first screen only, reduced to a palette so the committed files stay
 * small; the README shows some of them.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import sharp from 'sharp'
import { BROWSER_ARGS, CHROMIUM } from '../e2e/browser-binary.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'

const WIDTHS = [390, 1280] as const
/** Height of the first screen of a phone and a laptop. */
const FIRST_SCREEN: Record<(typeof WIDTHS)[number], number> = { 390: 844, 1280: 800 }

interface Shot {
  name: string
  /** A path, or a function that finds it on the page it is given (an item's own address). */
  path: string | ((page: Page) => Promise<string>)
  user?: string
  docs?: boolean
  dark?: boolean
}

const WIJK = '/oosterpark-noord'
const firstItem = (module: string) => async (page: Page) => {
  await page.goto(`${base}${WIJK}/${module}`)
  const href = await page.locator(`main a[href^="${WIJK}/${module}/"]`).first().getAttribute('href')
  if (!href) throw new Error(`no item in ${module}`)
  return href
}

const SHOTS: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'city', path: '/lindeburg/' },
  { name: 'wijk', path: `${WIJK}/`, docs: true },
  { name: 'wijk-dark', path: `${WIJK}/`, dark: true, docs: true },
  { name: 'agenda', path: `${WIJK}/agenda` },
  { name: 'prikbord', path: `${WIJK}/prikbord` },
  { name: 'item', path: firstItem('prikbord') },
  { name: 'contact', path: async (page) => `${await firstItem('organisaties')(page)}/contact` },
  { name: 'search', path: `${WIJK}/zoeken?q=fiets` },
  { name: 'privacy', path: '/privacy' },
  { name: 'partners', path: '/partners' },
  { name: 'register', path: '/account/registreren', docs: true },
  { name: 'login', path: '/account/inloggen' },
  { name: 'my-content', path: '/mijn-content', user: 'organisatie.oosterpark-noord@lindeburg.test', docs: true },
  { name: 'my-data', path: '/mijn-gegevens', user: 'bewoner@lindeburg.test' },
  { name: 'beheer', path: '/beheer', user: 'admin@lindeburg.test' },
  { name: 'beheer-roles', path: '/beheer/rollen', user: 'admin@lindeburg.test' },
  { name: 'beheer-documents', path: '/beheer/documenten', user: 'admin@lindeburg.test' },
]

const { values: args } = parseArgs({ options: { base: { type: 'string' }, out: { type: 'string', default: 'data/screenshots' }, only: { type: 'string' } } })
const outDir = path.resolve(args.out)
const docsDir = path.resolve('docs/screenshots')
let base = args.base?.replace(/\/$/, '') ?? ''

/** The demo platform on a fresh data folder and a free port; resolves with its address. */
function startDemo(): Promise<{ url: string; server: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-screenshots-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      // The logins are printed after the demo data is in: the platform is ready.
      const listening = /Listening on (http:\/\/\S+)/.exec(out)
      if (listening && out.includes('Demo logins')) resolve({ url: listening[1]!, server })
    })
    server.on('exit', (code) => reject(new Error(`the platform stopped (${code}):\n${out}`)))
  })
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/account/inloggen`)
  await page.fill('#email', email)
  await page.fill('#password', DEMO_PASSWORD)
  await Promise.all([page.waitForLoadState(), page.click('main button[type=submit]')])
}

/** Writes the first screen as a palette PNG: a fraction of the bytes of the browser's own. */
async function writeDocsCopy(png: Buffer, file: string, width: number, height: number): Promise<void> {
  const first = await sharp(png).extract({ left: 0, top: 0, width, height: Math.min(height, (await sharp(png).metadata()).height ?? height) }).png({ palette: true, colours: 64, compressionLevel: 9 }).toBuffer()
  fs.writeFileSync(file, first)
}

async function shoot(browser: Browser, shot: Shot): Promise<void> {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: FIRST_SCREEN[width] }, locale: 'nl-NL', colorScheme: shot.dark ? 'dark' : 'light' })
    const page = await context.newPage()
    if (shot.user) await logIn(page, shot.user)
    const target = typeof shot.path === 'string' ? shot.path : await shot.path(page)
    await page.goto(`${base}${target}`)
    const png = await page.screenshot({ fullPage: true })
    fs.writeFileSync(path.join(outDir, `${shot.name}-${width}.png`), png)
    if (shot.docs) await writeDocsCopy(png, path.join(docsDir, `${shot.name}-${width}.png`), width, FIRST_SCREEN[width])
    await context.close()
  }
  process.stdout.write(`${shot.name}\n`)
}

let demo: ChildProcess | undefined
if (!base) {
  const started = await startDemo()
  base = started.url
  demo = started.server
}
fs.mkdirSync(outDir, { recursive: true })
fs.mkdirSync(docsDir, { recursive: true })
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
try {
  const only = args.only?.split(',')
  for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) await shoot(browser, shot)
  process.stdout.write(`Screenshots in ${path.relative(process.cwd(), outDir)}/ (first screens of some in docs/screenshots/)\n`)
} finally {
  await browser.close()
  demo?.kill('SIGTERM')
}

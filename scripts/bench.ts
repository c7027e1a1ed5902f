/**
 * npm run bench
 *
 * Starts the real server, compiled as `npm start` runs it, and measures pages with wrk (Debian package `wrk`): 50 connections,
 * 10 seconds, after a 3-second warm-up, on the embedded database and, when reachable, on
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test — a separate
 * database wc_bench is created on that server). Prints req/s, p50/p99 latency and server RSS,
 * and writes bench-results/latest.json. Each page's figure is printed beside the same run's ceiling:
 * a plain Node http server sending a static copy of the same bytes, so the ratio holds across
 * machines. Every request says it takes gzip, as browsers do: kept pages go out gzipped, and the
 * ceiling sends those same bytes. A benchmark, never a test: nothing here passes or fails.
 *
 * "Uncached": the wijk home, Agenda, Prikbord, an item page and a search again with every request
 * a miss of the page cache (a query parameter of its own per request), beside the same ceiling.
 *
 * "During a send": the wijk home's p99 while its wijkbeheerder sends a newsletter to
 * BENCH_SUBSCRIBERS (1,000) subscribers, from pressing "send" until every mail is queued (at least
 * BENCH_SECONDS; the delivery jobs run meanwhile), beside the same page's idle p99 measured just
 * before in the same way. Visitors must not wait for a job: the aim is a p99 during the send
 * within twice the idle one.
 */
import { execFileSync, spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startServer, runScript, buildServer, ROOT, type ServerProcess } from '../test/spawn.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000)
const WIJK = '/oosterpark-noord'
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000)
/**
 * Sends measured per engine, each beside its own idle measurement. A p99 on two cores moves a lot
 * between runs of the same code (a GC pause, the scheduler), so the median ratio is what counts.
 */
const SEND_ROUNDS = Number(process.env.BENCH_SEND_ROUNDS ?? 3)
/**
 * The send is measured twice per round: under wrk's flat-out load (every core busy, so any
 * background work shows as visitor latency), and paced, each connection pausing BENCH_PACE_MS
 * (20 ms) between requests, a heavy but not saturating load like a busy site's.
 */
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 20)
type Load = 'flat-out' | 'paced'
const LOADS: Load[] = ['flat-out', 'paced']
const PACE_SCRIPT = path.join(os.tmpdir(), `wc-bench-pace-${process.pid}.lua`)
fs.writeFileSync(PACE_SCRIPT, `function delay()\n  return ${PACE_MS}\nend\n`)
/**
 * Every request a miss of the page cache: each asks the same page with a query parameter of its
 * own (`b=<run>-<thread>-<n>`, which no page reads), so the server renders every one, as it must for the
 * many distinct pages a city's visitors ask for.
 */
const UNCACHED_SCRIPT = path.join(os.tmpdir(), `wc-bench-uncached-${process.pid}.lua`)
fs.writeFileSync(
  UNCACHED_SCRIPT,
  `local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
-- The start time keeps each run's parameters its own: the warm-up's pages are in the cache.
local run = os.time()
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "b=" .. run .. "-" .. tid .. "-" .. n)
end
`,
)
/** BENCH_SEND_ONLY=1: only the "during a send" scenario, for a quick look. */
const SEND_ONLY = process.env.BENCH_SEND_ONLY === '1'
/** BENCH_ENGINES=postgres (or pglite): measure one engine only. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',')
/** BENCH_CPU_PROF=<folder>: the measured server writes a V8 CPU profile there when it stops. */
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
/** The pages measured; the item page is found at run time (the first item of the Prikbord). */
const PAGES = ['/health', `${WIJK}/`, `${WIJK}/agenda`, `${WIJK}/prikbord`, `${WIJK}/organisaties`, 'ITEM', `${WIJK}/zoeken?q=koffie`, `${WIJK}/nieuws.rss`]
/** The pages also measured with every request missing the page cache (issue 15's targets). */
const UNCACHED_PAGES = new Set([`${WIJK}/`, `${WIJK}/agenda`, `${WIJK}/prikbord`, `${WIJK}/organisaties`, 'ITEM', `${WIJK}/zoeken?q=koffie`])
/**
 * Partner API calls, with the key of a partner whose agreement covers every city
 * (scripts/bench-partner.ts): a list of one wijk's activities with their occurrences, and a list
 * of organisations across the city. Each request checks the key, counts the rate limit and the
 * day's use, as in production.
 */
const API_PAGES = [`/api/v1/activities?wijk=${WIJK.slice(1)}`, '/api/v1/organisations?city=lindeburg&limit=20']
const PARTNER_KEY = `wck_bench${'0'.repeat(40)}`
/** The data call of an agenda widget on a partner's site (no key: the widget's id; CORS for its origin). */
const WIDGET_ID = '00000000-0000-4000-8000-00000000be4c'
const WIDGET_PAGES = [`/embed/v1/widgets/${WIDGET_ID}`]
const API_HEADERS = { Authorization: `Bearer ${PARTNER_KEY}` }

interface Result {
  engine: string
  path: string
  /** Same run's plain-Node ceiling for the same bytes, and our share of it. */
  ceilingRps: number
  shareOfCeiling: number
  bytes: number
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  errors: number
  rssMb: number
  /** The same page with every request a miss of the page cache (UNCACHED_PAGES only). */
  uncached?: { requestsPerSecond: number; shareOfCeiling: number; p50ms: number; p99ms: number; errors: number; rssMb: number }
}

function haveWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined
}

function toMs(value: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(value)
  if (!m) return NaN
  const n = Number(m[1])
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n
}

/** A browser's user agent, so page views are counted by the statistics like a real visit's (wrk sends none, which counts as a robot). */
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'
/** What every browser says it takes: kept pages go out gzipped, and the ceiling sends the same bytes. */
const BROWSER_HEADERS = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }

interface WrkStats {
  rps: number
  p50: number
  p99: number
  errors: number
}

/** How wrk sends: a send-scenario load, or flat out with every request a page-cache miss. */
type WrkMode = Load | 'uncached'
const WRK_SCRIPT: Record<WrkMode, string | null> = { 'flat-out': null, paced: PACE_SCRIPT, uncached: UNCACHED_SCRIPT }

function wrk(url: string, seconds: number, load: WrkMode = 'flat-out', headers: Record<string, string> = {}): WrkStats {
  return wrkStats(execFileSync('wrk', wrkArgs(url, seconds, load, headers), { encoding: 'utf8' }))
}

function wrkArgs(url: string, seconds: number, load: WrkMode, headers: Record<string, string> = {}): string[] {
  const extra = Object.entries({ ...BROWSER_HEADERS, ...headers }).flatMap(([name, value]) => ['-H', `${name}: ${value}`])
  const script = WRK_SCRIPT[load]
  return ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-H', `User-Agent: ${BROWSER_UA}`, ...extra, ...(script ? ['-s', script] : []), url]
}

/** wrk until `until` resolves (then SIGINT, on which wrk prints what it measured so far). */
async function wrkUntil(url: string, until: Promise<unknown>, load: Load): Promise<WrkStats> {
  const child = spawn('wrk', wrkArgs(url, 600, load), { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  try {
    await until
  } finally {
    child.kill('SIGINT')
    await exited
  }
  return wrkStats(out)
}

function wrkStats(out: string): WrkStats {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN)
  const p50 = toMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? '')
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? '')
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0)
  return { rps, p50, p99, errors }
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return NaN
  }
}

/** req/s of a plain Node http server sending the same bytes: the ceiling this machine allows. */
async function ceiling(body: Buffer, type: string, encoding: string): Promise<number> {
  const file = path.join(os.tmpdir(), `wc-ceiling-${process.pid}`)
  fs.writeFileSync(file, body)
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'ceiling-server.mjs'), file, type, encoding], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())))
  try {
    const url = `http://127.0.0.1:${port}/`
    wrk(url, 2)
    return wrk(url, SECONDS).rps
  } finally {
    child.kill('SIGTERM')
    fs.rmSync(file, { force: true })
  }
}

/**
 * An answer's bytes as they go over the wire (fetch would unpack them), asked twice so that the
 * second comes from the page cache as it does during the measurement.
 */
async function wireAnswer(url: string, headers: Record<string, string>): Promise<{ status: number; type: string; encoding: string; body: Buffer }> {
  const once = () =>
    new Promise<{ status: number; type: string; encoding: string; body: Buffer }>((resolve, reject) => {
      http
        // A socket of its own each time: a kept one may have been closed by the server during wrk.
        .get(url, { agent: false, headers: { ...BROWSER_HEADERS, ...headers } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (d: Buffer) => chunks.push(d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? 'text/html'), encoding: String(res.headers['content-encoding'] ?? ''), body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
    })
  await once()
  return once()
}

/** A kept-alive socket may have been closed by the server while wrk ran: retry on a new one. */
async function fetchFresh(url: string, headers: Record<string, string> = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { headers })
    } catch (err) {
      if (attempt >= 3) throw err
    }
  }
}

async function measure(engine: string, server: ServerProcess): Promise<Result[]> {
  const base = await server.ready
  await jobsDrained(base)
  const results: Result[] = []
  const list = await (await fetchFresh(`${base}${WIJK}/prikbord`)).text()
  const item = new RegExp(`href="(${WIJK}/prikbord/\\d+-[^"]+)"`).exec(list)?.[1]
  for (const page of [...PAGES, ...API_PAGES, ...WIDGET_PAGES]) {
    const p = page === 'ITEM' ? item : page
    if (!p) throw new Error('no item found on the Prikbord to measure')
    const url = base + p
    const headers = API_PAGES.includes(page) ? API_HEADERS : {}
    const res = await wireAnswer(url, headers)
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    const body = res.body
    wrk(url, 3, 'flat-out', headers)
    const r = wrk(url, SECONDS, 'flat-out', headers)
    const rss = rssMb(server.child.pid!)
    const top = await ceiling(body, res.type, res.encoding)
    const share = (100 * r.rps) / top
    const label = page === 'ITEM' ? `${WIJK}/prikbord/<item>` : p
    const line = (kind: string, s: WrkStats, rssNow: number): string =>
      `${engine.padEnd(9)} ${label.padEnd(32)} ${kind.padEnd(8)} ${s.rps.toFixed(0).padStart(7)} req/s (${((100 * s.rps) / top).toFixed(2)}% of ceiling ${top.toFixed(0)})   p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(8)} ms   ${(body.length / 1024).toFixed(1)} KB   errors ${s.errors}   rss ${rssNow} MB\n`
    process.stdout.write(line('cached', r, rss))
    // The label, not the item's own address: the item differs between engines and runs.
    const result: Result = { engine, path: label, ceilingRps: top, shareOfCeiling: share, bytes: body.length, requestsPerSecond: r.rps, p50ms: r.p50, p99ms: r.p99, errors: r.errors, rssMb: rss }
    if (UNCACHED_PAGES.has(page)) {
      wrk(url, 2, 'uncached', headers)
      const u = wrk(url, SECONDS, 'uncached', headers)
      const rssUncached = rssMb(server.child.pid!)
      result.uncached = { requestsPerSecond: u.rps, shareOfCeiling: (100 * u.rps) / top, p50ms: u.p50, p99ms: u.p99, errors: u.errors, rssMb: rssUncached }
      process.stdout.write(line('uncached', u, rssUncached))
    }
    results.push(result)
  }
  return results
}

interface SendResult {
  engine: string
  load: Load
  path: string
  subscribers: number
  /** From pressing "send" until every mail was queued. */
  queuedSeconds: number
  windowSeconds: number
  deliveredInWindow: number
  idleP99ms: number
  duringSendP99ms: number
  idleP50ms: number
  duringSendP50ms: number
  duringSendRps: number
  errors: number
  /** duringSendP99ms / idleP99ms; the aim is at most 2. */
  ratio: number
}

/** The CSRF token of the form on a page. */
function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error('no form token on the page')
  return token
}

/** Logs in as the wijk's wijkbeheerder and presses "send", as a person would. */
async function pressSend(base: string, wijkId: number, newsletterId: number): Promise<void> {
  const form = { origin: base, 'content-type': 'application/x-www-form-urlencoded' }
  const loginPage = await (await fetchFresh(`${base}/account/inloggen`)).text()
  const login = await fetch(`${base}/account/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: form,
    body: new URLSearchParams({ _csrf: csrfOf(loginPage), email: `wijkbeheer${WIJK.replace('/', '.')}@lindeburg.test`, password: DEMO_PASSWORD }),
  })
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  if (login.status !== 303 || !cookie) throw new Error(`login as wijkbeheerder failed (${login.status})`)
  const page = `${base}/beheer/wijken/${wijkId}/nieuwsbrieven/${newsletterId}`
  const draft = await fetch(page, { headers: { cookie } })
  if (draft.status !== 200) throw new Error(`${page} answered ${draft.status}`)
  const sent = await fetch(`${page}/versturen`, { method: 'POST', redirect: 'manual', headers: { ...form, cookie }, body: new URLSearchParams({ _csrf: csrfOf(await draft.text()) }) })
  if (sent.status !== 303 || !sent.headers.get('location')?.includes('flash.newsletter.sending')) throw new Error(`sending did not start (${sent.status} ${sent.headers.get('location')})`)
}

function mailboxCount(dataDir: string): number {
  try {
    return fs.readdirSync(path.join(dataDir, 'mailbox')).length
  } catch {
    return 0
  }
}

const subjectOf = (draft: number) => `Nieuws uit de wijk (benchmark ${draft})`

/** Resolves once /health reports no job waiting to run. */
async function jobsDrained(base: string, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { jobsDue } = (await (await fetchFresh(`${base}/health`)).json()) as { jobsDue: number }
    if (jobsDue === 0) return
    if (Date.now() > deadline) throw new Error(`${jobsDue} jobs still due after ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Resolves once the public archive lists the issue: every subscriber's mail is queued. */
async function allQueued(base: string, subject: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await (await fetchFresh(`${base}${WIJK}/nieuwsbrieven`)).text()).includes(subject)) {
    if (Date.now() > deadline) throw new Error('the newsletter was not sent in time')
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * The wijk home idle, then during a send (same server, same wrk): from pressing "send" until the
 * newsletter job has queued every subscriber's mail, and at least as long as the idle measurement.
 * The delivery jobs run meanwhile; how many mails reached the dev mailbox in that time is printed.
 */
async function duringSend(engine: string, server: ServerProcess, dataDir: string, newsletter: { wijkId: number; id: number; subject: string }, load: Load): Promise<SendResult> {
  const base = await server.ready
  const url = `${base}${WIJK}/`
  // The server's own jobs first (after a first start: a day's schedules, a burst of reminder
  // mails for the seeded items): the scenario is one send on an otherwise quiet queue.
  await jobsDrained(base)
  wrk(url, 3, load)
  const idle = wrk(url, SECONDS, load)
  const mailsBefore = mailboxCount(dataDir)
  const started = Date.now()
  let queuedSeconds = NaN
  const window = pressSend(base, newsletter.wijkId, newsletter.id)
    .then(() => allQueued(base, newsletter.subject))
    .then(async () => {
      queuedSeconds = (Date.now() - started) / 1000
      const rest = started + SECONDS * 1000 - Date.now()
      if (rest > 0) await new Promise((r) => setTimeout(r, rest))
    })
  const during = await wrkUntil(url, window, load)
  const windowSeconds = (Date.now() - started) / 1000
  const delivered = mailboxCount(dataDir) - mailsBefore
  const ratio = during.p99 / idle.p99
  process.stdout.write(
    `${engine.padEnd(9)} ${`${WIJK}/ send, ${load}`.padEnd(32)} idle p99 ${idle.p99.toFixed(2).padStart(7)} ms   during p99 ${during.p99.toFixed(2).padStart(8)} ms (${ratio.toFixed(2)}x)   p50 ${idle.p50.toFixed(2)} → ${during.p50.toFixed(2)} ms   ${during.rps.toFixed(0)} req/s   ${SUBSCRIBERS} mails queued in ${queuedSeconds.toFixed(1)} s, ${delivered} delivered in the ${windowSeconds.toFixed(1)} s measured   errors ${during.errors}\n`,
  )
  return { engine, load, path: `${WIJK}/`, subscribers: SUBSCRIBERS, queuedSeconds, windowSeconds, deliveredInWindow: delivered, idleP99ms: idle.p99, duringSendP99ms: during.p99, idleP50ms: idle.p50, duringSendP50ms: during.p50, duringSendRps: during.rps, errors: during.errors, ratio }
}

interface Prepared {
  wijkId: number
  newsletterIds: number[]
}
/** BENCH_SEND_ROUNDS=0: no send scenario, nothing to prepare. */
const NO_SEND: Prepared = { wijkId: 0, newsletterIds: [] }

/** Subscribers and a draft newsletter per round for the send scenario (with the server stopped). */
async function prepareSend(env: Record<string, string>): Promise<Prepared> {
  const run = await runScript('scripts/bench-newsletter.ts', [WIJK.slice(1), String(SUBSCRIBERS), String(SEND_ROUNDS * LOADS.length)], env)
  if (run.code !== 0) throw new Error(`preparing the newsletter failed:\n${run.output}`)
  return JSON.parse(run.output.trim().split('\n').at(-1)!) as Prepared
}

/** Every round of the send scenario on one server, under each load, then the median ratios. */
async function sendRounds(engine: string, server: ServerProcess, dataDir: string, prepared: Prepared): Promise<SendResult[]> {
  const rounds: SendResult[] = []
  let draft = 0
  if (SEND_ROUNDS === 0) return rounds
  for (let round = 1; round <= SEND_ROUNDS; round++) {
    for (const load of LOADS) {
      draft++
      rounds.push(await duringSend(engine, server, dataDir, { wijkId: prepared.wijkId, id: prepared.newsletterIds[draft - 1]!, subject: subjectOf(draft) }, load))
    }
  }
  for (const load of LOADS) {
    const ratios = rounds.filter((r) => r.load === load).map((r) => r.ratio).sort((a, b) => a - b)
    process.stdout.write(`${engine.padEnd(9)} ${`${WIJK}/ send, ${load}`.padEnd(32)} median p99 ratio ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}x over ${ratios.length} sends\n`)
  }
  return rounds
}

async function postgresUrl(): Promise<string | null> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('drop database if exists wc_bench with (force)')
    await client.query('create database wc_bench')
    await client.end()
    const u = new URL(admin)
    u.pathname = '/wc_bench'
    return u.toString()
  } catch {
    await client.end().catch(() => {})
    return null
  }
}

if (!haveWrk()) {
  process.stderr.write('wrk is not installed. Install it with: apt-get install wrk\n')
  process.exit(1)
}

buildServer()
process.stdout.write(`WijkConnect benchmark: wrk, ${CONNECTIONS} connections, ${SECONDS} s per page after a 3 s warm-up; ${os.cpus().length} cores\n\n`)
/** First start (demo data), then ITEMS more items through npm run seed, like an operator would. */
async function prepare(env: Record<string, string>): Promise<void> {
  const first = startServer({ ...env, LOG_LEVEL: 'warn' })
  await first.ready
  await first.stop()
  if (ITEMS > 0) {
    const started = Date.now()
    const seeded = await runScript('scripts/seed.ts', ['--items', String(ITEMS)], env)
    if (seeded.code !== 0) throw new Error(`seeding failed:\n${seeded.output}`)
    process.stdout.write(`seeded ${ITEMS} items in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
  }
  const partner = await runScript('scripts/bench-partner.ts', [], { ...env, BENCH_PARTNER_KEY: PARTNER_KEY, BENCH_WIDGET_ID: WIDGET_ID, BENCH_WIJK: WIJK.slice(1) })
  if (partner.code !== 0) throw new Error(`making the benchmark partner failed:\n${partner.output}`)
  if (env.DATABASE_URL) {
    // Otherwise PostgreSQL's autovacuum works through the freshly seeded tables during the
    // measurements, a few seconds of its CPU in some runs and not in others.
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    await client.query('vacuum (analyze)')
    await client.end()
  }
}

interface SearchTiming {
  scope: string
  q: string
  p50ms: number
  p99ms: number
  hits: number
}

async function searchLatency(engine: string, env: Record<string, string>): Promise<SearchTiming[]> {
  const run = await runScript('scripts/bench-search.ts', [], env)
  if (run.code !== 0) throw new Error(`search benchmark failed:\n${run.output}`)
  const timings = JSON.parse(run.output.trim().split('\n').at(-1)!) as SearchTiming[]
  for (const s of timings) {
    process.stdout.write(`${engine.padEnd(9)} search ${s.scope.padEnd(5)} ${JSON.stringify(s.q).padEnd(24)} p50 ${s.p50ms.toFixed(1).padStart(6)} ms   p99 ${s.p99ms.toFixed(1).padStart(6)} ms   (${s.hits} hits)\n`)
  }
  return timings
}

/** The size other sizes are compared with (issue 15: within 1.5x, search 2x, at ten times as many). */
const BASE_ITEMS = 100_000

interface Growth {
  engine: string
  path: string
  cached: number
  uncached?: number
}

/**
 * Each page's cost at this size beside its cost in the last run at BASE_ITEMS (the ratio of
 * requests per second there to here: 1.0 is flat, 2.0 twice as slow), each as a share of its own
 * run's ceiling so two runs on one machine compare fairly. Printed and kept in latest.json.
 */
function growthTable(baseFile: string): Growth[] {
  if (ITEMS === BASE_ITEMS || !fs.existsSync(baseFile)) return []
  const base = JSON.parse(fs.readFileSync(baseFile, 'utf8')) as { results: Result[] }
  const rows: Growth[] = []
  process.stdout.write(`\nGrowth from ${BASE_ITEMS} to ${ITEMS} items (cost here / cost there; 1.0 is flat)\n`)
  for (const r of all) {
    const b = base.results.find((x) => x.engine === r.engine && x.path === r.path)
    if (!b) continue
    const row: Growth = { engine: r.engine, path: r.path, cached: b.shareOfCeiling / r.shareOfCeiling }
    if (r.uncached && b.uncached) row.uncached = b.uncached.shareOfCeiling / r.uncached.shareOfCeiling
    rows.push(row)
    process.stdout.write(`${r.engine.padEnd(9)} ${r.path.padEnd(44)} cached ${row.cached.toFixed(2)}x${row.uncached ? `   uncached ${row.uncached.toFixed(2)}x` : ''}\n`)
  }
  return rows
}

const all: Result[] = []
const sends: SendResult[] = []
const searches: Record<string, SearchTiming[]> = {}
if (ENGINES.includes('pglite')) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'))
  try {
    await prepare({ DATA_DIR: dataDir })
    const prepared = SEND_ROUNDS > 0 ? await prepareSend({ DATA_DIR: dataDir }) : NO_SEND
    const embedded = startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, undefined, PROFILE)
    try {
      if (!SEND_ONLY) all.push(...(await measure('pglite', embedded)))
      sends.push(...(await sendRounds('pglite', embedded, dataDir, prepared)))
    } finally {
      await embedded.stop()
    }
    if (!SEND_ONLY) searches.pglite = await searchLatency('pglite', { DATA_DIR: dataDir })
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const url = ENGINES.includes('postgres') ? await postgresUrl() : null
if (url) {
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'))
  try {
    await prepare({ DATA_DIR: pgDir, DATABASE_URL: url })
    const prepared = SEND_ROUNDS > 0 ? await prepareSend({ DATA_DIR: pgDir, DATABASE_URL: url }) : NO_SEND
    const server = startServer({ DATA_DIR: pgDir, DATABASE_URL: url, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE, LOG_LEVEL: 'warn' }, undefined, PROFILE)
    try {
      if (!SEND_ONLY) all.push(...(await measure('postgres', server)))
      sends.push(...(await sendRounds('postgres', server, pgDir, prepared)))
    } finally {
      await server.stop()
    }
    if (!SEND_ONLY) searches.postgres = await searchLatency('postgres', { DATA_DIR: pgDir, DATABASE_URL: url })
  } finally {
    fs.rmSync(pgDir, { recursive: true, force: true })
  }
  for (const page of all.filter((r) => r.engine === 'pglite')) {
    const pgPage = all.find((r) => r.engine === 'postgres' && r.path === page.path)
    if (pgPage) process.stdout.write(`PGlite/PostgreSQL ${page.path.padEnd(32)} ${((100 * page.requestsPerSecond) / pgPage.requestsPerSecond).toFixed(0)}%\n`)
  }
} else if (ENGINES.includes('postgres')) {
  process.stdout.write('\nPostgreSQL not reachable: measured the embedded database only.\n')
}

const out = path.join(ROOT, 'bench-results')
fs.mkdirSync(out, { recursive: true })
const growth = growthTable(path.join(out, `items-${BASE_ITEMS}.json`))
const report = JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, items: ITEMS, results: all, duringSend: sends, searches, growth }, null, 2)
fs.writeFileSync(path.join(out, 'latest.json'), report)
// Kept per size as well, so a run at another BENCH_ITEMS can be set beside this one.
fs.writeFileSync(path.join(out, `items-${ITEMS}.json`), report)
fs.rmSync(PACE_SCRIPT, { force: true })
fs.rmSync(UNCACHED_SCRIPT, { force: true })
process.stdout.write(`\nWritten to bench-results/latest.json\n`)

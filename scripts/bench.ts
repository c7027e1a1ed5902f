/**
 * npm run bench
 *
 * Starts the real server and measures pages with wrk (Debian package `wrk`): 50 connections,
 * 10 seconds, after a 3-second warm-up, on the embedded database and, when reachable, on
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test — a separate
 * database wc_bench is created on that server). Prints req/s, p50/p99 latency and server RSS,
 * and writes bench-results/latest.json. Each page's figure is printed beside the same run's ceiling:
 * a plain Node http server sending a static copy of the same bytes, so the ratio holds across
 * machines. A benchmark, never a test: nothing here passes or fails.
 */
import { execFileSync, spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startServer, ROOT, type ServerProcess } from '../test/spawn.js'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const PATHS = ['/health', '/oosterpark-noord/']

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

function wrk(url: string, seconds: number): { rps: number; p50: number; p99: number; errors: number } {
  const out = execFileSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' })
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
async function ceiling(body: Buffer, type: string): Promise<number> {
  const file = path.join(os.tmpdir(), `wc-ceiling-${process.pid}`)
  fs.writeFileSync(file, body)
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'ceiling-server.mjs'), file, type], { stdio: ['ignore', 'pipe', 'inherit'] })
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

/** A kept-alive socket may have been closed by the server while wrk ran: retry on a new one. */
async function fetchFresh(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url)
    } catch (err) {
      if (attempt >= 3) throw err
    }
  }
}

async function measure(engine: string, server: ServerProcess): Promise<Result[]> {
  const base = await server.ready
  const results: Result[] = []
  for (const p of PATHS) {
    const url = base + p
    const res = await fetchFresh(url)
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    const body = Buffer.from(await res.arrayBuffer())
    wrk(url, 3)
    const r = wrk(url, SECONDS)
    const rss = rssMb(server.child.pid!)
    const top = await ceiling(body, res.headers.get('content-type') ?? 'text/html')
    const share = (100 * r.rps) / top
    results.push({ engine, path: p, ceilingRps: top, shareOfCeiling: share, bytes: body.length, requestsPerSecond: r.rps, p50ms: r.p50, p99ms: r.p99, errors: r.errors, rssMb: rss })
    process.stdout.write(
      `${engine.padEnd(9)} ${p.padEnd(24)} ${r.rps.toFixed(0).padStart(7)} req/s (${share.toFixed(2)}% of ceiling ${top.toFixed(0)})   p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(8)} ms   ${(body.length / 1024).toFixed(1)} KB   errors ${r.errors}   rss ${rss} MB\n`,
    )
  }
  return results
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

process.stdout.write(`WijkConnect benchmark: wrk, ${CONNECTIONS} connections, ${SECONDS} s per page after a 3 s warm-up; ${os.cpus().length} cores\n\n`)
const all: Result[] = []
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'))
const embedded = startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
try {
  all.push(...(await measure('pglite', embedded)))
} finally {
  await embedded.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}

const url = await postgresUrl()
if (url) {
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'))
  const server = startServer({ DATA_DIR: pgDir, DATABASE_URL: url, LOG_LEVEL: 'warn' })
  try {
    all.push(...(await measure('postgres', server)))
  } finally {
    await server.stop()
    fs.rmSync(pgDir, { recursive: true, force: true })
  }
} else {
  process.stdout.write('\nPostgreSQL not reachable: measured the embedded database only.\n')
}

const out = path.join(ROOT, 'bench-results')
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, results: all }, null, 2))
process.stdout.write(`\nWritten to bench-results/latest.json\n`)

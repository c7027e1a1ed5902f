/**
 * Starts the real server as a child process, compiled the way `npm start` runs it, and reads what
 * it prints.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..')

export interface ServerProcess {
  child: ChildProcess
  output(): string
  /** Resolves with the URL once the server says it runs. */
  ready: Promise<string>
  exited: Promise<number | null>
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** The compiled server `npm start` runs (scripts/build.mjs), beside the TypeScript one tests run through tsx. */
export const BUILT_SERVER = 'dist/server.js'

/** Compiles src/ into dist/ as `npm start` does first; throws with the compiler's output if it fails. */
export function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' })
}

/** The options `npm start` gives Node (package.json's start script), so the compiled server runs as it does there. */
export function startFlags(): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  const flags = /^node((?: --\S+)*) scripts\/start\.mjs$/.exec(start)
  if (!flags) throw new Error(`package.json's start script is not "node [--flag …] scripts/start.mjs": ${start}`)
  return flags[1]!.trim().split(' ').filter(Boolean)
}

/**
 * Starts `script`: by default the compiled server, with Node's options, as `npm start` runs it (the
 * tests' global setup compiles it once per run; a script calls buildServer() first), or TypeScript
 * through tsx.
 */
export function startServer(env: Record<string, string | undefined>, script = BUILT_SERVER, nodeArgs: string[] = []): ServerProcess {
  const runtime = script.endsWith('.js') ? startFlags() : ['--import', 'tsx']
  const child = spawn(process.execPath, [...nodeArgs, ...runtime, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let announce: (url: string) => void = () => {}
  let announced = false
  // Resolved from the very chunk that says "Listening on": a caller that acts on it at once
  // meets the server in the instant it prints, as an impatient operator or supervisor would.
  const onOutput = (d: Buffer) => {
    out += d.toString()
    const m = announced ? null : /Listening on (http:\/\/\S+)/.exec(out)
    if (m) {
      announced = true
      announce(m[1]!)
    }
  }
  child.stdout!.on('data', onOutput)
  child.stderr!.on('data', onOutput)
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      // A signal is named in the output, where a failing test's message shows it.
      if (signal) out += `\n[ended by ${signal}]\n`
      resolve(code)
    }),
  )
  const ready = new Promise<string>((resolve, reject) => {
    announce = resolve
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)))
  })
  ready.catch(() => {})
  return {
    child,
    output: () => out,
    ready,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}

/** The message for a stop that was not clean: the end of the server's output (with the signal that ended it, if one did). */
export function uncleanStop(s: ServerProcess): string {
  return `the server did not stop cleanly; the end of its output: ${s.output().slice(-400).replace(/\n/g, ' | ')}`
}

/** Runs a script to completion and returns its exit code and output. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

/**
 * Starts the real server (`src/server.ts`) as a child process, the way `npm start` does, and
 * reads what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process'
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

export function startServer(env: Record<string, string | undefined>, script = 'src/server.ts', nodeArgs: string[] = []): ServerProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Listening on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearInterval(timer)
        resolve(m[1]!)
      }
    }, 50)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`))
    })
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

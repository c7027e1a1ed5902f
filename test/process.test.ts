/**
 * The server as a process: first start in demo mode (on loopback only), a taken port, the
 * data-folder lock, clean shutdown,
 * production refusing incomplete configuration, and backup/restore of the embedded database.
 */
import { describe, it, expect, afterAll } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { startServer, runScript, uncleanStop, type ServerProcess } from './spawn.js'

const dirs: string[] = []
const servers: ServerProcess[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-proc-'))
  dirs.push(dir)
  return dir
}
function server(env: Record<string, string | undefined>): ServerProcess {
  const s = startServer(env)
  servers.push(s)
  return s
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')))
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://wijk.example.nl',
  SESSION_SECRET: 'a'.repeat(40),
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'noreply@wijk.example.nl',
  ARCHIVE_KEY: Buffer.alloc(32, 7).toString('base64'),
  OPERATOR_NAME: 'Stichting Proef',
  OPERATOR_ADDRESS: 'Proefstraat 1, 1234 AB Proefstad',
  OPERATOR_KVK: '12345678',
  OPERATOR_EMAIL: 'privacy@proef.example.nl',
}

describe('first start in demo mode, compiled as npm start runs it', () => {
  const dataDir = tempDir()
  let first: ServerProcess

  it('migrates, seeds demo data and prints the URL and demo logins', async () => {
    first = server({ DATA_DIR: dataDir })
    const url = await first.ready
    expect(first.output()).toContain('Demo logins')
    expect(first.output()).toContain('admin@lindeburg.test')
    const health = await fetch(`${url}/health`)
    expect(await health.json()).toEqual({ status: 'ok', db: 'pglite', jobsDue: expect.any(Number) })
    const wijk = await fetch(`${url}/oosterpark-noord/`)
    expect(wijk.status).toBe(200)
    const html = await wijk.text()
    expect(html).toContain('Oosterpark-Noord')
    // The files the compiled modules read beside them were copied: the stylesheet, the widget's script.
    const stylesheet = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(html)?.[1]
    expect(stylesheet).toBeDefined()
    expect((await fetch(`${url}${stylesheet}`)).status).toBe(200)
    const widget = await fetch(`${url}/embed/v1.js`)
    expect(widget.status).toBe(200)
    expect(await widget.text()).toContain('iframe')
  }, 60_000)

  it('keeps an idle connection open longer than a proxy or browser waits before reusing it', async () => {
    // Node closes an idle kept-alive connection after 5 s by default. A reverse proxy (nginx keeps
    // upstream connections 60 s) or a client that sends on it in the instant the server closes it
    // meets a reset instead of an answer; the browser tests met exactly that.
    const { hostname, port } = new URL(await first.ready)
    const socket = net.connect(Number(port), hostname)
    let received = ''
    let closed = false
    socket.on('data', (d) => (received += d.toString()))
    socket.on('close', () => (closed = true))
    const answers = async (n: number) => {
      for (let i = 0; i < 100 && (received.match(/HTTP\/1\.1 200/g) ?? []).length < n; i++) await new Promise((r) => setTimeout(r, 50))
      return (received.match(/HTTP\/1\.1 200/g) ?? []).length
    }
    const ask = () => socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`)
    ask()
    expect(await answers(1)).toBe(1)
    await new Promise((r) => setTimeout(r, 6_000))
    expect(closed).toBe(false)
    ask()
    expect(await answers(2)).toBe(2)
    socket.destroy()
  }, 30_000)

  it('refuses a second process on the same data folder, naming the reason', async () => {
    const second = startServer({ DATA_DIR: dataDir })
    const code = await second.exited
    expect(code).toBe(1)
    expect(second.output()).toMatch(/in use by another WijkConnect process/)
  }, 60_000)

  it('writes a backup while running (npm run backup)', async () => {
    const target = path.join(tempDir(), 'backup')
    const result = await runScript('scripts/backup.ts', [target], { DATA_DIR: dataDir })
    expect(result.output).toContain('written by the running server')
    expect(result.code).toBe(0)
    expect(fs.statSync(path.join(target, 'database.tar.gz')).size).toBeGreaterThan(1000)
    fs.writeFileSync(path.join(dataDir, 'backup-target'), target)
  }, 60_000)

  it('shuts down cleanly on SIGTERM and releases the data folder', async () => {
    // A request still arriving when the signal comes is answered; its connection, kept alive by
    // the client, then closes at once instead of holding the shutdown for the idle time.
    const { hostname, port } = new URL(await first.ready)
    const socket = net.connect(Number(port), hostname)
    await new Promise((resolve) => socket.once('connect', resolve))
    let received = ''
    socket.on('data', (d) => (received += d.toString()))
    socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\n`)
    await new Promise((r) => setTimeout(r, 200))
    const started = Date.now()
    const stopped = first.stop('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    socket.write('\r\n')
    const code = await stopped
    socket.destroy()
    expect(received).toMatch(/^HTTP\/1\.1 200/)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(code, uncleanStop(first)).toBe(0)
    expect(fs.existsSync(path.join(dataDir, 'wijkconnect.lock'))).toBe(false)
  }, 30_000)

  it('restores the backup into a new data folder that then serves the same data', async () => {
    const target = fs.readFileSync(path.join(dataDir, 'backup-target'), 'utf8')
    const restoredDir = tempDir()
    const restored = await runScript('scripts/restore.ts', [target], { DATA_DIR: restoredDir })
    expect(restored.output).toContain('Restored')
    expect(restored.code).toBe(0)
    const again = server({ DATA_DIR: restoredDir })
    const url = await again.ready
    const wijk = await fetch(`${url}/de-vlinderhof/`)
    expect(wijk.status).toBe(200)
    expect(await again.stop(), uncleanStop(again)).toBe(0)
  }, 60_000)

  it('does not seed twice on a later start, and without HOST listens on this computer only', async () => {
    const again = server({ DATA_DIR: dataDir, HOST: undefined })
    const url = await again.ready
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(again.output()).toContain('Demo mode listens on this computer only (127.0.0.1)')
    expect(again.output()).toContain('Showing the demo to others')
    expect(again.output()).toContain('Demo logins')
    expect((await fetch(`${url}/brinkveld/`)).status).toBe(200)
    expect(await again.stop(), uncleanStop(again)).toBe(0)
    // A second seed would have failed on the unique slugs and crashed the start.
  }, 60_000)

  // The demo folder made above: a fresh one would spend seconds on initdb and seeding again.
  it('warns when HOST opens the demo and its mailbox to other computers', async () => {
    const s = server({ DATA_DIR: dataDir, HOST: '0.0.0.0' })
    await s.ready
    expect(s.output()).toContain('Warning: HOST=0.0.0.0 makes the demo and its dev mailbox')
    expect(await s.stop(), uncleanStop(s)).toBe(0)
  }, 60_000)
})

describe('production mode', () => {
  it('refuses to start without its settings and names each missing one', async () => {
    const s = startServer({ NODE_ENV: 'production', DATA_DIR: tempDir() })
    expect(await s.exited).toBe(1)
    for (const name of ['PUBLIC_BASE_URL', 'SESSION_SECRET', 'SMTP_URL', 'MAIL_FROM', 'ARCHIVE_KEY', 'OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_KVK', 'OPERATOR_EMAIL']) {
      expect(s.output()).toContain(name)
    }
  }, 30_000)

  it('refuses a bad value with a clear message', async () => {
    const s = startServer({ ...PRODUCTION_ENV, SESSION_SECRET: 'short', DATA_DIR: tempDir() })
    expect(await s.exited).toBe(1)
    expect(s.output()).toMatch(/SESSION_SECRET: must be at least 32 characters/)
  }, 30_000)

  it('starts with complete settings, seeds nothing and hides the dev mailbox', async () => {
    const s = server({ ...PRODUCTION_ENV, DATA_DIR: tempDir() })
    const url = await s.ready
    expect(s.output()).not.toContain('Demo logins')
    expect(s.output()).toContain('runs at https://wijk.example.nl')
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', db: 'pglite', jobsDue: expect.any(Number) })
    expect((await fetch(`${url}/oosterpark-noord/`)).status).toBe(404)
    expect((await fetch(`${url}/dev/mailbox`)).status).toBe(404)
    expect(await s.stop(), uncleanStop(s)).toBe(0)
  }, 60_000)
})

describe('start-up checks', () => {
  it('answers a taken port with one clear line before touching the data folder', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const dataDir = path.join(tempDir(), 'new-data')
      const s = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' })
      expect(await s.exited).toBe(1)
      expect(s.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`)
      expect(s.output()).not.toMatch(/Unhandled|EADDRINUSE|\n\s+at /)
      // Neither migrated nor seeded nor locked: the new data folder was never created.
      expect(fs.existsSync(dataDir)).toBe(false)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  }, 60_000)
})

/**
 * Where mail goes: an SMTP server (SMTP_URL), or in development the dev mailbox: each message is
 * written as an .eml file under DATA_DIR/mailbox, with a .json copy of what /dev/mailbox lists.
 * Outside production every mail also lands in the dev mailbox (withDevMailboxCopy), so the page
 * shows all of it, including mail whose outbox row was erased with a cancelled account.
 */
import nodemailer from 'nodemailer'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface MailMessage {
  messageId: string
  from: string
  to: string
  replyTo?: string
  subject: string
  text: string
  html?: string
  headers: Record<string, string>
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>
}

export interface MailTransport {
  kind: 'smtp' | 'devbox'
  send(message: MailMessage): Promise<void>
  close(): void
}

/** How long the SMTP transport waits for the mail server (milliseconds). */
export interface SmtpLimits {
  connectMs: number
  greetingMs: number
  /** Silence on an open connection, also an idle pooled one, which is then closed. */
  socketMs: number
}

const SMTP_LIMITS: SmtpLimits = { connectMs: 15_000, greetingMs: 15_000, socketMs: 60_000 }

/**
 * Mail over SMTP through a small pool of kept-open connections: the mails of a newsletter go out
 * one after another on one connection instead of a handshake (and a TLS and login exchange) each.
 * The options go in one object with the URL: given as nodemailer's second argument they would be
 * taken as defaults for every message, and the time limits silently left at nodemailer's own.
 */
export function smtpTransport(url: string, limits: Partial<SmtpLimits> = {}): MailTransport {
  const { connectMs, greetingMs, socketMs } = { ...SMTP_LIMITS, ...limits }
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: connectMs,
    greetingTimeout: greetingMs,
    socketTimeout: socketMs,
  })
  return {
    kind: 'smtp',
    async send(m) {
      await transporter.sendMail({ ...m, messageId: m.messageId, disableFileAccess: true, disableUrlAccess: true })
    },
    close: () => transporter.close(),
  }
}

/** The dev mailbox's folder inside the data folder. */
export const devMailboxDir = (dataDir: string) => path.join(dataDir, 'mailbox')

/** The file name (without extension) a message is kept under: its Message-ID, made safe. */
export const devMailName = (messageId: string) => messageId.replace(/[^a-zA-Z0-9.-]/g, '_')

/** What the dev mailbox page shows of one delivered mail (the .json next to the .eml). */
export interface DevMail {
  name: string
  messageId: string
  to: string
  replyTo: string | null
  subject: string
  text: string
  /** When it reached the dev mailbox (wall-clock time: a developer's record, not business time). */
  deliveredAt: string
}

export function devMailboxTransport(dir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'devbox',
    async send(m) {
      const info = (await builder.sendMail({ ...m, disableFileAccess: true, disableUrlAccess: true })) as { message: Buffer }
      await fs.mkdir(dir, { recursive: true })
      const name = devMailName(m.messageId)
      await fs.writeFile(path.join(dir, `${name}.eml`), info.message)
      const listed: DevMail = { name, messageId: m.messageId, to: m.to, replyTo: m.replyTo ?? null, subject: m.subject, text: m.text, deliveredAt: new Date().toISOString() }
      await fs.writeFile(path.join(dir, `${name}.json`), JSON.stringify(listed))
    },
    close: () => builder.close(),
  }
}

/**
 * Outside production: delivers through `primary` and keeps a copy in the dev mailbox. The copy is
 * a developer's convenience, so a failed copy never fails (and so never repeats) a delivery.
 */
export function withDevMailboxCopy(primary: MailTransport, dir: string): MailTransport {
  if (primary.kind === 'devbox') return primary
  const copy = devMailboxTransport(dir)
  return {
    kind: primary.kind,
    async send(m) {
      await primary.send(m)
      await copy.send(m).catch(() => undefined)
    },
    close() {
      primary.close()
      copy.close()
    },
  }
}

/** The delivered mails in the dev mailbox, newest first. */
export async function listDevMailbox(dir: string, limit: number): Promise<DevMail[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const mails = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => readDevMail(dir, n.slice(0, -'.json'.length))))
  return mails
    .filter((m): m is DevMail => m !== null)
    .sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt) || b.name.localeCompare(a.name))
    .slice(0, limit)
}

/** One delivered mail by its file name, or null. */
export async function readDevMail(dir: string, name: string): Promise<DevMail | null> {
  if (!/^[a-zA-Z0-9._-]+$/.test(name) || name.startsWith('.')) return null
  try {
    return JSON.parse(await fs.readFile(path.join(dir, `${name}.json`), 'utf8')) as DevMail
  } catch {
    return null
  }
}

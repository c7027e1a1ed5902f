/**
 * Where mail goes: an SMTP server (SMTP_URL), or in development the dev mailbox: each message is
 * written as an .eml file under DATA_DIR/mailbox and listed at /dev/mailbox.
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
}

export interface MailTransport {
  kind: 'smtp' | 'devbox'
  send(message: MailMessage): Promise<void>
  close(): void
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as object)
  return {
    kind: 'smtp',
    async send(m) {
      await transporter.sendMail({ ...m, messageId: m.messageId, disableFileAccess: true, disableUrlAccess: true })
    },
    close: () => transporter.close(),
  }
}

export function devMailboxTransport(dir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'devbox',
    async send(m) {
      const info = (await builder.sendMail({ ...m, disableFileAccess: true, disableUrlAccess: true })) as { message: Buffer }
      await fs.mkdir(dir, { recursive: true })
      const name = m.messageId.replace(/[^a-zA-Z0-9.-]/g, '_')
      await fs.writeFile(path.join(dir, `${name}.eml`), info.message)
    },
    close: () => builder.close(),
  }
}

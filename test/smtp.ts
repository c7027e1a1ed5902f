/**
 * A real SMTP server on loopback that keeps every message it receives, parsed.
 *
 * @example
 * const smtp = await startSmtpCapture()
 * const mail = await smtp.waitFor((m) => m.to === 'a@b.nl')
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

export interface CapturedMail {
  to: string
  from: string
  subject: string
  text: string
  html: string
  replyTo: string | undefined
  messageId: string | undefined
  headers: Map<string, unknown>
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>
  raw: string
  /** Wall time (ms) it arrived. */
  receivedAt: number
}

export interface SmtpCapture {
  url: string
  messages: CapturedMail[]
  /** TCP connections accepted so far. */
  readonly connections: number
  waitFor(match: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>
  close(): Promise<void>
}

function firstAddress(field: ParsedMail['to'] | ParsedMail['replyTo']): string {
  const list = Array.isArray(field) ? field : field ? [field] : []
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).join(',')
}

export interface SmtpOptions {
  /** Answer the first N messages with a temporary failure (451), like a server under load. */
  failFirst?: number
  /**
   * Called with each message once it is kept; true leaves the sender waiting for the answer
   * forever (the message arrived, but the sender never hears so), e.g. to kill it right there.
   */
  hold?: (m: CapturedMail) => boolean
}

export async function startSmtpCapture(opts: SmtpOptions = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = []
  let toFail = opts.failFirst ?? 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (toFail > 0) {
          toFail--
          const err = new Error('try again later') as Error & { responseCode: number }
          err.responseCode = 451
          callback(err)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw)
          .then((parsed) => {
            const mail: CapturedMail = {
              to: firstAddress(parsed.to),
              from: firstAddress(parsed.from as ParsedMail['to']),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              replyTo: firstAddress(parsed.replyTo) || undefined,
              messageId: parsed.messageId,
              headers: parsed.headers,
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
              raw,
              receivedAt: Date.now(),
            }
            messages.push(mail)
            if (!opts.hold?.(mail)) callback()
          })
          .catch((err: Error) => callback(err))
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  let connections = 0
  server.server.on('connection', () => connections++)
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get connections() {
      return connections
    },
    async waitFor(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.find(match)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms (got ${messages.length})`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

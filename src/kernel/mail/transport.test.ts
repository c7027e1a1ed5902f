/**
 * The SMTP transport against real servers on loopback: it keeps one connection open for the mails
 * that follow (a newsletter's thousand mails are not a thousand handshakes), and its time limits
 * hold, so a mail server that accepts the connection and then says nothing cannot hold a
 * delivery for minutes.
 */
import { describe, it, expect, afterEach } from 'vitest'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { smtpTransport, type MailMessage, type MailTransport } from './transport.js'
import { startSmtpCapture } from '../../../test/smtp.js'

const message = (n: number): MailMessage => ({
  messageId: `<transport-${n}@wijk.example.nl>`,
  from: 'noreply@wijk.example.nl',
  to: `buur${n}@example.test`,
  subject: `Bericht ${n}`,
  text: 'Hallo',
  headers: {},
  attachments: [],
})

const open: Array<{ close(): unknown }> = []
afterEach(async () => {
  // The transport first: the server waits for open connections when it closes.
  for (const thing of open.splice(0).reverse()) await thing.close()
})

describe('the SMTP transport', () => {
  it('sends mails one after another over one connection', async () => {
    const smtp = await startSmtpCapture()
    open.push(smtp)
    const transport: MailTransport = smtpTransport(smtp.url)
    open.push(transport)
    for (const n of [1, 2, 3, 4]) await transport.send(message(n))
    expect(smtp.messages.map((m) => m.to)).toEqual(['buur1@example.test', 'buur2@example.test', 'buur3@example.test', 'buur4@example.test'])
    expect(smtp.connections).toBe(1)
  })

  it('replaces a kept connection that went quiet, without an error, for the next mail', async () => {
    const smtp = await startSmtpCapture()
    open.push(smtp)
    const transport = smtpTransport(smtp.url, { socketMs: 300 })
    open.push(transport)
    await transport.send(message(1))
    await new Promise((resolve) => setTimeout(resolve, 900))
    await transport.send(message(2))
    expect(smtp.messages.map((m) => m.to)).toEqual(['buur1@example.test', 'buur2@example.test'])
    expect(smtp.connections).toBe(2)
  })

  it('gives up on a server that connects and never greets, within its greeting limit', async () => {
    const silent = net.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    open.push({ close: () => new Promise((resolve) => silent.close(resolve)) })
    silent.on('connection', (socket) => open.push({ close: () => socket.destroy() }))
    const transport = smtpTransport(`smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, { greetingMs: 300 })
    open.push(transport)
    const started = Date.now()
    await expect(transport.send(message(1))).rejects.toThrow(/greeting/i)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

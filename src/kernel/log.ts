/**
 * Structured logs (pino), UTC timestamps. Personal data and secrets are redacted by key, and
 * request logs carry the route pattern, never query strings or bodies.
 */
import { pino, type Logger } from 'pino'
import { DrizzleQueryError } from 'drizzle-orm/errors'

export type { Logger }

const REDACT = [
  'password',
  'newPassword',
  'token',
  'email',
  'to',
  'replyTo',
  'firstName',
  'lastName',
  'iban',
  'phone',
  'address',
  'cookie',
  'authorization',
  '*.password',
  '*.token',
  '*.email',
  '*.to',
  '*.replyTo',
  '*.cookie',
  '*.authorization',
]

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    destination as pino.DestinationStream | undefined,
  )
}

/** Email addresses, wherever an error message quotes one (SMTP replies, database constraint texts). */
const EMAIL_IN_TEXT = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g

/**
 * An error as text fit for a log line or a job row: its class, its code when it has one
 * (SQLSTATE, SMTP reply code) and its message with email addresses masked. Errors from the
 * mail server and the database can quote the data that caused them, and a failed query's
 * wrapper lists its parameters, so only the driver's own error is described.
 */
export function errorSummary(err: unknown): string {
  if (!(err instanceof Error)) return String(err).replace(EMAIL_IN_TEXT, '[email]').slice(0, 1000)
  // Drizzle's wrapper spells out the query with all its parameters; the driver's error under it does not.
  if (err instanceof DrizzleQueryError) return err.cause ? `query failed: ${errorSummary(err.cause)}` : 'query failed'
  const code = (err as { code?: unknown; responseCode?: unknown }).code ?? (err as { responseCode?: unknown }).responseCode
  const head = typeof code === 'string' || typeof code === 'number' ? `${err.name} ${code}` : err.name
  return `${head}: ${err.message.replace(EMAIL_IN_TEXT, '[email]')}`.slice(0, 1000)
}

/** Error details for a log line: the summary above and the stack frames (without the message). */
export function errorForLog(err: unknown): { error: string; frames?: string } {
  // Only the "at …" lines: a message can span lines, and the stack starts with it.
  const frames = err instanceof Error ? err.stack?.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8).join('\n') : undefined
  return frames ? { error: errorSummary(err), frames } : { error: errorSummary(err) }
}

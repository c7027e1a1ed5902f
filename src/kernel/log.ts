/**
 * Structured logs (pino), UTC timestamps. Personal data and secrets are redacted by key, and
 * request logs carry the route pattern, never query strings or bodies.
 */
import { pino, type Logger } from 'pino'

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

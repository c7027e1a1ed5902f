/** Environments for configuration tests: a complete production one, and what loadConfig refuses. */
import { ConfigError } from '../src/config/env.js'

export const TEST_SECRET = 'a-session-secret-of-at-least-32-characters!'

/** Every variable production requires, except the archive key (tests add or leave it out). */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://wijk.example.nl',
  SESSION_SECRET: TEST_SECRET,
  SMTP_URL: 'smtp://mail.example.nl:587',
  MAIL_FROM: 'noreply@example.nl',
  OPERATOR_NAME: 'Stichting Test',
  OPERATOR_ADDRESS: 'Teststraat 1, 1234 AB Test',
  OPERATOR_KVK: '12345678',
  OPERATOR_EMAIL: 'privacy@example.nl',
}

/** The problems a ConfigError names, or [] when the configuration loads. */
export function configProblems(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

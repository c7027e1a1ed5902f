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

/** A complete seller for invoices, as production with BILLING_ENABLED=1 requires (with BILLING_KEY). */
export const BILLING_OPERATOR_ENV = {
  BILLING_OPERATOR_STREET: 'Oudegracht 231',
  BILLING_OPERATOR_POSTCODE: '3511 NK',
  BILLING_OPERATOR_CITY: 'Utrecht',
  BILLING_OPERATOR_VAT: 'NL123456789B01',
  BILLING_IBAN: 'NL91ABNA0417164300',
  BILLING_BIC: 'ABNANL2A',
  BILLING_CREDITOR_ID: 'NL69ZZZ123456780000',
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

/**
 * Configuration from the environment, validated once at start.
 *
 * Without any configuration the platform runs in demo mode: embedded database, dev mailbox,
 * demo data. With NODE_ENV=production every secret and operator detail must be set; the
 * process refuses to start and names each missing variable. `.env.example` lists them all.
 */
import { z } from 'zod'
import path from 'node:path'
import { DEV_KEY_ID, KEY_ID, configuredKeys, decodeKey, developmentKey, parsePreviousKeys } from './keys.js'
import { BASE_THEME, THEMES } from '../kernel/ui/assets.js'
import { DEFAULT_POOL_SIZE } from '../kernel/db/client.js'
import { billingEnvShape, billingOperator, type BillingOperator, type Pain008Version } from './billing.js'

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

/** Where demo mode listens unless HOST says otherwise. */
export const LOOPBACK = '127.0.0.1'

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Interface to listen on. Production: all interfaces (0.0.0.0). Demo mode: this computer only
   * (127.0.0.1), because the dev mailbox shows every mail, password-reset links included.
   */
  HOST: optionalString,
  /** Folder for the embedded database, uploads, dev mailbox and backups. */
  DATA_DIR: z.string().default('./data'),
  /** postgres://… to use a PostgreSQL server instead of the embedded database. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
  ),
  /**
   * Connections to the PostgreSQL server at most (default 10). Fewer shorten the slowest uncached
   * pages when PostgreSQL shares a small machine; more suit a database server of its own
   * (decisions/032). Half of them run the statements built once (decisions/035).
   */
  DATABASE_POOL_SIZE: optionalString
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').optional())
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number().min(1, 'must be at least 1').max(100, 'must be at most 100').optional()),
  /** Public address, e.g. https://wijkconnect.example.nl (links in mail, canonical URLs). */
  PUBLIC_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** At least 32 characters; signs anonymous form tokens and hashes rate-limit keys. */
  SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** smtp://user:pass@host:port or smtps://…; without it mail goes to the dev mailbox. */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: optionalString.pipe(z.email().optional()),
  /**
   * Seconds before a mail whose sending process died (a crash, a killed container) is sent again
   * by another process or after the restart: the delivery's lease. The receiving server may get
   * that one mail twice, with the same Message-ID. Shorter means sooner after a crash, but a
   * mail server that takes longer than this minus 5 s to accept one message could get it twice.
   */
  MAIL_RESEND_AFTER_CRASH_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** 32-byte key (base64 or 64 hex chars) for the encrypted account archive; separate from every other secret. */
  ARCHIVE_KEY: optionalString.pipe(
    z
      .string()
      .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as base64 or 64 hex characters')
      .optional(),
  ),
  ARCHIVE_KEY_ID: z.string().regex(KEY_ID, 'must be 1–32 of a-z, 0-9 and -').default('k1'),
  /**
   * Earlier archive keys, only to decrypt archives written before a key rotation: "id:key,id:key"
   * (each key 32 bytes as base64 or 64 hex characters). New archives always use ARCHIVE_KEY.
   */
  ARCHIVE_PREVIOUS_KEYS: optionalString.pipe(
    z
      .string()
      .refine((v) => parsePreviousKeys(v) !== null, 'must be "id:key,id:key" with ids of a-z, 0-9 and - and 32-byte keys')
      .optional(),
  ),
  /** 1 switches on packages with invoices and direct debit; production then requires BILLING_KEY. */
  BILLING_ENABLED: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** 32-byte key (base64 or 64 hex chars) for bank account numbers (IBANs); separate from every other secret. */
  BILLING_KEY: optionalString.pipe(
    z
      .string()
      .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as base64 or 64 hex characters')
      .optional(),
  ),
  BILLING_KEY_ID: z.string().regex(KEY_ID, 'must be 1–32 of a-z, 0-9 and -').default('k1'),
  /** Earlier billing keys, only to decrypt what they sealed: "id:key,id:key". */
  BILLING_PREVIOUS_KEYS: optionalString.pipe(
    z
      .string()
      .refine((v) => parsePreviousKeys(v) !== null, 'must be "id:key,id:key" with ids of a-z, 0-9 and - and 32-byte keys')
      .optional(),
  ),
  /** The operator as seller and direct-debit creditor on invoices (config/billing.ts). */
  ...billingEnvShape,
  OPERATOR_NAME: optionalString,
  OPERATOR_ADDRESS: optionalString,
  OPERATOR_KVK: optionalString.pipe(z.string().regex(/^\d{8}$/, 'must be 8 digits').optional()),
  OPERATOR_EMAIL: optionalString.pipe(z.email().optional()),
  /** Set to 1 when behind a reverse proxy that sets X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Memory for the page cache of visitors' pages, in MB. Pages are kept gzipped (with their headers
   * about 4.5 KB each), so the default of 16 holds about 3,500; a city with many busy wijken may give
   * it more.
   */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(16),
  /**
   * Sign-ups per hour from one connection (one IP address). Sized for a sign-up afternoon of 30
   * people on one buurthuis Wi-Fi, with room for typos; per-address limits apply apart from this.
   */
  SIGNUP_PER_CONNECTION_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  /**
   * Who must log in with a second factor (an authenticator app or a passkey): "admins" (platform
   * admins), "all-roles" (admins, ambassadeurs and wijkbeheerders) or "nobody". Default: "admins"
   * in production, "nobody" otherwise. Production refuses "nobody".
   */
  SECOND_FACTOR_REQUIRED_FOR: optionalString.pipe(z.enum(['admins', 'all-roles', 'nobody']).optional()),
  /** Days after an appointment (or after the requirement is switched on) before role powers are withheld. */
  SECOND_FACTOR_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /**
   * A city's own look for its wijken: "city-slug:theme,city-slug:theme", each theme a file in
   * src/kernel/ui/static/themes/ (or "basis", the look without a theme). Demo mode without it gives
   * the demo city the "stadsblauw" theme.
   */
  CITY_THEMES: optionalString.pipe(
    z
      .string()
      .refine((v) => parseCityThemes(v) !== null, `must be "city-slug:theme,…" with themes among ${[BASE_THEME, ...THEMES.keys()].join(', ')}`)
      .optional(),
  ),
})

export type RawEnv = z.infer<typeof envSchema>

export interface Config {
  env: 'development' | 'production' | 'test'
  isProduction: boolean
  /** Demo mode: seeds demo data, keeps mail in the dev mailbox, prints demo logins. */
  demo: boolean
  port: number
  host: string
  /** HOST was set: in demo mode the server then says that the dev mailbox is reachable from there. */
  hostExplicit: boolean
  dataDir: string
  databaseUrl: string | undefined
  /** Connections to PostgreSQL at most (DATABASE_POOL_SIZE). */
  databasePoolSize: number
  publicBaseUrl: string
  sessionSecret: string
  smtpUrl: string | undefined
  mailFrom: string
  /** The lease of a mail delivery: how soon a delivery whose process died is tried again (MAIL_RESEND_AFTER_CRASH_SECONDS). */
  mailDeliveryLeaseMs: number
  /**
   * Key of the encrypted account archive (P26). Outside production without ARCHIVE_KEY this is a
   * development key derived from the session secret (id "dev"), announced in `warnings`.
   */
  archiveKey: Buffer
  archiveKeyId: string
  /** Keys of earlier rotations by id, only for decrypting older archives (ARCHIVE_PREVIOUS_KEYS). */
  archivePreviousKeys: Map<string, Buffer>
  /**
   * Packages with invoices and direct debit (BILLING_ENABLED). `keys` seal bank account numbers:
   * BILLING_KEY, or outside production a development key; null only in production with billing off.
   * `operator` is the seller on invoices and the creditor of direct debits; `paymentTermDays` the
   * days a transfer invoice gives.
   */
  billing: {
    enabled: boolean
    keys: { key: Buffer; keyId: string; previous: Map<string, Buffer> } | null
    operator: BillingOperator
    paymentTermDays: number
    /** Days after the due date of the first and second reminder of an unpaid transfer invoice. */
    reminderDays: number[]
    /** The version of ISO 20022 pain.008.001 the direct-debit files are written in (BILLING_PAIN008_VERSION). */
    pain008Version: Pain008Version
  }
  /** Things the operator should know at start (printed by the server), e.g. a development key in use. */
  warnings: string[]
  operator: { name: string; address: string; kvk: string; email: string }
  trustProxy: boolean
  logLevel: RawEnv['LOG_LEVEL']
  /** The page cache's memory in bytes (PAGE_CACHE_MB). */
  pageCacheBytes: number
  /** Sign-ups per hour from one connection. */
  signupPerConnectionHour: number
  /** Which roles need a second factor, and how long a newly appointed person has to set one up. */
  secondFactor: { requiredFor: 'admins' | 'all-roles' | 'nobody'; graceDays: number }
  /** The theme of each city that has one of its own, by city slug (CITY_THEMES). */
  cityThemes: ReadonlyMap<string, string>
}

/** The demo city's theme when CITY_THEMES is not set (demo mode only): one other look to see. */
const DEMO_CITY_THEMES = 'lindeburg:stadsblauw'

/** Parses CITY_THEMES ("city-slug:theme,…"); null when a part is malformed, a city repeats or a theme does not exist. */
export function parseCityThemes(value: string): Map<string, string> | null {
  const themes = new Map<string, string>()
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [city, theme, ...rest] = part.split(':').map((p) => p.trim())
    if (!city || !theme || rest.length > 0 || !/^[a-z0-9-]{1,60}$/.test(city) || themes.has(city)) return null
    if (theme !== BASE_THEME && !THEMES.has(theme)) return null
    themes.set(city, theme)
  }
  return themes
}

/** Variables production cannot run without, with what they are for. */
const REQUIRED_IN_PRODUCTION: Array<[keyof RawEnv, string]> = [
  ['PUBLIC_BASE_URL', 'public address of the site'],
  ['SESSION_SECRET', 'secret for form tokens and rate-limit keys'],
  ['SMTP_URL', 'mail server'],
  ['MAIL_FROM', 'sender address of outgoing mail'],
  ['ARCHIVE_KEY', 'key of the encrypted account archive'],
  ['OPERATOR_NAME', 'name of the organisation running the platform'],
  ['OPERATOR_ADDRESS', 'postal address of the operator'],
  ['OPERATOR_KVK', 'Chamber of Commerce (KvK) number of the operator'],
  ['OPERATOR_EMAIL', 'contact email of the operator'],
]

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** The id of the development archive key; never used in production. */
export const DEV_ARCHIVE_KEY_ID = DEV_KEY_ID

/**
 * The archive key used in development and tests when ARCHIVE_KEY is not set: derived from the
 * session secret (in demo mode a random secret kept in the data folder), so archives written in
 * one run can be restored in the next. Never used in production, which requires ARCHIVE_KEY.
 */
export function developmentArchiveKey(sessionSecret: string): Buffer {
  return developmentKey(sessionSecret, 'archive')
}

/**
 * Parses and checks the environment. Throws ConfigError naming every bad or missing variable.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(source: Record<string, string | undefined>, devSecret?: () => string): Config {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  if (isProduction) {
    const missing = REQUIRED_IN_PRODUCTION.filter(([key]) => e[key] === undefined).map(
      ([key, what]) => `${key} is required in production (${what})`,
    )
    if (missing.length > 0) throw new ConfigError(missing)
    if (e.SECOND_FACTOR_REQUIRED_FOR === 'nobody') {
      throw new ConfigError(['SECOND_FACTOR_REQUIRED_FOR: platform admins always need a second factor in production ("admins" or "all-roles")'])
    }
  }
  const sessionSecret = e.SESSION_SECRET ?? devSecret?.() ?? 'development-only-secret-do-not-use-in-production'
  const warnings: string[] = []
  const archive = configuredKeys(
    { key: e.ARCHIVE_KEY, keyId: e.ARCHIVE_KEY_ID, previous: e.ARCHIVE_PREVIOUS_KEYS },
    { prefix: 'ARCHIVE', purpose: 'account archive', devLabel: 'archive', isProduction, sessionSecret },
  )
  if ('problems' in archive) throw new ConfigError(archive.problems)
  if (archive.warning) warnings.push(archive.warning)
  const billing = configuredKeys(
    { key: e.BILLING_KEY, keyId: e.BILLING_KEY_ID, previous: e.BILLING_PREVIOUS_KEYS },
    { prefix: 'BILLING', purpose: 'bank account numbers', devLabel: 'billing', isProduction, sessionSecret },
  )
  // A rotation mistake is always an error; a missing key in production only when billing is on,
  // since without billing no bank account number is ever asked.
  if ('problems' in billing && (e.BILLING_ENABLED || e.BILLING_PREVIOUS_KEYS)) throw new ConfigError(billing.problems)
  if (!('problems' in billing) && billing.warning && e.BILLING_ENABLED) warnings.push(billing.warning)
  const seller = billingOperator(e, { isProduction, enabled: e.BILLING_ENABLED })
  if (seller.problems.length > 0) throw new ConfigError(seller.problems)
  if (seller.placeholders && e.BILLING_ENABLED) warnings.push('Billing uses made-up operator details (BILLING_OPERATOR_*, BILLING_IBAN …): invoices made now are examples, not real invoices.')
  return {
    env: e.NODE_ENV,
    isProduction,
    demo: !isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? '0.0.0.0' : LOOPBACK),
    hostExplicit: e.HOST !== undefined,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'noreply@wijkconnect.localhost',
    mailDeliveryLeaseMs: e.MAIL_RESEND_AFTER_CRASH_SECONDS * 1000,
    archiveKey: archive.key,
    archiveKeyId: archive.keyId,
    archivePreviousKeys: archive.previous,
    billing: {
      enabled: e.BILLING_ENABLED,
      keys: 'problems' in billing ? null : { key: billing.key, keyId: billing.keyId, previous: billing.previous },
      operator: seller.operator,
      paymentTermDays: e.BILLING_PAYMENT_TERM_DAYS,
      reminderDays: e.BILLING_REMINDER_DAYS,
      pain008Version: e.BILLING_PAIN008_VERSION,
    },
    warnings,
    operator: {
      name: e.OPERATOR_NAME ?? 'WijkConnect demo',
      address: e.OPERATOR_ADDRESS ?? 'Voorbeeldstraat 1, 1234 AB Voorbeeldstad',
      kvk: e.OPERATOR_KVK ?? '00000000',
      email: e.OPERATOR_EMAIL ?? 'privacy@wijkconnect.localhost',
    },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    signupPerConnectionHour: e.SIGNUP_PER_CONNECTION_HOUR,
    secondFactor: {
      requiredFor: e.SECOND_FACTOR_REQUIRED_FOR ?? (isProduction ? 'admins' : 'nobody'),
      graceDays: e.SECOND_FACTOR_GRACE_DAYS,
    },
    cityThemes: parseCityThemes(e.CITY_THEMES ?? (isProduction ? '' : DEMO_CITY_THEMES)) ?? new Map(),
  }
}

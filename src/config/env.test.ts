/**
 * Where the server listens: demo mode keeps its dev mailbox (every mail, reset links included) on
 * this computer unless HOST says otherwise; production listens on every interface by default.
 * Which city wears which theme (CITY_THEMES).
 */
import { describe, it, expect } from 'vitest'
import { loadConfig } from './env.js'
import { DEFAULT_POOL_SIZE } from '../kernel/db/client.js'

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://wijk.example.nl',
  SESSION_SECRET: 's'.repeat(40),
  SMTP_URL: 'smtp://mail.example.nl:587',
  MAIL_FROM: 'noreply@example.nl',
  ARCHIVE_KEY: Buffer.alloc(32, 1).toString('base64'),
  OPERATOR_NAME: 'Stichting Test',
  OPERATOR_ADDRESS: 'Teststraat 1, 1234 AB Test',
  OPERATOR_KVK: '12345678',
  OPERATOR_EMAIL: 'privacy@example.nl',
}

describe('HOST', () => {
  it('defaults to loopback in demo mode', () => {
    const config = loadConfig({})
    expect(config.demo).toBe(true)
    expect(config.host).toBe('127.0.0.1')
    expect(config.hostExplicit).toBe(false)
  })

  it('keeps an explicit HOST in demo mode, an empty one counts as unset', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostExplicit: true })
    expect(loadConfig({ HOST: '' })).toMatchObject({ host: '127.0.0.1', hostExplicit: false })
  })

  it('defaults to every interface in production', () => {
    expect(loadConfig(PRODUCTION).host).toBe('0.0.0.0')
    expect(loadConfig({ ...PRODUCTION, HOST: '127.0.0.1' }).host).toBe('127.0.0.1')
  })
})

describe('CITY_THEMES', () => {
  it('gives each named city its theme, and only names themes that exist', () => {
    const config = loadConfig({ ...PRODUCTION, CITY_THEMES: 'havenstad:stadsblauw, dorpveen:basis' })
    expect([...config.cityThemes]).toEqual([
      ['havenstad', 'stadsblauw'],
      ['dorpveen', 'basis'],
    ])
    for (const bad of ['havenstad:bestaat-niet', 'havenstad', 'Havenstad:stadsblauw', 'a:stadsblauw,a:basis', 'a:stadsblauw:x']) {
      expect(() => loadConfig({ ...PRODUCTION, CITY_THEMES: bad }), bad).toThrow(/CITY_THEMES/)
    }
  })

  it('dresses the demo city in the other theme in demo mode only, unless told otherwise', () => {
    expect([...loadConfig({}).cityThemes]).toEqual([['lindeburg', 'stadsblauw']])
    expect([...loadConfig({ CITY_THEMES: 'lindeburg:basis' }).cityThemes]).toEqual([['lindeburg', 'basis']])
    expect(loadConfig(PRODUCTION).cityThemes.size).toBe(0)
  })
})

describe('MAIL_RESEND_AFTER_CRASH_SECONDS', () => {
  it('is the mail delivery lease: a minute by default, 10 s to an hour when set', () => {
    expect(loadConfig({}).mailDeliveryLeaseMs).toBe(60_000)
    expect(loadConfig({ MAIL_RESEND_AFTER_CRASH_SECONDS: '10' }).mailDeliveryLeaseMs).toBe(10_000)
    // Below 10 s the row's claim (5 s shorter than the lease) would be too short for a slow mail server.
    expect(() => loadConfig({ MAIL_RESEND_AFTER_CRASH_SECONDS: '5' })).toThrow(/MAIL_RESEND_AFTER_CRASH_SECONDS/)
    expect(() => loadConfig({ MAIL_RESEND_AFTER_CRASH_SECONDS: 'soon' })).toThrow(/MAIL_RESEND_AFTER_CRASH_SECONDS/)
  })
})

describe('DATABASE_POOL_SIZE', () => {
  it('is 10 by default, and 1 to 100 when set', () => {
    expect(DEFAULT_POOL_SIZE).toBe(10)
    expect(loadConfig({}).databasePoolSize).toBe(10)
    expect(loadConfig({ DATABASE_POOL_SIZE: '' }).databasePoolSize).toBe(10)
    expect(loadConfig({ DATABASE_POOL_SIZE: '3' }).databasePoolSize).toBe(3)
    expect(loadConfig({ DATABASE_POOL_SIZE: '100' }).databasePoolSize).toBe(100)
    for (const wrong of ['0', '101', '2.5', '-3', 'veel']) expect(() => loadConfig({ DATABASE_POOL_SIZE: wrong }), wrong).toThrow(/DATABASE_POOL_SIZE/)
  })
})

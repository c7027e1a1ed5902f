/**
 * The archive key in configuration (P26): production refuses to start without ARCHIVE_KEY and
 * never derives one; development and tests without it use a development key derived from the
 * session secret, with a warning at start; older keys listed in ARCHIVE_PREVIOUS_KEYS only open
 * older archives. Plus the crypto itself: fresh IVs, lookups that differ per key.
 */
import { describe, it, expect } from 'vitest'
import { randomBytes } from 'node:crypto'
import { DEV_ARCHIVE_KEY_ID, developmentArchiveKey, loadConfig } from '../../config/env.js'
import { PRODUCTION_ENV, TEST_SECRET, configProblems } from '../../../test/config.js'
import { archiveKeyring, emailLookup, emailLookups, openArchive, sealArchive, ArchiveAuthenticationError, ArchiveKeyMissingError } from './cancellation.crypto.js'

const SECRET = TEST_SECRET
const PRODUCTION = PRODUCTION_ENV
const KEY_A = randomBytes(32)
const KEY_B = randomBytes(32)
const problems = configProblems

describe('archive key configuration (P26)', () => {
  it('refuses to start in production without ARCHIVE_KEY, and never uses a development key there', () => {
    expect(problems(() => loadConfig(PRODUCTION)).join('\n')).toContain('ARCHIVE_KEY is required in production')
    const config = loadConfig({ ...PRODUCTION, ARCHIVE_KEY: KEY_A.toString('base64') })
    expect(config.archiveKey).toEqual(KEY_A)
    expect(config.archiveKeyId).toBe('k1')
    expect(config.archivePreviousKeys.has(DEV_ARCHIVE_KEY_ID)).toBe(false)
    expect(config.warnings).toEqual([])
  })

  it('uses a development key derived from the session secret outside production, with a clear warning', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig({ NODE_ENV, SESSION_SECRET: SECRET })
      expect(config.archiveKeyId).toBe(DEV_ARCHIVE_KEY_ID)
      expect(config.archiveKey).toEqual(developmentArchiveKey(SECRET))
      expect(config.archiveKey).not.toEqual(Buffer.from(SECRET))
      expect(config.warnings.join('\n')).toMatch(/ARCHIVE_KEY is not set.*development key.*Never use this in production/)
    }
    // The same secret gives the same key, so archives survive a restart of the demo.
    expect(loadConfig({ SESSION_SECRET: SECRET }).archiveKey).toEqual(loadConfig({ SESSION_SECRET: SECRET }).archiveKey)
    expect(loadConfig({ SESSION_SECRET: SECRET.toUpperCase() }).archiveKey).not.toEqual(loadConfig({ SESSION_SECRET: SECRET }).archiveKey)
  })

  it('keeps archives written with the development key readable after ARCHIVE_KEY is set in development', () => {
    const devConfig = loadConfig({ SESSION_SECRET: SECRET })
    const sealed = sealArchive(archiveKeyring(devConfig), Buffer.from('payload'), 'aad')
    const later = loadConfig({ SESSION_SECRET: SECRET, ARCHIVE_KEY: KEY_A.toString('hex'), ARCHIVE_KEY_ID: 'k1' })
    expect(later.warnings).toEqual([])
    expect(later.archiveKeyId).toBe('k1')
    expect(openArchive(archiveKeyring(later), sealed, 'aad').toString()).toBe('payload')
  })

  it('reads ARCHIVE_PREVIOUS_KEYS as "id:key,id:key" for decryption only, and refuses malformed values', () => {
    const config = loadConfig({ ...PRODUCTION, ARCHIVE_KEY: KEY_B.toString('base64'), ARCHIVE_KEY_ID: 'k2', ARCHIVE_PREVIOUS_KEYS: `k1:${KEY_A.toString('base64')}` })
    const oldRing = { current: { id: 'k1', key: KEY_A }, previous: new Map<string, Buffer>() }
    const old = sealArchive(oldRing, Buffer.from('oud'), 'x')
    const ring = archiveKeyring(config)
    expect(openArchive(ring, old, 'x').toString()).toBe('oud')
    // New archives always use the current key.
    expect(sealArchive(ring, Buffer.from('nieuw'), 'x').keyId).toBe('k2')
    // Finding an archive by email works for archives written before the rotation.
    expect(emailLookups(ring, 'Anna@Example.nl')).toContain(emailLookup(KEY_A, 'anna@example.nl'))

    for (const bad of ['k1', 'k1:', 'K1:' + KEY_A.toString('base64'), `k1:${randomBytes(16).toString('base64')}`, `k1:${KEY_A.toString('hex')},k1:${KEY_A.toString('hex')}`]) {
      expect(problems(() => loadConfig({ ...PRODUCTION, ARCHIVE_KEY: KEY_B.toString('base64'), ARCHIVE_KEY_ID: 'k2', ARCHIVE_PREVIOUS_KEYS: bad })), bad).not.toEqual([])
    }
    expect(problems(() => loadConfig({ ...PRODUCTION, ARCHIVE_KEY: KEY_B.toString('base64'), ARCHIVE_KEY_ID: 'k2', ARCHIVE_PREVIOUS_KEYS: `k2:${KEY_A.toString('base64')}` })).join()).toContain('must not contain the current ARCHIVE_KEY_ID')
  })
})

describe('archive encryption (P26)', () => {
  const ring = { current: { id: 'k1', key: KEY_A }, previous: new Map<string, Buffer>() }

  it('uses a fresh 12-byte IV every time, so the same payload never gives the same ciphertext', () => {
    const a = sealArchive(ring, Buffer.from('zelfde'), 'x')
    const b = sealArchive(ring, Buffer.from('zelfde'), 'x')
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12)
    expect(Buffer.from(a.authTag, 'base64')).toHaveLength(16)
    expect(a.iv).not.toBe(b.iv)
    expect(a.ciphertext).not.toBe(b.ciphertext)
  })

  it('fails authentication with a wrong key, names a missing key, and keeps the lookup apart from the encryption key', () => {
    const sealed = sealArchive(ring, Buffer.from('geheim'), 'x')
    expect(() => openArchive({ current: { id: 'k1', key: KEY_B }, previous: new Map() }, sealed, 'x')).toThrow(ArchiveAuthenticationError)
    expect(() => openArchive({ current: { id: 'k3', key: KEY_A }, previous: new Map() }, sealed, 'x')).toThrow(ArchiveKeyMissingError)
    expect(() => openArchive(ring, sealed, 'y')).toThrow(ArchiveAuthenticationError)
    expect(emailLookup(KEY_A, 'a@b.nl')).toBe(emailLookup(KEY_A, ' A@B.NL '))
    expect(emailLookup(KEY_A, 'a@b.nl')).not.toBe(emailLookup(KEY_B, 'a@b.nl'))
    expect(emailLookup(KEY_A, 'a@b.nl')).toMatch(/^[0-9a-f]{64}$/)
  })
})

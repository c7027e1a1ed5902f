/** P20: the CI verdict on `npm audit` output: high/critical fails, a refused service is not "clean". */
import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { auditVerdict } from '../scripts/audit-verdict.js'
import { ROOT } from './spawn.js'

const report = (v: Record<string, number>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...v } } })

describe('dependency audit verdict (P20)', () => {
  it('fails the build on a high or a critical advisory', () => {
    expect(auditVerdict(report({ high: 1 }))).toBe('vulnerable')
    expect(auditVerdict(report({ critical: 2 }))).toBe('vulnerable')
  })

  it('passes when only low or moderate advisories exist', () => {
    expect(auditVerdict(report({ low: 3, moderate: 1 }))).toBe('clean')
  })

  it('never calls a refused advisory service clean', () => {
    expect(auditVerdict(JSON.stringify({ message: '405 Method Not Allowed', statusCode: 405 }))).toBe('unavailable')
    expect(auditVerdict(JSON.stringify({ error: { code: 'ENOTFOUND' } }))).toBe('unavailable')
    expect(auditVerdict('not json')).toBe('unavailable')
  })

  it('exits non-zero for a vulnerable report when run as the CI step', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verdict.ts'], { cwd: ROOT, input: report({ high: 1 }), encoding: 'utf8' })
    expect(run.stdout.trim()).toBe('vulnerable')
    expect(run.status).toBe(1)
  })
})

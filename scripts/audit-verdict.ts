/**
 * Reads `npm audit --json` output on stdin and prints one word: "clean", "vulnerable" (a high or
 * critical advisory in production dependencies) or "unavailable" (the advisory service refused or
 * could not be reached). Exit code 0, 1 and 2 respectively. Used by .ci/run (P20).
 */
export type AuditVerdict = 'clean' | 'vulnerable' | 'unavailable'

export function auditVerdict(output: string): AuditVerdict {
  let report: { error?: unknown; metadata?: { vulnerabilities?: Record<string, number> } }
  try {
    report = JSON.parse(output) as typeof report
  } catch {
    return 'unavailable'
  }
  if (report.error || !report.metadata?.vulnerabilities) return 'unavailable'
  const v = report.metadata.vulnerabilities
  return (v.high ?? 0) + (v.critical ?? 0) > 0 ? 'vulnerable' : 'clean'
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  let input = ''
  process.stdin.on('data', (d: Buffer) => (input += d.toString()))
  process.stdin.on('end', () => {
    const verdict = auditVerdict(input)
    process.stdout.write(`${verdict}\n`)
    process.exit(verdict === 'clean' ? 0 : verdict === 'vulnerable' ? 1 : 2)
  })
}

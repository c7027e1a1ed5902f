/** Which Chromium the browser tests use, and whether this machine has it. */
import fs from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Whether browser tests can run here. With REQUIRE_BROWSER=1 (CI) a missing browser is an error. */
export function browserAvailable(): boolean {
  const found = fs.existsSync(CHROMIUM)
  if (!found && process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install chromium)`)
  }
  if (!found) process.stdout.write(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).\n`)
  return found
}

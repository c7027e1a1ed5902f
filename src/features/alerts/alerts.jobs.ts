/** The recurring digest run (see alerts.digest.ts). The name is a public contract: never rename. */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { runAlertDigests } from './alerts.digest.js'
import { DIGEST_EVERY_MS } from './alerts.schedule.js'

export function registerAlertJobs(registry: JobRegistry): void {
  registry.every({ name: 'alerts.digest', everyMs: DIGEST_EVERY_MS, run: async (deps) => void (await runAlertDigests(deps)) })
}

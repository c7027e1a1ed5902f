import type { JobRegistry } from '../../kernel/jobs/registry.js'

/** Recurring account tasks (e.g. removing expired links); filled in by the accounts feature. */
export function registerAccountJobs(_registry: JobRegistry): void {}

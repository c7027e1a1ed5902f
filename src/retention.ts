/**
 * The place to read what personal data expires, and when. Each feature declares its rules next
 * to its tables; this list registers them all and feeds /beheer/bewaartermijnen.
 */
import type { RetentionRule } from './kernel/retention/retention.js'
import { kernelRetentionRules } from './kernel/retention/kernel-rules.js'
import { accountRetentionRules } from './features/accounts/accounts.retention.js'
import { myContentRetentionRules } from './features/my-content/my-content.jobs.js'

export const RETENTION_RULES: readonly RetentionRule[] = [...kernelRetentionRules, ...accountRetentionRules, ...myContentRetentionRules]

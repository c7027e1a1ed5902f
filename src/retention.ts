/**
 * The place to read what personal data expires, and when. Each feature declares its rules next
 * to its tables; this list registers them all and feeds /beheer/bewaartermijnen.
 */
import type { RetentionRule } from './kernel/retention/retention.js'
import { kernelRetentionRules } from './kernel/retention/kernel-rules.js'
import { accountRetentionRules } from './features/accounts/accounts.retention.js'
import { myContentRetentionRules } from './features/my-content/my-content.jobs.js'
import { complaintsRetentionRules } from './features/complaints/complaints.retention.js'
import { statisticsRetentionRules } from './features/statistics/statistics.retention.js'
import { cancellationRetentionRules } from './features/cancellation/cancellation.jobs.js'
import { myDataRetentionRules } from './features/my-data/my-data.retention.js'
import { helpRetentionRules } from './features/help/help.retention.js'
import { wijkImportRetentionRules } from './features/wijk-import/wijk-import.retention.js'
import { newsletterRetentionRules } from './features/newsletter/newsletter.retention.js'
import { rolesRetentionRules } from './features/roles/roles.retention.js'
import { twoFactorRetentionRules } from './features/two-factor/two-factor.retention.js'
import { partnersRetentionRules } from './features/partners/partners.changes.retention.js'
import { billingRetentionRules } from './features/billing/billing.ledger.retention.js'

export const RETENTION_RULES: readonly RetentionRule[] = [...kernelRetentionRules, ...accountRetentionRules, ...myContentRetentionRules, ...complaintsRetentionRules, ...statisticsRetentionRules, ...cancellationRetentionRules, ...myDataRetentionRules, ...helpRetentionRules, ...newsletterRetentionRules, ...wijkImportRetentionRules, ...rolesRetentionRules, ...twoFactorRetentionRules, ...partnersRetentionRules, ...billingRetentionRules]

/**
 * The place to read what the platform holds about a person, what the data export (P23) gives
 * them, and what cancelling and erasing their account (P24, P26) does to each table. Each feature
 * declares its own tables in `<feature>.privacy.ts`; this list registers them all, and
 * src/privacy.test.ts fails for a table with a column about a person that no module declares.
 *
 * The order is the order of erasure: cancelling and the erase job run the modules' steps from
 * top to bottom, inside one transaction each. The encrypted archive is written before any module
 * runs (cancellation.service.ts), and accounts comes last because deleting the users row cascades
 * to every table declared `cascade`: the modules above still read those rows (image and export
 * file keys) and delete by the person's address. ADR 012.
 */
import type { PrivacyModule } from './kernel/privacy/privacy.js'
import type { NotPersonal } from './kernel/privacy/coverage.js'
import type { ExportSections } from './features/my-data/export.schema.js'
import { kernelPrivacy } from './kernel/privacy/kernel-modules.js'
import { cancellationPrivacy } from './features/cancellation/cancellation.privacy.js'
import { contentPrivacy } from './features/content/content.privacy.js'
import { myDataPrivacy } from './features/my-data/my-data.privacy.js'
import { newsletterPrivacy } from './features/newsletter/newsletter.privacy.js'
import { alertsPrivacy } from './features/alerts/alerts.privacy.js'
import { twoFactorPrivacy } from './features/two-factor/two-factor.privacy.js'
import { rolesPrivacy } from './features/roles/roles.privacy.js'
import { documentsPrivacy } from './features/documents/documents.privacy.js'
import { helpPrivacy } from './features/help/help.privacy.js'
import { complaintsPrivacy } from './features/complaints/complaints.privacy.js'
import { moderationPrivacy } from './features/moderation/moderation.privacy.js'
import { breachesPrivacy } from './features/breaches/breaches.privacy.js'
import { broadcastPrivacy } from './features/broadcast/broadcast.privacy.js'
import { wijkbeheerPrivacy } from './features/wijkbeheer/wijkbeheer.privacy.js'
import { wijkImportPrivacy } from './features/wijk-import/wijk-import.privacy.js'
import { partnersPrivacy } from './features/partners/partners.privacy.js'
import { billingLedgerPrivacy } from './features/billing/billing.ledger.privacy.js'
import { accountsPrivacy } from './features/accounts/accounts.privacy.js'
import { cities, wijken } from './features/places/places.tables.js'
import { processors } from './features/register/register.tables.js'
import { partners } from './features/partners/partners.tables.js'
import { jobs, jobSchedules } from './kernel/jobs/jobs.tables.js'

export const PRIVACY_MODULES: readonly PrivacyModule<ExportSections>[] = [
  cancellationPrivacy,
  contentPrivacy,
  myDataPrivacy,
  kernelPrivacy,
  newsletterPrivacy,
  alertsPrivacy,
  twoFactorPrivacy,
  rolesPrivacy,
  documentsPrivacy,
  helpPrivacy,
  complaintsPrivacy,
  moderationPrivacy,
  breachesPrivacy,
  broadcastPrivacy,
  wijkbeheerPrivacy,
  wijkImportPrivacy,
  partnersPrivacy,
  billingLedgerPrivacy,
  // Last: deleting the users row (see the file comment).
  accountsPrivacy,
]

/** The table whose rows are people: a foreign key to it makes a column personal. */
export const PEOPLE_TABLE = 'users'

/** Columns whose names look personal but are not; anything else named so needs a module. */
export const NOT_PERSONAL: readonly NotPersonal[] = [
  { table: cities, columns: ['name'], why: 'The name of a city.' },
  { table: wijken, columns: ['name'], why: 'The name of a wijk.' },
  { table: processors, columns: ['name'], why: 'The name of a company that processes data for the platform (the public register).' },
  { table: partners, columns: ['name'], why: 'The name of a partner organisation.' },
  { table: jobSchedules, columns: ['name'], why: 'The name of a recurring task.' },
  { table: jobs, columns: ['locked_by'], why: 'The random id of the worker process that claimed a job, not a person.' },
]

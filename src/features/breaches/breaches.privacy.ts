/** The register of personal-data breaches (P22) and who was told about one. */
import { desc, eq } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { breachNotifications, breaches } from './breaches.tables.js'

export const breachesPrivacy: PrivacyModule<ExportSections> = {
  feature: 'breaches',
  tables: [
    {
      table: breaches,
      export: { none: 'The platform’s own register, not data about an account holder; created_by is the recording administrator, contact_person the operator’s contact for the authority. A person told about a breach finds its title in breachNotices.' },
      erase: 'keep',
      why: 'GDPR art. 33(5) requires the register of every breach; it holds no account holder’s data, and the recording administrator only by id.',
    },
    {
      table: breachNotifications,
      export: ['breachNotices'],
      erase: 'anonymise',
      why: 'The register must still show how many people were told, and when; who they were goes with the account (user_id becomes null, foreign key).',
    },
  ],

  async exportFor({ db, person }) {
    const rows = await db
      .select({ breach: breaches.title, status: breachNotifications.status, queuedAt: breachNotifications.queuedAt, sentAt: breachNotifications.sentAt })
      .from(breachNotifications)
      .innerJoin(breaches, eq(breaches.id, breachNotifications.breachId))
      .where(eq(breachNotifications.userId, person.id))
      .orderBy(desc(breachNotifications.queuedAt), desc(breachNotifications.id))
    return { sections: { breachNotices: rows.map((r) => ({ ...r, queuedAt: iso(r.queuedAt), sentAt: isoOrNull(r.sentAt) })) } }
  },
}

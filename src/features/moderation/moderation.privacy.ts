/** Reports on public items ("Meld dit") and their handling. */
import { desc, eq } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { contentItems } from '../content/content.tables.js'
import { contentReports } from './moderation.tables.js'

export const moderationPrivacy: PrivacyModule<ExportSections> = {
  feature: 'moderation',
  tables: [
    {
      table: contentReports,
      export: ['reports'],
      erase: 'anonymise',
      why: 'A report still counts towards hiding an item after the reporter’s account is gone; reporter_user_id becomes null (foreign key). resolved_by is the id of the wijkbeheerder who decided.',
      retention: ['support.closed'],
    },
  ],

  async exportFor({ db, person }) {
    // The team's decision is about the item, not about the reporter: the export says only whether it was decided.
    const rows = await db
      .select({ itemId: contentReports.contentId, title: contentItems.title, reason: contentReports.reason, message: contentReports.message, status: contentReports.status, createdAt: contentReports.createdAt, resolvedAt: contentReports.resolvedAt })
      .from(contentReports)
      .innerJoin(contentItems, eq(contentItems.id, contentReports.contentId))
      .where(eq(contentReports.reporterUserId, person.id))
      .orderBy(desc(contentReports.createdAt), desc(contentReports.id))
    return {
      sections: {
        reports: rows.map((r) => ({ item: { id: r.itemId, title: r.title }, reason: r.reason, message: r.message, status: r.status, createdAt: iso(r.createdAt), resolvedAt: isoOrNull(r.resolvedAt) })),
      },
    }
  },
}

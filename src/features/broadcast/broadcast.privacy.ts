/** Messages from a wijk team to the content owners of its wijk. */
import { desc, eq } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { wijkenByIds } from '../places/places.queries.js'
import { broadcastRecipients, broadcasts } from './broadcast.tables.js'

export const broadcastPrivacy: PrivacyModule<ExportSections> = {
  feature: 'broadcast',
  tables: [
    {
      table: broadcasts,
      export: { none: 'The wijk team’s message; created_by is the id of the team member who wrote it. A person it was sent to finds it in teamMessages.' },
      erase: 'keep',
      why: 'The team’s record of what it sent to whom in its wijk; the author only by id, which says nothing once that account is erased.',
    },
    {
      table: broadcastRecipients,
      export: ['teamMessages'],
      erase: 'anonymise',
      why: 'The team still sees how many received a message; who they were goes with the account (user_id becomes null, foreign key).',
    },
  ],

  async exportFor({ db, person }) {
    const rows = await db
      .select({ wijkId: broadcasts.wijkId, subject: broadcasts.subject, body: broadcasts.body, status: broadcastRecipients.status, queuedAt: broadcastRecipients.queuedAt, sentAt: broadcastRecipients.sentAt })
      .from(broadcastRecipients)
      .innerJoin(broadcasts, eq(broadcasts.id, broadcastRecipients.broadcastId))
      .where(eq(broadcastRecipients.userId, person.id))
      .orderBy(desc(broadcastRecipients.queuedAt), desc(broadcastRecipients.id))
    const wijkOf = new Map((await wijkenByIds(db, [...new Set(rows.map((r) => r.wijkId))])).map((w) => [w.id, { id: w.id, name: w.name, city: w.cityName }]))
    return {
      sections: {
        teamMessages: rows.map((r) => ({ wijk: wijkOf.get(r.wijkId)!, subject: r.subject, body: r.body, status: r.status, queuedAt: iso(r.queuedAt), sentAt: isoOrNull(r.sentAt) })),
      },
    }
  },
}

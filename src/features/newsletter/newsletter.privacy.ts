/** Newsletter subscriptions, and what the wijk team's issues record about who made and sent them. */
import { eq, or } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { listMyNewsletters } from '../my-data/my-data.queries.js'
import { newsletterDeliveries, newsletters, newsletterSubscriptions } from './newsletter.tables.js'

export const newsletterPrivacy: PrivacyModule<ExportSections> = {
  feature: 'newsletter',
  tables: [
    {
      table: newsletterSubscriptions,
      export: ['newsletterSubscriptions'],
      erase: 'delete',
      why:
        'Cancelling stops every newsletter at once, including a subscription made with the same address before the account existed. Not archived: nobody is subscribed again without asking.',
      retention: ['newsletter.unconfirmed'],
    },
    {
      table: newsletterDeliveries,
      export: { none: 'Which issue went to a subscription; the subscription itself is in newsletterSubscriptions.' },
      erase: 'anonymise',
      why: 'The row counts a sent issue for the wijk team; its subscription_id becomes null when the subscription is deleted (foreign key).',
    },
    {
      table: newsletters,
      export: { none: 'An issue is the wijk’s publication (its archive is public); created_by and sent_by are ids of the team member who made and sent it.' },
      erase: 'keep',
      why: 'Ids of the wijk team member who composed and sent an issue, kept with the public archive; an id says nothing about anyone once that account is erased.',
    },
  ],

  async exportFor({ db, person }) {
    const rows = await listMyNewsletters(db, person)
    return {
      sections: {
        newsletterSubscriptions: rows.map((n) => ({
          wijk: { id: n.wijkId, name: n.wijkName, city: n.cityName },
          status: n.status,
          viaAccount: n.viaAccount,
          // With the account, mails follow the account's language; without, the one stored at sign-up.
          language: n.viaAccount ? person.lang : n.lang,
          subscribedAt: iso(n.createdAt),
          confirmedAt: isoOrNull(n.confirmedAt),
        })),
      },
    }
  },

  async cancelFor(tx, person) {
    await tx.delete(newsletterSubscriptions).where(or(eq(newsletterSubscriptions.userId, person.id), eq(newsletterSubscriptions.email, person.email)))
  },
}

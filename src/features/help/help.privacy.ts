/** Questions, problem reports and cancellation requests from the Hulp nodig page. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { listMySupportRequests } from '../my-data/my-data.queries.js'
import { supportRequests } from './help.tables.js'

export const helpPrivacy: PrivacyModule<ExportSections> = {
  feature: 'help',
  tables: [
    {
      table: supportRequests,
      export: ['supportRequests'],
      erase: 'anonymise',
      why:
        'The request and its answer stay for the team that handled it until the retention rule removes them a year after closing; the link to the account becomes null with the users row (foreign key). A cancellation on someone’s behalf is recorded here too, as proof of the request.',
      retention: ['support.closed'],
    },
  ],

  async exportFor({ db, person }) {
    const rows = await listMySupportRequests(db, person.id)
    return {
      sections: {
        supportRequests: rows.map((s) => ({
          id: s.id,
          kind: s.kind,
          status: s.status,
          message: s.message,
          answer: s.answer,
          wijk: s.wijkName,
          contentId: s.contentItemId,
          createdAt: iso(s.createdAt),
          closedAt: isoOrNull(s.closedAt),
        })),
      },
    }
  },
}

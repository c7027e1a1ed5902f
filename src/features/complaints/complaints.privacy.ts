/** Complaints about the processing of personal data (P29). */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { listMyComplaints } from '../my-data/my-data.queries.js'
import { complaints } from './complaints.tables.js'

export const complaintsPrivacy: PrivacyModule<ExportSections> = {
  feature: 'complaints',
  tables: [
    {
      table: complaints,
      export: ['complaints'],
      erase: 'keep',
      why:
        'A complaint and its answer are the platform’s account of how it handled a privacy complaint (GDPR art. 5(2)); name and address stay until the retention rule removes them two years after the answer. Only the link to the account becomes null (foreign key).',
      retention: ['complaints.handled'],
    },
  ],

  async exportFor({ db, person }) {
    const rows = await listMyComplaints(db, person.id)
    return { sections: { complaints: rows.map((c) => ({ ...c, createdAt: iso(c.createdAt), answeredAt: isoOrNull(c.answeredAt) })) } }
  },
}

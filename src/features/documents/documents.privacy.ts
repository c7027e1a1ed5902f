/** Legal documents and the proof of consent to them (P03, P04). */
import { listConsents } from './documents.queries.js'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, type ExportSections } from '../my-data/export.schema.js'
import { consents, legalDocuments } from './documents.tables.js'

export const documentsPrivacy: PrivacyModule<ExportSections> = {
  feature: 'documents',
  tables: [
    {
      table: consents,
      export: ['consents'],
      erase: 'cascade',
      archived: true,
      why: 'Proof of consent is kept as long as the account; the archive keeps it with the account, so a restored account does not have to agree again to the same versions.',
    },
    {
      table: legalDocuments,
      export: { none: 'The published texts are public; created_by is the administrator who drafted a version, not the person reading it.' },
      erase: 'keep',
      why: 'Which administrator drafted which version is part of the record of the published texts; it is an id only, which says nothing about anyone once that account is erased.',
    },
  ],

  async exportFor({ db, person }) {
    const rows = await listConsents(db, person.id)
    return { sections: { consents: rows.map((c) => ({ document: c.kind, version: c.version, givenAt: iso(c.givenAt), channel: c.channel })) } }
  },
}

/** Bulk imports that launch a wijk. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { importBatches } from './wijk-import.tables.js'

export const wijkImportPrivacy: PrivacyModule<never> = {
  feature: 'wijk-import',
  tables: [
    {
      table: importBatches,
      export: { none: 'The uploaded file is the wijk team’s work on launching the wijk; its rows are organisations’ entries, which become content once claimed.' },
      erase: 'anonymise',
      why: 'created_by, the team member who uploaded, becomes null when that account is erased (foreign key); the rows go 30 days after the import by the retention rule.',
      retention: ['wijk-import.batches'],
    },
  ],
}

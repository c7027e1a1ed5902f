/** Import batches hold the uploaded rows, contact details included: removed 30 days after the import. */
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { purgeOldBatches } from './wijk-import.service.js'

export const wijkImportRetentionRules: RetentionRule[] = [
  {
    name: 'wijk-import.batches',
    everyMs: DAY,
    describe: {
      nl: {
        what: 'Geüploade importbestanden van het wijkteam (de rijen, met contactgegevens) en de uitkomst per rij',
        period: '30 dagen nadat de import klaar was; een bestand dat nooit werd geïmporteerd 30 dagen na het uploaden',
      },
      en: {
        what: 'Import files uploaded by the wijk team (the rows, with contact details) and the outcome per row',
        period: '30 days after the import finished; a file that was never imported 30 days after it was uploaded',
      },
    },
    purge: ({ db, clock }) => purgeOldBatches(db, clock.now()),
  },
]

/** How long complaints are kept (P29): 2 years after they were answered or closed, for follow-up questions and the authority. */
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { purgeHandledComplaints } from './complaints.service.js'

export const complaintsRetentionRules: RetentionRule[] = [
  {
    name: 'complaints.handled',
    everyMs: DAY,
    describe: {
      nl: { what: 'Klachten over de verwerking van persoonsgegevens (naam, e-mailadres, klacht en antwoord)', period: '2 jaar nadat de klacht voor het laatst werd beantwoord of gesloten; openstaande klachten blijven' },
      en: { what: 'Complaints about the processing of personal data (name, email address, complaint and answer)', period: '2 years after the complaint was last answered or closed; open complaints stay' },
    },
    purge: ({ db, clock }) => purgeHandledComplaints(db, clock.now()),
  },
]

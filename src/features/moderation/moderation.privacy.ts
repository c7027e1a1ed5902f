/** Reports on public items ("Meld dit") and their handling. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { contentReports } from './moderation.tables.js'

export const moderationPrivacy: PrivacyModule<never> = {
  feature: 'moderation',
  tables: [
    {
      table: contentReports,
      export: { none: 'Not in gegevens.json yet: format version 1 has no section for reports a person made (ADR 012 lists this gap).' },
      erase: 'anonymise',
      why: 'A report still counts towards hiding an item after the reporter’s account is gone; reporter_user_id becomes null (foreign key). resolved_by is the id of the wijkbeheerder who decided.',
      retention: ['support.closed'],
    },
  ],
}

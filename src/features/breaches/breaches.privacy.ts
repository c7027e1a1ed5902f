/** The register of personal-data breaches (P22) and who was told about one. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { breachNotifications, breaches } from './breaches.tables.js'

export const breachesPrivacy: PrivacyModule<never> = {
  feature: 'breaches',
  tables: [
    {
      table: breaches,
      export: { none: 'The platform’s own register, not data about an account holder; created_by is the recording administrator, contact_person the operator’s contact for the authority.' },
      erase: 'keep',
      why: 'GDPR art. 33(5) requires the register of every breach; it holds no account holder’s data, and the recording administrator only by id.',
    },
    {
      table: breachNotifications,
      export: { none: 'Not in gegevens.json yet: the person received the notification itself by mail (ADR 012 lists this gap).' },
      erase: 'anonymise',
      why: 'The register must still show how many people were told, and when; who they were goes with the account (user_id becomes null, foreign key).',
    },
  ],
}

/** Messages from a wijk team to the content owners of its wijk. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { broadcastRecipients, broadcasts } from './broadcast.tables.js'

export const broadcastPrivacy: PrivacyModule<never> = {
  feature: 'broadcast',
  tables: [
    {
      table: broadcasts,
      export: { none: 'The wijk team’s message; created_by is the id of the team member who wrote it.' },
      erase: 'keep',
      why: 'The team’s record of what it sent to whom in its wijk; the author only by id, which says nothing once that account is erased.',
    },
    {
      table: broadcastRecipients,
      export: { none: 'Not in gegevens.json yet: the person received the message itself by mail (ADR 012 lists this gap).' },
      erase: 'anonymise',
      why: 'The team still sees how many received a message; who they were goes with the account (user_id becomes null, foreign key).',
    },
  ],
}

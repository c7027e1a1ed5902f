/** Assisted posting for people without email, and the wijk team's dashboard visits. */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { offlineParticipants } from '../content/content.tables.js'
import { wijkbeheerVisits } from './wijkbeheer.tables.js'

export const wijkbeheerPrivacy: PrivacyModule<never> = {
  feature: 'wijkbeheer',
  tables: [
    {
      table: offlineParticipants,
      export: { none: 'These people have no account to download an export with; the wijk team gives them their data on paper, as they gave their consent.' },
      erase: 'keep',
      why: 'Not linked to any account: name and how to reach them stay while the wijk team keeps their items. recorded_by, the team member who recorded the paper consent, becomes null when that account is erased (foreign key).',
    },
    {
      table: wijkbeheerVisits,
      export: { none: 'Only when a team member last opened the dashboard, to show what is new since; the role itself is in roles.' },
      erase: 'cascade',
      why: 'Means nothing without the account.',
    },
  ],
}

/** Partners and their data-sharing agreements (P11, P12). */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { partnerKeys, partners } from './partners.tables.js'

export const partnersPrivacy: PrivacyModule<never> = {
  feature: 'partners',
  tables: [
    {
      table: partners,
      export: { none: 'An agreement with an organisation; its contact person and signatory are the partner’s people, not account holders, and no account is linked.' },
      erase: 'keep',
      why: 'The signed agreement is the legal basis of every item shared (P11) and stays with the register while the platform shares under it; erasing an account touches no partner row.',
    },
    {
      table: partnerKeys,
      export: { none: 'An API key of a partner; created_by is the administrator who issued it, kept only as an id.' },
      erase: 'anonymise',
      why: 'created_by becomes null when that administrator’s account is erased (foreign key); the key stays with its partner.',
    },
  ],
}

/** The encrypted archive of cancelled accounts (P26). */
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { accountArchives } from './cancellation.tables.js'

export const cancellationPrivacy: PrivacyModule<never> = {
  feature: 'cancellation',
  tables: [
    {
      table: accountArchives,
      export: { none: 'Exists only for an erased account, which has no login left to ask for an export; it is sealed with a key the platform keeps only to restore the account on request.' },
      erase: 'keep',
      why:
        'It is what erasure leaves: an encrypted copy kept five years only to restore the account on request, then destroyed (P26, ADR 006). The address is stored only as an HMAC (email_lookup); a restore deletes the row.',
      retention: ['archive.expired'],
    },
  ],
}

/**
 * The account itself (P23, P24). Its module comes last in src/privacy.ts: deleting the users row
 * is the final step of erasure, and the foreign keys declared `cascade` elsewhere take their rows
 * with it, so every other module must have done its work while the row still existed.
 */
import { eq } from 'drizzle-orm'
import { iso, isoOrNull, type PrivacyModule } from '../../kernel/privacy/privacy.js'
import type { ExportSections } from '../my-data/export.schema.js'
import { loadAccountDetails, pendingEmailChange } from './accounts.queries.js'
import { accountTokens, mailLinkRequests, users } from './accounts.tables.js'

export const accountsPrivacy: PrivacyModule<ExportSections> = {
  feature: 'accounts',
  tables: [
    {
      table: users,
      export: ['account'],
      erase: 'delete',
      archived: true,
      why:
        'Deleted in the erase job, after the encrypted archive is written in the same transaction (ADR 006). The archive keeps the account without its password hash, for five years, only to restore it on request (P26).',
      retention: ['accounts.cancelled', 'accounts.unverified'],
    },
    {
      table: accountTokens,
      export: ['account'],
      erase: 'cascade',
      why: 'Single-use links mailed to the person; they mean nothing without the account. A change of address waiting for confirmation is exported as account.pendingEmail.',
      retention: ['accounts.tokens'],
    },
    {
      table: mailLinkRequests,
      export: { none: 'Held for seconds, until its job runs, and deliberately not linked to an account: whether an address has one is never written down.' },
      erase: 'keep',
      why: 'Holds an address typed into a form, not a link to the account; its job deletes it within seconds, and the retention rule anything left after a day.',
      retention: ['accounts.link-requests'],
    },
  ],

  async exportFor({ db, person, now }) {
    const [account, pendingEmail] = await Promise.all([loadAccountDetails(db, person.id), pendingEmailChange(db, person.id, now)])
    if (!account) throw new Error('the account went away while its export was being made')
    return {
      sections: {
        account: {
          id: account.id,
          email: account.email,
          emailVerifiedAt: isoOrNull(account.emailVerifiedAt),
          pendingEmail,
          firstName: account.firstName,
          lastName: account.lastName,
          homeWijk: account.homeWijkId !== null && account.homeWijkName ? { id: account.homeWijkId, name: account.homeWijkName, city: account.homeCityName ?? '' } : null,
          language: account.lang,
          createdAt: iso(account.createdAt),
          updatedAt: iso(account.updatedAt),
          lastLoginAt: isoOrNull(account.lastLoginAt),
        },
      },
    }
  },

  async eraseFor({ tx, person }) {
    await tx.delete(users).where(eq(users.id, person.id))
  },
}

/** Retention of role invitations: the address of someone who may never have had an account. */
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { purgeOldRoleInvitations } from './roles.invitations.js'

export const rolesRetentionRules: RetentionRule[] = [
  {
    name: 'roles.invitations',
    everyMs: DAY,
    describe: {
      nl: { what: 'Uitnodigingen voor een rol (wijkbeheerder, ambassadeur, platformbeheerder) met het e-mailadres', period: '30 dagen nadat de uitnodiging verliep, gebruikt of ingetrokken werd' },
      en: { what: 'Invitations to a role (neighbourhood manager, ambassador, platform administrator) with the email address', period: '30 days after the invitation expired, was used or was cancelled' },
    },
    purge: ({ db, clock }) => purgeOldRoleInvitations(db, clock.now()),
  },
]

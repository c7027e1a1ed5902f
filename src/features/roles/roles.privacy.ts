/** Roles in wijken and on the platform, and invitations to them. */
import { eq, or } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, type ExportSections } from '../my-data/export.schema.js'
import { listMyRoles } from '../my-data/my-data.queries.js'
import { roleAssignments, roleInvitations } from './roles.tables.js'

export const rolesPrivacy: PrivacyModule<ExportSections> = {
  feature: 'roles',
  tables: [
    {
      table: roleAssignments,
      export: ['roles'],
      erase: 'cascade',
      why: 'Not archived: a restored account starts without management rights, which an administrator grants again if needed (ADR 006). created_by is the id of whoever appointed, kept with the row.',
    },
    {
      table: roleInvitations,
      export: { none: 'An invitation is the inviting administrator’s act, sent by mail; once accepted, the role is in the roles section.' },
      erase: 'delete',
      why: 'Invitations to the person’s address, open or accepted, hold that address: erasure deletes them. Invitations the person sent stay for their invitees, with invited_by set to null.',
      retention: ['roles.invitations'],
    },
  ],

  async exportFor({ db, person }) {
    const roles = await listMyRoles(db, person.id)
    return {
      sections: {
        roles: roles.map((r) => ({
          role: r.role,
          wijk: r.wijkId !== null && r.wijkName ? { id: r.wijkId, name: r.wijkName, city: r.cityName ?? '' } : null,
          since: iso(r.since),
        })),
      },
    }
  },

  async eraseFor({ tx, person }) {
    await tx.delete(roleInvitations).where(or(eq(roleInvitations.email, person.email.toLowerCase()), eq(roleInvitations.acceptedBy, person.id)))
  },
}

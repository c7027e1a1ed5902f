/**
 * The export's own requests, and the two sections Mijn gegevens reads from kernel tables: the
 * person's sessions and the access log (who else looked at or changed their data). The kernel
 * module declares those tables; the queries that present them live here.
 */
import { and, eq, isNotNull } from 'drizzle-orm'
import { deleteFileQuietly, type PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, type ExportSections } from './export.schema.js'
import { listAccessLog, listMySessions } from './my-data.queries.js'
import { describeAction } from './my-data.access.js'
import { dataExports } from './my-data.tables.js'

/** The whole access log goes into the export; this only guards against a runaway table. */
const MAX_ACCESS_ENTRIES = 100_000

export const myDataPrivacy: PrivacyModule<ExportSections> = {
  feature: 'my-data',
  tables: [
    {
      table: dataExports,
      export: { none: 'The requests are listed on Mijn gegevens; the file is the export itself.' },
      erase: 'cascade',
      why: 'Rows go with the users row; the ZIP files go after the erasure commits. Otherwise a download lives 24 hours.',
      retention: ['exports.expired'],
    },
  ],

  async exportFor({ db, person, now, t }) {
    const [sessions, access] = await Promise.all([listMySessions(db, person.id, null, now), listAccessLog(db, person.id, MAX_ACCESS_ENTRIES)])
    return {
      sections: {
        sessions: sessions.map((s) => ({ device: s.device, createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt) })),
        accessLog: access.entries.map((e) => ({
          at: iso(e.at),
          action: e.action,
          description: describeAction(t, person.lang, e),
          actor: { firstName: e.actorFirstName, roles: e.actorRoles.map((r) => ({ role: r.role, wijk: r.wijkName })) },
        })),
      },
    }
  },

  async eraseFor({ tx, person }) {
    // Read before the rows cascade away with the users row; the files go after the commit.
    const rows = await tx
      .select({ fileKey: dataExports.fileKey })
      .from(dataExports)
      .where(and(eq(dataExports.userId, person.id), isNotNull(dataExports.fileKey)))
    const keys = rows.map((r) => r.fileKey!)
    return {
      afterCommit: async (deps) => {
        for (const key of keys) await deleteFileQuietly(deps, key)
      },
    }
  },
}

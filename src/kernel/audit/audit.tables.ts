import { pgTable, bigserial, text, jsonb, timestamp, uuid, index } from 'drizzle-orm/pg-core'

/**
 * Who did what to whom: administrator and wijkbeheerder actions, and every access to someone
 * else's personal data (shown to that person on Mijn gegevens).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    /** Verb on a thing, e.g. 'role.appoint', 'wijk.update'. */
    action: text('action').notNull(),
    /** The person whose data was touched, if any. */
    subjectUserId: uuid('subject_user_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_subject_idx').on(t.subjectUserId, t.at), index('audit_at_idx').on(t.at)],
)

/** Small key/value facts about this installation (e.g. when demo data was seeded). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

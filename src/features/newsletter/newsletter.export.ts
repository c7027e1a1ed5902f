/**
 * The Mailchimp export (P14): the confirmed subscribers of one wijk as a CSV that Mailchimp's
 * contact import takes (UTF-8, comma, CRLF, header `Email Address,First Name,Last Name`). Account
 * holders appear with their account's current name and address. Handing the list to Mailchimp
 * is handing personal data to a processor, so the export is refused while no processor agreement
 * with Mailchimp is recorded in the register (P12), and each exported person gets a row in their
 * access log.
 */
import { asc, eq, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { users } from '../accounts/accounts.tables.js'
import { processorAgreementInPlace } from '../register/register.service.js'
import { MAILCHIMP_PROCESSOR_KEY } from '../register/register.defaults.js'
import { newsletterSubscriptions } from './newsletter.tables.js'
import { recipientCondition } from './newsletter.send.js'
import { csvDocument } from '../../kernel/http/csv.js'

export const EXPORT_COLUMNS = ['Email Address', 'First Name', 'Last Name'] as const
export const EXPORT_ACTION = 'newsletter.export'

export interface ExportRow {
  subscriptionId: number
  userId: string | null
  email: string
  firstName: string
  lastName: string
}

export function mailchimpAgreement(db: Db): Promise<boolean> {
  return processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY)
}

export async function exportRows(db: Db, wijkId: number): Promise<ExportRow[]> {
  const s = newsletterSubscriptions
  const rows = await db
    .select({
      subscriptionId: s.id,
      userId: s.userId,
      email: sql<string>`coalesce(${users.email}, ${s.email})`,
      firstName: sql<string>`coalesce(${users.firstName}, ${s.firstName}, '')`,
      lastName: sql<string>`coalesce(case when ${s.userId} is not null then ${users.lastName} else ${s.lastName} end, '')`,
    })
    .from(s)
    .leftJoin(users, eq(users.id, s.userId))
    .where(recipientCondition(wijkId))
    .orderBy(asc(sql`coalesce(${users.email}, ${s.email})`), asc(s.id))
  return rows.filter((r) => r.email)
}

export function mailchimpCsv(rows: ExportRow[]): string {
  return csvDocument(EXPORT_COLUMNS, rows.map((r) => [r.email, r.firstName, r.lastName]))
}

/**
 * The CSV of a wijk's confirmed subscribers, with one access-log row per person in the same
 * transaction; null while there is no processor agreement with Mailchimp.
 */
export async function exportSubscribers(deps: Pick<Deps, 'db' | 'clock' | 'log'>, actorId: string, wijkId: number): Promise<{ csv: string; count: number } | null> {
  const { db, clock } = deps
  if (!(await mailchimpAgreement(db))) return null
  const now = clock.now()
  const result = await db.transaction(async (tx) => {
    const rows = await exportRows(tx, wijkId)
    for (const r of rows) {
      await recordAudit(tx, now, {
        actorUserId: actorId,
        action: EXPORT_ACTION,
        subjectUserId: r.userId,
        targetType: 'newsletter_subscription',
        targetId: String(r.subscriptionId),
        details: { wijkId, fields: ['email', 'firstName', 'lastName'], processor: MAILCHIMP_PROCESSOR_KEY },
      })
    }
    return { csv: mailchimpCsv(rows), count: rows.length }
  })
  deps.log.info({ event: 'newsletter.export', wijkId, count: result.count }, 'newsletter subscribers exported')
  return result
}

/** The wijk team's writes: compose and save a draft, and mail a test to oneself. */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { startOfDay } from '../wijk-site/wijk-site.dates.js'
import { absoluteWijkUrl } from '../wijk-site/wijk-site.site.js'
import { newsletters } from './newsletter.tables.js'
import type { ComposeInput } from './newsletter.schema.js'
import type { Newsletter } from './newsletter.admin.queries.js'
import { collectBlocks, newsletterMail, renderIssue, type IssueInput } from './newsletter.compose.js'
import type { Lang } from '../../kernel/i18n/i18n.js'

function parseDay(v: string) {
  const [year, month, day] = v.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** The form's days as the [from, to) instants of the period. */
export function periodOf(input: ComposeInput): { periodFrom: Date; periodTo: Date } {
  const to = parseDay(input.periodTo)
  const next = new Date(Date.UTC(to.year, to.month - 1, to.day + 1))
  return {
    periodFrom: startOfDay(parseDay(input.periodFrom)),
    periodTo: startOfDay({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }),
  }
}

function values(input: ComposeInput) {
  return { subject: input.subject, body: input.body, blocks: { activities: input.activities, prikbord: input.prikbord, news: input.news }, ...periodOf(input) }
}

export async function createNewsletter(deps: Pick<Deps, 'db' | 'clock'>, actorId: string, wijkId: number, input: ComposeInput): Promise<number> {
  const now = deps.clock.now()
  const [row] = await deps.db
    .insert(newsletters)
    .values({ wijkId, ...values(input), createdBy: actorId, createdAt: now, updatedAt: now })
    .returning({ id: newsletters.id })
  return row!.id
}

/** Saves a draft; false when it is not a draft of this wijk (any more). */
export async function updateDraft(deps: Pick<Deps, 'db' | 'clock'>, wijkId: number, id: number, input: ComposeInput): Promise<boolean> {
  const rows = await deps.db
    .update(newsletters)
    .set({ ...values(input), updatedAt: deps.clock.now() })
    .where(and(eq(newsletters.id, id), eq(newsletters.wijkId, wijkId), eq(newsletters.status, 'draft')))
    .returning({ id: newsletters.id })
  return rows.length > 0
}

/** The issue as it would go out now (preview and test mail). */
export async function issueNow(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'hostMap'>, wijk: { id: number; slug: string; hostName: string | null }, n: IssueInput, lang: Lang) {
  const now = deps.clock.now()
  return renderIssue(n, await collectBlocks(deps.db, deps, wijk, n, now, lang), lang)
}

/** Mails the draft to the team member themselves, marked as a test; every press sends one. */
export async function sendTest(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs' | 'hostMap'>,
  me: { id: string; email: string; firstName: string; lang: Lang },
  wijk: { id: number; slug: string; name: string; hostName: string | null },
  n: Newsletter,
): Promise<void> {
  const now = deps.clock.now()
  const issue = await issueNow(deps, wijk, n, 'nl')
  const mail = newsletterMail(deps.config, {
    subject: n.subject,
    issue,
    wijkName: wijk.name,
    archiveUrl: absoluteWijkUrl(deps, wijk, '/nieuwsbrieven'),
    to: { firstName: me.firstName, lang: me.lang },
    unsubscribeUrl: null,
    test: true,
  })
  await queueMail(deps.db, now, { key: `newsletter.test:${n.id}:${me.id}:${now.getTime()}`, to: me.email, userId: me.id, ...mail })
  deps.wakeJobs()
}

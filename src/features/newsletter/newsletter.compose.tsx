/**
 * What a newsletter says. The issue itself (the wijk team's markdown plus the automatic blocks) is
 * the same for everyone and holds no personal data: it is what the public archive shows. Each mail
 * wraps it in a greeting by first name (P10) and a footer with that subscriber's one-click
 * unsubscribe link (P25); neither ever reaches the archive.
 *
 * The blocks read content only through the public projection (content.public.ts), so an issue can
 * carry nothing the public site would not show.
 */
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm'
import { raw } from 'hono/html'
import type { Config } from '../../config/env.js'
import type { Db } from '../../kernel/db/client.js'
import { formatDate, translator, type Lang } from '../../kernel/i18n/i18n.js'
import { renderMarkdown } from '../../kernel/markdown.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'
import { contentItems, type ContentType } from '../content/content.tables.js'
import { publicColumns, publiclyVisible } from '../content/content.public.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { listOccurrences } from '../wijk-site/wijk-site.queries.js'
import { absoluteWijkUrl, type SiteAddress, type WijkRef } from '../wijk-site/wijk-site.site.js'
import type { NewsletterBlocks } from './newsletter.tables.js'
import { linkUrl, UNSUBSCRIBE_PATH } from './newsletter.emails.js'

/** How far ahead the "upcoming activities" block looks, from the moment of sending. */
export const UPCOMING_DAYS = 28
const BLOCK_LIMIT = 10

export interface IssueInput {
  subject: string
  body: string
  blocks: NewsletterBlocks
  periodFrom: Date
  periodTo: Date
}

export interface BlockEntry {
  title: string
  summary: string
  url: string
  when?: string
}

export interface Issue {
  /** The inner HTML (no html/body, no greeting, no personal link): stored for the archive. */
  html: string
  text: string
}

const ci = contentItems

/** Items of some types published in the period, through the public projection. */
async function publishedIn(db: Db, now: Date, wijkId: number, types: ContentType[], from: Date, to: Date) {
  return db
    .select({ id: publicColumns.id, type: publicColumns.type, title: publicColumns.title, slug: publicColumns.slug, summary: publicColumns.summary })
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), inArray(ci.type, types), publiclyVisible(now), gte(ci.publishedAt, from), lt(ci.publishedAt, to)))
    .orderBy(desc(ci.publishedAt), asc(ci.id))
    .limit(BLOCK_LIMIT)
}

export async function collectBlocks(db: Db, site: SiteAddress, wijk: WijkRef, input: IssueInput, now: Date, lang: Lang) {
  const url = (item: { id: number; slug: string; type: ContentType }) => absoluteWijkUrl(site, wijk, itemPathInWijk(item))
  const activities = input.blocks.activities
    ? (await listOccurrences(db, now, { wijkIds: [wijk.id], from: now, to: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000), limit: BLOCK_LIMIT })).items.map(
        (o): BlockEntry => ({ title: o.title, summary: o.summary, url: url(o), when: formatDate(o.occursAt, lang, o.allDay ? 'date' : 'dateTime') }),
      )
    : []
  const prikbord = input.blocks.prikbord ? (await publishedIn(db, now, wijk.id, ['request', 'offer'], input.periodFrom, input.periodTo)).map((i): BlockEntry => ({ title: i.title, summary: i.summary, url: url(i) })) : []
  const news = input.blocks.news ? (await publishedIn(db, now, wijk.id, ['news'], input.periodFrom, input.periodTo)).map((i): BlockEntry => ({ title: i.title, summary: i.summary, url: url(i) })) : []
  return { activities, prikbord, news }
}

export type Blocks = Awaited<ReturnType<typeof collectBlocks>>

function BlockHtml(p: { title: string; entries: BlockEntry[] }) {
  if (p.entries.length === 0) return null
  return (
    <section>
      <h2>{p.title}</h2>
      <ul>
        {p.entries.map((e) => (
          <li>
            <a href={e.url}>{e.title}</a>
            {e.when && <> ({e.when})</>}
            {e.summary && (
              <>
                <br />
                {e.summary}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The issue as everyone gets it: markdown body, then the filled blocks. */
export function renderIssue(input: IssueInput, blocks: Blocks, lang: Lang): Issue {
  const t = translator(lang)
  const titles = { activities: t('newsletter.block.activities'), prikbord: t('newsletter.block.prikbord'), news: t('newsletter.block.news') }
  const html = (
    <>
      {input.body.trim() && <div>{raw(renderMarkdown(input.body))}</div>}
      <BlockHtml title={titles.activities} entries={blocks.activities} />
      <BlockHtml title={titles.prikbord} entries={blocks.prikbord} />
      <BlockHtml title={titles.news} entries={blocks.news} />
    </>
  ).toString() as string
  const textBlock = (title: string, entries: BlockEntry[]) =>
    entries.length === 0 ? [] : [[title.toUpperCase(), ...entries.map((e) => `- ${e.title}${e.when ? ` (${e.when})` : ''}\n  ${e.url}`)].join('\n')]
  const text = [input.body.trim(), ...textBlock(titles.activities, blocks.activities), ...textBlock(titles.prikbord, blocks.prikbord), ...textBlock(titles.news, blocks.news)]
    .filter(Boolean)
    .join('\n\n')
  return { html, text }
}

export interface Recipient {
  firstName: string | null
  lang: Lang
}

/**
 * One subscriber's mail: greeting, the issue, and a footer with their own unsubscribe link.
 * `unsubscribeUrl` is null for a test mail to the wijk team (they may not be subscribed).
 */
export function newsletterMail(
  config: Pick<Config, 'publicBaseUrl' | 'operator'>,
  p: { subject: string; issue: Issue; wijkName: string; archiveUrl: string; to: Recipient; unsubscribeUrl: string | null; test?: boolean },
): RenderedMail {
  const t = translator(p.to.lang)
  const greeting = p.to.firstName ? t('mail.greeting', { name: p.to.firstName }) : t('mail.greetingAnonymous')
  const why = t('newsletter.mail.why', { wijk: p.wijkName })
  const unsubscribe = p.unsubscribeUrl ? t('newsletter.mail.unsubscribe') : t('newsletter.mail.testNoUnsubscribe')
  const subject = p.test ? t('newsletter.mail.testSubject', { subject: p.subject }) : p.subject
  const text = [greeting, p.issue.text, `--\n${why}\n${unsubscribe}${p.unsubscribeUrl ? `: ${p.unsubscribeUrl}` : ''}\n${t('newsletter.mail.archive')}: ${p.archiveUrl}`].join('\n\n')
  const html = (
    <>
      {raw('<!doctype html>')}
      <html lang={p.to.lang}>
        <head>
          <meta charset="utf-8" />
          <title>{subject}</title>
        </head>
        <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f23; max-width: 36rem; margin: 0 auto; padding: 1rem;">
          <p>{greeting}</p>
          {raw(p.issue.html)}
          <p style="font-size: 0.85rem; color: #4a5560; border-top: 1px solid #c9d1d9; padding-top: 0.75rem;">
            {why}
            <br />
            {p.unsubscribeUrl ? <a href={p.unsubscribeUrl}>{unsubscribe}</a> : unsubscribe}
            {' · '}
            <a href={p.archiveUrl}>{t('newsletter.mail.archive')}</a>
          </p>
        </body>
      </html>
    </>
  ).toString() as string
  return { template: p.test ? 'newsletter.test' : 'newsletter.issue', subject, text, html }
}

/**
 * The headers of RFC 2369 and RFC 8058 that let a mail client offer its own unsubscribe button:
 * an https address that takes a one-click POST. No mailto: nothing reads a mailbox for it, and an
 * address a person has to act on is not a one-click promise.
 */
export function listHeaders(config: Pick<Config, 'publicBaseUrl'>, wijk: { slug: string; name: string }, token: string): Record<string, string> {
  const host = new URL(config.publicBaseUrl).hostname
  return {
    'List-Unsubscribe': `<${linkUrl(config, UNSUBSCRIBE_PATH, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${wijk.name.replace(/[^\p{L}\p{N} .-]/gu, '')} <${wijk.slug}.nieuwsbrief.${host}>`,
  }
}

/**
 * The dev mailbox (demo and development only; never mounted in production): every mail the
 * platform sent, readable in the browser, so sign-up and reset can be tried without SMTP.
 *
 * Delivered mail is read from the dev mailbox folder (kernel/mail/transport.ts), not from the
 * outbox: the outbox forgets mail on purpose (a cancelled account's mail is erased, sent mail is
 * purged after 30 days), and a developer's tool must still show it. Mail still waiting for
 * delivery comes from the outbox.
 */
import { Hono } from 'hono'
import { desc, eq, inArray } from 'drizzle-orm'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { render } from '../../kernel/ui/render.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { devMailboxDir, devMailName, listDevMailbox, readDevMail } from '../../kernel/mail/transport.js'
import { outboxIdOf, outboxMessageId } from '../../kernel/mail/deliver.js'
import { notFound } from '../../kernel/http/errors.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { DataTable } from '../../kernel/ui/components.js'

const SHOWN = 200

export const devRoutes = new Hono<AppEnv>()
  .get('/dev/mailbox', guard('page.view'), async (c) => {
    const { db, config } = c.get('deps')
    const lang = c.get('lang')
    const nl = lang === 'nl'
    const [waiting, delivered] = await Promise.all([
      db
        .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt })
        .from(outbox)
        .where(inArray(outbox.status, ['pending', 'sending', 'failed']))
        .orderBy(desc(outbox.id))
        .limit(SHOWN),
      listDevMailbox(devMailboxDir(config.dataDir), SHOWN),
    ])
    return render(
      c,
      <section>
        <h1>Dev mailbox</h1>
        <p class="muted">{nl ? 'Alleen in de demo-omgeving: alle mail die het platform verstuurde, ook aan accounts die intussen zijn opgezegd.' : 'Demo environment only: every mail the platform sent, also to accounts cancelled since.'}</p>
        {waiting.length > 0 && (
          <DataTable caption={nl ? 'Nog niet afgeleverd' : 'Not delivered yet'} captionVisible head={['#', nl ? 'Aan' : 'To', nl ? 'Onderwerp' : 'Subject', 'Status', nl ? 'Tijd' : 'Time']}>
            {waiting.map((r) => (
              <tr>
                <td>{r.id}</td>
                <td>{r.to}</td>
                <td>
                  <a href={`/dev/mailbox/${r.id}`}>{r.subject}</a>
                </td>
                <td>{r.status}</td>
                <td>{formatDate(r.createdAt, lang, 'dateTime')}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <DataTable caption={nl ? 'Afgeleverd' : 'Delivered'} captionVisible head={['#', nl ? 'Aan' : 'To', nl ? 'Onderwerp' : 'Subject', nl ? 'Tijd' : 'Time']}>
          {delivered.map((m) => {
            const id = outboxIdOf(m.messageId)
            return (
              <tr>
                <td>{id ?? ''}</td>
                <td>{m.to}</td>
                <td>{id === null ? m.subject : <a href={`/dev/mailbox/${id}`}>{m.subject}</a>}</td>
                <td>{formatDate(new Date(m.deliveredAt), lang, 'dateTime')}</td>
              </tr>
            )
          })}
        </DataTable>
      </section>,
      { title: 'Dev mailbox' },
    )
  })
  .get('/dev/mailbox/:id{[0-9]+}', guard('page.view'), async (c) => {
    const { db, config } = c.get('deps')
    const id = idParam(c)
    // The delivered copy first: its outbox row may be gone.
    const copy = await readDevMail(devMailboxDir(config.dataDir), devMailName(outboxMessageId(id, config.publicBaseUrl)))
    const [row] = copy ? [] : await db.select().from(outbox).where(eq(outbox.id, id)).limit(1)
    const mail = copy ?? (row ? { subject: row.subject, to: row.toAddress, replyTo: row.replyTo, text: row.textBody } : null)
    if (!mail) throw notFound()
    return render(
      c,
      <article>
        <p>
          <a href="/dev/mailbox">← Dev mailbox</a>
        </p>
        <h1>{mail.subject}</h1>
        <dl class="facts">
          <dt>To</dt>
          <dd>{mail.to}</dd>
          {mail.replyTo && (
            <>
              <dt>Reply-To</dt>
              <dd>{mail.replyTo}</dd>
            </>
          )}
          {row && (
            <>
              <dt>Template</dt>
              <dd>{row.template}</dd>
            </>
          )}
        </dl>
        <pre class="pre-wrap">{mail.text}</pre>
      </article>,
      { title: mail.subject },
    )
  })

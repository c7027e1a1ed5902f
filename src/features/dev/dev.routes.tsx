/**
 * The dev mailbox (demo and development only; never mounted in production): every mail the
 * platform queued, readable in the browser, so sign-up and reset can be tried without SMTP.
 */
import { Hono } from 'hono'
import { desc, eq } from 'drizzle-orm'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { render } from '../../kernel/ui/render.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { notFound } from '../../kernel/http/errors.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { DataTable } from '../../kernel/ui/components.js'

export const devRoutes = new Hono<AppEnv>()
  .get('/dev/mailbox', guard('page.view'), async (c) => {
    const { db } = c.get('deps')
    const lang = c.get('lang')
    const rows = await db
      .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt })
      .from(outbox)
      .orderBy(desc(outbox.id))
      .limit(200)
    return render(
      c,
      <section>
        <h1>Dev mailbox</h1>
        <p class="muted">{lang === 'nl' ? 'Alleen in de demo-omgeving: alle mail die het platform verstuurde.' : 'Demo environment only: every mail the platform sent.'}</p>
        <DataTable head={['#', lang === 'nl' ? 'Aan' : 'To', lang === 'nl' ? 'Onderwerp' : 'Subject', 'Status', lang === 'nl' ? 'Tijd' : 'Time']}>
          {rows.map((r) => (
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
      </section>,
      { title: 'Dev mailbox' },
    )
  })
  .get('/dev/mailbox/:id{[0-9]+}', guard('page.view'), async (c) => {
    const { db } = c.get('deps')
    const [mail] = await db.select().from(outbox).where(eq(outbox.id, Number(c.req.param('id')))).limit(1)
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
          <dd>{mail.toAddress}</dd>
          {mail.replyTo && (
            <>
              <dt>Reply-To</dt>
              <dd>{mail.replyTo}</dd>
            </>
          )}
          <dt>Template</dt>
          <dd>{mail.template}</dd>
        </dl>
        <pre class="pre-wrap">{mail.textBody}</pre>
      </article>,
      { title: mail.subject },
    )
  })

/**
 * The wijk team's newsletters (/beheer/wijken/<id>/nieuwsbrieven, 'newsletter.manage'): compose
 * (markdown plus automatic blocks), preview, a test mail to oneself, then sending to the wijk's
 * confirmed subscribers with a progress bar. The guard checks the wijk in the URL; a newsletter is
 * always loaded together with that wijk, so an id of another wijk answers 404.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { translator } from '../../kernel/i18n/i18n.js'
import { findWijkById } from '../places/places.queries.js'
import { wijkHref } from '../places/wijk-href.js'
import { dayKey } from '../wijk-site/wijk-site.dates.js'
import { can } from '../../kernel/policy/policy.js'
import { composeSchema } from './newsletter.schema.js'
import { deliveryProgress, findNewsletter, listNewsletters, type Newsletter } from './newsletter.admin.queries.js'
import { createNewsletter, issueNow, sendTest, updateDraft } from './newsletter.admin.service.js'
import { countRecipients, startSending } from './newsletter.send.js'
import { adminBase, ComposePage, ExportPage, NewslettersPage, PreviewPage, SentPage } from './newsletter.admin.views.js'
import { exportRows, exportSubscribers, mailchimpAgreement } from './newsletter.export.js'
import { csvHeaders } from '../../kernel/http/csv.js'

const wijkOf = (c: AppContext) => ({ wijkId: idParam(c, 'id') })

async function loadWijk(c: AppContext) {
  const wijk = await findWijkById(c.get('deps').db, idParam(c, 'id'))
  if (!wijk) throw notFound()
  return wijk
}

async function loadNewsletter(c: AppContext): Promise<{ wijk: Awaited<ReturnType<typeof loadWijk>>; newsletter: Newsletter }> {
  const wijk = await loadWijk(c)
  const newsletter = await findNewsletter(c.get('deps').db, wijk.id, idParam(c, 'nid'))
  if (!newsletter) throw notFound()
  return { wijk, newsletter }
}

/** A draft's stored values as form values (the period's end is the last day included). */
function formValues(n: Newsletter | null, now: Date): { values: FormValues; checked: { activities: boolean; prikbord: boolean; news: boolean } } {
  if (!n) {
    return {
      values: { subject: '', body: '', periodFrom: dayKey(new Date(now.getTime() - 30 * 86_400_000)), periodTo: dayKey(now) },
      checked: { activities: true, prikbord: true, news: true },
    }
  }
  return {
    values: { subject: n.subject, body: n.body, periodFrom: dayKey(n.periodFrom), periodTo: dayKey(new Date(n.periodTo.getTime() - 1)) },
    checked: n.blocks,
  }
}

async function composePage(c: AppContext, wijk: { id: number; name: string }, n: Newsletter | null, opts: { state?: { values: FormValues; errors: FieldErrors }; notice?: string; status?: 200 | 409 | 422 } = {}) {
  const t = c.get('t')
  const { clock } = c.get('deps')
  const { values, checked } = formValues(n, clock.now())
  return render(
    c,
    <ComposePage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} newsletter={n} values={values} checked={checked} state={opts.state} notice={opts.notice} />,
    { title: n ? t('newsletter.compose.editTitle') : t('newsletter.compose.newTitle'), status: opts.status ?? (opts.state ? 422 : 200) },
  )
}

async function detailPage(c: AppContext, wijk: Awaited<ReturnType<typeof loadWijk>>, n: Newsletter) {
  if (n.status === 'draft') return composePage(c, wijk, n)
  const t = c.get('t')
  const progress = await deliveryProgress(c.get('deps').db, n.id)
  // The newsletter was read before the counts: a batch that committed in between may have sent the
  // last mails, and the same transaction marked the newsletter sent, so the counts decide.
  const current = progress.sent >= progress.total ? { ...n, status: 'sent' as const } : n
  return render(c, <SentPage t={t} lang={c.get('lang')} wijk={wijk} newsletter={current} progress={progress} archiveHref={wijkHref(c, wijk, `/nieuwsbrieven/${n.id}`)} />, {
    title: n.subject,
  })
}

async function exportPage(c: AppContext, wijk: { id: number; name: string }, refused = false) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const agreement = await mailchimpAgreement(db)
  // Only the number is shown here; who is in the file is read (and logged) when it is made.
  const count = agreement ? (await exportRows(db, wijk.id)).length : 0
  const registerHref = can(c.get('actor'), 'register.manage') ? '/beheer/verwerkingen' : '/verwerkingen'
  return render(c, <ExportPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} agreement={agreement} count={count} registerHref={registerHref} refused={refused} />, {
    title: t('newsletter.export.title', { wijk: wijk.name }),
    status: refused ? 409 : 200,
  })
}

export const newsletterAdminRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven', guard('newsletter.manage', wijkOf), async (c) => {
    const wijk = await loadWijk(c)
    const t = c.get('t')
    const { db } = c.get('deps')
    const [rows, subscribers] = await Promise.all([listNewsletters(db, wijk.id), countRecipients(db, wijk.id)])
    return render(c, <NewslettersPage t={t} lang={c.get('lang')} wijk={wijk} rows={rows} subscribers={subscribers} archiveHref={wijkHref(c, wijk, '/nieuwsbrieven')} />, {
      title: t('newsletter.admin.title', { wijk: wijk.name }),
    })
  })

  .get('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/nieuw', guard('newsletter.manage', wijkOf), async (c) => composePage(c, await loadWijk(c), null))

  .post('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven', guard('newsletter.manage', wijkOf), async (c) => {
    const wijk = await loadWijk(c)
    const form = await readForm(c, composeSchema)
    if (!form.ok) return composePage(c, wijk, null, { state: { values: form.values, errors: form.errors } })
    const id = await createNewsletter(c.get('deps'), c.get('actor').user!.id, wijk.id, form.data)
    return c.redirect(`${adminBase(wijk.id)}/${id}/voorbeeld?melding=flash.newsletter.saved`, 303)
  })

  .get('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/:nid{[0-9]{1,9}}', guard('newsletter.manage', wijkOf), async (c) => {
    const { wijk, newsletter } = await loadNewsletter(c)
    return detailPage(c, wijk, newsletter)
  })

  .post('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/:nid{[0-9]{1,9}}', guard('newsletter.manage', wijkOf), async (c) => {
    const { wijk, newsletter } = await loadNewsletter(c)
    const form = await readForm(c, composeSchema)
    if (newsletter.status !== 'draft') return c.redirect(`${adminBase(wijk.id)}/${newsletter.id}`, 303)
    if (!form.ok) return composePage(c, wijk, newsletter, { state: { values: form.values, errors: form.errors } })
    await updateDraft(c.get('deps'), wijk.id, newsletter.id, form.data)
    return c.redirect(`${adminBase(wijk.id)}/${newsletter.id}/voorbeeld?melding=flash.newsletter.saved`, 303)
  })

  .get('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/:nid{[0-9]{1,9}}/voorbeeld', guard('newsletter.manage', wijkOf), async (c) => {
    const { wijk, newsletter } = await loadNewsletter(c)
    const t = c.get('t')
    const me = c.get('actor').user!
    const issue = newsletter.status === 'draft' ? await issueNow(c.get('deps'), wijk, newsletter, 'nl') : { html: newsletter.archivedHtml ?? '', text: '' }
    const subscribers = await countRecipients(c.get('deps').db, wijk.id)
    const greeting = translator('nl')('mail.greeting', { name: me.firstName })
    return render(c, <PreviewPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} newsletter={newsletter} issue={issue} greeting={greeting} subscribers={subscribers} />, {
      title: t('newsletter.preview.title', { subject: newsletter.subject }),
    })
  })

  .post('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/:nid{[0-9]{1,9}}/test', guard('newsletter.manage', wijkOf), async (c) => {
    const { wijk, newsletter } = await loadNewsletter(c)
    const me = c.get('actor').user!
    await sendTest(c.get('deps'), me, wijk, newsletter)
    return c.redirect(`${adminBase(wijk.id)}/${newsletter.id}/voorbeeld?melding=flash.newsletter.testSent`, 303)
  })

  .post('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/:nid{[0-9]{1,9}}/versturen', guard('newsletter.manage', wijkOf), async (c) => {
    const { wijk, newsletter } = await loadNewsletter(c)
    // A second press (or a sent one) changes nothing: the page shows how far sending is.
    const started = await startSending(c.get('deps'), c.get('actor').user!.id, wijk.id, newsletter.id)
    return c.redirect(`${adminBase(wijk.id)}/${newsletter.id}${started ? '?melding=flash.newsletter.sending' : ''}`, 303)
  })

  // -- Export for Mailchimp (P14) -----------------------------------------------------------------
  .get('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/export', guard('newsletter.export', wijkOf), async (c) => exportPage(c, await loadWijk(c)))

  .post('/beheer/wijken/:id{[0-9]{1,9}}/nieuwsbrieven/export', guard('newsletter.export', wijkOf), async (c) => {
    const wijk = await loadWijk(c)
    const result = await exportSubscribers(c.get('deps'), c.get('actor').user!.id, wijk.id)
    if (!result) return exportPage(c, wijk, true)
    const day = dayKey(c.get('deps').clock.now())
    return c.body(result.csv, 200, csvHeaders(`nieuwsbrief-${wijk.slug}-${day}.csv`))
  })


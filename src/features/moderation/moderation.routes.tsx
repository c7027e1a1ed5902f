/**
 * Moderation (P13): the wijk team helps with the content of its wijk at /beheer/wijken/:id/inhoud
 * (list, edit through my-content's own form and save path, hide with a reason, publish again,
 * decide on reports) and works the report queue at /beheer/wijken/:id/meldingen. Residents
 * report a public item with "meld dit" (/<wijk>/<module>/<item>/melden).
 *
 * Fencing: item routes take the wijk from the ITEM, not the URL. An item that does not exist,
 * lies in another wijk than the URL says, or that this actor may not moderate answers 404, the
 * same for a guessed id as for a real one of another wijk; a visitor is sent to log in.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { DAY } from '../../kernel/clock.js'
import { render } from '../../kernel/ui/render.js'
import { findWijkById } from '../places/places.queries.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { findPublicItem } from '../content/content.public.js'
import { publicItemFromUrl, wijkFromUrl } from '../wijk-site/wijk-site.item.js'
import { wijkInUrl, wijkOf } from '../wijkbeheer/wijkbeheer.http.js'
import { idFromItemParam, itemPathInWijk } from '../content/content.urls.js'
import { valuesFromItem } from '../my-content/my-content.form.js'
import { renderContentForm, validateContentForm, type ContentFormContext } from '../my-content/my-content.editing.js'
import { findWijkItem, listWijkContent, moderationRecord, openReportsOfWijk, reportsOfItem, type ModeratedItem } from './moderation.queries.js'
import { decideReports, fileReport, hideItem, moderatorEdit, recordModeratorView, unhideItem } from './moderation.service.js'
import { decideSchema, hideSchema, itemFilter, listQuerySchema, reportSchema, reportSentQuerySchema, unhideSchema } from './moderation.schema.js'
import { ContentListPage, ItemModerationPage, ReportDonePage, ReportPage, ReportsQueuePage } from './moderation.views.js'

/** Reports one account may file a day, over all items: plenty for real problems, no flood. */
export const REPORTS_PER_DAY: Limit = { max: 20, windowMs: DAY }

const WIJK = '/beheer/wijken/:id{[0-9]{1,9}}'
const ITEM = `${WIJK}/inhoud/:item{[0-9]{1,9}}`

/**
 * The item in the URL with its wijk, loaded once for the guard and the handler. The policy decides
 * on the item's own wijk; an item of another wijk than the URL's is as absent as a missing one.
 * With `denied: 'notFound'` an item this actor may not moderate answers 404 too, so a guess
 * reveals nothing; a visitor goes to log in before anything is read.
 */
const moderated = rowLoader(async (c) => {
  const { db } = c.get('deps')
  const wijkId = idParam(c)
  const [wijk, found] = await Promise.all([findWijkById(db, wijkId), findWijkItem(db, wijkId, idParam(c, 'item'))])
  return wijk && found ? { row: { wijk, ...found }, resource: { wijkId: found.item.wijkId } } : null
})
const moderate = guard('wijk.content.moderate', moderated, { denied: 'notFound' })

function actorOf(c: AppContext) {
  const user = c.get('actor').user!
  return { id: user.id, firstName: user.firstName }
}

type Failed = { values: FormValues; errors: FieldErrors }

async function itemPage(c: AppContext, failed?: { hide?: Failed; decide?: Failed; unhide?: Failed }) {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const { wijk, item } = moderated.row(c)
  const [reports, record, visible] = await Promise.all([reportsOfItem(db, item.id), moderationRecord(db, item.id), findPublicItem(db, item.id, clock.now())])
  return render(
    c,
    <ItemModerationPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      wijk={wijk}
      item={item}
      publicHref={visible ? wijkHref(c, wijk, itemPathInWijk(visible)) : null}
      reports={reports}
      record={record}
      hideState={failed?.hide}
      decideState={failed?.decide}
      unhideState={failed?.unhide}
    />,
    { title: t('moderation.item.title', { title: item.title }), status: failed ? 422 : 200 },
  )
}

function editContext(c: AppContext, wijk: { id: number; name: string }, item: ModeratedItem): ContentFormContext {
  const t = c.get('t')
  return {
    type: item.type,
    wijk,
    action: `/beheer/wijken/${wijk.id}/inhoud/${item.id}/bewerken`,
    title: t('moderation.edit.title', { title: item.title }),
    // The owner's places and businesses, as on their own form; none of the team member's.
    forUserId: item.ownerId,
    itemId: item.id,
    status: item.status,
    back: { href: `/beheer/wijken/${wijk.id}/inhoud/${item.id}`, label: t('moderation.backToItem') },
    itemLinks: false,
  }
}

// -- "Meld dit" ------------------------------------------------------------------------------------

const REPORT = '/:wijk/:module{agenda|organisaties|prikbord|nieuws|etalage}/:item/melden'

/** The wijk and the public item the URL names, or 404. */
async function loadPublic(c: AppContext) {
  const { wijk, item, path, inModule } = await publicItemFromUrl(c)
  if (!inModule) throw notFound()
  return { wijk, item, itemHref: wijkHref(c, wijk, path), action: `/${wijk.slug}${path}/melden` }
}

export const moderationRoutes = new Hono<AppEnv>()
  // -- The wijk's content ----------------------------------------------------------------------------
  .get(`${WIJK}/inhoud`, guard('wijk.content.moderate', wijkOf), async (c) => {
    const { db } = c.get('deps')
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const { soort, status } = readQuery(c, listQuerySchema)
    const rows = await listWijkContent(db, wijk.id, itemFilter({ soort, status }))
    return render(c, <ContentListPage t={t} lang={c.get('lang')} wijk={wijk} rows={rows} soort={soort} status={status} />, {
      title: t('moderation.list.title', { wijk: wijk.name }),
    })
  })

  .get(ITEM, moderate, (c) => itemPage(c))

  .get(`${ITEM}/bewerken`, moderate, async (c) => {
    const { wijk, item, themeIds } = moderated.row(c)
    // The form shows the contact fields the owner keeps private: that is in their access log.
    await recordModeratorView(c.get('deps'), item, actorOf(c).id)
    return renderContentForm(c, editContext(c, wijk, item), valuesFromItem(item, themeIds), undefined)
  })

  .post(`${ITEM}/bewerken`, moderate, async (c) => {
    const { wijk, item } = moderated.row(c)
    const result = await validateContentForm(c, item.type, wijk.id, item.ownerId)
    if (!result.ok) return renderContentForm(c, editContext(c, wijk, item), result.values, result.errors, 422)
    const changed = await moderatorEdit(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), columns: result.columns, themeIds: result.themeIds })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=${changed.length ? 'flash.moderation.saved' : 'flash.moderation.unchanged'}`, 303)
  })

  .post(`${ITEM}/verbergen`, moderate, async (c) => {
    const form = await readForm(c, hideSchema)
    if (!form.ok) return itemPage(c, { hide: form })
    const { wijk, item } = moderated.row(c)
    await hideItem(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), reason: form.data.reason })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=flash.moderation.hidden`, 303)
  })

  .post(`${ITEM}/publiceren`, moderate, async (c) => {
    const form = await readForm(c, unhideSchema)
    if (!form.ok) return itemPage(c, { unhide: form })
    const { wijk, item } = moderated.row(c)
    const result = await unhideItem(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), decision: form.data.explanation })
    if (result === 'needsDecision') return itemPage(c, { unhide: { values: form.values, errors: { explanation: c.get('t')('moderation.error.unhideExplanation') } } })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=${result === 'published' ? 'flash.moderation.republished' : 'flash.moderation.notHidden'}`, 303)
  })

  .post(`${ITEM}/besluit`, moderate, async (c) => {
    const form = await readForm(c, decideSchema)
    if (!form.ok) return itemPage(c, { decide: form })
    const { wijk, item } = moderated.row(c)
    await decideReports(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), decision: form.data.decision, outcome: form.data.outcome })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=flash.moderation.decided`, 303)
  })

  // -- The report queue -----------------------------------------------------------------------------
  .get(`${WIJK}/meldingen`, guard('wijk.content.moderate', wijkOf), async (c) => {
    const { db } = c.get('deps')
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const rows = await openReportsOfWijk(db, wijk.id)
    return render(c, <ReportsQueuePage t={t} lang={c.get('lang')} wijk={wijk} rows={rows} />, { title: t('moderation.queue.title', { wijk: wijk.name }) })
  })

  // -- "Meld dit" -----------------------------------------------------------------------------------
  .get(REPORT, guard('content.report'), async (c) => {
    const t = c.get('t')
    const { wijk, item, itemHref, action } = await loadPublic(c)
    return render(c, <ReportPage t={t} csrfToken={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} />, {
      title: t('moderation.report.title', { title: item.title }),
      brand: wijkBrand(c, wijk),
    })
  })

  .post(REPORT, guard('content.report'), async (c) => {
    const t = c.get('t')
    const deps = c.get('deps')
    const { wijk, item, itemHref, action } = await loadPublic(c)
    const user = c.get('actor').user!
    const page = (state: { values: FormValues; errors?: FieldErrors }, status: 422 | 429) =>
      render(c, <ReportPage t={t} csrfToken={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} state={state} limited={status === 429} />, {
        title: t('moderation.report.title', { title: item.title }),
        brand: wijkBrand(c, wijk),
        status,
      })
    const form = await readForm(c, reportSchema)
    if (!form.ok) return page(form, 422)
    const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'content-report', user.id), REPORTS_PER_DAY, deps.clock.now())
    if (!limited.allowed) {
      c.header('Retry-After', String(limited.retryAfterSeconds))
      return page({ values: form.values }, 429)
    }
    const result = await fileReport(deps, {
      item: { id: item.id, wijkId: wijk.id },
      wijkName: wijk.name,
      reporterId: user.id,
      reason: form.data.reason,
      message: form.data.message,
    })
    return c.redirect(`${action}/verzonden${result === 'duplicate' ? '?al=1' : ''}`, 303)
  })

  .get(`${REPORT}/verzonden`, guard('content.report'), async (c) => {
    const t = c.get('t')
    const { db, clock } = c.get('deps')
    const wijk = await wijkFromUrl(c)
    const id = idFromItemParam(c.req.param('item') ?? '')
    // After the third report the item may be hidden already: the thanks still shows, without a link
    // back. An item of another wijk under this wijk's address is not found, like everywhere else.
    const item = id === null ? null : await findPublicItem(db, id, clock.now(), wijk.preview)
    if (item && item.wijkId !== wijk.id) throw notFound()
    const already = readQuery(c, reportSentQuerySchema).al === '1'
    const heading = t(already ? 'moderation.report.already.title' : 'moderation.report.sent.title')
    return render(
      c,
      <ReportDonePage
        t={t}
        heading={heading}
        message={t(already ? 'moderation.report.already.body' : 'moderation.report.sent.body')}
        itemHref={item ? wijkHref(c, wijk, itemPathInWijk(item)) : wijkHref(c, wijk, '/')}
        itemTitle={item ? item.title : wijk.name}
      />,
      { title: heading, brand: wijkBrand(c, wijk) },
    )
  })

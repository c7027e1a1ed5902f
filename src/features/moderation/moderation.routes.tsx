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
import { guard } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { DAY } from '../../kernel/clock.js'
import { render } from '../../kernel/ui/render.js'
import { findWijkById, findWijkBySlug } from '../places/places.queries.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { findPublicItem } from '../content/content.public.js'
import { idFromItemParam, itemPathInWijk, moduleOf } from '../content/content.urls.js'
import { valuesFromItem } from '../my-content/my-content.form.js'
import { renderContentForm, validateContentForm, type ContentFormContext } from '../my-content/my-content.editing.js'
import { findWijkItem, listWijkContent, moderationRecord, openReportsOfWijk, reportsOfItem, wijkOfItem, type ModeratedItem } from './moderation.queries.js'
import { decideReports, fileReport, hideItem, moderatorEdit, recordModeratorView, unhideItem } from './moderation.service.js'
import { decideSchema, hideSchema, itemFilter, parseId, reportSchema, unhideSchema } from './moderation.schema.js'
import { ContentListPage, ItemModerationPage, ReportDonePage, ReportPage, ReportsQueuePage } from './moderation.views.js'

/** Reports one account may file a day, over all items: plenty for real problems, no flood. */
export const REPORTS_PER_DAY: Limit = { max: 20, windowMs: DAY }

const WIJK = '/beheer/wijken/:id{[0-9]{1,9}}'
const ITEM = `${WIJK}/inhoud/:item{[0-9]{1,9}}`

/** The wijk in the URL, for the wijk-wide pages. */
function wijkScope(c: AppContext) {
  return { wijkId: Number(c.req.param('id')) }
}

/**
 * The item's own wijk for the policy. 404 when the item is missing, in another wijk than the
 * URL, or not this actor's to moderate (so a guess reveals nothing); a visitor goes to log in.
 */
async function itemScope(c: AppContext) {
  if (!c.get('actor').user) return {}
  const id = parseId(c.req.param('item'))
  const wijkId = id === null ? null : await wijkOfItem(c.get('deps').db, id)
  if (wijkId === null || wijkId !== Number(c.req.param('id')) || !can(c.get('actor'), 'wijk.content.moderate', { wijkId })) throw notFound()
  return { wijkId }
}

async function loadItem(c: AppContext) {
  const { db } = c.get('deps')
  const wijkId = Number(c.req.param('id'))
  const [wijk, found] = await Promise.all([findWijkById(db, wijkId), findWijkItem(db, wijkId, Number(c.req.param('item')))])
  if (!wijk || !found) throw notFound()
  return { wijk, ...found }
}

function actorOf(c: AppContext) {
  const user = c.get('actor').user!
  return { id: user.id, firstName: user.firstName }
}

type Failed = { values: FormValues; errors: FieldErrors }

async function itemPage(c: AppContext, failed?: { hide?: Failed; decide?: Failed; unhide?: Failed }) {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const { wijk, item } = await loadItem(c)
  const [reports, record, visible] = await Promise.all([reportsOfItem(db, item.id), moderationRecord(db, item.id), findPublicItem(db, item.id, clock.now())])
  return render(
    c,
    <ItemModerationPage
      t={t}
      lang={c.get('lang')}
      csrf={c.get('csrfToken')}
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
  const { db, clock } = c.get('deps')
  const slug = c.req.param('wijk') ?? ''
  const id = idFromItemParam(c.req.param('item') ?? '')
  if (!SLUG_PATTERN.test(slug) || id === null) throw notFound()
  const wijk = await findWijkBySlug(db, slug)
  if (!wijk) throw notFound()
  const item = await findPublicItem(db, id, clock.now())
  if (!item || item.wijkId !== wijk.id || moduleOf(item.type) !== c.req.param('module')) throw notFound()
  return { wijk, item, itemHref: wijkHref(c, wijk, itemPathInWijk(item)), action: `/${wijk.slug}${itemPathInWijk(item)}/melden` }
}

export const moderationRoutes = new Hono<AppEnv>()
  // -- The wijk's content ----------------------------------------------------------------------------
  .get(`${WIJK}/inhoud`, guard('wijk.content.moderate', wijkScope), async (c) => {
    const { db } = c.get('deps')
    const t = c.get('t')
    const wijk = await findWijkById(db, Number(c.req.param('id')))
    if (!wijk) throw notFound()
    const soort = c.req.query('soort') ?? ''
    const status = c.req.query('status') ?? ''
    const rows = await listWijkContent(db, wijk.id, itemFilter({ soort, status }))
    return render(c, <ContentListPage t={t} lang={c.get('lang')} wijk={wijk} rows={rows} soort={soort} status={status} />, {
      title: t('moderation.list.title', { wijk: wijk.name }),
    })
  })

  .get(ITEM, guard('wijk.content.moderate', itemScope), (c) => itemPage(c))

  .get(`${ITEM}/bewerken`, guard('wijk.content.moderate', itemScope), async (c) => {
    const { wijk, item, themeIds } = await loadItem(c)
    // The form shows the contact fields the owner keeps private: that is in their access log.
    await recordModeratorView(c.get('deps'), item, actorOf(c).id)
    return renderContentForm(c, editContext(c, wijk, item), valuesFromItem(item, themeIds), undefined)
  })

  .post(`${ITEM}/bewerken`, guard('wijk.content.moderate', itemScope), async (c) => {
    const { wijk, item } = await loadItem(c)
    const result = await validateContentForm(c, item.type, wijk.id, item.ownerId)
    if (!result.ok) return renderContentForm(c, editContext(c, wijk, item), result.values, result.errors, 422)
    const changed = await moderatorEdit(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), columns: result.columns, themeIds: result.themeIds })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=${changed.length ? 'flash.moderation.saved' : 'flash.moderation.unchanged'}`, 303)
  })

  .post(`${ITEM}/verbergen`, guard('wijk.content.moderate', itemScope), async (c) => {
    const form = await readForm(c, hideSchema)
    if (!form.ok) return itemPage(c, { hide: form })
    const { wijk, item } = await loadItem(c)
    await hideItem(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), reason: form.data.reason })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=flash.moderation.hidden`, 303)
  })

  .post(`${ITEM}/publiceren`, guard('wijk.content.moderate', itemScope), async (c) => {
    const form = await readForm(c, unhideSchema)
    if (!form.ok) return itemPage(c, { unhide: form })
    const { wijk, item } = await loadItem(c)
    const result = await unhideItem(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), decision: form.data.explanation })
    if (result === 'needsDecision') return itemPage(c, { unhide: { values: form.values, errors: { explanation: c.get('t')('moderation.error.unhideExplanation') } } })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=${result === 'published' ? 'flash.moderation.republished' : 'flash.moderation.notHidden'}`, 303)
  })

  .post(`${ITEM}/besluit`, guard('wijk.content.moderate', itemScope), async (c) => {
    const form = await readForm(c, decideSchema)
    if (!form.ok) return itemPage(c, { decide: form })
    const { wijk, item } = await loadItem(c)
    await decideReports(c.get('deps'), { item, wijkName: wijk.name, actor: actorOf(c), decision: form.data.decision, outcome: form.data.outcome })
    return c.redirect(`/beheer/wijken/${wijk.id}/inhoud/${item.id}?melding=flash.moderation.decided`, 303)
  })

  // -- The report queue -----------------------------------------------------------------------------
  .get(`${WIJK}/meldingen`, guard('wijk.content.moderate', wijkScope), async (c) => {
    const { db } = c.get('deps')
    const t = c.get('t')
    const wijk = await findWijkById(db, Number(c.req.param('id')))
    if (!wijk) throw notFound()
    const rows = await openReportsOfWijk(db, wijk.id)
    return render(c, <ReportsQueuePage t={t} lang={c.get('lang')} wijk={wijk} rows={rows} />, { title: t('moderation.queue.title', { wijk: wijk.name }) })
  })

  // -- "Meld dit" -----------------------------------------------------------------------------------
  .get(REPORT, guard('content.report'), async (c) => {
    const t = c.get('t')
    const { wijk, item, itemHref, action } = await loadPublic(c)
    return render(c, <ReportPage t={t} csrf={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} />, {
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
      render(c, <ReportPage t={t} csrf={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} state={state} limited={status === 429} />, {
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
    const slug = c.req.param('wijk') ?? ''
    const id = idFromItemParam(c.req.param('item') ?? '')
    const wijk = SLUG_PATTERN.test(slug) ? await findWijkBySlug(db, slug) : null
    // After the third report the item may be hidden already: the thanks still shows, without a link
    // back. An item of another wijk under this wijk's address is not found, like everywhere else.
    const item = wijk && id !== null ? await findPublicItem(db, id, clock.now()) : null
    if (!wijk || (item && item.wijkId !== wijk.id)) throw notFound()
    const already = c.req.query('al') === '1'
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

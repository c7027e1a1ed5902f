/**
 * The widget configurator, /beheer/partners/<id>/widgets (platform admins): list, create, edit
 * and delete a partner's widgets, with a live preview and the code to paste. A widget may only
 * name a wijk, city, theme, content type or item within the partner's agreement; every change
 * is audited (partners.widgets.service.ts).
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { parseId, parseUuid } from '../../kernel/http/params.js'
import { readForm, fieldError, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { inForce, scopeWijkIds } from './partners.access.js'
import { findSharedItem } from './partners.api.queries.js'
import { findWidget, findWidgetPartner, listWidgets, widgetChoices, widgetContent, widgetTypes, type Widget, type WidgetChoices, type WidgetPartner } from './partners.widgets.queries.js'
import { widgetSchema, type WidgetInput } from './partners.widgets.schema.js'
import { createWidget, deleteWidget, updateWidget } from './partners.widgets.service.js'
import { placeOptions, WidgetDeletePage, WidgetFormPage, WidgetListPage, widgetHeading } from './partners.widgets.views.js'
import { translator } from '../../kernel/i18n/i18n.js'

const BASE = '/beheer/partners/:id{[0-9]+}/widgets'
const ONE = `${BASE}/:widgetId`

const partnerLoader = rowLoader<WidgetPartner>(async (c) => {
  const id = parseId(c.req.param('id'))
  const partner = id === null ? null : await findWidgetPartner(c.get('deps').db, id)
  return partner && { row: partner, resource: {} }
})

const widgetLoader = rowLoader<{ partner: WidgetPartner; widget: Widget }>(async (c) => {
  const id = parseId(c.req.param('id'))
  const widgetId = parseUuid(c.req.param('widgetId'))
  if (id === null || widgetId === null) return null
  const { db } = c.get('deps')
  const [partner, widget] = await Promise.all([findWidgetPartner(db, id), findWidget(db, id, widgetId)])
  return partner && widget && { row: { partner, widget }, resource: {} }
})

const listUrl = (partnerId: number) => `/beheer/partners/${partnerId}/widgets`

/** The checks that need the database: place, theme, types and item within the agreement. */
async function scopeErrors(c: AppContext, partner: WidgetPartner, choices: WidgetChoices, input: WidgetInput): Promise<FieldErrors> {
  const t = c.get('t')
  const { db, clock } = c.get('deps')
  if (widgetTypes(input.module, partner).length === 0) return fieldError(t, 'module', 'partners.widgets.error.typeOutOfScope')
  if (input.module === 'item') {
    const item = await findSharedItem(db, clock.now(), input.itemId!, widgetTypes('item', partner), await scopeWijkIds(db, partner.id))
    return item ? {} : fieldError(t, 'itemId', 'partners.widgets.error.itemNotShared')
  }
  const inScope = input.wijkId !== null ? choices.wijken.some((w) => w.id === input.wijkId) : choices.cities.some((city) => city.id === input.cityId)
  if (!inScope) return fieldError(t, 'place', 'partners.widgets.error.placeOutOfScope')
  if (input.themeSlug !== null && !choices.themes.some((th) => th.slug === input.themeSlug)) return fieldError(t, 'themeSlug', 'partners.widgets.error.theme')
  return {}
}

async function formPage(c: AppContext, partner: WidgetPartner, widget?: Widget, state?: { values: FormValues; errors: FieldErrors }, status: 200 | 422 = 200) {
  const t = c.get('t')
  const { db, clock, config } = c.get('deps')
  const now = clock.now()
  const choices = await widgetChoices(db, partner)
  let frameTitle: string | undefined
  if (widget) {
    const wt = translator(widget.lang)
    const content = (await widgetContent(db, now, widget, partner)) ?? { place: null, items: [], occurrences: new Map() }
    frameTitle = wt('partners.widgets.frameTitle', { heading: widgetHeading(wt, widget.lang, widget, content), site: config.operator.name })
  }
  return render(
    c,
    <WidgetFormPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      partner={partner}
      inForce={inForce(partner, now)}
      choices={choices}
      widget={widget}
      state={state}
      baseUrl={config.publicBaseUrl}
      frameTitle={frameTitle}
    />,
    { title: widget ? t('partners.widgets.editTitle', { label: widget.label }) : t('partners.widgets.newTitle', { name: partner.name }), status },
  )
}

/** Reads and checks the form; the input, or the page again with the messages (422). */
async function readWidgetForm(c: AppContext, partner: WidgetPartner, widget?: Widget): Promise<{ ok: true; input: WidgetInput } | { ok: false; response: Response }> {
  const form = await readForm(c, widgetSchema)
  if (!form.ok) return { ok: false, response: await formPage(c, partner, widget, form, 422) }
  const errors = await scopeErrors(c, partner, await widgetChoices(c.get('deps').db, partner), form.data)
  if (Object.keys(errors).length > 0) return { ok: false, response: await formPage(c, partner, widget, { values: form.values, errors }, 422) }
  return { ok: true, input: form.data }
}

export const partnersWidgetsAdminRoutes = new Hono<AppEnv>()
  .get(BASE, guard('partner.widgets.manage', partnerLoader), async (c) => {
    const t = c.get('t')
    const partner = partnerLoader.row(c)
    const { db, clock } = c.get('deps')
    const [widgets, choices] = await Promise.all([listWidgets(db, partner.id), widgetChoices(db, partner)])
    return render(
      c,
      <WidgetListPage t={t} lang={c.get('lang')} partner={partner} inForce={inForce(partner, clock.now())} widgets={widgets} placeNames={placeOptions(t, choices).names} />,
      { title: t('partners.widgets.title', { name: partner.name }) },
    )
  })
  .get(`${BASE}/nieuw`, guard('partner.widgets.manage', partnerLoader), (c) => formPage(c, partnerLoader.row(c)))
  .post(`${BASE}/nieuw`, guard('partner.widgets.manage', partnerLoader), async (c) => {
    const partner = partnerLoader.row(c)
    const read = await readWidgetForm(c, partner)
    if (!read.ok) return read.response
    const id = await createWidget(c.get('deps'), c.get('actor').user!.id, partner.id, read.input)
    return c.redirect(`${listUrl(partner.id)}/${id}?melding=flash.partners.widgets.saved`, 303)
  })
  .get(ONE, guard('partner.widgets.manage', widgetLoader), (c) => {
    const { partner, widget } = widgetLoader.row(c)
    return formPage(c, partner, widget)
  })
  .post(ONE, guard('partner.widgets.manage', widgetLoader), async (c) => {
    const { partner, widget } = widgetLoader.row(c)
    const read = await readWidgetForm(c, partner, widget)
    if (!read.ok) return read.response
    if (!(await updateWidget(c.get('deps'), c.get('actor').user!.id, partner.id, widget.id, read.input))) throw notFound()
    return c.redirect(`${listUrl(partner.id)}/${widget.id}?melding=flash.partners.widgets.saved`, 303)
  })
  .get(`${ONE}/verwijderen`, guard('partner.widgets.manage', widgetLoader), (c) => {
    const t = c.get('t')
    const { partner, widget } = widgetLoader.row(c)
    return render(c, <WidgetDeletePage t={t} csrfToken={c.get('csrfToken')} partnerId={partner.id} widget={widget} />, { title: t('partners.widgets.deleteTitle', { label: widget.label }) })
  })
  .post(`${ONE}/verwijderen`, guard('partner.widgets.manage', widgetLoader), async (c) => {
    const { partner, widget } = widgetLoader.row(c)
    if (!(await deleteWidget(c.get('deps'), c.get('actor').user!.id, partner.id, widget.id))) throw notFound()
    return c.redirect(`${listUrl(partner.id)}?melding=flash.partners.widgets.deleted`, 303)
  })

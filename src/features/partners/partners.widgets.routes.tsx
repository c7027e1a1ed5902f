/**
 * Partners' widgets on their own websites (P11, P15): the web component script, its data, the
 * iframe page and oEmbed. None of these reads a session or sets a cookie, and each shows
 * something only while the partner's agreement is in force, within its scope:
 * - /embed/v1.js: the script, for any site to load (it fetches nothing for an unregistered one);
 * - /embed/v1/widgets/<id>: the items as JSON, readable (CORS) only by the partner's registered
 *   origins, never "*", never with credentials;
 * - /embed/<id>: the same as an HTML page that only the partner's origins (and our own
 *   configurator's preview) may frame;
 * - /oembed?url=…: the iframe markup for sites that paste a URL (WordPress).
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { PageCache } from '../../kernel/http/page-cache.js'
import { guard } from '../../kernel/policy/guard.js'
import { parseId, parseUuid } from '../../kernel/http/params.js'
import { problem } from '../../kernel/http/problem.js'
import { notFound } from '../../kernel/http/errors.js'
import { allowEmbedding } from '../../kernel/http/embedding.js'
import { VersionedMemo } from '../../kernel/http/versioned-memo.js'
import { translator } from '../../kernel/i18n/i18n.js'
import { isModule } from '../content/content.urls.js'
import { readApiQuery } from './partners.api.http.js'
import { widgetFrameScript, widgetScript, widgetStyle, type BuiltAsset } from './partners.widgets.bundle.js'
import { widgetJson, widgetPaths } from './partners.widgets.present.js'
import { inForce } from './partners.access.js'
import { findEmbeddedWidget, itemWidgets, widgetContent, type Widget, type WidgetContent, type WidgetPartner } from './partners.widgets.queries.js'
import { oembedQuery } from './partners.widgets.schema.js'
import { snippets, widgetHeading, WidgetFramePage } from './partners.widgets.views.js'

/** Partners' sites may keep an answer a minute; it depends on the widget id alone. */
const SHORT_CACHE = 'public, max-age=60'
/** The script's URL is fixed (partners paste it), so it cannot be immutable: a day, then revalidate by ETag. */
const SCRIPT_CACHE = 'public, max-age=86400'
const FRAME_HEIGHT = 400
const FRAME_WIDTH = 600

function unavailable(c: AppContext): Response {
  const t = c.get('t')
  return problem(404, 'widget_unavailable', t('partners.widgets.unavailable.title'), t('partners.widgets.unavailable.detail'))
}

function serveAsset(c: AppContext, asset: BuiltAsset, type: string): Response {
  allowEmbedding(c, { crossOriginScript: true })
  const headers = { ETag: asset.etag, 'Cache-Control': SCRIPT_CACHE }
  const held = c.req.header('if-none-match')
  if (held && held.split(',').some((tag) => tag.trim() === asset.etag)) return c.body(null, 304, headers)
  return c.body(asset.body, 200, { ...headers, 'Content-Type': type })
}

type Embedded = { widget: Widget; partner: WidgetPartner }
/** The widget an id names with its partner, or null when unknown or not in force. */
type FindEmbedded = (c: AppContext, rawId: string | undefined) => Promise<Embedded | null>

/**
 * Widgets are looked up on every request so that their agreement is judged each time, but the row
 * is remembered while nothing public changed (`VersionedMemo`): a change to the widget (migration
 * 0021) or to its partner (0018) moves the public version, so suspending an agreement still cuts
 * the widget as soon as this process hears of the commit. The agreement's dates are judged on
 * every request, so it still lapses at midnight.
 */
function embeddedWidgets(cache: PageCache): FindEmbedded {
  const memo = new VersionedMemo<Embedded>()
  return async (c, rawId) => {
    const id = parseUuid(rawId)
    if (id === null) return null
    const { db, clock } = c.get('deps')
    const now = clock.now()
    const found = await memo.get(id, await cache.currentVersion(), now.getTime(), () => findEmbeddedWidget(db, id))
    return found && inForce(found.partner, now) ? found : null
  }
}

/** The widget and what it shows now, or null (unknown id, agreement not in force). */
async function shown(c: AppContext, find: FindEmbedded, rawId: string | undefined): Promise<(Embedded & { content: WidgetContent }) | null> {
  const found = await find(c, rawId)
  if (!found) return null
  const { db, clock } = c.get('deps')
  const content = await widgetContent(db, clock.now(), found.widget, found.partner)
  return content && { ...found, content }
}

function frameTitle(c: AppContext, widget: Widget, content: WidgetContent): string {
  const t = translator(widget.lang)
  return t('partners.widgets.frameTitle', { heading: widgetHeading(t, widget.lang, widget, content), site: c.get('deps').config.operator.name })
}

/** The widget a pasted URL names: our iframe URL, or an item page with a "one item" widget. */
async function widgetOfUrl(c: AppContext, find: FindEmbedded, raw: string) {
  const { config, db, clock } = c.get('deps')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.origin !== new URL(config.publicBaseUrl).origin) return null
  const frame = /^\/embed\/([^/]+)$/.exec(url.pathname)
  if (frame) return shown(c, find, frame[1])
  const item = /^\/[a-z0-9-]+\/([a-z]+)\/(\d+)(?:-[^/]*)?$/.exec(url.pathname)
  const itemId = item && isModule(item[1]!) ? parseId(item[2]) : null
  if (itemId === null) return null
  for (const found of await itemWidgets(db, itemId)) {
    const content = await widgetContent(db, clock.now(), found.widget, found.partner)
    if (content && content.items.length > 0) return { ...found, content }
  }
  return null
}

/**
 * The data call and the iframe page are the same for every visitor of every partner site, so
 * their answers are kept like public pages (valid while nothing public changed, a widget's
 * settings included, at most a minute): a widget on a busy site costs no query while nothing
 * public changed (the agreement's dates are still judged on every request). What varies per request (CORS, framing) is
 * added to the kept answer on the way out.
 */
export function partnersWidgetsRoutes(cache: PageCache) {
  const embedded = embeddedWidgets(cache)
  const kept = (c: AppContext, key: string, render: () => Promise<Response>) => cache.answer(key, c.get('deps').clock.now().getTime(), render, c.req.header('accept-encoding'))

  return new Hono<AppEnv>()
    .get(widgetPaths.script, guard('partner.widgets.view'), async (c) => serveAsset(c, await widgetScript(), 'text/javascript; charset=utf-8'))
    .get(widgetPaths.style, guard('partner.widgets.view'), async (c) => serveAsset(c, await widgetStyle(), 'text/css; charset=utf-8'))
    .get(widgetPaths.frameScript, guard('partner.widgets.view'), async (c) => serveAsset(c, await widgetFrameScript(), 'text/javascript; charset=utf-8'))

    .get('/embed/v1/widgets/:id', guard('partner.widgets.view'), async (c) => {
      const found = await embedded(c, c.req.param('id'))
      if (!found) return unavailable(c)
      const { config, db, clock } = c.get('deps')
      const res = await kept(c, `widget-data|${found.widget.id}`, async () => {
        const content = await widgetContent(db, clock.now(), found.widget, found.partner)
        if (!content) return unavailable(c)
        const body = JSON.stringify(widgetJson(config.publicBaseUrl, found.widget, content))
        return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': SHORT_CACHE, Vary: 'Origin' } })
      })
      // Exact match only: a registered origin gets itself back, any other no ACAO header at all.
      const origin = c.req.header('origin')
      if (res.status === 200 && origin && found.partner.origins.includes(origin)) res.headers.set('Access-Control-Allow-Origin', origin)
      return res
    })

    .get('/embed/:id', guard('partner.widgets.view'), async (c) => {
      const found = await embedded(c, c.req.param('id'))
      if (!found) throw notFound()
      const { widget, partner } = found
      const { config, db, clock } = c.get('deps')
      // The partner's sites, and our own configurator's preview.
      allowEmbedding(c, { frameAncestors: ["'self'", ...partner.origins] })
      const res = await kept(c, `widget-frame|${widget.id}`, async () => {
        const content = await widgetContent(db, clock.now(), widget, partner)
        if (!content) return new Response(null, { status: 404 })
        const self = `${config.publicBaseUrl}${widgetPaths.frame(widget.id)}`
        const [style, script] = await Promise.all([widgetStyle(), widgetFrameScript()])
        const page = (
          <WidgetFramePage
            t={translator(widget.lang)}
            lang={widget.lang}
            baseUrl={config.publicBaseUrl}
            widget={widget}
            content={content}
            title={frameTitle(c, widget, content)}
            styleHref={`${widgetPaths.style}?v=${encodeURIComponent(style.etag.slice(1, 11))}`}
          scriptHref={`${widgetPaths.frameScript}?v=${encodeURIComponent(script.etag.slice(1, 11))}`}
          hostOrigins={partner.origins}
            oembedHref={`${config.publicBaseUrl}/oembed?url=${encodeURIComponent(self)}&format=json`}
          />
        )
        return c.html(page, 200, { 'Cache-Control': SHORT_CACHE })
      })
      if (res.status === 404) throw notFound()
      return res
    })

    .get('/oembed', guard('partner.widgets.view'), async (c) => {
      const read = readApiQuery(c, oembedQuery)
      if (!read.ok) return read.response
      const found = await widgetOfUrl(c, embedded, read.data.url)
      if (!found) {
        const t = c.get('t')
        return problem(404, 'widget_unavailable', t('partners.widgets.unavailable.title'), t('partners.widgets.oembedUnknown.detail'))
      }
      const { config } = c.get('deps')
      const { widget, content } = found
      const title = frameTitle(c, widget, content)
      const width = Math.min(read.data.maxwidth ?? FRAME_WIDTH, FRAME_WIDTH)
      const height = Math.min(read.data.maxheight ?? FRAME_HEIGHT, FRAME_HEIGHT)
      const html = snippets(config.publicBaseUrl, widget, title, { width: String(width), height: String(height) }).frame
      return c.json(
        { version: '1.0', type: 'rich', provider_name: config.operator.name, provider_url: `${config.publicBaseUrl}/`, title, html, width, height, cache_age: 60 },
        200,
        { 'Cache-Control': SHORT_CACHE },
      )
    })
}

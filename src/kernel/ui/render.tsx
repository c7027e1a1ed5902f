/**
 * Renders a view inside the layout with everything the layout needs from the request.
 *
 * @example return render(c, <LoginForm … />, { title: t('login.title'), status: 422 })
 */
import type { Child } from 'hono/jsx'
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html'
import { z } from 'zod'
import type { AppContext } from '../context.js'
import { Layout, type Brand } from './layout.js'
import { isMessageKey } from '../i18n/i18n.js'
import { Notice } from './components.js'
import { readQuery } from '../http/params.js'

export interface RenderOptions {
  title: string
  status?: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503
  description?: string
  canonical?: string
  brand?: Brand
  head?: Child
}

/**
 * ?melding=<key>, the confirmation passed along a redirect. Only flash.* keys, and anything else is
 * no banner rather than a 400: error pages render through here too, whatever their URL.
 */
const flashQuerySchema = z.object({ melding: z.string().startsWith('flash.').optional().catch(undefined) })

/** The confirmation banner after a redirect, when ?melding= names a flash message. */
function flashBanner(c: AppContext): Child {
  const key = readQuery(c, flashQuerySchema).melding
  if (!key || !isMessageKey(key)) return null
  return <Notice kind="ok">{c.get('t')(key)}</Notice>
}

export async function render(c: AppContext, body: Child, opts: RenderOptions): Promise<Response> {
  const { config } = c.get('deps')
  const url = new URL(c.req.url)
  const page = (
    <Layout
      title={opts.title}
      description={opts.description}
      canonical={opts.canonical}
      lang={c.get('lang')}
      t={c.get('t')}
      actor={c.get('actor')}
      csrfToken={c.get('csrfToken')}
      path={url.pathname + url.search}
      brand={opts.brand}
      banners={[...c.get('banners'), flashBanner(c)]}
      demo={config.demo}
      operatorName={config.operator.name}
      platformHome={c.get('hostWijk') ? `${config.publicBaseUrl}/` : '/'}
      head={opts.head}
    >
      {body}
    </Layout>
  )
  // Turned into text here, as c.html would: the page cache keeps this text, instead of reading it
  // back out of the answer through a stream of Fetch's Response (decisions/031).
  const html = await resolveCallback(page, HtmlEscapedCallbackPhase.Stringify, false, {})
  const res = c.html(html, opts.status ?? 200)
  c.set('renderedPage', { res, html })
  return res
}

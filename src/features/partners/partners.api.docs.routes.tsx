/**
 * The partner API described: the OpenAPI document (/api/v1/openapi.json) and the page for
 * people (/api/docs). Both are public: they describe the API, they give no data.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { render } from '../../kernel/ui/render.js'
import { openApiDocument } from './partners.api.openapi.js'
import { ApiDocsPage, type DocOperation } from './partners.api.docs.js'

function operations(): DocOperation[] {
  const doc = openApiDocument()
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) => {
    const get = item?.get
    if (!get) return []
    const parameters = (get.parameters ?? []).flatMap((p) => ('name' in p ? [{ name: p.name, in: p.in, description: p.description }] : []))
    return [{ path, summary: get.summary ?? '', parameters }]
  })
}

export const partnersApiDocsRoutes = new Hono<AppEnv>()
  .get('/api/v1/openapi.json', guard('page.view'), (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.json(openApiDocument())
  })
  .get('/api/docs', guard('page.view'), (c) => {
    const t = c.get('t')
    return render(c, <ApiDocsPage t={t} operations={operations()} />, { title: t('partners.docs.title') })
  })

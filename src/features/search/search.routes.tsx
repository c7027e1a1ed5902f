/** Search per wijk across all modules: /<wijk>/zoeken?q=… (public items of that wijk only). */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readQueryForm } from '../../kernel/http/params.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { render } from '../../kernel/ui/render.js'
import { findSeenWijkBySlug } from '../places/places.launch.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { searchWijk } from './search.queries.js'
import { searchQuerySchema, PAGE_SIZE } from './search.schema.js'
import { snippetHtml } from './search.snippet.js'
import { SearchPage } from './search.views.js'

export const searchRoutes = new Hono<AppEnv>().get('/:wijk/zoeken', guard('page.view'), async (c) => {
  const t = c.get('t')
  const { db, clock } = c.get('deps')
  const slug = c.req.param('wijk')
  if (!SLUG_PATTERN.test(slug)) throw notFound()
  const wijk = await findSeenWijkBySlug(c, slug)
  if (!wijk) throw notFound()
  const action = wijkHref(c, wijk, '/zoeken')
  // The page is the search form: the wijk bar leaves its own search box out.
  const opts = { brand: wijkBrand(c, wijk, { search: false }), canonical: undefined }

  const parsed = readQueryForm(c, searchQuerySchema)
  if (!parsed.ok) {
    const q = (parsed.values.q ?? '').slice(0, 200)
    return render(c, <SearchPage t={t} wijkName={wijk.name} action={action} q={q} errors={parsed.errors} />, {
      ...opts,
      title: t('search.title'),
      status: 422,
    })
  }
  const { q, pagina } = parsed.data
  if (q === '') return render(c, <SearchPage t={t} wijkName={wijk.name} action={action} q="" />, { ...opts, title: t('search.title') })

  const result = await searchWijk(db, { wijkId: wijk.id, q, now: clock.now(), limit: PAGE_SIZE, offset: (pagina - 1) * PAGE_SIZE, preview: wijk.preview })
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
  const pageHref = (n: number) => `${action}?q=${encodeURIComponent(q)}${n > 1 ? `&pagina=${n}` : ''}`
  const hits = result.hits.map((h) => ({ href: wijkHref(c, wijk, itemPathInWijk(h)), title: h.title, type: h.type, snippetHtml: snippetHtml(h.snippet), thumb: h.thumb }))
  return render(
    c,
    <SearchPage
      t={t}
      wijkName={wijk.name}
      action={action}
      q={q}
      results={{
        hits,
        total: result.total,
        capped: result.capped,
        page: pagina,
        pages,
        prevHref: pagina > 1 ? pageHref(Math.min(pagina - 1, pages)) : undefined,
        nextHref: pagina < pages ? pageHref(pagina + 1) : undefined,
      }}
    />,
    { ...opts, title: t('search.titleWithQuery', { q }) },
  )
})

/**
 * /partners: the organisations whose sharing agreement is in force now, with their purpose and
 * scope, so residents can see where wijk content goes (P11). A cached public page: the partner
 * tables bump the public version (migration 0018), and the cache lasts at most a minute, so a
 * start or end date passing shows within that minute. The admin pages are mounted alongside.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { render } from '../../kernel/ui/render.js'
import { publicPartners } from './partners.queries.js'
import { PublicPartnersPage } from './partners.public.views.js'
import { partnersAdminRoutes } from './partners.admin.routes.js'

export const partnersRoutes = new Hono<AppEnv>()
  .get('/partners', guard('page.view'), async (c) => {
    const t = c.get('t')
    const { db, clock } = c.get('deps')
    const partners = await publicPartners(db, clock.now())
    return render(c, <PublicPartnersPage t={t} lang={c.get('lang')} partners={partners} />, { title: t('partners.public.title'), description: t('partners.public.description') })
  })
  .route('/', partnersAdminRoutes)

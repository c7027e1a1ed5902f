/**
 * /beheer/bewaartermijnen: every retention rule (src/retention.ts) with its period, when it last
 * ran and what it removed, so an administrator can see that expiry really happens.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { render } from '../../kernel/ui/render.js'
import { retentionRuns } from '../../kernel/retention/retention.tables.js'
import { RETENTION_RULES } from '../../retention.js'
import { RetentionPage } from './beheer.retention.views.js'

export const retentionRoutes = new Hono<AppEnv>().get('/beheer/bewaartermijnen', guard('retention.view'), async (c) => {
  const t = c.get('t')
  const lang = c.get('lang')
  const runs = new Map((await c.get('deps').db.select().from(retentionRuns)).map((r) => [r.rule, r]))
  const rows = RETENTION_RULES.map((rule) => ({ name: rule.name, ...rule.describe[lang], everyMs: rule.everyMs, run: runs.get(rule.name) ?? null }))
  return render(c, <RetentionPage t={t} lang={lang} rows={rows} />, { title: t('beheer.retention.title') })
})

import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'

/** GET /health: for load balancers and monitoring; answers 503 when the database does not. */
export const healthRoutes = new Hono<AppEnv>().get('/health', guard('page.view'), async (c) => {
  const { db, engine } = c.get('deps')
  try {
    await db.execute(sql`select 1`)
    return c.json({ status: 'ok', db: engine })
  } catch {
    return c.json({ status: 'error', db: engine }, 503)
  }
})

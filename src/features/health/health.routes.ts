import { Hono } from 'hono'
import { and, count, eq, lte } from 'drizzle-orm'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { jobs } from '../../kernel/jobs/jobs.tables.js'

/**
 * GET /health: for load balancers and monitoring; answers 503 when the database does not.
 * `jobsDue` counts the queued jobs whose time has come: a number that keeps growing means the job
 * runner is stuck or cannot keep up (and the benchmark waits for it to reach 0 before measuring).
 */
export const healthRoutes = new Hono<AppEnv>().get('/health', guard('page.view'), async (c) => {
  const { db, engine, clock } = c.get('deps')
  try {
    const [row] = await db
      .select({ due: count() })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), lte(jobs.runAt, clock.now())))
    return c.json({ status: 'ok', db: engine, jobsDue: row?.due ?? 0 })
  } catch {
    return c.json({ status: 'error', db: engine }, 503)
  }
})

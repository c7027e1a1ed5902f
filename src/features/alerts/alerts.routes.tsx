import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const alertsRoutes = new Hono<AppEnv>()

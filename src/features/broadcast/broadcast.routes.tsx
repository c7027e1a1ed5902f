import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const broadcastRoutes = new Hono<AppEnv>()

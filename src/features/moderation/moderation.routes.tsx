import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const moderationRoutes = new Hono<AppEnv>()

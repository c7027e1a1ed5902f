import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const registerRoutes = new Hono<AppEnv>()

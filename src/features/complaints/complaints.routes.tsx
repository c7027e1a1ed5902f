import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const complaintsRoutes = new Hono<AppEnv>()

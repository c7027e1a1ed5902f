import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../kernel/context.js'

export const documentsRoutes = new Hono<AppEnv>()

export const consentGate: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next()
}

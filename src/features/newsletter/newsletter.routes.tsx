/** The newsletter's routes: the public side (sign-up, mailed links, archive) and the wijk team's. */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { newsletterPublicRoutes } from './newsletter.public.routes.js'
import { newsletterAdminRoutes } from './newsletter.admin.routes.js'

export const newsletterRoutes = new Hono<AppEnv>().route('/', newsletterAdminRoutes).route('/', newsletterPublicRoutes)

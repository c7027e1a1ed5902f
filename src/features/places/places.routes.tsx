import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import type { HostMap } from './host-map.js'

export function placesRoutes(_hostMap: HostMap) {
  return new Hono<AppEnv>()
}

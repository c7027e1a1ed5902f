/**
 * The wijk's own host name, set by its ambassadeur (issue 14): only while their package gives
 * `wijk.host`, as the policy decides (`wijk.host.own`), here in the service so no route can skip
 * it. places does the write and its checks (setOwnHostName); the name is served only while an
 * ambassadeur of the wijk holds the entitlement (host-map.ts), so it lapses with the package.
 */
import type { Deps } from '../../kernel/context.js'
import type { Actor } from '../../kernel/policy/actor.js'
import { can } from '../../kernel/policy/policy.js'
import { entitlementsOfAccount } from '../../kernel/policy/entitlements.js'
import { setOwnHostName, type OwnHostResult } from '../places/places.service.js'

/** Sets (or with null clears) the host name of `wijkId` for its ambassadeur `actor`. */
export async function setWijkHostName(deps: Pick<Deps, 'db' | 'clock' | 'hostMap' | 'entitlements' | 'config'>, actor: Actor, wijkId: number, hostName: string | null): Promise<OwnHostResult> {
  const user = actor.user
  if (!user) throw new Error('setWijkHostName needs a logged-in actor')
  return setOwnHostName(deps, {
    wijkId,
    hostName,
    platformHost: new URL(deps.config.publicBaseUrl).hostname,
    actorUserId: user.id,
    mayOwn: async (tx) => can(actor, 'wijk.host.own', { wijkId, entitlements: await entitlementsOfAccount(deps.entitlements, tx, user.id, deps.clock.now()) }),
  })
}

/** Whether `actor` could set a host name for `wijkId` now (the page says so before they try). */
export async function mayOwnWijkHost(deps: Pick<Deps, 'db' | 'clock' | 'entitlements'>, actor: Actor, wijkId: number): Promise<boolean> {
  if (!actor.user) return false
  return can(actor, 'wijk.host.own', { wijkId, entitlements: await entitlementsOfAccount(deps.entitlements, deps.db, actor.user.id, deps.clock.now()) })
}

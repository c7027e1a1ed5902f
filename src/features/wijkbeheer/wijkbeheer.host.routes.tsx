/**
 * /beheer/wijken/:id/domeinnaam: the wijk's ambassadeur sets or clears its own host name
 * (issue 14). The page is theirs (`wijk.host.manage`); setting a name needs their package's
 * `wijk.host` (`wijk.host.own`, asked in wijkbeheer.host.service.ts), and without it the answer
 * says why and links to the packages, keeping what was typed. An admin sets host names in the
 * wijk's own form (places), as before, and this page only points them there; such a name is not
 * the ambassadeur's to change.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { ownHostNameSchema } from '../places/places.schema.js'
import { wijkInUrl, wijkOf } from './wijkbeheer.http.js'
import { mayOwnWijkHost, setWijkHostName } from './wijkbeheer.host.service.js'
import { HostPage } from './wijkbeheer.host.views.js'

async function hostPage(c: AppContext, status: 200 | 403 | 409 | 422 = 200, state?: { values: FormValues; errors: FieldErrors }) {
  const deps = c.get('deps')
  const wijk = await wijkInUrl(c)
  const entitled = await mayOwnWijkHost(deps, c.get('actor'), wijk.id)
  const served = wijk.hostName !== null && deps.hostMap.lookup(wijk.hostName)?.id === wijk.id
  const current = { hostName: wijk.hostName, byPackage: wijk.hostNameByPackage, served }
  // A platform admin sets host names in the wijk's own form; this page only points them there.
  const structureHref = can(c.get('actor'), 'wijk.structure', { wijkId: wijk.id }) ? `/beheer/wijken/${wijk.id}` : undefined
  const t = c.get('t')
  return render(c, <HostPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} current={current} entitled={entitled} structureHref={structureHref} state={state} />, {
    title: t('wijkbeheer.host.title', { wijk: wijk.name }),
    status,
  })
}

export const hostRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id/domeinnaam', guard('wijk.host.manage', wijkOf), (c) => hostPage(c))

  .post('/beheer/wijken/:id/domeinnaam', guard('wijk.host.manage', wijkOf), async (c) => {
    const form = await readForm(c, ownHostNameSchema)
    if (!form.ok) return hostPage(c, 422, { values: form.values, errors: form.errors })
    const wijk = await wijkInUrl(c)
    const result = await setWijkHostName(c.get('deps'), c.get('actor'), wijk.id, form.data.hostName)
    if (result.ok) return c.redirect(`/beheer/wijken/${wijk.id}/domeinnaam?melding=flash.wijkbeheer.${form.data.hostName ? 'hostSet' : 'hostCleared'}`, 303)
    const t = c.get('t')
    if ('refused' in result) {
      // Refused by the package (the page shows why, with the link) or because an admin set it.
      const errors = { hostName: t(result.refused === 'package' ? 'wijkbeheer.host.error.package' : 'wijkbeheer.host.error.byAdmin') }
      return hostPage(c, result.refused === 'package' ? 403 : 409, { values: form.values, errors })
    }
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key)]))
    return hostPage(c, 422, { values: form.values, errors })
  })

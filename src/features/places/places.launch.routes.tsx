/**
 * POST /beheer/wijken/:id/lanceren: the ambassadeur of the wijk or a platform admin makes a
 * prepared wijk public (policy action wijk.launch). The button sits on the banner of every page of
 * the unlaunched wijk and on its beheer page; `terug` says which, so the launcher lands where they were.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm } from '../../kernel/http/form.js'
import { findWijkById } from './places.queries.js'
import { launchWijk } from './places.launch.js'
import { wijkHref } from './wijk-href.js'

/** Where the button was; anything else returns to the beheer page. */
const launchSchema = z.object({ terug: z.enum(['site', 'beheer']).catch('beheer') })

export const placesLaunchRoutes = new Hono<AppEnv>().post(
  '/beheer/wijken/:id{[0-9]{1,9}}/lanceren',
  guard('wijk.launch', (c) => ({ wijkId: idParam(c) })),
  async (c) => {
    const deps = c.get('deps')
    const wijk = await findWijkById(deps.db, idParam(c))
    if (!wijk) throw notFound()
    const form = await readForm(c, launchSchema)
    await launchWijk(deps, wijk.id, c.get('actor').user!.id)
    const flash = '?melding=flash.places.launched'
    if (form.ok && form.data.terug === 'site') return c.redirect(`${wijkHref(c, wijk, '/')}${flash}`, 303)
    return c.redirect(`/beheer/wijken/${wijk.id}${flash}`, 303)
  },
)

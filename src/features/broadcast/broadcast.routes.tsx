/**
 * Broadcast (/beheer/wijken/:id/bericht, 'wijk.broadcast'): the wijk team writes one message to
 * the people behind the wijk's items on the site, sent through the outbox by a job, with a
 * progress bar (plain HTML: reload to update) and the record of who received it when.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { idParam, pageQuerySchema, readQuery } from '../../kernel/http/params.js'
import { wijkInUrl, wijkOf } from '../wijkbeheer/wijkbeheer.http.js'
import { audienceOf, broadcastProgress, broadcastRecord, findBroadcast, listBroadcasts } from './broadcast.queries.js'
import { startBroadcast } from './broadcast.service.js'
import { broadcastSchema } from './broadcast.schema.js'
import { BroadcastPage, ComposePage } from './broadcast.views.js'

async function composePage(c: AppContext, state?: { values: FormValues; errors: FieldErrors }) {
  const wijk = await wijkInUrl(c)
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const [audience, earlier] = await Promise.all([audienceOf(db, wijk.id, clock.now()), listBroadcasts(db, wijk.id)])
  return render(c, <ComposePage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} wijk={wijk} audience={audience.length} earlier={earlier} state={state} />, {
    title: t('broadcast.title', { wijk: wijk.name }),
    status: state ? 422 : 200,
  })
}

export const broadcastRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id/bericht', guard('wijk.broadcast', wijkOf), (c) => composePage(c))

  .post('/beheer/wijken/:id/bericht', guard('wijk.broadcast', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const form = await readForm(c, broadcastSchema)
    if (!form.ok) return composePage(c, { values: form.values, errors: form.errors })
    const { id } = await startBroadcast(c.get('deps'), c.get('actor').user!.id, wijk.id, form.data)
    return c.redirect(`/beheer/wijken/${wijk.id}/bericht/${id}?melding=flash.broadcast.started`, 303)
  })

  .get('/beheer/wijken/:id/bericht/:broadcastId{[0-9]{1,9}}', guard('wijk.broadcast', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const { db } = c.get('deps')
    const broadcast = await findBroadcast(db, wijk.id, idParam(c, 'broadcastId'))
    if (!broadcast) throw notFound()
    const page = readQuery(c, pageQuerySchema).pagina
    const [progress, record] = await Promise.all([broadcastProgress(db, broadcast.id), broadcastRecord(db, wijk.id, broadcast.id, page)])
    const t = c.get('t')
    c.header('Cache-Control', 'no-store')
    return render(c, <BroadcastPage t={t} lang={c.get('lang')} wijk={wijk} broadcast={broadcast} progress={progress} record={record} page={page} />, {
      title: t('broadcast.detail.title', { subject: broadcast.subject }),
    })
  })

/**
 * The cover photo of a wijk, kept by its team: /beheer/wijken/:id/omslagfoto shows it and takes
 * a new one (file and description together, every problem next to its field), and
 * …/verwijderen removes it. Guarded by wijk.edit for the wijk in the URL: the ambassadeur and
 * wijkbeheerders of that wijk, and platform admins.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { checkForm, readBody, text, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { processImage } from '../../kernel/files/images.js'
import { render } from '../../kernel/ui/render.js'
import { findWijkForEdit } from './places.queries.js'
import { wijkHref } from './wijk-href.js'
import { COVER, coverView } from './places.cover.js'
import { removeCover, setCover } from './places.cover.service.js'
import { CoverPage } from './places.cover.views.js'

/** The description that goes with the photo. */
const coverSchema = z.object({ alt: text(250) })

const wijkOf = (c: AppContext) => ({ wijkId: idParam(c) })

async function wijkInUrl(c: AppContext) {
  const wijk = await findWijkForEdit(c.get('deps').db, idParam(c))
  if (!wijk) throw notFound()
  return wijk
}

async function coverPage(c: AppContext, opts: { state?: { values: FormValues; errors: FieldErrors }; fileLost?: boolean } = {}) {
  const wijk = await wijkInUrl(c)
  const t = c.get('t')
  const title = t('places.cover.title', { wijk: wijk.name })
  return render(
    c,
    <CoverPage
      t={t}
      csrfToken={c.get('csrfToken')}
      wijk={wijk}
      action={`/beheer/wijken/${wijk.id}/omslagfoto`}
      backHref={`/beheer/wijken/${wijk.id}/overzicht`}
      siteHref={wijkHref(c, wijk, '/')}
      cover={coverView(wijk)}
      state={opts.state}
      fileLost={opts.fileLost}
    />,
    { title, status: opts.state ? 422 : 200 },
  )
}

export const placesCoverRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id{[0-9]{1,9}}/omslagfoto', guard('wijk.edit', wijkOf), (c) => coverPage(c))
  .post('/beheer/wijken/:id{[0-9]{1,9}}/omslagfoto', guard('wijk.edit', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const body = await readBody(c, { report: true })
    const parsed = checkForm(body, coverSchema, t)
    const file = body.files.cover
    const processed = file ? await processImage(file, COVER) : null
    // In the order of the form, so the summary reads like the page.
    const errors: FieldErrors = {}
    if (!file) errors.cover = t('places.cover.missing')
    else if (processed && !processed.ok) errors.cover = t(`places.cover.${processed.problem}`)
    if (!parsed.ok) Object.assign(errors, parsed.errors)
    if (!parsed.ok || !processed?.ok) {
      const state = { values: body.values, errors }
      return coverPage(c, { state, fileLost: Boolean(processed?.ok) })
    }
    await setCover(c.get('deps'), { wijkId: wijk.id, image: processed.image, alt: parsed.data.alt, actorUserId: c.get('actor').user!.id })
    return c.redirect(`/beheer/wijken/${wijk.id}/omslagfoto?melding=flash.places.coverSaved`, 303)
  })
  .post('/beheer/wijken/:id{[0-9]{1,9}}/omslagfoto/verwijderen', guard('wijk.edit', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    await removeCover(c.get('deps'), { wijkId: wijk.id, actorUserId: c.get('actor').user!.id })
    return c.redirect(`/beheer/wijken/${wijk.id}/omslagfoto?melding=flash.places.coverRemoved`, 303)
  })

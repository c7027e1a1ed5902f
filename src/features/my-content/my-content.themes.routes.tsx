/**
 * The themes of a wijk, for its wijkbeheerders, its ambassadeur and platform admins
 * ('themes.manage'). Every change is audited.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { readForm, text, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { findWijkById } from '../places/places.queries.js'
import { addTheme, deleteTheme, ensureDefaultThemes, listThemes, moveTheme, renameTheme } from '../content/content.themes.js'
import { ThemesPage } from './my-content.themes.views.js'

/** A theme's name in both languages. */
const themeSchema = z.object({
  /** Shown on the Dutch site; the theme's URL slug is derived from it when it is added. */
  nameNl: text(60),
  nameEn: text(60),
})

const wijkOf = (c: AppContext) => ({ wijkId: idParam(c) })

/** The wijk and theme in the URL; 404 unless the theme is one of that wijk's (no cross-wijk ids). */
async function themeInUrl(c: AppContext): Promise<{ wijkId: number; themeId: number }> {
  const wijkId = idParam(c)
  const themeId = idParam(c, 'themeId')
  const themes = await listThemes(c.get('deps').db, wijkId)
  if (!themes.some((th) => th.id === themeId)) throw notFound()
  return { wijkId, themeId }
}

async function page(c: AppContext, state?: { values: FormValues; errors: FieldErrors }, rowErrors?: { id: number; message: string }) {
  const { db } = c.get('deps')
  const wijk = await findWijkById(db, idParam(c))
  if (!wijk) throw notFound()
  await ensureDefaultThemes(db, wijk.id)
  const t = c.get('t')
  const themes = await listThemes(db, wijk.id)
  return render(c, <ThemesPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} themes={themes} state={state} rowErrors={rowErrors} />, {
    title: t('my-content.themes.title', { wijk: wijk.name }),
    status: state || rowErrors ? 422 : 200,
  })
}

async function audit(c: AppContext, action: string, wijkId: number, details: Record<string, unknown>) {
  const { db, clock } = c.get('deps')
  await recordAudit(db, clock.now(), { actorUserId: c.get('actor').user!.id, action, targetType: 'wijk', targetId: String(wijkId), details })
}

const done = (c: AppContext) => c.redirect(`/beheer/wijken/${idParam(c)}/themas?melding=flash.my-content.themesSaved`, 303)

export const themesAdminRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id/themas', guard('themes.manage', wijkOf), (c) => page(c))

  .post('/beheer/wijken/:id/themas', guard('themes.manage', wijkOf), async (c) => {
    const wijkId = idParam(c)
    const form = await readForm(c, themeSchema)
    if (!form.ok) return page(c, { values: form.values, errors: form.errors })
    if (!(await findWijkById(c.get('deps').db, wijkId))) throw notFound()
    if (!(await addTheme(c.get('deps').db, wijkId, form.data))) {
      return page(c, { values: form.values, errors: { nameNl: c.get('t')('my-content.themes.exists') } })
    }
    await audit(c, 'themes.add', wijkId, { slugFrom: 'nameNl' })
    return done(c)
  })

  .post('/beheer/wijken/:id/themas/:themeId', guard('themes.manage', wijkOf), async (c) => {
    const { wijkId, themeId } = await themeInUrl(c)
    const form = await readForm(c, themeSchema)
    if (!form.ok) return page(c, undefined, { id: themeId, message: Object.values(form.errors)[0]! })
    await renameTheme(c.get('deps').db, wijkId, themeId, form.data)
    await audit(c, 'themes.rename', wijkId, { themeId })
    return done(c)
  })

  .post('/beheer/wijken/:id/themas/:themeId/omhoog', guard('themes.manage', wijkOf), async (c) => {
    const { wijkId, themeId } = await themeInUrl(c)
    await moveTheme(c.get('deps').db, wijkId, themeId, -1)
    await audit(c, 'themes.reorder', wijkId, { themeId })
    return done(c)
  })

  .post('/beheer/wijken/:id/themas/:themeId/omlaag', guard('themes.manage', wijkOf), async (c) => {
    const { wijkId, themeId } = await themeInUrl(c)
    await moveTheme(c.get('deps').db, wijkId, themeId, 1)
    await audit(c, 'themes.reorder', wijkId, { themeId })
    return done(c)
  })

  .post('/beheer/wijken/:id/themas/:themeId/verwijderen', guard('themes.manage', wijkOf), async (c) => {
    const { wijkId, themeId } = await themeInUrl(c)
    await deleteTheme(c.get('deps').db, wijkId, themeId)
    await audit(c, 'themes.delete', wijkId, { themeId })
    return done(c)
  })

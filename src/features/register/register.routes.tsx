/**
 * The register of processing activities and processors (P12): the public summary at
 * /verwerkingen (a cached public page; migration 0006 invalidates it on every change) and the
 * admin's editor at /beheer/verwerkingen, where a processor without an agreement is flagged.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { findActivity, findProcessor, listActivities, listProcessors, type Activity, type Processor } from './register.queries.js'
import { activitySchema, processorSchema } from './register.schema.js'
import { publicPartners } from '../partners/partners.queries.js'
import { createActivity, createProcessor, deleteActivity, deleteProcessor, updateActivity, updateProcessor } from './register.service.js'
import { ActivityFormPage, AdminRegisterPage, DeletePage, ProcessorFormPage, PublicRegisterPage } from './register.views.js'

const ADMIN = '/beheer/verwerkingen'
const ACTIVITY = `${ADMIN}/activiteiten/:id{[0-9]+}`
const PROCESSOR = `${ADMIN}/verwerkers/:id{[0-9]+}`

async function loadActivity(c: AppContext): Promise<Activity> {
  const row = await findActivity(c.get('deps').db, idParam(c))
  if (!row) throw notFound()
  return row
}

async function loadProcessor(c: AppContext): Promise<Processor> {
  const row = await findProcessor(c.get('deps').db, idParam(c))
  if (!row) throw notFound()
  return row
}

type FormStatus = 200 | 422

function activityForm(c: AppContext, activity: Activity | undefined, state?: { values: FormValues; errors: FieldErrors }, status: FormStatus = 200) {
  const t = c.get('t')
  return render(
    c,
    <ActivityFormPage
      t={t}
      csrfToken={c.get('csrfToken')}
      activity={activity}
      state={state}
      action={activity ? `${ADMIN}/activiteiten/${activity.id}` : `${ADMIN}/activiteiten/nieuw`}
      deleteHref={activity ? `${ADMIN}/activiteiten/${activity.id}/verwijderen` : undefined}
      defaultKey={activity?.key}
    />,
    { title: activity ? t('register.activity.editTitle') : t('register.activity.newTitle'), status },
  )
}

function processorForm(c: AppContext, processor: Processor | undefined, state?: { values: FormValues; errors: FieldErrors }, status: FormStatus = 200) {
  const t = c.get('t')
  return render(
    c,
    <ProcessorFormPage
      t={t}
      csrfToken={c.get('csrfToken')}
      processor={processor}
      state={state}
      action={processor ? `${ADMIN}/verwerkers/${processor.id}` : `${ADMIN}/verwerkers/nieuw`}
      deleteHref={processor ? `${ADMIN}/verwerkers/${processor.id}/verwijderen` : undefined}
      defaultKey={processor?.key}
    />,
    { title: processor ? t('register.processor.editTitle', { name: processor.name }) : t('register.processor.newTitle'), status },
  )
}

export const registerRoutes = new Hono<AppEnv>()
  .get('/verwerkingen', guard('page.view'), async (c) => {
    const t = c.get('t')
    const { db, config, clock } = c.get('deps')
    const [activities, processors, recipients] = await Promise.all([listActivities(db), listProcessors(db), publicPartners(db, clock.now())])
    return render(c, <PublicRegisterPage t={t} lang={c.get('lang')} operatorName={config.operator.name} activities={activities} processors={processors} recipients={recipients} />, {
      title: t('register.public.title'),
      description: t('register.public.description'),
    })
  })

  .get(ADMIN, guard('register.manage'), async (c) => {
    const t = c.get('t')
    const { db, clock } = c.get('deps')
    // Partners in force are recipients by virtue of their agreement: listed from it, never typed in.
    const [activities, processors, recipients] = await Promise.all([listActivities(db), listProcessors(db), publicPartners(db, clock.now())])
    return render(c, <AdminRegisterPage t={t} lang={c.get('lang')} activities={activities} processors={processors} recipients={recipients} />, { title: t('register.admin.title') })
  })

  .get(`${ADMIN}/activiteiten/nieuw`, guard('register.manage'), (c) => activityForm(c, undefined))
  .post(`${ADMIN}/activiteiten/nieuw`, guard('register.manage'), async (c) => {
    const form = await readForm(c, activitySchema)
    if (!form.ok) return activityForm(c, undefined, form, 422)
    await createActivity(c.get('deps'), c.get('actor').user!.id, form.data)
    return c.redirect(`${ADMIN}?melding=flash.register.saved`, 303)
  })
  .get(ACTIVITY, guard('register.manage'), async (c) => activityForm(c, await loadActivity(c)))
  .post(ACTIVITY, guard('register.manage'), async (c) => {
    const activity = await loadActivity(c)
    const form = await readForm(c, activitySchema)
    if (!form.ok) return activityForm(c, activity, form, 422)
    if (!(await updateActivity(c.get('deps'), c.get('actor').user!.id, activity.id, form.data))) throw notFound()
    return c.redirect(`${ADMIN}?melding=flash.register.saved`, 303)
  })
  .get(`${ACTIVITY}/verwijderen`, guard('register.manage'), async (c) => {
    const t = c.get('t')
    const activity = await loadActivity(c)
    const name = c.get('lang') === 'en' ? activity.nameEn : activity.nameNl
    return render(
      c,
      <DeletePage
        t={t}
        csrfToken={c.get('csrfToken')}
        title={t('register.activity.deleteTitle', { name })}
        body={t('register.activity.deleteBody')}
        action={`${ADMIN}/activiteiten/${activity.id}/verwijderen`}
        backHref={`${ADMIN}/activiteiten/${activity.id}`}
      />,
      { title: t('register.activity.deleteTitle', { name }) },
    )
  })
  .post(`${ACTIVITY}/verwijderen`, guard('register.manage'), async (c) => {
    const activity = await loadActivity(c)
    await deleteActivity(c.get('deps'), c.get('actor').user!.id, activity.id)
    return c.redirect(`${ADMIN}?melding=flash.register.deleted`, 303)
  })

  .get(`${ADMIN}/verwerkers/nieuw`, guard('register.manage'), (c) => processorForm(c, undefined))
  .post(`${ADMIN}/verwerkers/nieuw`, guard('register.manage'), async (c) => {
    const form = await readForm(c, processorSchema)
    if (!form.ok) return processorForm(c, undefined, form, 422)
    await createProcessor(c.get('deps'), c.get('actor').user!.id, form.data)
    return c.redirect(`${ADMIN}?melding=flash.register.saved`, 303)
  })
  .get(PROCESSOR, guard('register.manage'), async (c) => processorForm(c, await loadProcessor(c)))
  .post(PROCESSOR, guard('register.manage'), async (c) => {
    const processor = await loadProcessor(c)
    const form = await readForm(c, processorSchema)
    if (!form.ok) return processorForm(c, processor, form, 422)
    if (!(await updateProcessor(c.get('deps'), c.get('actor').user!.id, processor.id, form.data))) throw notFound()
    return c.redirect(`${ADMIN}?melding=flash.register.saved`, 303)
  })
  .get(`${PROCESSOR}/verwijderen`, guard('register.manage'), async (c) => {
    const t = c.get('t')
    const processor = await loadProcessor(c)
    return render(
      c,
      <DeletePage
        t={t}
        csrfToken={c.get('csrfToken')}
        title={t('register.processor.deleteTitle', { name: processor.name })}
        body={t('register.processor.deleteBody')}
        action={`${ADMIN}/verwerkers/${processor.id}/verwijderen`}
        backHref={`${ADMIN}/verwerkers/${processor.id}`}
      />,
      { title: t('register.processor.deleteTitle', { name: processor.name }) },
    )
  })
  .post(`${PROCESSOR}/verwijderen`, guard('register.manage'), async (c) => {
    const processor = await loadProcessor(c)
    await deleteProcessor(c.get('deps'), c.get('actor').user!.id, processor.id)
    return c.redirect(`${ADMIN}?melding=flash.register.deleted`, 303)
  })

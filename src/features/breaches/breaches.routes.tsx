/**
 * /beheer/datalekken: the breach register (P22, AVG art. 33(5)). Each breach has a countdown to
 * the 72-hour deadline of the Autoriteit Persoonsgegevens, a printable report with the facts the
 * AP's form asks for, and a page that informs account holders through the outbox, with a
 * progress bar (plain HTML: reload to update) and the record of who was told when.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, pageQuerySchema, readQuery } from '../../kernel/http/params.js'
import { readBody, checkForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { render } from '../../kernel/ui/render.js'
import { listWijken } from '../places/places.queries.js'
import { breachSchema, localDateTimeValue, parseAddressList } from './breaches.schema.js'
import { countAlreadyNotified, findBreach, listBreaches, notificationProgress, notificationRecord, resolveAudience, type Audience, type Breach } from './breaches.queries.js'
import { createBreach, startNotification, updateBreach } from './breaches.service.js'
import { deadlineState } from './breaches.deadline.js'
import { BreachDetailPage, BreachFormPage, BreachListPage, BreachReportPage, NotifyConfirmPage, NotifyPage, breachFormValues, type NotifySelection } from './breaches.views.js'

const LIST = '/beheer/datalekken'
const ONE = `${LIST}/:id{[0-9]+}`

async function loadBreach(c: AppContext): Promise<Breach> {
  const breach = await findBreach(c.get('deps').db, idParam(c))
  if (!breach) throw notFound()
  return breach
}

function formPage(c: AppContext, opts: { breach?: Breach; values: FormValues; errors?: FieldErrors }) {
  const t = c.get('t')
  const b = opts.breach
  return render(
    c,
    <BreachFormPage t={t} csrfToken={c.get('csrfToken')} action={b ? `${LIST}/${b.id}/bewerken` : `${LIST}/nieuw`} state={{ values: opts.values, errors: opts.errors }} breach={b} />,
    { title: b ? t('breaches.form.editTitle', { title: b.title }) : t('breaches.form.newTitle'), status: opts.errors ? 422 : 200 },
  )
}

/** Reads the notify form: who to tell. Unknown and malformed addresses are only reported back. */
async function readSelection(c: AppContext): Promise<{ selection: NotifySelection; audience: Audience | null; invalid: string[]; errors: FieldErrors }> {
  const t = c.get('t')
  const { values } = await readBody(c)
  const known = new Set((await listWijken(c.get('deps').db)).map((w) => w.id))
  const wijkIds = Object.keys(values)
    .map((k) => /^wijk-(\d{1,9})$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined && values[`wijk-${id}`] === 'on')
    .map(Number)
    .filter((id) => known.has(id))
  const emailsText = (values.emails ?? '').slice(0, 200_000)
  const selection: NotifySelection = { audience: values.audience ?? '', wijkIds, emails: emailsText }
  const { valid, invalid } = parseAddressList(emailsText)
  const errors: FieldErrors = {}
  let audience: Audience | null = null
  if (selection.audience === 'all') audience = { kind: 'all' }
  else if (selection.audience === 'affected') {
    if (wijkIds.length === 0 && valid.length === 0 && invalid.length === 0) errors.wijken = t('breaches.notify.error.affected')
    else audience = { kind: 'affected', wijkIds, emails: valid }
  } else errors.audience = t('breaches.notify.error.audience')
  return { selection, audience, invalid, errors }
}

async function notifyPage(c: AppContext, breach: Breach, opts: { selection?: NotifySelection; errors?: FieldErrors } = {}) {
  const t = c.get('t')
  const { db, clock } = c.get('deps')
  const page = readQuery(c, pageQuerySchema).pagina
  const [wijken, progress, record] = await Promise.all([listWijken(db), notificationProgress(db, breach.id), notificationRecord(db, breach.id, page)])
  if (record.length > 0) {
    // The record lists account holders' addresses: the viewing is logged (ids only).
    await recordAudit(db, clock.now(), { actorUserId: c.get('actor').user!.id, action: 'breach.notifications.view', targetType: 'breach', targetId: String(breach.id), details: { page } })
  }
  const errors = opts.errors && Object.keys(opts.errors).length ? opts.errors : undefined
  return render(
    c,
    <NotifyPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      breach={breach}
      wijken={wijken}
      selection={opts.selection ?? { audience: '', wijkIds: [], emails: '' }}
      errors={errors}
      progress={progress}
      record={record}
      page={page}
    />,
    { title: t('breaches.notify.title', { title: breach.title }), status: errors ? 422 : 200 },
  )
}

export const breachesRoutes = new Hono<AppEnv>()
  .get(LIST, guard('breach.manage'), async (c) => {
    const t = c.get('t')
    const { db, clock } = c.get('deps')
    const now = clock.now()
    const rows = (await listBreaches(db)).map((breach) => ({ breach, deadline: deadlineState(breach, now) }))
    return render(c, <BreachListPage t={t} lang={c.get('lang')} rows={rows} />, { title: t('breaches.list.title') })
  })

  .get(`${LIST}/nieuw`, guard('breach.manage'), (c) =>
    formPage(c, {
      values: { discoveredAt: localDateTimeValue(c.get('deps').clock.now()), dataEncrypted: 'no', authorityDecision: 'undecided', informDecision: 'undecided', status: 'open' },
    }),
  )

  .post(`${LIST}/nieuw`, guard('breach.manage'), async (c) => {
    const deps = c.get('deps')
    const form = checkForm(await readBody(c, { report: true }), breachSchema(deps.clock.now()), c.get('t'))
    if (!form.ok) return formPage(c, { values: form.values, errors: form.errors })
    const id = await createBreach(deps, c.get('actor').user!.id, form.data)
    return c.redirect(`${LIST}/${id}?melding=flash.breaches.created`, 303)
  })

  .get(ONE, guard('breach.manage'), async (c) => {
    const t = c.get('t')
    const breach = await loadBreach(c)
    const { db, clock } = c.get('deps')
    const progress = await notificationProgress(db, breach.id)
    return render(c, <BreachDetailPage t={t} lang={c.get('lang')} breach={breach} deadline={deadlineState(breach, clock.now())} progress={progress} />, {
      title: breach.title,
    })
  })

  .get(`${ONE}/bewerken`, guard('breach.manage'), async (c) => {
    const breach = await loadBreach(c)
    return formPage(c, { breach, values: breachFormValues(breach) })
  })

  .post(`${ONE}/bewerken`, guard('breach.manage'), async (c) => {
    const breach = await loadBreach(c)
    const deps = c.get('deps')
    const form = checkForm(await readBody(c, { report: true }), breachSchema(deps.clock.now()), c.get('t'))
    if (!form.ok) return formPage(c, { breach, values: form.values, errors: form.errors })
    if (!(await updateBreach(deps, c.get('actor').user!.id, breach.id, form.data))) throw notFound()
    return c.redirect(`${LIST}/${breach.id}?melding=flash.breaches.saved`, 303)
  })

  .get(`${ONE}/melding-ap`, guard('breach.manage'), async (c) => {
    const t = c.get('t')
    const breach = await loadBreach(c)
    const { db, clock, config } = c.get('deps')
    const now = clock.now()
    const progress = await notificationProgress(db, breach.id)
    return render(
      c,
      <BreachReportPage t={t} lang={c.get('lang')} breach={breach} deadline={deadlineState(breach, now)} progress={progress} operator={config.operator} now={now} />,
      { title: t('breaches.report.title') },
    )
  })

  .get(`${ONE}/informeren`, guard('breach.manage'), async (c) => notifyPage(c, await loadBreach(c)))

  /** Step one: who would be told, and which pasted addresses match no account. Nothing is sent yet. */
  .post(`${ONE}/informeren`, guard('breach.manage'), async (c) => {
    const t = c.get('t')
    const breach = await loadBreach(c)
    const { db } = c.get('deps')
    const { selection, audience, invalid, errors } = await readSelection(c)
    if (!audience) return notifyPage(c, breach, { selection, errors })
    const { userIds, unknownEmails } = await resolveAudience(db, audience)
    const already = await countAlreadyNotified(db, breach.id, userIds)
    return render(
      c,
      <NotifyConfirmPage t={t} csrfToken={c.get('csrfToken')} breach={breach} selection={selection} matched={userIds.length} already={already} unknown={[...invalid, ...unknownEmails]} />,
      { title: t('breaches.notify.confirmTitle') },
    )
  })

  /** Step two: queue everyone not told before, and the job that mails them. */
  .post(`${ONE}/informeren/starten`, guard('breach.manage'), async (c) => {
    const breach = await loadBreach(c)
    const { selection, audience, errors } = await readSelection(c)
    if (!audience) return notifyPage(c, breach, { selection, errors })
    await startNotification(c.get('deps'), c.get('actor').user!.id, breach.id, audience)
    return c.redirect(`${LIST}/${breach.id}/informeren?melding=flash.breaches.notifyStarted`, 303)
  })

/**
 * "Hulp nodig" (/hulp): ask a question, report a problem with content, or go to cancellation
 * (/hulp/opzeggen, in the cancellation feature). Questions and reports become support requests,
 * handled in /beheer/hulpvragen: platform admins see every request, the ambassadeur and
 * wijkbeheerders of a wijk only the content problems of that wijk (policy: support.handle).
 * A request another team may not handle answers 404, exactly like one that does not exist.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { can } from '../../kernel/policy/policy.js'
import { readForm, fieldError, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { listWijkenSeenBy } from '../places/places.launch.js'
import { wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { listRequests, listWijkItems, findRequest, publicItemRef, resolveItemAddress, type RequestDetail } from './help.queries.js'
import { answerRequest, closeRequest, createRequest, helpLimited, recordRequestView } from './help.service.js'
import { answerSchema, listQuerySchema, problemQuerySchema, problemSchema, questionSchema } from './help.schema.js'
import { AdminDetailPage, AdminListPage, HelpPage, ProblemPage, QuestionPage, SentPage } from './help.views.js'

/** The logged-in user; guard('account.manage') has made sure there is one. */
function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('guard account.manage lets only logged-in users through')
  return user
}

function limitedMessage(c: AppContext, retryAfterSeconds: number): string {
  c.header('Retry-After', String(retryAfterSeconds))
  return c.get('t')('help.rateLimited', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
}

/** The problem form for a wijk: the one asked for, else the user's home wijk, else the first. */
async function problemPage(c: AppContext, wijkParam: number | null, failed?: { values: FormValues; errors?: FieldErrors; limitedMessage?: string }, status: 200 | 422 | 429 = 200) {
  const { db, clock, config } = c.get('deps')
  const t = c.get('t')
  const wijken = await listWijkenSeenBy(db, c.get('actor'))
  const wanted = wijkParam ?? me(c).homeWijkId
  const wijk = wijken.find((w) => w.id === wanted) ?? wijken[0] ?? null
  const items = wijk ? await listWijkItems(db, wijk.id, clock.now()) : []
  const example = `${config.publicBaseUrl}/${wijk?.slug ?? 'wijk'}/prikbord/123-…`
  return render(
    c,
    <ProblemPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      wijken={wijken}
      wijk={wijk}
      items={items}
      exampleAddress={example}
      state={failed ? { values: failed.values, errors: failed.errors } : undefined}
      limitedMessage={failed?.limitedMessage}
    />,
    { title: t('help.problem.title'), status },
  )
}

/** The wijk id in ?wijk=…, or null. */
function wijkQuery(c: AppContext): number | null {
  return readQuery(c, problemQuerySchema).wijk ?? null
}

/** The request in the URL, if this actor may handle it; 404 otherwise (also when it exists). */
async function loadRequest(c: AppContext): Promise<RequestDetail> {
  const request = await findRequest(c.get('deps').db, idParam(c))
  if (!request || !can(c.get('actor'), 'support.handle', { wijkId: request.wijkId ?? undefined })) throw notFound()
  return request
}

async function detailPage(c: AppContext, request: RequestDetail, failed?: { values: FormValues; errors?: FieldErrors }) {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  let itemHref: string | null = null
  if (request.item && request.wijkId !== null && request.wijkSlug && (await publicItemRef(db, request.item.id, clock.now()))) {
    itemHref = wijkHref(c, { id: request.wijkId, slug: request.wijkSlug }, itemPathInWijk(request.item))
  }
  // Every time the requester's name and email are shown, their access log gets a row.
  await recordRequestView(c.get('deps'), request, c.get('actor').user!.id)
  return render(
    c,
    <AdminDetailPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} request={request} itemHref={itemHref} state={failed && { values: failed.values, errors: failed.errors }} />,
    { title: t('help.detail.title', { id: request.id }), status: failed ? 422 : 200 },
  )
}

export const helpRoutes = new Hono<AppEnv>()
  .get('/hulp', guard('account.manage'), (c) => {
    const t = c.get('t')
    return render(c, <HelpPage t={t} />, { title: t('help.title') })
  })

  // -- A question ------------------------------------------------------------------------------
  .get('/hulp/vraag', guard('account.manage'), (c) => {
    const t = c.get('t')
    return render(c, <QuestionPage t={t} csrfToken={c.get('csrfToken')} email={me(c).email} />, { title: t('help.question.title') })
  })
  .post('/hulp/vraag', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, questionSchema)
    const page = (state: { values: FormValues; errors?: FieldErrors }, limited?: string) => (
      <QuestionPage t={t} csrfToken={c.get('csrfToken')} email={user.email} state={state} limitedMessage={limited} />
    )
    if (!form.ok) return render(c, page(form), { title: t('help.question.title'), status: 422 })
    const wait = await helpLimited(deps, user.id)
    if (wait !== null) return render(c, page({ values: form.values }, limitedMessage(c, wait)), { title: t('help.question.title'), status: 429 })
    await createRequest(deps, { kind: 'question', userId: user.id, message: form.data.message })
    return c.redirect('/hulp/verstuurd', 303)
  })

  // -- A problem with content ------------------------------------------------------------------
  .get('/hulp/probleem', guard('account.manage'), (c) => problemPage(c, wijkQuery(c)))
  .post('/hulp/probleem', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const user = me(c)
    const form = await readForm(c, problemSchema)
    if (!form.ok) return problemPage(c, wijkQuery(c), { values: form.values, errors: form.errors }, 422)
    const { wijk, address, itemId, message } = form.data
    const t = c.get('t')
    const now = deps.clock.now()
    let ref: { itemId: number; wijkId: number } | null
    if (itemId !== null) {
      ref = await publicItemRef(deps.db, itemId, now)
      if (!ref) return problemPage(c, wijk, { values: form.values, errors: fieldError(t, 'itemId', 'help.problem.error.item') }, 422)
    } else if (address !== null) {
      ref = await resolveItemAddress(deps.db, deps.hostMap, deps.config.publicBaseUrl, address, now)
      if (!ref) return problemPage(c, wijk, { values: form.values, errors: fieldError(t, 'address', 'help.problem.error.address') }, 422)
    } else {
      return problemPage(c, wijk, { values: form.values, errors: fieldError(t, 'address', 'help.problem.error.which') }, 422)
    }
    const wait = await helpLimited(deps, user.id)
    if (wait !== null) return problemPage(c, wijk, { values: form.values, limitedMessage: limitedMessage(c, wait) }, 429)
    await createRequest(deps, { kind: 'content-problem', userId: user.id, message, ...ref })
    return c.redirect('/hulp/verstuurd', 303)
  })

  .get('/hulp/verstuurd', guard('account.manage'), (c) => {
    const t = c.get('t')
    return render(c, <SentPage t={t} />, { title: t('help.sent.title') })
  })

  // -- Beheer ----------------------------------------------------------------------------------
  .get('/beheer/hulpvragen', guard('support.list'), async (c) => {
    const t = c.get('t')
    const actor = c.get('actor')
    const { status } = readQuery(c, listQuerySchema)
    // Narrow in SQL to what this actor could handle; the policy then decides per row.
    const scope = can(actor, 'support.handle') ? 'all' : [...new Set(actor.roles.flatMap((r) => (r.wijkId === null ? [] : [r.wijkId])))]
    const rows = (await listRequests(c.get('deps').db, status, scope)).filter((r) => can(actor, 'support.handle', { wijkId: r.wijkId ?? undefined }))
    const links = [
      ...(can(actor, 'account.cancel.onBehalf') ? [{ href: '/beheer/opzeggen', label: t('help.admin.cancelOnBehalf') }] : []),
      ...(can(actor, 'archive.manage') ? [{ href: '/beheer/archief', label: t('help.admin.archive') }] : []),
    ]
    return render(c, <AdminListPage t={t} lang={c.get('lang')} status={status} rows={rows} links={links} />, { title: t('help.admin.title') })
  })
  .get('/beheer/hulpvragen/:id', guard('support.list'), async (c) => detailPage(c, await loadRequest(c)))
  .post('/beheer/hulpvragen/:id/antwoord', guard('support.list'), async (c) => {
    const request = await loadRequest(c)
    const form = await readForm(c, answerSchema)
    if (!form.ok) return detailPage(c, request, form)
    const sent = await answerRequest(c.get('deps'), request, c.get('actor').user!.id, form.data.answer)
    if (!sent) return detailPage(c, request, { values: form.values, errors: fieldError(c.get('t'), 'answer', 'help.answer.noRequester') })
    return c.redirect(`/beheer/hulpvragen/${request.id}?melding=flash.help.answered`, 303)
  })
  .post('/beheer/hulpvragen/:id/sluiten', guard('support.list'), async (c) => {
    const request = await loadRequest(c)
    await closeRequest(c.get('deps'), request, c.get('actor').user!.id)
    return c.redirect(`/beheer/hulpvragen/${request.id}?melding=flash.help.closed`, 303)
  })

/**
 * Cancellation (P24) and the archive (P26):
 * - /hulp/opzeggen: says plainly what happens, asks for the password, cancels, logs out;
 * - /hulp/opgezegd: the goodbye page;
 * - /beheer/opzeggen: an admin cancels on someone's behalf (a request by mail or phone);
 * - /beheer/archief: an admin finds an archive by email and restores it.
 * The archive table is read by no other route.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { readForm, fieldError, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { clearSessionCookie } from '../../kernel/auth/session.js'
import { checkCurrentPassword } from '../accounts/accounts.service.js'
import { limitedMinutes } from '../../kernel/http/rate-limit.js'
import { cancelSchema, emailSearchSchema, onBehalfSchema, parseArchiveId } from './cancellation.schema.js'
import {
  archivesWithUnknownKeys,
  auditArchiveSearch,
  auditCancelLookup,
  cancelAccount,
  findActiveAccount,
  findArchives,
  restoreArchive,
  type ArchiveSummary,
} from './cancellation.service.js'
import { ArchivePage, CancelPage, GoodbyePage, OnBehalfPage, type FoundAccount } from './cancellation.views.js'

/** The logged-in user; the guards let only logged-in users through. */
function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('the guard lets only logged-in users through')
  return user
}

type Failed = { values: FormValues; errors?: FieldErrors }

function cancelPage(c: AppContext, opts: { state?: Failed; notice?: string; status?: 200 | 409 | 422 | 429 } = {}) {
  const t = c.get('t')
  return render(c, <CancelPage t={t} csrfToken={c.get('csrfToken')} state={opts.state} notice={opts.notice} />, { title: t('cancellation.title'), status: opts.status })
}

function onBehalfPage(c: AppContext, opts: { search?: Failed; found?: FoundAccount; confirm?: Failed; notice?: string; status?: 200 | 404 | 409 | 422 } = {}) {
  const t = c.get('t')
  return render(
    c,
    <OnBehalfPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} search={opts.search} found={opts.found} confirm={opts.confirm} notice={opts.notice} />,
    { title: t('cancellation.admin.title'), status: opts.status },
  )
}

async function archivePage(
  c: AppContext,
  opts: { state?: Failed; result?: { archives: ArchiveSummary[]; pendingErasure: boolean }; notice?: { kind: 'error' | 'info'; text: string }; status?: 200 | 404 | 409 | 422 } = {},
) {
  const t = c.get('t')
  const unknownKeys = await archivesWithUnknownKeys(c.get('deps'))
  return render(
    c,
    <ArchivePage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} state={opts.state} result={opts.result} notice={opts.notice} unknownKeys={unknownKeys} />,
    { title: t('cancellation.archive.title'), status: opts.status },
  )
}

export const cancellationRoutes = new Hono<AppEnv>()
  // -- Cancelling your own account -------------------------------------------------------------
  .get('/hulp/opzeggen', guard('account.manage'), (c) => cancelPage(c))
  .post('/hulp/opzeggen', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, cancelSchema)
    if (!form.ok) return cancelPage(c, { state: form, status: 422 })
    const check = await checkCurrentPassword(deps, user, form.data.password)
    if (check.limited) {
      const minutes = limitedMinutes(c, check)
      return cancelPage(c, { state: { values: form.values }, notice: t('cancellation.rateLimited', { minutes }), status: 429 })
    }
    if (!check.ok) return cancelPage(c, { state: { values: form.values, errors: fieldError(t, 'password', 'cancellation.error.password') }, status: 422 })
    const result = await cancelAccount(deps, user.id, { kind: 'self' })
    if (!result.ok && result.reason === 'lastAdmin') return cancelPage(c, { notice: t('cancellation.lastAdmin'), status: 409 })
    // The sessions are gone with the cancellation; the cookie goes too.
    clearSessionCookie(c, deps.config.isProduction)
    return c.redirect('/hulp/opgezegd', 303)
  })
  .get('/hulp/opgezegd', guard('page.view'), (c) => {
    const t = c.get('t')
    return render(c, <GoodbyePage t={t} operatorEmail={c.get('deps').config.operator.email} />, { title: t('cancellation.done.title') })
  })

  // -- Beheer: on someone's behalf -------------------------------------------------------------
  .get('/beheer/opzeggen', guard('account.cancel.onBehalf'), (c) => onBehalfPage(c))
  .post('/beheer/opzeggen', guard('account.cancel.onBehalf'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const form = await readForm(c, emailSearchSchema)
    if (!form.ok) return onBehalfPage(c, { search: form, status: 422 })
    const account = await findActiveAccount(deps.db, { email: form.data.email })
    if (!account) return onBehalfPage(c, { search: { values: form.values, errors: fieldError(t, 'email', 'cancellation.admin.notFound') }, status: 422 })
    if (account.id === me(c).id) return onBehalfPage(c, { search: { values: form.values, errors: fieldError(t, 'email', 'cancellation.admin.self') }, status: 422 })
    await auditCancelLookup(deps, me(c).id, account.id)
    return onBehalfPage(c, { found: account })
  })
  .post('/beheer/opzeggen/bevestigen', guard('account.cancel.onBehalf'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const admin = me(c)
    const form = await readForm(c, onBehalfSchema)
    const userId = form.ok ? form.data.userId : onBehalfSchema.shape.userId.safeParse(form.values.userId).data
    const account = userId ? await findActiveAccount(deps.db, { id: userId }) : null
    if (!account || account.id === admin.id) throw notFound()
    if (!form.ok) return onBehalfPage(c, { found: account, confirm: form, status: 422 })
    const result = await cancelAccount(deps, account.id, { kind: 'admin', adminId: admin.id, reason: form.data.reason })
    if (!result.ok) {
      if (result.reason === 'lastAdmin') return onBehalfPage(c, { found: account, confirm: { values: form.values }, notice: t('cancellation.admin.lastAdmin'), status: 409 })
      throw notFound()
    }
    return c.redirect('/beheer/opzeggen?melding=flash.cancellation.onBehalf', 303)
  })

  // -- Beheer: the archive ---------------------------------------------------------------------
  .get('/beheer/archief', guard('archive.manage'), (c) => archivePage(c))
  .post('/beheer/archief/zoeken', guard('archive.manage'), async (c) => {
    const deps = c.get('deps')
    const form = await readForm(c, emailSearchSchema)
    if (!form.ok) return archivePage(c, { state: form, status: 422 })
    const result = await findArchives(deps, form.data.email)
    await auditArchiveSearch(deps, me(c).id, result.archives)
    return archivePage(c, { state: { values: form.values }, result })
  })
  .post('/beheer/archief/:id/terugzetten', guard('archive.manage'), async (c) => {
    const t = c.get('t')
    const id = parseArchiveId(c.req.param('id'))
    if (!id) throw notFound()
    const result = await restoreArchive(c.get('deps'), id, me(c).id)
    if (result.ok) return c.redirect('/beheer/archief?melding=flash.cancellation.restored', 303)
    switch (result.reason) {
      case 'notFound':
        return archivePage(c, { notice: { kind: 'error', text: t('cancellation.archive.notFound') }, status: 404 })
      case 'emailTaken':
        return archivePage(c, { notice: { kind: 'error', text: t('cancellation.archive.emailTaken') }, status: 409 })
      case 'keyMissing':
        return archivePage(c, { notice: { kind: 'error', text: t('cancellation.archive.keyMissing', { keyId: result.keyId ?? '' }) }, status: 409 })
      case 'undecryptable':
        return archivePage(c, { notice: { kind: 'error', text: t('cancellation.archive.undecryptable') }, status: 409 })
    }
  })

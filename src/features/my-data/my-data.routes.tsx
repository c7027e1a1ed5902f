/**
 * "Mijn gegevens" (/mijn-gegevens): everything the platform holds about the logged-in user, the
 * forms to change it, and "Download mijn gegevens" (P23, P28). Always about the logged-in user:
 * ids in these URLs (a session handle, a subscription, an export) are matched with that user
 * too, so nobody else's can be reached. Content switches go through the policy (content.edit).
 */
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQuery, uuidParam } from '../../kernel/http/params.js'
import { readBody, readForm, fieldError, type FormValues, type FieldErrors } from '../../kernel/http/form.js'
import { hitRateLimit, rateKey } from '../../kernel/http/rate-limit.js'
import { render } from '../../kernel/ui/render.js'
import { ASSETS } from '../../kernel/ui/assets.js'
import { badRequest, forbidden, notFound } from '../../kernel/http/errors.js'
import { clearSessionCookie, destroyUserSessions } from '../../kernel/auth/session.js'
import { HOUR } from '../../kernel/clock.js'
import { listWijkenSeenBy } from '../places/places.launch.js'
import { wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { LANG_COOKIE } from '../../kernel/i18n/i18n.js'
import { profileSchema, changeEmailSchema, changePasswordSchema } from '../accounts/accounts.schema.js'
import { personalPasswordProblem } from '../accounts/accounts.password.js'
import { pendingEmailChange } from '../accounts/accounts.queries.js'
import { listConsents } from '../documents/documents.queries.js'
import { updateProfile, requestEmailChange, changePassword, checkCurrentPassword } from '../accounts/accounts.service.js'
import { limitedMinutes } from '../../kernel/http/rate-limit.js'
import { contentResource } from '../my-content/my-content.queries.js'
import { MyDataPage, type MyDataForm } from './my-data.views.js'
import { ExportExpiredPage, ExportStatusPage } from './my-data.export.views.js'
import { findMyExport, listAccessLog, listMyExports, listMyNewsletters, listMyRoles, listMySessions } from './my-data.queries.js'
import { loadAccountDetails } from '../accounts/accounts.queries.js'
import { listMyContent } from '../content/content.owned.js'
import { isPubliclyVisible } from '../content/content.privacy.js'
import { myAlerts } from '../alerts/alerts.privacy.js'
import { secondFactorFacts } from '../two-factor/two-factor.privacy.js'
import { partnersShowingOwner } from '../partners/partners.queries.js'
import { packagesOf } from '../billing/billing.account.queries.js'
import {
  CONTACT_FIELDS,
  endSession,
  requestExport,
  setContactVisibility,
  subscribeNewsletter,
  unfinishedExport,
  unsubscribeNewsletter,
  type ContactField,
} from './my-data.service.js'

/** A few exports an hour is plenty for a person, and keeps the job queue from being flooded. */
export const EXPORTS_PER_HOUR = { max: 3, windowMs: HOUR }
const ACCESS_PAGE = 20
const MAX_ACCESS_SHOWN = 1_000
const ID = /^[1-9]\d{0,8}$/

/** The logged-in user; guard('account.manage') has made sure there is one. */
function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('guard account.manage lets only logged-in users through')
  return user
}

/** The policy's view of the content item in the URL: its wijk, owner and co-managers. */
async function item(c: AppContext) {
  const resource = await contentResource(c.get('deps').db, idParam(c))
  if (!resource) throw notFound()
  return resource
}

/** How many access-log rows to show: ?toegang=N, in steps of ACCESS_PAGE ("meer" adds a step). */
const accessQuerySchema = z.object({
  toegang: z.coerce.number().int().min(ACCESS_PAGE).transform((n) => Math.min(n, MAX_ACCESS_SHOWN)).catch(ACCESS_PAGE),
})

function accessLimit(c: AppContext): number {
  return readQuery(c, accessQuerySchema).toegang
}

type Failed = { form: MyDataForm; values: FormValues; errors?: FieldErrors; limitedMessage?: string }

async function showMyData(c: AppContext, failed?: Failed, status: 200 | 422 | 429 = 200) {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const user = me(c)
  const now = clock.now()
  const limit = accessLimit(c)
  const [account, pendingEmail, roles, consents, newsletters, alerts, sessions, content, access, exports, wijken, secondFactor, partners, packages] = await Promise.all([
    loadAccountDetails(db, user.id),
    pendingEmailChange(db, user.id, now),
    listMyRoles(db, user.id),
    listConsents(db, user.id),
    listMyNewsletters(db, user),
    myAlerts(db, user.id, t, c.get('lang')),
    listMySessions(db, user.id, c.get('sessionId'), now),
    listMyContent(db, user.id),
    listAccessLog(db, user.id, limit),
    listMyExports(db, user.id, now),
    listWijkenSeenBy(db, c.get('actor')),
    secondFactorFacts(db, user.id),
    partnersShowingOwner(db, user.id, now),
    packagesOf(db, user.id),
  ])
  if (!account) throw new Error('the session user has no account row')
  const contentViews = content.map((item) => {
    const isPublic = isPubliclyVisible(item, now)
    return { ...item, isPublic, viewHref: isPublic ? wijkHref(c, { id: item.wijkId, slug: item.wijkSlug }, itemPathInWijk(item)) : null }
  })
  const moreHref = access.more && limit < MAX_ACCESS_SHOWN ? `/mijn-gegevens?toegang=${limit + ACCESS_PAGE}#toegang` : null
  return render(
    c,
    <MyDataPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      account={account}
      pendingEmail={pendingEmail}
      roles={roles}
      consents={consents}
      newsletters={newsletters}
      alerts={alerts}
      sessions={sessions}
      secondFactor={secondFactor}
      content={contentViews}
      partners={partners}
      packages={packages}
      access={{ entries: access.entries, moreHref }}
      exports={exports}
      wijken={wijken}
      failed={failed && { form: failed.form, state: { values: failed.values, errors: failed.errors }, limitedMessage: failed.limitedMessage }}
    />,
    { title: t('my-data.title'), status },
  )
}

const done = (c: AppContext, flash: string, anchor: string) => c.redirect(`/mijn-gegevens?melding=flash.my-data.${flash}#${anchor}`, 303)

const newsletterSchema = z.object({ newsletterWijkId: z.string().regex(ID, 'my-data.newsletters.chooseError').transform(Number) })
const contactSwitchSchema = z.object({ openbaar: z.enum(['ja', 'nee']) })

export const myDataRoutes = new Hono<AppEnv>()
  .get('/mijn-gegevens', guard('account.manage'), (c) => showMyData(c))

  // -- Account details, email address and password -------------------------------------------
  .post('/mijn-gegevens', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const wijken = await listWijkenSeenBy(deps.db, c.get('actor'))
    const form = await readForm(c, profileSchema(wijken.length > 0))
    if (!form.ok) return showMyData(c, { form: 'profile', values: form.values, errors: form.errors }, 422)
    const { homeWijkId } = form.data
    if (homeWijkId !== null && !wijken.some((w) => w.id === homeWijkId)) {
      return showMyData(c, { form: 'profile', values: form.values, errors: fieldError(t, 'homeWijkId', 'accounts.field.homeWijk.unknown') }, 422)
    }
    await updateProfile(deps, me(c).id, form.data)
    // A language cookie outranks the account's language; keep it in step with the new choice.
    if (getCookie(c, LANG_COOKIE) !== undefined) {
      setCookie(c, LANG_COOKIE, form.data.lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax', secure: deps.config.isProduction, httpOnly: true })
    }
    return c.redirect('/mijn-gegevens?melding=flash.accounts.profileSaved', 303)
  })
  .post('/mijn-gegevens/email', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, changeEmailSchema)
    if (!form.ok) return showMyData(c, { form: 'email', values: form.values, errors: form.errors }, 422)
    if (form.data.newEmail === user.email) {
      return showMyData(c, { form: 'email', values: form.values, errors: fieldError(t, 'newEmail', 'my-data.changeEmail.same') }, 422)
    }
    const check = await checkCurrentPassword(deps, user, form.data.emailPassword)
    if (check.limited) {
      const minutes = limitedMinutes(c, check)
      return showMyData(c, { form: 'email', values: form.values, limitedMessage: t('my-data.rateLimited', { minutes }) }, 429)
    }
    if (!check.ok) {
      return showMyData(c, { form: 'email', values: form.values, errors: fieldError(t, 'emailPassword', 'accounts.password.wrongCurrent') }, 422)
    }
    await requestEmailChange(deps, user, form.data.newEmail)
    return c.redirect('/mijn-gegevens?melding=flash.accounts.emailChangeSent', 303)
  })
  .post('/mijn-gegevens/wachtwoord', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const form = await readForm(c, changePasswordSchema)
    if (!form.ok) return showMyData(c, { form: 'password', values: form.values, errors: form.errors }, 422)
    const personal = personalPasswordProblem(form.data.newPassword, user)
    if (personal) return showMyData(c, { form: 'password', values: form.values, errors: fieldError(t, 'newPassword', personal) }, 422)
    const check = await checkCurrentPassword(deps, user, form.data.currentPassword)
    if (check.limited) {
      const minutes = limitedMinutes(c, check)
      return showMyData(c, { form: 'password', values: form.values, limitedMessage: t('my-data.rateLimited', { minutes }) }, 429)
    }
    if (!check.ok) {
      return showMyData(c, { form: 'password', values: form.values, errors: fieldError(t, 'currentPassword', 'accounts.password.wrongCurrent') }, 422)
    }
    const sessionId = c.get('sessionId')
    if (!sessionId) throw forbidden()
    await changePassword(deps, user, sessionId, form.data.newPassword)
    return c.redirect('/mijn-gegevens?melding=flash.accounts.passwordChanged', 303)
  })

  // -- Newsletters ------------------------------------------------------------------------------
  .post('/mijn-gegevens/nieuwsbrieven', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const form = await readForm(c, newsletterSchema)
    if (!form.ok) return showMyData(c, { form: 'newsletter', values: form.values, errors: fieldError(t, 'newsletterWijkId', 'my-data.newsletters.chooseError') }, 422)
    const wijken = await listWijkenSeenBy(deps.db, c.get('actor'))
    if (!wijken.some((w) => w.id === form.data.newsletterWijkId)) {
      return showMyData(c, { form: 'newsletter', values: form.values, errors: fieldError(t, 'newsletterWijkId', 'my-data.newsletters.chooseError') }, 422)
    }
    await subscribeNewsletter(deps, me(c), form.data.newsletterWijkId)
    return done(c, 'subscribed', 'nieuwsbrieven')
  })
  .post('/mijn-gegevens/nieuwsbrieven/:id/afmelden', guard('account.manage'), async (c) => {
    // Someone else's subscription id reaches nothing, and says so.
    if (!(await unsubscribeNewsletter(c.get('deps'), me(c), idParam(c)))) throw notFound()
    return done(c, 'unsubscribed', 'nieuwsbrieven')
  })

  // -- Sessions ---------------------------------------------------------------------------------
  .post('/mijn-gegevens/apparaten/anderen-uitloggen', guard('account.manage'), async (c) => {
    const { db, log } = c.get('deps')
    const sessionId = c.get('sessionId')
    if (!sessionId) throw forbidden()
    await destroyUserSessions(db, me(c).id, sessionId)
    log.info({ event: 'account.logout.others', userId: me(c).id }, 'other sessions ended')
    return done(c, 'loggedOutElsewhere', 'apparaten')
  })
  .post('/mijn-gegevens/apparaten/overal-uitloggen', guard('account.manage'), async (c) => {
    const { db, log, config } = c.get('deps')
    await destroyUserSessions(db, me(c).id)
    log.info({ event: 'account.logout.everywhere', userId: me(c).id }, 'all sessions ended')
    clearSessionCookie(c, config.isProduction)
    return c.redirect('/?melding=flash.my-data.loggedOutEverywhere', 303)
  })
  .post('/mijn-gegevens/apparaten/:handle/uitloggen', guard('account.manage'), async (c) => {
    const { db, log, config } = c.get('deps')
    const result = await endSession({ db }, me(c).id, uuidParam(c, 'handle'), c.get('sessionId'))
    if (!result.ended) throw notFound()
    log.info({ event: 'account.logout.session', userId: me(c).id }, 'session ended from Mijn gegevens')
    if (result.wasCurrent) {
      clearSessionCookie(c, config.isProduction)
      return c.redirect('/?melding=flash.accounts.loggedOut', 303)
    }
    return done(c, 'sessionEnded', 'apparaten')
  })

  // -- Public or private, per contact field of an item (P28) ------------------------------------
  .post('/mijn-gegevens/contact/:id/:field', guard('content.edit', item), async (c) => {
    const field = c.req.param('field') as ContactField
    if (!CONTACT_FIELDS.includes(field)) throw notFound()
    const parsed = contactSwitchSchema.safeParse((await readBody(c)).values)
    if (!parsed.success) throw badRequest()
    const visible = parsed.data.openbaar === 'ja'
    await setContactVisibility(c.get('deps'), idParam(c), field, visible)
    return done(c, visible ? 'contactShown' : 'contactHidden', 'contactgegevens')
  })

  // -- Download mijn gegevens (P23) -------------------------------------------------------------
  .post('/mijn-gegevens/export', guard('account.manage'), async (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const user = me(c)
    const busy = await unfinishedExport(deps, user.id)
    if (busy) return c.redirect(`/mijn-gegevens/export/${busy}`, 303)
    const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'data-export', user.id), EXPORTS_PER_HOUR, deps.clock.now())
    if (!limited.allowed) {
      const minutes = limitedMinutes(c, limited)
      return showMyData(c, { form: 'export', values: {}, limitedMessage: t('my-data.export.rateLimited', { minutes }) }, 429)
    }
    const id = await requestExport(deps, user.id)
    deps.log.info({ event: 'my-data.export.requested', exportId: id, userId: user.id }, 'data export requested')
    return c.redirect(`/mijn-gegevens/export/${id}`, 303)
  })
  .get('/mijn-gegevens/export/:id', guard('account.manage'), async (c) => {
    const { db, clock } = c.get('deps')
    const t = c.get('t')
    const row = await findMyExport(db, me(c).id, uuidParam(c, 'id'))
    if (!row) throw notFound()
    if (row.expiresAt <= clock.now()) return expired(c)
    const head = <script src={ASSETS.exportStatus.url} defer></script>
    return render(c, <ExportStatusPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} row={row} />, { title: t('my-data.export'), head })
  })
  .get('/mijn-gegevens/export/:id/download', guard('account.manage'), async (c) => {
    const { db, clock, files, log } = c.get('deps')
    const user = me(c)
    const id = uuidParam(c, 'id')
    const row = await findMyExport(db, user.id, id)
    if (!row) throw notFound()
    if (row.expiresAt <= clock.now()) return expired(c)
    if (row.status !== 'ready' || !row.fileKey) return c.redirect(`/mijn-gegevens/export/${id}`, 303)
    const zip = await files.get(row.fileKey)
    if (!zip) throw notFound()
    log.info({ event: 'my-data.export.downloaded', exportId: id, userId: user.id }, 'data export downloaded')
    const date = row.requestedAt.toISOString().slice(0, 10)
    return c.body(new Uint8Array(zip), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="mijn-gegevens-${date}.zip"`,
      'Content-Length': String(zip.length),
      'Cache-Control': 'no-store',
    })
  })

/** 410 Gone, with a page that says so and offers a new export. */
async function expired(c: AppContext) {
  const t = c.get('t')
  const page = await render(c, <ExportExpiredPage t={t} csrfToken={c.get('csrfToken')} />, { title: t('my-data.export.expired.title') })
  // render() knows the statuses of ordinary pages; Gone is particular to this one.
  return new Response(page.body, { status: 410, headers: page.headers })
}

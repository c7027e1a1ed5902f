/**
 * Alerts and digests.
 * - /mijn-gegevens/meldingen: what the logged-in user follows and how often they hear about it.
 *   Always about the logged-in user: a follow id of someone else matches nothing (404).
 * - /afmelden/meldingen/<token>: one-click unsubscribe from a mail, without login. GET shows one
 *   button (mail scanners fetch links, so a GET never changes anything); POST sets the frequency
 *   to 'never'. The POST is also the RFC 8058 target of the List-Unsubscribe header: mail
 *   providers send it without cookies, Origin or form token, so this exact path is exempt from
 *   the CSRF check (kernel/http/csrf.ts) and authorised by the secret token alone.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import type { ActorUser } from '../../kernel/policy/actor.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, parseId, readQuery } from '../../kernel/http/params.js'
import { isOneClickBody } from '../../kernel/http/csrf.js'
import { fieldError, readForm } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { hitRateLimit, rateKey } from '../../kernel/http/rate-limit.js'
import { clientAddress } from '../../kernel/http/client.js'
import { render } from '../../kernel/ui/render.js'
import { HOUR } from '../../kernel/clock.js'
import type { WijkSummary } from '../places/places.queries.js'
import { listWijkenSeenBy } from '../places/places.launch.js'
import { listThemes, type Theme } from '../content/content.themes.js'
import { CATEGORIES } from '../content/content.categories.js'
import { isModule } from '../content/content.urls.js'
import { findSettings, listFollows, type FollowKind } from './alerts.queries.js'
import { alertsQuerySchema, followSchema, frequencySchema } from './alerts.schema.js'
import { follow, setFrequency, frequencyByToken, unfollow, unsubscribeByToken } from './alerts.service.js'
import { ALERTS_PATH, AlertsPage, InvalidLinkPage, UnsubscribePage, followLabel, type AlertsPageProps } from './alerts.views.js'
import { UNSUBSCRIBE_PATH } from './alerts.token.js'

/** Wrong tokens per client and hour; right ones are never limited (a mail provider sends many). */
const BAD_TOKENS_PER_HOUR = { max: 20, windowMs: HOUR }
const TOKEN = /^[A-Za-z0-9_-]{43}$/

function me(c: AppContext): ActorUser {
  const user = c.get('actor').user
  if (!user) throw new Error('guard account.manage lets only logged-in users through')
  return user
}


async function showAlerts(c: AppContext, failed?: AlertsPageProps['failed'] & { wijkId?: number }, status: 200 | 422 = 200) {
  const { db } = c.get('deps')
  const t = c.get('t')
  const lang = c.get('lang')
  const user = me(c)
  const [follows, settings, wijken] = await Promise.all([listFollows(db, user.id), findSettings(db, user.id), listWijkenSeenBy(db, c.get('actor'))])
  const wanted = failed?.wijkId ?? (readQuery(c, alertsQuerySchema).wijk ?? user.homeWijkId ?? null)
  const wijk: WijkSummary | null = wijken.find((w) => w.id === wanted) ?? wijken[0] ?? null
  const themeWijken = new Set([...follows.map((f) => f.wijkId), ...(wijk ? [wijk.id] : [])])
  const themes = new Map<number, Theme[]>()
  for (const id of themeWijken) themes.set(id, await listThemes(db, id))
  return render(
    c,
    <AlertsPage
      t={t}
      lang={lang}
      csrfToken={c.get('csrfToken')}
      frequency={settings?.frequency ?? 'weekly'}
      follows={follows.map((f) => ({ ...f, label: followLabel(t, lang, f, themes.get(f.wijkId) ?? []) }))}
      wijken={wijken}
      wijk={wijk}
      themes={wijk ? (themes.get(wijk.id) ?? []) : []}
      failed={failed}
    />,
    { title: t('alerts.title'), status },
  )
}

/** Is `value` something one can follow in that wijk? */
async function validFollow(c: AppContext, wijkId: number, kind: FollowKind, value: string): Promise<boolean> {
  const { db } = c.get('deps')
  if (!(await listWijkenSeenBy(db, c.get('actor'))).some((w) => w.id === wijkId)) return false
  if (kind === 'module') return isModule(value)
  if (kind === 'category') return (CATEGORIES as readonly string[]).includes(value)
  return (await listThemes(db, wijkId)).some((th) => th.slug === value)
}

function tokenParam(c: AppContext): string | null {
  const token = c.req.param('token') ?? ''
  return TOKEN.test(token) ? token : null
}

/** Pages behind a secret link: never cached, never indexed, never passed on as a referrer. */
function secretPage(c: AppContext): void {
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex')
  c.header('Referrer-Policy', 'no-referrer')
}

async function badToken(c: AppContext) {
  const { db, config, clock } = c.get('deps')
  const t = c.get('t')
  secretPage(c)
  const limit = await hitRateLimit(db, rateKey(config.sessionSecret, 'alerts-unsubscribe-client', clientAddress(c, config.trustProxy)), BAD_TOKENS_PER_HOUR, clock.now())
  if (!limit.allowed) {
    c.header('Retry-After', String(limit.retryAfterSeconds))
    return render(c, <InvalidLinkPage t={t} />, { title: t('alerts.unsubscribe.limited'), status: 429 })
  }
  return render(c, <InvalidLinkPage t={t} />, { title: t('alerts.unsubscribe.invalid.title'), status: 404 })
}

export const alertsRoutes = new Hono<AppEnv>()
  .get(ALERTS_PATH, guard('account.manage'), (c) => showAlerts(c))
  .post(`${ALERTS_PATH}/volgen`, guard('account.manage'), async (c) => {
    const t = c.get('t')
    const form = await readForm(c, followSchema)
    const wijkId = form.ok ? form.data.wijkId : (parseId(form.values.wijkId) ?? undefined)
    const failed = { form: 'follow' as const, wijkId, state: { values: form.values, errors: fieldError(t, 'what', 'alerts.add.error') } }
    if (!form.ok) return showAlerts(c, failed, 422)
    const [kind, value] = form.data.what.split(':') as [FollowKind, string]
    if (!(await validFollow(c, form.data.wijkId, kind, value))) return showAlerts(c, failed, 422)
    await follow(c.get('deps'), me(c).id, { wijkId: form.data.wijkId, kind, value })
    return c.redirect(`${ALERTS_PATH}?wijk=${form.data.wijkId}&melding=flash.alerts.followed`, 303)
  })
  .post(`${ALERTS_PATH}/frequentie`, guard('account.manage'), async (c) => {
    const form = await readForm(c, frequencySchema)
    if (!form.ok) return showAlerts(c, { form: 'frequency', state: { values: form.values, errors: form.errors } }, 422)
    await setFrequency(c.get('deps'), me(c).id, form.data.frequency)
    return c.redirect(`${ALERTS_PATH}?melding=flash.alerts.frequencySaved`, 303)
  })
  .post(`${ALERTS_PATH}/:id/stoppen`, guard('account.manage'), async (c) => {
    if (!(await unfollow(c.get('deps'), me(c).id, idParam(c)))) throw notFound()
    return c.redirect(`${ALERTS_PATH}?melding=flash.alerts.unfollowed`, 303)
  })

  // -- One-click unsubscribe, no login ---------------------------------------------------------
  .get(`${UNSUBSCRIBE_PATH}/:token`, guard('newsletter.subscribe'), async (c) => {
    const t = c.get('t')
    const token = tokenParam(c)
    const frequency = token ? await frequencyByToken(c.get('deps').db, token) : null
    if (!token || !frequency) return badToken(c)
    secretPage(c)
    const done = frequency === 'never'
    return render(c, <UnsubscribePage t={t} csrfToken={c.get('csrfToken')} action={`${UNSUBSCRIBE_PATH}/${token}`} done={done} />, { title: t('alerts.unsubscribe.title') })
  })
  .post(`${UNSUBSCRIBE_PATH}/:token`, guard('newsletter.subscribe'), async (c) => {
    const deps = c.get('deps')
    const token = tokenParam(c)
    if (!token || !(await unsubscribeByToken(deps, token))) return badToken(c)
    deps.log.info({ event: 'alerts.unsubscribe' }, 'alerts switched off through the mailed link')
    // RFC 8058: the mail provider posts "List-Unsubscribe=One-Click" and only looks at the status.
    if (await isOneClickBody(c)) {
      secretPage(c)
      return c.text(c.get('t')('alerts.unsubscribe.oneClickDone'), 200)
    }
    return c.redirect(`${UNSUBSCRIBE_PATH}/${token}?melding=flash.alerts.unsubscribed`, 303)
  })

/**
 * createApp(): the kernel middleware in order, then one sub-app per feature, then one error
 * handler. Routing honours custom wijk host names (see features/places/host-map.ts).
 */
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { guardedLocation } from './kernel/http/redirect.js'
import { dropTrackingParams } from './kernel/http/tracking-params.js'
import { embeddingHeaders } from './kernel/http/embedding.js'
import { isReadableUrl } from './kernel/http/unreadable.js'
import { bodyLimit } from 'hono/body-limit'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Deps } from './kernel/context.js'
import { translator, isLang, langFromAcceptLanguage, LANG_COOKIE } from './kernel/i18n/i18n.js'
import { VISITOR } from './kernel/policy/actor.js'
import { loadSession, readSessionCookie, clearSessionCookie } from './kernel/auth/session.js'
import { sessionPeople } from './session-people.js'
import { csrfProtection, visitorToken } from './kernel/http/csrf.js'
import { tooLarge, unreadableUrl } from './kernel/http/errors.js'
import { assetsByUrl } from './kernel/ui/assets.js'
import { acceptsGzip } from './kernel/http/encoding.js'
import { handleError, handleNotFound } from './kernel/http/error-pages.js'
import { healthRoutes } from './features/health/health.routes.js'
import { siteRoutes } from './features/site/site.routes.js'
import { accountsRoutes } from './features/accounts/accounts.routes.js'
import { myDataRoutes } from './features/my-data/my-data.routes.js'
import { documentsRoutes } from './features/documents/documents.routes.js'
import { consentGate } from './features/documents/documents.gate.js'
import { beheerRoutes } from './features/beheer/beheer.routes.js'
import { devRoutes } from './features/dev/dev.routes.js'
import { placesRoutes } from './features/places/places.routes.js'
import { placesCoverRoutes } from './features/places/places.cover.routes.js'
import { placesLaunchRoutes } from './features/places/places.launch.routes.js'
import { myContentRoutes } from './features/my-content/my-content.routes.js'
import { wijkSiteRoutes } from './features/wijk-site/wijk-site.routes.js'
import { citySections, wijkHomeSections } from './features/wijk-site/wijk-site.home.js'
import { thisWeekGlance } from './features/wijk-site/wijk-site.this-week.js'
import { searchRoutes } from './features/search/search.routes.js'
import { contactFormRoutes } from './features/contact-form/contact-form.routes.js'
import { helpRoutes } from './features/help/help.routes.js'
import { cancellationRoutes } from './features/cancellation/cancellation.routes.js'
import { breachesRoutes } from './features/breaches/breaches.routes.js'
import { complaintsRoutes } from './features/complaints/complaints.routes.js'
import { registerRoutes } from './features/register/register.routes.js'
import { partnersRoutes } from './features/partners/partners.public.routes.js'
import { billingPackagesRoutes } from './features/billing/billing.packages.routes.js'
import { billingApplyRoutes } from './features/billing/billing.apply.routes.js'
import { billingAmbassadeurRoutes } from './features/billing/billing.ambassadeur.routes.js'
import { billingApplicationsRoutes } from './features/billing/billing.applications.routes.js'
import { billingAccountRoutes } from './features/billing/billing.account.routes.js'
import { billingFinanceRoutes } from './features/billing/billing.finance.routes.js'
import { billingDebitRunsRoutes } from './features/billing/billing.debit-runs.routes.js'
import { statisticsRoutes } from './features/statistics/statistics.routes.js'
import { countPageViews } from './features/statistics/statistics.middleware.js'
import { newsletterRoutes } from './features/newsletter/newsletter.routes.js'
import { alertsRoutes } from './features/alerts/alerts.routes.js'
import { moderationRoutes } from './features/moderation/moderation.routes.js'
import { wijkImportRoutes } from './features/wijk-import/wijk-import.routes.js'
import { broadcastRoutes } from './features/broadcast/broadcast.routes.js'
import { wijkbeheerRoutes } from './features/wijkbeheer/wijkbeheer.routes.js'
import { partnersApiRoutes } from './features/partners/partners.api.routes.js'
import { partnerKeyAuth } from './features/partners/partners.api.auth.js'
import type { KeyMeter } from './features/partners/partners.api.meter.js'
import { KnownKeys } from './features/partners/partners.api.known-keys.js'
import { partnersHsdsRoutes } from './features/partners/partners.hsds.routes.js'
import { partnersApiDocsRoutes } from './features/partners/partners.api.docs.routes.js'
import { partnersWidgetsRoutes } from './features/partners/partners.widgets.routes.js'
import { partnersWidgetsAdminRoutes } from './features/partners/partners.widgets.admin.routes.js'
import { twoFactorRoutes } from './features/two-factor/two-factor.routes.js'
import { twoFactorLoginRoutes } from './features/two-factor/two-factor.login.routes.js'
import { secondFactorGate } from './features/two-factor/two-factor.gate.js'
import { secondFactorRoleGate } from './features/two-factor/two-factor.requirement.js'
import { secondStepAtLogin } from './features/two-factor/two-factor.login.js'
import { signupConsent } from './features/documents/documents.service.js'
import { signupNewsletter } from './features/newsletter/newsletter.accounts.js'
import type { PageCache } from './kernel/http/page-cache.js'
import type { PageViewCounter } from './features/statistics/statistics.counter.js'

const MAX_FORM_BYTES = 12 * 1024 * 1024

/** Request-wide middleware with state of its own, made once per platform (boot.ts). */
export interface AppMiddleware {
  /** Rendered public pages for visitors, invalidated by the public version stamp. */
  pageCache: PageCache
  /** Page views counted in memory and written as daily aggregates (P16). */
  stats: PageViewCounter
  /** Partner API keys' rate limits and daily use, counted in memory (ADR 015). */
  keyMeter: KeyMeter
}

export function createApp(deps: Deps, { pageCache, stats, keyMeter }: AppMiddleware) {
  const { hostMap } = deps
  const app = new Hono<AppEnv>({ getPath: (req) => hostMap.routePath(req) })
  const secure = deps.config.isProduction
  const roleGate = secondFactorRoleGate(deps.config)

  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    // The route pattern, never the concrete path or query: those can carry personal data.
    deps.log.info({ method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request')
  })

  // Every redirect, whoever built it, stays on our origin when it was meant to be local.
  app.use(async (c, next) => {
    await next()
    const location = c.res.headers.get('Location')
    if (location !== null && c.res.status >= 300 && c.res.status < 400) {
      const safe = guardedLocation(location)
      if (safe !== location) c.res.headers.set('Location', safe)
    }
  })

  // Before the security headers, so it sees and adjusts their answer (kernel/http/embedding.ts).
  app.use(embeddingHeaders)

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
    }),
  )

  app.get('/static/:file', (c) => {
    const asset = assetsByUrl.get(c.req.path)
    if (!asset) return c.notFound()
    // Compressed once at start, so a first visit downloads a fraction of the stylesheet at no cost per request.
    const gzip = acceptsGzip(c.req.header('accept-encoding'))
    return c.body(new Uint8Array(gzip ? asset.gzipped : asset.body), 200, {
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
  })

  // Before the session is read and page views are counted: the answer depends on the address alone,
  // and the address without the click ids is the visit.
  app.use(dropTrackingParams)

  app.use(async (c, next) => {
    c.set('deps', deps)
    c.set('banners', [])
    c.set('hostWijk', hostMap.lookup(c.req.header('host')))
    c.set('people', sessionPeople)
    c.set('actor', VISITOR)
    c.set('sessionId', null)

    const token = readSessionCookie(c, secure)
    const session = token ? await loadSession(deps.db, token, deps.clock.now(), sessionPeople, roleGate) : null
    if (token && !session) clearSessionCookie(c, secure)
    if (session) {
      c.set('actor', session.actor)
      c.set('sessionId', session.sessionId)
      c.set('csrfToken', session.csrfToken)
    } else {
      c.set('csrfToken', visitorToken(deps.config.sessionSecret, deps.clock.now()))
    }

    const chosen = getCookie(c, LANG_COOKIE)
    const lang = isLang(chosen) ? chosen : (session?.actor.user?.lang ?? langFromAcceptLanguage(c.req.header('accept-language')))
    c.set('lang', lang)
    c.set('t', translator(lang))

    await next()
    // Pages for a logged-in user are personal: never cache them anywhere.
    // On the answer's own headers, as the security headers are: c.header() would copy the answer each time.
    if (session && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.append('Vary', 'Cookie, Accept-Language')
  })

  // A NUL or broken UTF-8 in the path or query is refused before any route turns it into a query.
  app.use(async (c, next) => {
    if (!isReadableUrl(c.req.url)) throw unreadableUrl()
    await next()
  })

  // Before the page cache, so answers served from it are counted too.
  app.use(countPageViews(stats))
  app.use(pageCache.middleware())

  const limitBody = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: () => {
      throw tooLarge()
    },
  })
  // Only requests that carry a body: asking a GET for its body makes the Node adapter build a full
  // Fetch Request, which cost a tenth of a kept partner API answer.
  app.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)))
  app.use(csrfProtection)
  app.use(consentGate)
  app.use(secondFactorGate)

  app.route('/', healthRoutes)
  // The description first: it needs no key, the API behind it does.
  app.route('/', partnersApiDocsRoutes)
  const partnerKeyCheck = partnerKeyAuth({ meter: keyMeter, known: new KnownKeys(), version: () => pageCache.currentVersion() })
  app.route('/', partnersApiRoutes(partnerKeyCheck, pageCache))
  app.route('/', partnersHsdsRoutes(partnerKeyCheck, pageCache))
  app.route('/', partnersWidgetsRoutes(pageCache))
  app.route('/', partnersWidgetsAdminRoutes)
  app.route('/', siteRoutes)
  // Accounts is core: the consent, the newsletter and the second factor are handed in from above.
  app.route('/', accountsRoutes({ signup: { ...signupConsent, ...signupNewsletter }, login: secondStepAtLogin }))
  app.route('/', twoFactorLoginRoutes)
  app.route('/', twoFactorRoutes)
  app.route('/', myDataRoutes)
  app.route('/', documentsRoutes)
  app.route('/', beheerRoutes)
  app.route('/', placesCoverRoutes)
  app.route('/', placesLaunchRoutes)
  app.route('/', myContentRoutes)
  app.route('/', contactFormRoutes)
  app.route('/', helpRoutes)
  app.route('/', cancellationRoutes)
  app.route('/', breachesRoutes)
  app.route('/', complaintsRoutes)
  app.route('/', registerRoutes)
  app.route('/', partnersRoutes)
  app.route('/', billingPackagesRoutes)
  app.route('/', billingApplyRoutes)
  app.route('/', billingAmbassadeurRoutes)
  app.route('/', billingApplicationsRoutes)
  app.route('/', billingAccountRoutes)
  app.route('/', billingFinanceRoutes)
  app.route('/', billingDebitRunsRoutes)
  app.route('/', statisticsRoutes)
  app.route('/', newsletterRoutes)
  app.route('/', alertsRoutes)
  app.route('/', moderationRoutes)
  app.route('/', wijkImportRoutes)
  app.route('/', broadcastRoutes)
  app.route('/', wijkbeheerRoutes)
  app.route('/', searchRoutes)
  app.route('/', wijkSiteRoutes)
  if (deps.config.demo) app.route('/', devRoutes)
  // Last: /<slug>/ catches every remaining first path segment as a wijk or city.
  app.route('/', placesRoutes({ wijkHome: wijkHomeSections, thisWeek: thisWeekGlance, city: citySections }))

  app.onError(handleError)
  app.notFound(handleNotFound)
  return app
}

export type App = ReturnType<typeof createApp>

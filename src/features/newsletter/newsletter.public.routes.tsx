/**
 * The public side of the newsletter ('newsletter.subscribe', open to everyone):
 * - /<wijk>/nieuwsbrieven: sign up (double opt-in for visitors; one button for account holders)
 *   and the archive of sent issues; /<wijk>/nieuwsbrieven/<id> one archived issue;
 * - /nieuwsbrief/bevestigen/<secret> and /nieuwsbrief/afmelden/<secret>: the mailed links. Both
 *   show a page with a button (a mail scanner opening a link changes nothing); the unsubscribe
 *   link also takes the RFC 8058 one-click POST of mail clients (see kernel/http/csrf.ts).
 * The secret in a link is the only authorisation: no login is ever needed (P25). The link pages
 * speak the subscriber's language (see loadLinked).
 */
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { readBody, checkForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { isOneClickBody } from '../../kernel/http/csrf.js'
import { clientAddress } from '../../kernel/http/client.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { DAY, HOUR } from '../../kernel/clock.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { render } from '../../kernel/ui/render.js'
import { isLang, translator, LANG_COOKIE, type Lang } from '../../kernel/i18n/i18n.js'
import type { WijkHome } from '../places/places.queries.js'
import { findSeenWijkBySlug } from '../places/places.launch.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { subscribeNewsletter } from '../my-data/my-data.service.js'
import { HONEYPOT_FIELD, subscribeSchema, unsubscribedQuerySchema } from './newsletter.schema.js'
import { confirmSubscription, subscribeVisitor, unsubscribeByToken } from './newsletter.service.js'
import { findSubscriptionByToken, type LinkedSubscription } from './newsletter.queries.js'
import { findArchivedNewsletter, isAccountSubscribed, listArchive } from './newsletter.archive.js'
import { CONFIRM_PATH, UNSUBSCRIBE_PATH } from './newsletter.emails.js'
import { ArchivedNewsletterPage, ConfirmPage, InvalidLinkPage, UnsubscribedPage, UnsubscribePage, WijkNewsletterPage, type SignupMode } from './newsletter.views.js'

export const NEWSLETTER_LIMITS = {
  perClient: { max: 10, windowMs: HOUR },
  /** The confirmation goes to the address typed: this keeps the form from flooding someone. */
  perAddress: { max: 3, windowMs: DAY },
} satisfies Record<string, Limit>

const TOKEN = '{[A-Za-z0-9_-]{43}}'

async function loadWijk(c: AppContext): Promise<WijkHome> {
  const slug = c.req.param('wijk') ?? ''
  if (!SLUG_PATTERN.test(slug) || slug.length > 60) throw notFound()
  const wijk = await findSeenWijkBySlug(c, slug)
  if (!wijk) throw notFound()
  return wijk
}

async function wijkPage(c: AppContext, wijk: WijkHome, opts: { state?: { values: FormValues; errors?: FieldErrors }; status?: 200 | 422 | 429 } = {}) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const user = c.get('actor').user
  const mode: SignupMode = user ? { kind: 'account', subscribed: await isAccountSubscribed(db, user.id, wijk.id) } : { kind: 'visitor' }
  const archive = (await listArchive(db, wijk.id)).map((n) => ({ ...n, href: wijkHref(c, wijk, `/nieuwsbrieven/${n.id}`) }))
  if (opts.status) c.header('Cache-Control', 'no-store')
  return render(
    c,
    <WijkNewsletterPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      wijkName={wijk.name}
      action={wijkHref(c, wijk, '/nieuwsbrieven')}
      mode={mode}
      state={opts.state}
      limited={opts.status === 429}
      archive={archive}
    />,
    { title: t('newsletter.wijk.title', { wijk: wijk.name }), status: opts.status ?? 200, brand: wijkBrand(c, wijk) },
  )
}

function token(c: AppContext): string {
  return c.req.param('token') ?? ''
}

/** The pages behind a mailed link carry a secret in their address: never cached, never referred. */
function privateLinkPage(c: AppContext) {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
}

function speak(c: AppContext, lang: Lang) {
  c.set('lang', lang)
  c.set('t', translator(lang))
}

/**
 * A mailed link opens in whatever browser the mail client hands it to, so its pages speak the
 * subscriber's language (their account's, or the one they signed up in); a language the visitor
 * chose on the site (the cookie) still wins.
 */
async function loadLinked(c: AppContext): Promise<LinkedSubscription | null> {
  privateLinkPage(c)
  const sub = await findSubscriptionByToken(c.get('deps').db, token(c))
  if (sub && !isLang(getCookie(c, LANG_COOKIE))) speak(c, sub.lang)
  return sub
}

function invalidLink(c: AppContext) {
  const t = c.get('t')
  return render(c, <InvalidLinkPage t={t} />, { title: t('newsletter.invalidLink.title'), status: 404 })
}

export const newsletterPublicRoutes = new Hono<AppEnv>()
  .get('/:wijk/nieuwsbrieven', guard('newsletter.subscribe'), async (c) => wijkPage(c, await loadWijk(c)))

  .post('/:wijk/nieuwsbrieven', guard('newsletter.subscribe'), async (c) => {
    const wijk = await loadWijk(c)
    const deps = c.get('deps')
    const { db, clock, config } = deps
    const t = c.get('t')
    const done = () => c.redirect(`${wijkHref(c, wijk, '/nieuwsbrieven')}?melding=flash.newsletter.checkMail`, 303)
    const user = c.get('actor').user
    if (user) {
      // An account's address is verified already: subscribed at once, like on Mijn gegevens.
      await subscribeNewsletter(deps, user, wijk.id)
      return c.redirect(`${wijkHref(c, wijk, '/nieuwsbrieven')}?melding=flash.newsletter.subscribed`, 303)
    }
    const body = await readBody(c, { report: true })
    const { values } = body
    // A filled trap field means a bot: it sees the usual answer, and nothing is stored or sent.
    if ((values[HONEYPOT_FIELD] ?? '') !== '') return done()
    const parsed = checkForm(body, subscribeSchema, t)
    if (!parsed.ok) return wijkPage(c, wijk, { state: { values, errors: parsed.errors }, status: 422 })

    const now = clock.now()
    for (const [scope, value, limit] of [
      ['newsletter-client', clientAddress(c, config.trustProxy), NEWSLETTER_LIMITS.perClient],
      ['newsletter-address', parsed.data.email, NEWSLETTER_LIMITS.perAddress],
    ] as const) {
      const hit = await hitRateLimit(db, rateKey(config.sessionSecret, scope, value), limit, now)
      if (!hit.allowed) {
        c.header('Retry-After', String(hit.retryAfterSeconds))
        return wijkPage(c, wijk, { state: { values }, status: 429 })
      }
    }
    await subscribeVisitor(deps, wijk, parsed.data, c.get('lang'))
    return done()
  })

  .get('/:wijk/nieuwsbrieven/:id{[0-9]{1,9}}', guard('newsletter.subscribe'), async (c) => {
    const wijk = await loadWijk(c)
    const issue = await findArchivedNewsletter(c.get('deps').db, wijk.id, idParam(c))
    if (!issue) throw notFound()
    const t = c.get('t')
    return render(
      c,
      <ArchivedNewsletterPage
        t={t}
        lang={c.get('lang')}
        wijkName={wijk.name}
        subject={issue.subject}
        sentAt={issue.sentAt}
        html={issue.html}
        backHref={wijkHref(c, wijk, '/nieuwsbrieven')}
      />,
      { title: issue.subject, brand: wijkBrand(c, wijk) },
    )
  })

  .get(`${CONFIRM_PATH}/:token${TOKEN}`, guard('newsletter.subscribe'), async (c) => {
    const sub = await loadLinked(c)
    if (!sub) return invalidLink(c)
    const t = c.get('t')
    return render(
      c,
      <ConfirmPage
        t={t}
        csrfToken={c.get('csrfToken')}
        wijkName={sub.wijk.name}
        wijkHref={wijkHref(c, sub.wijk, '/')}
        confirmed={sub.status === 'confirmed'}
        action={`${CONFIRM_PATH}/${token(c)}`}
      />,
      { title: t(sub.status === 'confirmed' ? 'newsletter.confirmed.title' : 'newsletter.confirm.title', { wijk: sub.wijk.name }), brand: wijkBrand(c, sub.wijk) },
    )
  })

  .post(`${CONFIRM_PATH}/:token${TOKEN}`, guard('newsletter.subscribe'), async (c) => {
    privateLinkPage(c)
    if (!(await confirmSubscription(c.get('deps'), token(c)))) return invalidLink(c)
    return c.redirect(`${CONFIRM_PATH}/${token(c)}?melding=flash.newsletter.confirmed`, 303)
  })

  .get(`${UNSUBSCRIBE_PATH}/:token${TOKEN}`, guard('newsletter.subscribe'), async (c) => {
    const sub = await loadLinked(c)
    if (!sub) return invalidLink(c)
    const t = c.get('t')
    return render(c, <UnsubscribePage t={t} csrfToken={c.get('csrfToken')} wijkName={sub.wijk.name} action={`${UNSUBSCRIBE_PATH}/${token(c)}`} />, {
      title: t('newsletter.unsubscribe.title', { wijk: sub.wijk.name }),
      brand: wijkBrand(c, sub.wijk),
    })
  })

  .post(`${UNSUBSCRIBE_PATH}/:token${TOKEN}`, guard('newsletter.subscribe'), async (c) => {
    const pageLang = c.get('lang')
    const sub = await loadLinked(c)
    const oneClick = await isOneClickBody(c)
    if (!sub || !(await unsubscribeByToken(c.get('deps'), token(c)))) return invalidLink(c)
    const t = c.get('t')
    // RFC 8058: a mail client's one-click POST gets its answer directly, never a redirect.
    if (oneClick) return render(c, <UnsubscribedPage t={t} />, { title: t('newsletter.unsubscribed.title') })
    // The subscription is gone now: its language travels along when the next page would not pick it.
    const lang = c.get('lang')
    return c.redirect(`/nieuwsbrief/afgemeld${lang === pageLang ? '' : `?taal=${lang}`}`, 303)
  })

  .get('/nieuwsbrief/afgemeld', guard('newsletter.subscribe'), (c) => {
    const { taal } = readQuery(c, unsubscribedQuerySchema)
    if (taal) speak(c, taal)
    const t = c.get('t')
    return render(c, <UnsubscribedPage t={t} />, { title: t('newsletter.unsubscribed.title') })
  })

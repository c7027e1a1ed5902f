/**
 * The contact form of a public item (P06): /<wijk>/<module>/<id>-<slug>/contact. The visitor
 * writes to the item's contact person without ever seeing their address: the mail goes through
 * the outbox with Reply-To set to the visitor. Rate-limited per client and per item; a honeypot
 * field catches simple bots without a third-party captcha.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readBody, checkForm } from '../../kernel/http/form.js'
import { clientAddress } from '../../kernel/http/client.js'
import { hitRateLimit, rateKey, type Limit } from '../../kernel/http/rate-limit.js'
import { HOUR, DAY } from '../../kernel/clock.js'
import { render } from '../../kernel/ui/render.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { publicItemFromUrl } from '../wijk-site/wijk-site.item.js'
import { absoluteWijkUrl } from '../wijk-site/wijk-site.site.js'
import { findContactRecipient } from './contact-form.queries.js'
import { sendContactMessage } from './contact-form.service.js'
import { contactSchema, HONEYPOT_FIELD } from './contact-form.schema.js'
import { ContactPage, ContactSentPage } from './contact-form.views.js'

export const CONTACT_LIMITS = {
  perClient: { max: 5, windowMs: HOUR },
  perItem: { max: 20, windowMs: DAY },
} satisfies Record<string, Limit>

const BASE = '/:wijk/:module{agenda|organisaties|prikbord|nieuws|etalage}/:item/contact'

/**
 * The wijk and the public item the URL names, or 404, also for an item nobody can receive mail
 * for: the item page then shows no link either (the projection's `acceptsMessages`).
 */
async function load(c: AppContext) {
  const { wijk, item, path, inModule } = await publicItemFromUrl(c)
  if (!inModule || !item.acceptsMessages) throw notFound()
  return {
    wijk,
    item,
    path,
    itemHref: wijkHref(c, wijk, path),
    action: wijkHref(c, wijk, `${path}/contact`),
  }
}

export const contactFormRoutes = new Hono<AppEnv>()
  .get(BASE, guard('page.view'), async (c) => {
    const t = c.get('t')
    const { wijk, item, itemHref, action } = await load(c)
    return render(c, <ContactPage t={t} csrfToken={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} />, {
      title: t('contact-form.title', { title: item.title }),
      brand: wijkBrand(c, wijk),
    })
  })

  .post(BASE, guard('content.contact'), async (c) => {
    const t = c.get('t')
    const deps = c.get('deps')
    const { db, clock, config } = deps
    const { wijk, item, path, itemHref, action } = await load(c)
    const recipient = await findContactRecipient(db, item.id)
    if (!recipient) throw notFound()
    c.header('Cache-Control', 'no-store')

    const body = await readBody(c, { report: true })
    const { values } = body
    const sent = c.redirect(`${action}/verzonden`, 303)
    const page = (status: 422 | 429, errors?: Record<string, string>) =>
      render(
        c,
        <ContactPage t={t} csrfToken={c.get('csrfToken')} itemTitle={item.title} itemHref={itemHref} action={action} state={{ values, errors }} limited={status === 429} />,
        { title: t('contact-form.title', { title: item.title }), status, brand: wijkBrand(c, wijk) },
      )

    // A filled trap field means a bot: it sees the usual success, and nothing is sent.
    if ((values[HONEYPOT_FIELD] ?? '') !== '') return sent

    const parsed = checkForm(body, contactSchema, t)
    if (!parsed.ok) return page(422, parsed.errors)

    // Only messages that would be sent count, so fixing a typo never costs an attempt.
    const now = clock.now()
    const byClient = await hitRateLimit(db, rateKey(config.sessionSecret, 'contact-client', clientAddress(c, config.trustProxy)), CONTACT_LIMITS.perClient, now)
    if (!byClient.allowed) {
      c.header('Retry-After', String(byClient.retryAfterSeconds))
      return page(429)
    }
    const byItem = await hitRateLimit(db, rateKey(config.sessionSecret, 'contact-item', String(item.id)), CONTACT_LIMITS.perItem, now)
    if (!byItem.allowed) {
      c.header('Retry-After', String(byItem.retryAfterSeconds))
      return page(429)
    }

    await sendContactMessage(deps, {
      itemId: item.id,
      itemTitle: item.title,
      itemUrl: absoluteWijkUrl(deps, wijk, path),
      wijkName: wijk.name,
      recipient,
      visitor: parsed.data,
    })
    return sent
  })

  .get(`${BASE}/verzonden`, guard('page.view'), async (c) => {
    const t = c.get('t')
    const { wijk, item, itemHref } = await load(c)
    return render(c, <ContactSentPage t={t} itemTitle={item.title} itemHref={itemHref} />, {
      title: t('contact-form.sent.heading'),
      brand: wijkBrand(c, wijk),
    })
  })

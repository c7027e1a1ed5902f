/**
 * Site-wide pages: the language switch and the operator's contact page.
 */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { eq } from 'drizzle-orm'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { readBody } from '../../kernel/http/form.js'
import { isLang, LANG_COOKIE } from '../../kernel/i18n/i18n.js'
import { safeLocalPath } from '../../kernel/http/redirect.js'
import { render } from '../../kernel/ui/render.js'
import { users } from '../accounts/accounts.tables.js'

export const siteRoutes = new Hono<AppEnv>()
  /** Switching language is an explicit choice, so it may set a (functional) cookie. */
  .post('/taal', guard('page.view'), async (c) => {
    const { values } = await readBody(c)
    const lang = isLang(values.lang) ? values.lang : 'nl'
    const { config, db } = c.get('deps')
    setCookie(c, LANG_COOKIE, lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax', secure: config.isProduction, httpOnly: true })
    const user = c.get('actor').user
    if (user) await db.update(users).set({ lang }).where(eq(users.id, user.id))
    return c.redirect(safeLocalPath(values.terug), 303)
  })
  .get('/contact', guard('page.view'), (c) => {
    const t = c.get('t')
    const { operator } = c.get('deps').config
    return render(
      c,
      <section class="prose">
        <h1>{t('site.contact.title')}</h1>
        <p>{t('site.contact.intro')}</p>
        <dl class="facts">
          <dt>{t('site.contact.name')}</dt>
          <dd>{operator.name}</dd>
          <dt>{t('site.contact.address')}</dt>
          <dd>{operator.address}</dd>
          <dt>{t('site.contact.kvk')}</dt>
          <dd>{operator.kvk}</dd>
          <dt>{t('site.contact.email')}</dt>
          <dd>
            <a href={`mailto:${operator.email}`}>{operator.email}</a>
          </dd>
        </dl>
        <p>
          <a href="/privacy">{t('layout.privacy')}</a> · <a href="/voorwaarden">{t('layout.terms')}</a>
        </p>
      </section>,
      { title: t('site.contact.title') },
    )
  })

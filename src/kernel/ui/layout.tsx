/**
 * The page shell: skip link, header with menu, an optional wijk bar, main landmark, footer.
 * "Mijn gegevens" and "Hulp nodig" are in the menu of every page when logged in (P18).
 *
 * The menu is a <details> disclosure: on a small screen its summary is the "Menu" button that
 * opens the links stacked below the header, without JavaScript; on a wide screen the stylesheet
 * hides the button and shows the links in a row (10-base.css).
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { T, Lang } from '../i18n/i18n.js'
import type { Actor } from '../policy/actor.js'
import { can } from '../policy/policy.js'
import { ASSETS } from './assets.js'
import { CsrfField } from './components.js'

/** The wijk whose site this page belongs to: its name, colours and logo. */
export interface Brand {
  name: string
  homeHref: string
  themeCssUrl: string
  logoUrl: string | null
  /** The wijk's own bar under the site header (its modules and search), drawn by the wijk's feature. */
  wijkBar?: Child
  /** A notice the wijk's feature puts above every page of the wijk (e.g. that it is not public yet). */
  notice?: Child
}

export interface LayoutProps {
  title: string
  description?: string
  canonical?: string
  lang: Lang
  t: T
  actor: Actor
  csrfToken: string
  /** Path (and query) of this page, to come back to after switching language. */
  path: string
  brand?: Brand
  banners: Child[]
  demo: boolean
  operatorName: string
  /** The platform's home: "/" normally, an absolute URL on a wijk's own host name. */
  platformHome: string
  head?: Child
  children: Child
}

/** `?volgende=<this page>` for the login and sign-up links, so a login returns here; not from the account pages themselves or the home page. */
function backHere(path: string): string {
  if (path === '/' || path.startsWith('/account/')) return ''
  return `?volgende=${encodeURIComponent(path)}`
}

export function Layout(p: LayoutProps) {
  const { t } = p
  const other: Lang = p.lang === 'nl' ? 'en' : 'nl'
  const homeHref = p.brand?.homeHref ?? p.platformHome
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={p.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{p.brand ? `${p.title} · ${p.brand.name}` : `${p.title} · ${t('site.name')}`}</title>
          {p.description && <meta name="description" content={p.description} />}
          {p.canonical && <link rel="canonical" href={p.canonical} />}
          <link rel="stylesheet" href={ASSETS.css.url} />
          {p.brand && <link rel="stylesheet" href={p.brand.themeCssUrl} />}
          {p.head}
        </head>
        <body>
          <a class="skip" href="#inhoud">
            {t('layout.skip')}
          </a>
          {p.demo && <div class="demo-banner">{t('layout.demoBanner')}</div>}
          <header class="site-header">
            <div class="wrap">
              <a class="brand" href={homeHref}>
                {p.brand?.logoUrl && <img src={p.brand.logoUrl} alt="" width="36" height="36" />}
                {p.brand ? p.brand.name : t('site.name')}
              </a>
              <nav class="site-nav" aria-label={t('layout.menu')}>
                <details class="menu">
                  <summary>{t('layout.menuButton')}</summary>
                  <ul>
                    {p.brand && (
                      <li>
                        <a href={p.platformHome}>{t('site.name')}</a>
                      </li>
                    )}
                    {p.actor.user ? (
                      <>
                        <li>
                          <a href="/mijn-content">{t('layout.myContent')}</a>
                        </li>
                        <li>
                          <a href="/mijn-gegevens">{t('layout.myData')}</a>
                        </li>
                        <li>
                          <a href="/hulp" class="help-link">
                            {t('layout.help')}
                          </a>
                        </li>
                        {can(p.actor, 'beheer.access') && (
                          <li>
                            <a href="/beheer">{t('layout.beheer')}</a>
                          </li>
                        )}
                        <li>
                          <form method="post" action="/account/uitloggen">
                            <CsrfField token={p.csrfToken} />
                            <button type="submit" class="linklike">
                              {t('layout.logout')}
                            </button>
                          </form>
                        </li>
                      </>
                    ) : (
                      <>
                        <li>
                          <a href={`/account/inloggen${backHere(p.path)}`}>{t('layout.login')}</a>
                        </li>
                        <li>
                          <a href={`/account/registreren${backHere(p.path)}`}>{t('layout.register')}</a>
                        </li>
                      </>
                    )}
                    <li>
                      <form method="post" action="/taal">
                        <CsrfField token={p.csrfToken} />
                        <input type="hidden" name="lang" value={other} />
                        <input type="hidden" name="terug" value={p.path} />
                        <button type="submit" class="linklike" lang={other} aria-label={t('layout.switchToLabel')}>
                          {t('layout.switchTo')}
                        </button>
                      </form>
                    </li>
                  </ul>
                </details>
              </nav>
            </div>
          </header>
          {p.brand?.wijkBar}
          <main id="inhoud" class="wrap" tabindex={-1}>
            {p.brand?.notice}
            {p.banners}
            {p.children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <nav aria-label={t('layout.footer')}>
                <ul>
                  <li>
                    <a href="/privacy">{t('layout.privacy')}</a>
                  </li>
                  <li>
                    <a href="/voorwaarden">{t('layout.terms')}</a>
                  </li>
                  <li>
                    <a href="/contact">{t('layout.contact')}</a>
                  </li>
                  <li>
                    <a href="/partners">{t('layout.partners')}</a>
                  </li>
                  <li>
                    <a href="/klacht">{t('layout.complaint')}</a>
                  </li>
                </ul>
              </nav>
              <p class="muted">{t('layout.operatedBy', { name: p.operatorName })}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}

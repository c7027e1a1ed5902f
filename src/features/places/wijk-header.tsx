/**
 * The wijk's own header. On every wijk page, under the site header and in the wijk colour: the
 * wijk's modules as a menu (the one you are in marked) and a search box that asks the wijk's
 * search. On the wijk home, above the sections: the cover photo, logo, name, intro and what is on
 * this week. Colours come from the wijk's thema.css (text on the wijk colour always passes AA,
 * kernel/ui/contrast.ts); nothing here needs JavaScript.
 */
import type { Child } from 'hono/jsx'
import type { T } from '../../kernel/i18n/i18n.js'
import { MODULES, moduleName, type Module } from '../content/content.urls.js'
import type { CoverView } from './places.cover.js'

/** Where in the wijk site a page is, for the menu. */
export interface WijkPlace {
  /** The module this page belongs to. */
  current?: Module
  /** A page inside the module (an item), not its list: marked as "in this section", not "this page". */
  inside?: boolean
  /** Leave out the search box (the search page has its own form). */
  search?: boolean
}

export function WijkBar(p: {
  t: T
  lang: string
  wijkName: string
  hrefOf: (path: string) => string
  place: WijkPlace
}) {
  const { t, place } = p
  const link = (href: string, label: string, current: boolean) => (
    <li>
      <a href={href} aria-current={current ? (place.inside ? 'true' : 'page') : undefined}>
        {label}
      </a>
    </li>
  )
  return (
    <div class="wijk-bar">
      <div class="wrap">
        <nav class="wijk-nav" aria-label={t('places.bar.nav', { wijk: p.wijkName })}>
          <ul>
            {MODULES.map((m) => link(p.hrefOf(`/${m}`), moduleName(m, p.lang), place.current === m))}
            {link(p.hrefOf('/nieuwsbrieven'), t('places.bar.newsletter'), false)}
          </ul>
        </nav>
        {place.search !== false && (
          <form class="wijk-search" method="get" action={p.hrefOf('/zoeken')} role="search" aria-label={t('places.bar.search', { wijk: p.wijkName })}>
            <label for="wijk-zoek" class="visually-hidden">
              {t('places.bar.search', { wijk: p.wijkName })}
            </label>
            <input type="search" id="wijk-zoek" name="q" maxlength={200} placeholder={t('places.bar.placeholder')} />
            <button type="submit">{t('places.bar.searchButton')}</button>
          </form>
        )}
      </div>
    </div>
  )
}

/** The top of the wijk home: cover photo, logo, name, intro, and this week at a glance. */
export function WijkHero(p: { t: T; name: string; intro: string; logoUrl: string | null; cover: CoverView | null; thisWeek?: Child }) {
  const { t } = p
  return (
    <div class={p.cover ? 'wijk-hero has-cover' : 'wijk-hero'}>
      {p.cover && (
        <img
          class="wijk-cover"
          src={p.cover.src}
          srcset={p.cover.srcset}
          sizes="(max-width: 68rem) 100vw, 68rem"
          width={p.cover.width}
          height={p.cover.height}
          alt={p.cover.alt}
          fetchpriority="high"
        />
      )}
      <div class="wijk-hero-text">
        <div class="wijk-title">
          {p.logoUrl && <img src={p.logoUrl} alt={t('places.wijk.logoAlt', { wijk: p.name })} width="64" height="64" />}
          <h1>{p.name}</h1>
        </div>
        <p class="pre-wrap prose wijk-intro">{p.intro || t('places.wijk.noIntro', { wijk: p.name })}</p>
      </div>
      {p.thisWeek}
    </div>
  )
}

/**
 * Public place pages: choosing a wijk, a city, and the wijk home. Pure views: links come in
 * ready-made (they differ on a wijk's own host name).
 */
import type { Child } from 'hono/jsx'
import type { T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FormState } from '../../kernel/ui/components.js'
import { ErrorSummary, Field } from '../../kernel/ui/components.js'
import type { CoverView } from './places.cover.js'
import { WijkHero } from './wijk-header.js'

export interface WijkLink {
  name: string
  href: string
}

export interface CityGroup {
  name: string
  href: string
  wijken: WijkLink[]
}

export function PostcodeForm({ t, state }: { t: T; state?: FormState }) {
  return (
    <section aria-labelledby="postcode-title">
      <h2 id="postcode-title">{t('places.home.byPostcode')}</h2>
      <form method="get" action="/zoek-wijk" class="inline-form" role="search" aria-labelledby="postcode-title">
        <Field
          name="postcode"
          label={t('places.postcode.label')}
          hint={t('places.postcode.hint')}
          state={state}
          required
          autocomplete="postal-code"
          maxlength={20}
          t={t}
        />
        <button type="submit">{t('places.postcode.submit')}</button>
      </form>
    </section>
  )
}

/**
 * "Use my location" (P17): hidden until /static/locate.js shows it, so it is there only when
 * it can work. The script reads its status texts from the data attributes.
 */
export function LocateButton({ t }: { t: T }) {
  return (
    <section id="locate" class="locate" hidden aria-labelledby="locate-title" data-busy={t('places.locate.busy')} data-failed={t('places.locate.failed')}>
      <h2 id="locate-title">{t('places.locate.title')}</h2>
      <button type="button" class="secondary" aria-describedby="locate-hint">
        {t('places.locate.button')}
      </button>
      <p class="hint" id="locate-hint">
        {t('places.locate.hint')}
      </p>
      <p role="status" aria-live="polite" data-status></p>
    </section>
  )
}

export function WijkList({ t, groups }: { t: T; groups: CityGroup[] }) {
  if (groups.length === 0) return <p>{t('places.home.noWijken')}</p>
  return (
    <section aria-labelledby="wijken-title">
      <h2 id="wijken-title">{t('places.home.byName')}</h2>
      {/* A jump list of cities helps when there are several; for one city it only repeats the heading below. */}
      {groups.length > 1 && (
        <nav aria-labelledby="steden-title" class="city-index">
          <h3 id="steden-title">{t('places.home.cities')}</h3>
          <ul>
            {groups.map((g) => (
              <li>
                <a href={g.href}>{g.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {groups.map((g) => (
        <div class="city-group">
          <h3>
            <a href={g.href}>{g.name}</a>
          </h3>
          <ul>
            {g.wijken.map((w) => (
              <li>
                <a href={w.href}>{w.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

export function HomePage({ t, groups }: { t: T; groups: CityGroup[] }) {
  return (
    <>
      <h1>{t('places.home.title')}</h1>
      <p class="prose">{t('places.home.intro')}</p>
      <PostcodeForm t={t} />
      <LocateButton t={t} />
      <WijkList t={t} groups={groups} />
    </>
  )
}

/** The answer to "use my location" when it did not lead straight to a wijk. */
export function LocationResultPage(p: { t: T; problem: 'none' | 'invalid'; km: number; groups: CityGroup[] }) {
  const { t } = p
  return (
    <>
      <h1>{t('places.locate.resultTitle')}</h1>
      {p.problem === 'none' ? (
        <p class="notice info">{t('places.locate.none', { km: p.km })}</p>
      ) : (
        <p class="notice error" role="alert">
          {t('places.locate.invalid')}
        </p>
      )}
      <PostcodeForm t={t} />
      <LocateButton t={t} />
      <WijkList t={t} groups={p.groups} />
    </>
  )
}

/** The answer to a postcode search: a form error, a choice between wijken, or nothing found. */
export function PostcodeResultPage(p: {
  t: T
  state?: FormState
  pc4?: string
  choices?: WijkLink[]
  none?: boolean
  groups: CityGroup[]
}) {
  const { t } = p
  return (
    <>
      <h1>{t('places.search.title')}</h1>
      {p.choices && p.pc4 && (
        <section aria-labelledby="choose-title">
          <p id="choose-title">{t('places.search.several', { pc4: p.pc4 })}</p>
          <ul class="choices">
            {p.choices.map((w) => (
              <li>
                <a href={w.href}>{w.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.none && p.pc4 && <p class="notice info">{t('places.search.none', { pc4: p.pc4 })}</p>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <PostcodeForm t={t} state={p.state} />
      {!p.choices && <LocateButton t={t} />}
      {!p.choices && <WijkList t={t} groups={p.groups} />}
    </>
  )
}

export function CityPage(p: { t: T; name: string; wijken: Array<{ name: string; href: string; intro: string }>; sections?: Child }) {
  const { t } = p
  return (
    <>
      <h1>{p.name}</h1>
      <p>{t('places.city.intro', { city: p.name })}</p>
      {p.wijken.length === 0 ? (
        <p>{t('places.city.noWijken')}</p>
      ) : (
        <ul class="cards">
          {p.wijken.map((w) => (
            <li class="card">
              <h2>
                <a href={w.href}>{w.name}</a>
              </h2>
              {w.intro && <p class="pre-wrap">{w.intro}</p>}
            </li>
          ))}
        </ul>
      )}
      {p.sections}
    </>
  )
}

/** The modules of a wijk site, in the order they appear; later issues fill them. */
const MODULES: Array<{ id: string; title: MessageKey; empty: MessageKey }> = [
  { id: 'agenda', title: 'places.module.agenda', empty: 'places.module.agenda.empty' },
  { id: 'prikbord', title: 'places.module.prikbord', empty: 'places.module.prikbord.empty' },
  { id: 'organisaties', title: 'places.module.organisaties', empty: 'places.module.organisaties.empty' },
  { id: 'nieuws', title: 'places.module.nieuws', empty: 'places.module.nieuws.empty' },
  { id: 'etalage', title: 'places.module.etalage', empty: 'places.module.etalage.empty' },
]

export function WijkHomePage(p: {
  t: T
  name: string
  intro: string
  logoUrl: string | null
  cover: CoverView | null
  thisWeek?: Child
  city: { name: string; href: string }
  postcodes: string[]
  /** What the wijk site has to show (wijk-site.home.tsx); without it, the module placeholders. */
  sections?: Child
}) {
  const { t } = p
  return (
    <>
      <WijkHero t={t} name={p.name} intro={p.intro} logoUrl={p.logoUrl} cover={p.cover} thisWeek={p.thisWeek} />
      {p.sections ?? (
        <div class="cards wijk-modules">
          {MODULES.map((m) => (
            <section class="card" aria-labelledby={`module-${m.id}`} id={m.id}>
              <h2 id={`module-${m.id}`}>{t(m.title)}</h2>
              <p class="muted">{t(m.empty)}</p>
            </section>
          ))}
        </div>
      )}
      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('places.wijk.about')}</h2>
        <dl class="facts">
          <dt>{t('places.wijk.city')}</dt>
          <dd>
            <a href={p.city.href}>{p.city.name}</a>
          </dd>
          <dt>{t('places.wijk.postcodes')}</dt>
          <dd>{p.postcodes.length ? p.postcodes.join(', ') : t('places.wijk.noPostcodes')}</dd>
        </dl>
      </section>
    </>
  )
}

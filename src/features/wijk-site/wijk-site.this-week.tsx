/**
 * "Deze week" at the top of the wijk home: the next few activities of this week in one line each,
 * so a first visit sees at a glance that the wijk is alive. When nothing is planned it says so
 * and invites the visitor to put something in the agenda. Handed to places as part of its
 * PlaceSections (app.tsx).
 */
import type { AppContext } from '../../kernel/context.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { platformHref } from '../places/wijk-href.js'
import type { WijkPreview } from '../places/places.queries.js'
import type { OccurrenceCard } from './wijk-site.queries.js'
import { homeListsOf, THIS_WEEK_GLANCE } from './wijk-site.home.js'
import { thisWeekRange } from './wijk-site.dates.js'
import { formatWhen } from './wijk-site.format.js'
import { siteLinks, withQuery } from './wijk-site.site.js'

export function ThisWeek(p: { t: T; lang: Lang; items: OccurrenceCard[]; hrefOf: (o: OccurrenceCard) => string; weekHref: string; addHref: string }) {
  const { t } = p
  return (
    <section class="this-week" aria-labelledby="this-week-title">
      <h2 id="this-week-title">{t('wijk-site.thisWeek.title')}</h2>
      {p.items.length === 0 ? (
        <p>
          {t('wijk-site.thisWeek.none')} <a href={p.addHref}>{t('wijk-site.thisWeek.add')}</a>
        </p>
      ) : (
        <>
          <ul>
            {p.items.map((o) => (
              <li>
                <span class="when">{formatWhen(o.occursAt, o.occursUntil, o.allDay, p.lang)}</span> <a href={p.hrefOf(o)}>{o.title}</a>
              </li>
            ))}
          </ul>
          <p>
            <a href={p.weekHref}>{t('wijk-site.thisWeek.all')}</a>
          </p>
        </>
      )}
    </section>
  )
}

export async function thisWeekGlance(c: AppContext, wijk: { id: number; slug: string; hostName: string | null; preview?: WijkPreview }) {
  const links = siteLinks(c, wijk)
  // The agenda section lists the next occurrences in the same order: those of this week lead it.
  const weekEnds = thisWeekRange(c.get('deps').clock.now()).to
  const items = (await homeListsOf(c, wijk)).agenda.filter((o) => o.occursAt < weekEnds).slice(0, THIS_WEEK_GLANCE)
  return (
    <ThisWeek
      t={c.get('t')}
      lang={c.get('lang')}
      items={items}
      hrefOf={links.item}
      weekHref={withQuery(links.module('agenda'), { wanneer: 'deze-week' })}
      addHref={platformHref(c, withQuery('/mijn-content/nieuw', { type: 'activity', wijk: wijk.id }))}
    />
  )
}

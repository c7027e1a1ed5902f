/**
 * What an empty list of the wijk site invites you to do next: with a filter on, drop it; without,
 * post the first item of that module in this wijk (a visitor is asked to log in on the way). The
 * wijk's own team reads that they can post it themselves or ask others to.
 */
import type { AppContext } from '../../kernel/context.js'
import type { T } from '../../kernel/i18n/i18n.js'
import { can } from '../../kernel/policy/policy.js'
import type { ContentType } from '../content/content.tables.js'
import type { Module } from '../content/content.urls.js'
import { platformHref } from '../places/wijk-href.js'
import { withQuery } from './wijk-site.site.js'

/** The type a first item of the module gets; the Prikbord lets you choose between request and offer. */
const FIRST_TYPE: Record<Module, ContentType | undefined> = {
  agenda: 'activity',
  organisaties: 'organisation',
  prikbord: undefined,
  nieuws: 'news',
  etalage: 'showcase',
}

export function EmptyNext(p: { t: T; module: Module; addHref: string; team: boolean; showAllHref?: string }) {
  const { t } = p
  if (p.showAllHref) {
    return (
      <p>
        <a href={p.showAllHref}>{t('wijk-site.next.showAll')}</a>
      </p>
    )
  }
  return (
    <>
      <p>
        <a href={p.addHref}>{t(`wijk-site.next.${p.module}`)}</a>
      </p>
      {p.team && <p>{t('wijk-site.next.team')}</p>}
    </>
  )
}

/** Where to post the first item of `module` in `wijk`. */
export function emptyNextHref(c: AppContext, wijk: { id: number }, module: Module): string {
  return platformHref(c, withQuery('/mijn-content/nieuw', { type: FIRST_TYPE[module], wijk: wijk.id }))
}

/** The next step for an empty list of `module` in `wijk`; `showAllHref` when a filter emptied it. */
export function emptyNext(c: AppContext, wijk: { id: number }, module: Module, showAllHref?: string) {
  const team = can(c.get('actor'), 'wijk.manage', { wijkId: wijk.id })
  return <EmptyNext t={c.get('t')} module={module} addHref={emptyNextHref(c, wijk, module)} team={team} showAllHref={showAllHref} />
}

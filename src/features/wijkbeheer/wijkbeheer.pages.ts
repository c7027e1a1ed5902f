/**
 * Every page of a wijk's team under /beheer/wijken/<id>/…, each behind its own policy action.
 * The wijk dashboard (overzicht) and the /beheer cards list the ones the actor may open, so a
 * new team page is added here once and shows up in both.
 */
import type { Actor } from '../../kernel/policy/actor.js'
import { can, type Action } from '../../kernel/policy/policy.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export const WIJK_TEAM_PAGES = [
  { path: '/overzicht', action: 'wijk.manage', label: 'wijkbeheer.page.overzicht' },
  { path: '/inhoud', action: 'wijk.content.moderate', label: 'wijkbeheer.page.inhoud' },
  { path: '/meldingen', action: 'wijk.content.moderate', label: 'wijkbeheer.page.meldingen' },
  { path: '/namens', action: 'wijk.assist', label: 'wijkbeheer.page.namens' },
  { path: '/bericht', action: 'wijk.broadcast', label: 'wijkbeheer.page.bericht' },
  { path: '/nieuwsbrieven', action: 'newsletter.manage', label: 'wijkbeheer.page.nieuwsbrieven' },
  { path: '/bewoners', action: 'wijk.users.view', label: 'wijkbeheer.page.bewoners' },
  { path: '/import', action: 'wijk.import', label: 'wijkbeheer.page.import' },
  { path: '', action: 'wijk.edit', label: 'wijkbeheer.page.instellingen' },
  { path: '/links', action: 'wijk.edit', label: 'wijkbeheer.page.links' },
  { path: '/domeinnaam', action: 'wijk.host.manage', label: 'wijkbeheer.page.domeinnaam' },
  { path: '/omslagfoto', action: 'wijk.edit', label: 'places.cover.page' },
  { path: '/themas', action: 'themes.manage', label: 'wijkbeheer.page.themas' },
  { path: '/wijkbeheerders', action: 'wijkbeheerder.manage', label: 'wijkbeheer.page.wijkbeheerders' },
  { path: '/statistieken', action: 'stats.view', label: 'wijkbeheer.page.statistieken' },
] as const satisfies ReadonlyArray<{ path: string; action: Action; label: MessageKey }>

export interface TeamPageLink {
  href: string
  label: MessageKey
}

/** The team pages of this wijk the actor may open, in the order above. */
export function teamPagesFor(actor: Actor, wijkId: number): TeamPageLink[] {
  return WIJK_TEAM_PAGES.filter((p) => can(actor, p.action, { wijkId })).map((p) => ({ href: `/beheer/wijken/${wijkId}${p.path}`, label: p.label }))
}

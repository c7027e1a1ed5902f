/** The beheer dashboard: what this person may manage. Pure view. */
import type { T } from '../../kernel/i18n/i18n.js'
import type { Role } from '../../kernel/policy/actor.js'
import type { Action } from '../../kernel/policy/policy.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'

export interface DashboardWijk {
  name: string
  cityName: string
  roles: Role[]
  siteHref: string
  /** The wijk team's dashboard, from which every team page is reached. */
  overviewHref: string | null
  settingsHref: string | null
  beheerdersHref: string | null
  /** The wijk's statistics (P16), for its team. */
  statsHref: string | null
}

/** The platform's management pages, each behind its own policy action. */
export const PLATFORM_LINKS = [
  { href: '/beheer/wijken', action: 'wijk.create', label: 'beheer.link.wijken', hint: 'beheer.link.wijken.hint' },
  { href: '/beheer/steden', action: 'city.manage', label: 'beheer.link.steden', hint: 'beheer.link.steden.hint' },
  { href: '/beheer/rollen', action: 'role.manage', label: 'beheer.link.rollen', hint: 'beheer.link.rollen.hint' },
  { href: '/beheer/documenten', action: 'document.manage', label: 'beheer.link.documenten', hint: 'beheer.link.documenten.hint' },
  { href: '/beheer/hulpvragen', action: 'support.list', label: 'beheer.link.hulpvragen', hint: 'beheer.link.hulpvragen.hint' },
  { href: '/beheer/archief', action: 'archive.manage', label: 'beheer.link.archief', hint: 'beheer.link.archief.hint' },
  { href: '/beheer/bewaartermijnen', action: 'retention.view', label: 'beheer.link.bewaartermijnen', hint: 'beheer.link.bewaartermijnen.hint' },
  { href: '/beheer/datalekken', action: 'breach.manage', label: 'beheer.link.datalekken', hint: 'beheer.link.datalekken.hint' },
  { href: '/beheer/klachten', action: 'complaint.manage', label: 'beheer.link.klachten', hint: 'beheer.link.klachten.hint' },
  { href: '/beheer/verwerkingen', action: 'register.manage', label: 'beheer.link.verwerkingen', hint: 'beheer.link.verwerkingen.hint' },
  { href: '/beheer/partners', action: 'partner.list', label: 'beheer.link.partners', hint: 'beheer.link.partners.hint' },
  { href: '/beheer/pakketten', action: 'package.manage', label: 'beheer.link.pakketten', hint: 'beheer.link.pakketten.hint' },
  { href: '/beheer/aanvragen', action: 'package.application.decide', label: 'billing.link.applications', hint: 'billing.link.applications.hint' },
  { href: '/beheer/facturen', action: 'invoice.manage', label: 'beheer.link.facturen', hint: 'beheer.link.facturen.hint' },
  { href: '/beheer/incasso', action: 'invoice.manage', label: 'beheer.link.incasso', hint: 'beheer.link.incasso.hint' },
  { href: '/beheer/statistieken', action: 'stats.view.all', label: 'beheer.link.statistieken', hint: 'beheer.link.statistieken.hint' },
] as const satisfies ReadonlyArray<{ href: string; action: Action; label: MessageKey; hint: MessageKey }>

export type PlatformLink = (typeof PLATFORM_LINKS)[number]

export function DashboardPage(p: { t: T; firstName: string; links: PlatformLink[]; wijken: DashboardWijk[] }) {
  const { t } = p
  return (
    <>
      <h1>{t('beheer.title')}</h1>
      <p>{t('beheer.intro', { name: p.firstName })}</p>
      {p.links.length > 0 && (
        <section aria-labelledby="platform-title">
          <h2 id="platform-title">{t('beheer.platform')}</h2>
          <ul class="cards">
            {p.links.map((l) => (
              <li class="card">
                <h3>
                  <a href={l.href}>{t(l.label)}</a>
                </h3>
                <p class="muted">{t(l.hint)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.wijken.length > 0 && (
        <section aria-labelledby="wijken-title">
          <h2 id="wijken-title">{t('beheer.myWijken')}</h2>
          <ul class="cards">
            {p.wijken.map((w) => (
              <li class="card">
                <h3>
                  {w.name} <span class="muted">({w.cityName})</span>
                </h3>
                <p>{t('beheer.wijk.role', { role: w.roles.map((r) => t(`roles.role.${r}`)).join(', ') })}</p>
                <ul>
                  {w.overviewHref && (
                    <li>
                      <a href={w.overviewHref}>{t('beheer.wijk.overview')}</a>
                    </li>
                  )}
                  <li>
                    <a href={w.siteHref}>{t('beheer.wijk.site')}</a>
                  </li>
                  {w.settingsHref && (
                    <li>
                      <a href={w.settingsHref}>{t('beheer.wijk.settings')}</a>
                    </li>
                  )}
                  {w.beheerdersHref && (
                    <li>
                      <a href={w.beheerdersHref}>{t('beheer.wijk.beheerders')}</a>
                    </li>
                  )}
                  {w.statsHref && (
                    <li>
                      <a href={w.statsHref}>{t('statistics.wijkLink')}</a>
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

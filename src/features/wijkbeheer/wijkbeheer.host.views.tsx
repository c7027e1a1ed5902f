/** The wijk's own host name page of its ambassadeur (wijkbeheer.host.routes.tsx). Pure view. */
import type { T } from '../../kernel/i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, Notice, type FormState } from '../../kernel/ui/components.js'
import { BackToOverview } from './wijkbeheer.views.js'

export interface HostPageProps {
  t: T
  csrfToken: string
  wijk: { id: number; name: string; slug: string }
  /** The host name stored now, who set it, and whether it is served now. */
  current: { hostName: string | null; byPackage: boolean; served: boolean }
  /** Their package gives `wijk.host` now. */
  entitled: boolean
  /** For a platform admin: the wijk's own form, where they set host names (no form here). */
  structureHref?: string
  state?: FormState
}

export function HostPage(p: HostPageProps) {
  const { t, current } = p
  const byAdmin = current.hostName !== null && !current.byPackage
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('wijkbeheer.host.title', { wijk: p.wijk.name })}</h1>
      <p>{t('wijkbeheer.host.intro', { path: `/${p.wijk.slug}/` })}</p>
      {current.hostName !== null && (
        <p>
          {t('wijkbeheer.host.current')} <strong>{current.hostName}</strong>
          {byAdmin ? ` · ${t('wijkbeheer.host.byAdmin')}` : !current.served ? ` · ${t('wijkbeheer.host.lapsed')}` : ''}
        </p>
      )}
      {p.structureHref ? (
        <p>
          {t('wijkbeheer.host.admin')} <a href={p.structureHref}>{t('wijkbeheer.host.admin.link')}</a>
        </p>
      ) : (
        <AmbassadeurForm {...p} />
      )}
    </>
  )
}

function AmbassadeurForm(p: HostPageProps) {
  const { t, current } = p
  const action = `/beheer/wijken/${p.wijk.id}/domeinnaam`
  const byAdmin = current.hostName !== null && !current.byPackage
  return (
    <>
      {!p.entitled && !byAdmin && (
        <Notice kind="info">
          {t('wijkbeheer.host.package')} <a href="/pakketten">{t('wijkbeheer.host.package.link')}</a>
        </Notice>
      )}
      {!byAdmin && (
        <>
          <ErrorSummary errors={p.state?.errors} t={t} />
          <form method="post" action={action} class="stack">
            <CsrfField token={p.csrfToken} />
            <Field name="hostName" label={t('wijkbeheer.host.field')} hint={t('wijkbeheer.host.field.hint')} maxlength={253} state={p.state ?? { values: { hostName: current.hostName ?? '' } }} t={t} />
            <div>
              <button type="submit">{t('wijkbeheer.host.save')}</button>
            </div>
          </form>
          {current.hostName !== null && (
            <form method="post" action={action} class="inline">
              <CsrfField token={p.csrfToken} />
              <input type="hidden" name="hostName" value="" />
              <button type="submit" class="linklike">
                {t('wijkbeheer.host.clear')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  )
}

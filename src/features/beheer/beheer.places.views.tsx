/**
 * Beheer pages for cities and wijken: lists and forms. Pure views.
 */
import type { Child } from 'hono/jsx'
import type { T } from '../../kernel/i18n/i18n.js'
import type { FormState } from '../../kernel/ui/components.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Select, TextArea } from '../../kernel/ui/components.js'

export function BackLink({ t }: { t: T }) {
  return (
    <p>
      <a href="/beheer">{t('beheer.back')}</a>
    </p>
  )
}

/** A beheer list: back link, title, the button to add one, and the table or what to say when empty. */
function ListPage(p: { t: T; title: string; newHref: string; newLabel: string; empty: string; rows: number; children: Child }) {
  return (
    <>
      <BackLink t={p.t} />
      <h1>{p.title}</h1>
      <p>
        <a class="button" href={p.newHref}>
          {p.newLabel}
        </a>
      </p>
      {p.rows === 0 ? <p>{p.empty}</p> : p.children}
    </>
  )
}

/** "Bewerken", with the row's name for screen readers (the column has many). */
function EditLink(p: { t: T; href: string; name: string }) {
  return (
    <a href={p.href} aria-label={p.t('beheer.editLabel', { name: p.name })}>
      {p.t('beheer.col.edit')}
    </a>
  )
}

export function CityListPage(p: { t: T; cities: Array<{ id: number; name: string; slug: string; wijkCount: number }> }) {
  const { t } = p
  return (
    <ListPage t={t} title={t('beheer.steden.title')} newHref="/beheer/steden/nieuw" newLabel={t('beheer.steden.new')} empty={t('beheer.steden.none')} rows={p.cities.length}>
      <DataTable head={[t('beheer.field.name'), t('beheer.field.slug'), t('beheer.steden.wijkCount'), t('beheer.col.edit')]}>
        {p.cities.map((c) => (
          <tr>
            <td>
              <a href={`/${c.slug}/`}>{c.name}</a>
            </td>
            <td>{c.slug}</td>
            <td>{c.wijkCount}</td>
            <td>
              <EditLink t={t} href={`/beheer/steden/${c.id}`} name={c.name} />
            </td>
          </tr>
        ))}
      </DataTable>
    </ListPage>
  )
}

export function CityFormPage(p: { t: T; csrfToken: string; action: string; title: string; state?: FormState }) {
  const { t } = p
  return (
    <>
      <p>
        <a href="/beheer/steden">{t('beheer.steden.title')}</a>
      </p>
      <h1>{p.title}</h1>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={p.action} class="stack">
        <CsrfField token={p.csrfToken} />
        <Field name="name" label={t('beheer.field.name')} state={p.state} required maxlength={100} t={t} />
        <Field
          name="slug"
          label={t('beheer.field.slug')}
          hint={t('beheer.field.slug.hint', { example: '/lindeburg/' })}
          state={p.state}
          required
          maxlength={60}
          t={t}
        />
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
    </>
  )
}

export interface WijkRow {
  id: number
  name: string
  slug: string
  /** Null while the wijk is not launched yet. */
  launchedAt: Date | null
  cityName: string
  siteHref: string
}

export function WijkListPage(p: { t: T; wijken: WijkRow[] }) {
  const { t } = p
  return (
    <ListPage t={t} title={t('beheer.wijken.title')} newHref="/beheer/wijken/nieuw" newLabel={t('beheer.wijken.new')} empty={t('beheer.wijken.none')} rows={p.wijken.length}>
      <DataTable head={[t('beheer.field.name'), t('beheer.field.city'), t('beheer.wijken.site'), t('beheer.col.edit')]}>
        {p.wijken.map((w) => (
          <tr>
            <td>{w.name}</td>
            <td>{w.cityName}</td>
            <td>
              <a href={w.siteHref}>/{w.slug}/</a>
              {w.launchedAt === null && <span class="muted"> ({t('places.launch.notYet')})</span>}
            </td>
            <td>
              <EditLink t={t} href={`/beheer/wijken/${w.id}`} name={w.name} />
            </td>
          </tr>
        ))}
      </DataTable>
    </ListPage>
  )
}

/** A file input with label, hint and error tied to it, like the kernel's Field. */
function FileField(p: { name: string; label: string; hint: string; error?: string; accept: string; t: T }) {
  const described = [`${p.name}-hint`, p.error ? `${p.name}-error` : ''].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={p.name}>
        {p.label} <span class="muted">{p.t('form.optional')}</span>
      </label>
      <p class="hint" id={`${p.name}-hint`}>
        {p.hint}
      </p>
      {p.error && (
        <p class="field-error" id={`${p.name}-error`}>
          {p.error}
        </p>
      )}
      <input type="file" id={p.name} name={p.name} accept={p.accept} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described} />
    </div>
  )
}

export function WijkFormPage(p: {
  t: T
  csrfToken: string
  action: string
  title: string
  state: FormState
  cities: Array<{ id: number; name: string }>
  /** May change slug, city, postcodes and host name (platform admin). */
  structure: boolean
  /** For an ambassadeur: the fixed fields, shown read-only. */
  fixed?: { slug: string; cityName: string; postcodes: string[]; hostName: string | null; center: string | null }
  currentLogoUrl: string | null
  /** A file was sent but the form failed: the browser cannot keep it, so say so. */
  logoLost: boolean
  backHref: string
  backLabel: string
  /** For a wijk that is not launched yet: the banner with its launch button. */
  launchBanner?: Child
  /** A new wijk: offer "Meteen lanceren" (ticked unless the admin prepares it first). */
  launchChoice?: boolean
}) {
  const { t, state } = p
  const logoError = state.errors?.logo ?? (p.logoLost ? t('beheer.field.logo.reselect') : undefined)
  return (
    <>
      <p>
        <a href={p.backHref}>{p.backLabel}</a>
      </p>
      <h1>{p.title}</h1>
      {p.launchBanner}
      <ErrorSummary errors={state.errors} t={t} />
      <form method="post" action={p.action} enctype="multipart/form-data" class="stack">
        <CsrfField token={p.csrfToken} />
        <Field name="name" label={t('beheer.field.name')} state={state} required maxlength={100} t={t} />
        {p.structure ? (
          <>
            <Field
              name="slug"
              label={t('beheer.field.slug')}
              hint={t('beheer.field.slug.hint', { example: '/oosterpark-noord/' })}
              state={state}
              required
              maxlength={60}
              t={t}
            />
            <Select
              name="cityId"
              label={t('beheer.field.city')}
              options={[{ value: '', label: t('beheer.field.chooseCity') }, ...p.cities.map((c) => ({ value: String(c.id), label: c.name }))]}
              state={state}
              required
              t={t}
            />
            <Field name="postcodes" label={t('beheer.field.postcodes')} hint={t('beheer.field.postcodes.hint')} state={state} t={t} />
          </>
        ) : (
          p.fixed && (
            <div>
              <p class="hint">{t('beheer.wijken.fixed')}</p>
              <dl class="facts">
                <dt>{t('beheer.field.slug')}</dt>
                <dd>/{p.fixed.slug}/</dd>
                <dt>{t('beheer.field.city')}</dt>
                <dd>{p.fixed.cityName}</dd>
                <dt>{t('beheer.field.postcodes')}</dt>
                <dd>{p.fixed.postcodes.join(', ') || '—'}</dd>
                <dt>{t('beheer.field.hostName')}</dt>
                <dd>{p.fixed.hostName ?? '—'}</dd>
                <dt>{t('places.center.legend')}</dt>
                <dd>{p.fixed.center ?? '—'}</dd>
              </dl>
            </div>
          )
        )}
        <TextArea name="introNl" label={t('beheer.field.introNl')} state={state} rows={5} maxlength={2000} t={t} />
        <TextArea name="introEn" label={t('beheer.field.introEn')} hint={t('beheer.field.introEn.hint')} state={state} rows={5} maxlength={2000} t={t} />
        <Field name="colour" type="color" label={t('beheer.field.colour')} hint={t('beheer.field.colour.hint')} state={state} required t={t} />
        {p.currentLogoUrl && (
          <figure class="logo-preview">
            <img src={p.currentLogoUrl} alt={t('beheer.field.logo.current')} width="96" height="96" />
            <figcaption>{t('beheer.field.logo.current')}</figcaption>
          </figure>
        )}
        <FileField name="logo" label={t('beheer.field.logo')} hint={t('beheer.field.logo.hint')} error={logoError} accept="image/jpeg,image/png,image/webp" t={t} />
        {p.currentLogoUrl && <Checkbox name="removeLogo" label={t('beheer.field.removeLogo')} state={state} />}
        {p.structure && (
          <Field name="hostName" label={t('beheer.field.hostName')} hint={t('beheer.field.hostName.hint')} state={state} maxlength={253} t={t} />
        )}
        {p.structure && (
          <fieldset aria-describedby="center-hint">
            <legend>{t('places.center.legend')}</legend>
            <p class="hint" id="center-hint">
              {t('places.center.hint')}
            </p>
            <Field name="centerLat" label={t('places.centerLat.label')} state={state} maxlength={20} t={t} />
            <Field name="centerLon" label={t('places.centerLon.label')} state={state} maxlength={20} t={t} />
          </fieldset>
        )}
        {p.launchChoice && <Checkbox name="launch" label={t('places.launch.now')} hint={t('places.launch.nowHint')} state={state} />}
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
    </>
  )
}

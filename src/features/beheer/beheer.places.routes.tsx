/**
 * Beheer of cities (/beheer/steden) and wijken (/beheer/wijken). Saving a wijk reloads the host
 * map (custom host names) from deps.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { can } from '../../kernel/policy/policy.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { citySchema, wijkPresentationSchema, wijkSchema, type WijkInput, type WijkPresentationInput } from '../places/places.schema.js'
import { createCity, updateCity, createWijk, updateWijk, type ServiceErrors } from '../places/places.service.js'
import { findCityById, findWijkForEdit, listCities, listCitiesWithCounts, listWijken, type WijkForEdit } from '../places/places.queries.js'
import { processLogo, logoUrl, type ProcessedLogo } from '../places/logo.js'
import { wijkHref } from '../places/wijk-href.js'
import { LaunchBanner } from '../places/places.launch.views.js'
import { CityFormPage, CityListPage, WijkFormPage, WijkListPage } from './beheer.places.views.js'

function translate(c: AppContext, errors: ServiceErrors): FieldErrors {
  const t = c.get('t')
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))
}

function wijkValues(w: WijkForEdit): FormValues {
  return {
    name: w.name,
    slug: w.slug,
    cityId: String(w.cityId),
    postcodes: w.postcodes.join(', '),
    introNl: w.introNl,
    introEn: w.introEn,
    colour: w.colour,
    hostName: w.hostName ?? '',
    centerLat: w.centerLat === null ? '' : String(w.centerLat),
    centerLon: w.centerLon === null ? '' : String(w.centerLon),
  }
}

export function placesAdminRoutes() {
  async function cityForm(c: AppContext, opts: { id?: number; values?: FormValues; errors?: FieldErrors; status?: 200 | 422 }) {
    const t = c.get('t')
    const title = opts.id === undefined ? t('beheer.steden.new') : t('beheer.steden.edit', { name: opts.values?.name ?? '' })
    return render(
      c,
      <CityFormPage
        t={t}
        csrfToken={c.get('csrfToken')}
        action={opts.id === undefined ? '/beheer/steden' : `/beheer/steden/${opts.id}`}
        title={title}
        state={{ values: opts.values, errors: opts.errors }}
      />,
      { title, status: opts.status ?? 200 },
    )
  }

  async function saveCity(c: AppContext, id?: number) {
    const deps = c.get('deps')
    const form = await readForm(c, citySchema)
    if (!form.ok) return cityForm(c, { id, values: form.values, errors: form.errors, status: 422 })
    const actorUserId = c.get('actor').user!.id
    const result = id === undefined ? await createCity(deps, { ...form.data, actorUserId }) : await updateCity(deps, { ...form.data, id, actorUserId })
    if (!result.ok) return cityForm(c, { id, values: form.values, errors: translate(c, result.errors), status: 422 })
    return c.redirect('/beheer/steden?melding=flash.beheer.citySaved', 303)
  }

  interface WijkFormOpts {
    wijk?: WijkForEdit
    values: FormValues
    errors?: FieldErrors
    logoLost?: boolean
    status?: 200 | 422
  }

  async function wijkForm(c: AppContext, opts: WijkFormOpts) {
    const t = c.get('t')
    const { db } = c.get('deps')
    const cities = await listCities(db)
    const w = opts.wijk
    const structure = can(c.get('actor'), 'wijk.structure')
    const title = w ? t('beheer.wijken.edit', { name: w.name }) : t('beheer.wijken.new')
    const back = structure ? { backHref: '/beheer/wijken', backLabel: t('beheer.wijken.title') } : { backHref: '/beheer', backLabel: t('beheer.back') }
    if (!w && cities.length === 0) {
      return render(
        c,
        <>
          <h1>{title}</h1>
          <p>
            {t('beheer.wijken.needCity')} <a href="/beheer/steden/nieuw">{t('beheer.steden.new')}</a>
          </p>
        </>,
        { title },
      )
    }
    const cityName = cities.find((x) => x.id === w?.cityId)?.name ?? ''
    const actor = c.get('actor')
    const banner = w && w.launchedAt === null && (
      <LaunchBanner t={t} csrfToken={c.get('csrfToken')} wijkId={w.id} canLaunch={can(actor, 'wijk.launch', { wijkId: w.id })} back="beheer" />
    )
    return render(
      c,
      <WijkFormPage
        launchBanner={banner}
        launchChoice={!w}
        t={t}
        csrfToken={c.get('csrfToken')}
        action={w ? `/beheer/wijken/${w.id}` : '/beheer/wijken'}
        title={title}
        state={{ values: opts.values, errors: opts.errors }}
        cities={cities}
        structure={structure}
        fixed={w ? { slug: w.slug, cityName, postcodes: w.postcodes, hostName: w.hostName, center: w.centerLat === null || w.centerLon === null ? null : `${w.centerLat}, ${w.centerLon}` } : undefined}
        currentLogoUrl={logoUrl(w?.logoPath ?? null)}
        logoLost={opts.logoLost ?? false}
        {...back}
      />,
      { title, status: opts.status ?? 200 },
    )
  }

  /**
   * Validates the fields and the logo together, so every problem shows at once. The admin-only
   * fields are read only when the actor may set them.
   */
  async function readWijkForm(c: AppContext, structure: boolean) {
    const form = structure ? await readForm(c, wijkSchema) : await readForm(c, wijkPresentationSchema)
    const file = form.files.logo
    const processed: ProcessedLogo | null = file ? await processLogo(file) : null
    const errors: FieldErrors = form.ok ? {} : { ...form.errors }
    if (processed && !processed.ok) errors.logo = c.get('t')(processed.error)
    const sentFile = file !== undefined
    if (!form.ok || Object.keys(errors).length) {
      // A file input cannot be refilled: if the logo itself was fine, ask to choose it again.
      return { ok: false as const, values: form.values, errors, logoLost: sentFile && !errors.logo }
    }
    const data: WijkPresentationInput = form.data
    const full: WijkInput | null = structure ? (form.data as WijkInput) : null
    return { ok: true as const, values: form.values, data, full, logo: processed?.ok ? processed : null, sentFile }
  }

  return new Hono<AppEnv>()
    .get('/beheer/steden', guard('city.manage'), async (c) => {
      const t = c.get('t')
      const cities = await listCitiesWithCounts(c.get('deps').db)
      return render(c, <CityListPage t={t} cities={cities} />, { title: t('beheer.steden.title') })
    })
    .get('/beheer/steden/nieuw', guard('city.manage'), (c) => cityForm(c, {}))
    .post('/beheer/steden', guard('city.manage'), (c) => saveCity(c))
    .get('/beheer/steden/:id{[0-9]{1,9}}', guard('city.manage'), async (c) => {
      const city = await findCityById(c.get('deps').db, idParam(c))
      if (!city) throw notFound()
      return cityForm(c, { id: city.id, values: { name: city.name, slug: city.slug } })
    })
    .post('/beheer/steden/:id{[0-9]{1,9}}', guard('city.manage'), async (c) => {
      const city = await findCityById(c.get('deps').db, idParam(c))
      if (!city) throw notFound()
      return saveCity(c, city.id)
    })

    // The list of every wijk is the admin's starting point for creating one.
    .get('/beheer/wijken', guard('wijk.create'), async (c) => {
      const t = c.get('t')
      const rows = (await listWijken(c.get('deps').db)).map((w) => ({ ...w, siteHref: wijkHref(c, w, '/') }))
      return render(c, <WijkListPage t={t} wijken={rows} />, { title: t('beheer.wijken.title') })
    })
    .get('/beheer/wijken/nieuw', guard('wijk.create'), (c) => wijkForm(c, { values: { colour: '#1d6b4f', launch: 'on' } }))
    .post('/beheer/wijken', guard('wijk.create'), async (c) => {
      const deps = c.get('deps')
      const form = await readWijkForm(c, true)
      if (!form.ok) return wijkForm(c, { values: form.values, errors: form.errors, logoLost: form.logoLost, status: 422 })
      const result = await createWijk(deps, {
        ...form.full!,
        // A checkbox sends "on" when ticked and nothing otherwise.
        launch: form.values.launch === 'on',
        logo: form.logo,
        actorUserId: c.get('actor').user!.id,
        platformHost: new URL(deps.config.publicBaseUrl).hostname,
      })
      if (!result.ok) return wijkForm(c, { values: form.values, errors: translate(c, result.errors), logoLost: form.sentFile, status: 422 })
      await deps.hostMap.reload(deps.db)
      return c.redirect(`/beheer/wijken/${result.value}?melding=flash.beheer.wijkSaved`, 303)
    })
    .get('/beheer/wijken/:id{[0-9]{1,9}}', guard('wijk.edit', (c) => ({ wijkId: idParam(c) })), async (c) => {
      const wijk = await findWijkForEdit(c.get('deps').db, idParam(c))
      if (!wijk) throw notFound()
      return wijkForm(c, { wijk, values: wijkValues(wijk) })
    })
    .post('/beheer/wijken/:id{[0-9]{1,9}}', guard('wijk.edit', (c) => ({ wijkId: idParam(c) })), async (c) => {
      const deps = c.get('deps')
      const wijk = await findWijkForEdit(deps.db, idParam(c))
      if (!wijk) throw notFound()
      const form = await readWijkForm(c, can(c.get('actor'), 'wijk.structure'))
      if (!form.ok) return wijkForm(c, { wijk, values: form.values, errors: form.errors, logoLost: form.logoLost, status: 422 })
      const result = await updateWijk(deps, {
        ...form.data,
        id: wijk.id,
        structure: form.full,
        logo: form.logo,
        actorUserId: c.get('actor').user!.id,
        platformHost: new URL(deps.config.publicBaseUrl).hostname,
      })
      if (!result.ok) return wijkForm(c, { wijk, values: form.values, errors: translate(c, result.errors), logoLost: form.sentFile, status: 422 })
      // The host map holds each host's slug too, so any save may change what it routes to.
      await deps.hostMap.reload(deps.db)
      return c.redirect(`/beheer/wijken/${wijk.id}?melding=flash.beheer.wijkSaved`, 303)
    })
}

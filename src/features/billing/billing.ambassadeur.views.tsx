/**
 * /ambassadeur-worden: what starting a wijk means and what it costs; for a visitor a way to log
 * in or sign up first; for an account holder the form: the proposed wijk, then the billing
 * details, payment method and agreement every application asks (billing.apply.views.tsx).
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { CitySummary } from '../places/places.queries.js'
import type { Package } from './billing.packages.queries.js'
import { PriceLines } from './billing.packages.views.js'
import type { AgreementShown } from './billing.apply.form.js'
import { AgreementFields, ApplicationFields, inFormOrder } from './billing.apply.views.js'
import { NEW_CITY } from './billing.ambassadeur.schema.js'

export const AMBASSADEUR_APPLY = '/ambassadeur-worden'

/** The proposed wijk's fields, top to bottom, before the billing details. */
const WIJK_FIELDS = ['wijkName', 'cityId', 'newCity', 'postcodes', 'motivation']

function WijkFields({ t, state, cities }: { t: T; state: FormState; cities: CitySummary[] }) {
  return (
    <fieldset>
      <legend>{t('billing.ambassadeur.wijk')}</legend>
      <Field t={t} name="wijkName" label={t('billing.field.wijkName')} hint={t('billing.field.wijkName.hint')} state={state} required maxlength={100} />
      <Select
        t={t}
        name="cityId"
        label={t('billing.field.cityId')}
        state={state}
        required
        options={[{ value: '', label: t('billing.field.cityId.choose') }, ...cities.map((c) => ({ value: String(c.id), label: c.name })), { value: NEW_CITY, label: t('billing.field.cityId.new') }]}
      />
      <Field t={t} name="newCity" label={t('billing.field.newCity')} hint={t('billing.field.newCity.hint')} state={state} maxlength={100} autocomplete="address-level2" />
      <Field t={t} name="postcodes" label={t('billing.field.wijkPostcodes')} hint={t('billing.field.wijkPostcodes.hint')} state={state} required inputmode="numeric" maxlength={2000} />
      <TextArea t={t} name="motivation" label={t('billing.field.motivation')} hint={t('billing.field.motivation.hint')} state={state} required rows={6} maxlength={2000} />
    </fieldset>
  )
}

export type AmbassadeurPageMode =
  | { kind: 'form'; csrfToken: string; cities: CitySummary[]; agreement: AgreementShown; state: FormState }
  | { kind: 'login'; loginHref: string; registerHref: string }
  | { kind: 'unavailable' }

export function AmbassadeurPage(p: { t: T; lang: Lang; fee: Package | null; mode: AmbassadeurPageMode }) {
  const { t, lang, fee, mode } = p
  return (
    <>
      <h1>{t('billing.ambassadeur.title')}</h1>
      <p class="prose">{t('billing.ambassadeur.intro')}</p>
      <p class="prose">{t('billing.ambassadeur.steps')}</p>
      {fee && (
        <section aria-labelledby="bijdrage" class="apply-price">
          <h2 id="bijdrage">{t('billing.ambassadeur.fee')}</h2>
          <PriceLines t={t} lang={lang} pkg={fee} />
        </section>
      )}
      {mode.kind === 'unavailable' && <Notice kind="info">{t('billing.ambassadeur.unavailable')}</Notice>}
      {mode.kind === 'login' && (
        <>
          <p>{t('billing.ambassadeur.loginFirst')}</p>
          <p class="actions">
            <a class="button" href={mode.loginHref}>
              {t('billing.ambassadeur.login')}
            </a>{' '}
            <a href={mode.registerHref}>{t('billing.ambassadeur.register')}</a>
          </p>
        </>
      )}
      {mode.kind === 'form' && (
        <>
          <ErrorSummary errors={inFormOrder(mode.state.errors, WIJK_FIELDS)} t={t} />
          <form method="post" action={AMBASSADEUR_APPLY} class="stack wide apply-form" novalidate>
            <CsrfField token={mode.csrfToken} />
            <WijkFields t={t} state={mode.state} cities={mode.cities} />
            <ApplicationFields t={t} state={mode.state} />
            <AgreementFields t={t} state={mode.state} agreement={mode.agreement} />
            <p>
              <button type="submit">{t('billing.ambassadeur.submit')}</button>
            </p>
          </form>
        </>
      )}
    </>
  )
}

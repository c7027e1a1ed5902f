/**
 * Pages of packages: the public /pakketten with prices with and without VAT, and the admin's list
 * and form at /beheer/pakketten. Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FormValues } from '../../kernel/http/form.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import { ENTITLEMENTS, ENTITLEMENT_KEY } from './billing.entitlements.js'
import { euro, ratePercent, vatOf, withVat } from './billing.money.js'
import { PACKAGE_PERIODS, VAT_RATES, type PackagePeriod } from './billing.packages.tables.js'
import { entitlementField } from './billing.packages.schema.js'
import type { Package } from './billing.packages.queries.js'

export const PACKAGES_ADMIN = '/beheer/pakketten'
export const PACKAGES_PUBLIC = '/pakketten'
export const packageEditPath = (id: number) => `${PACKAGES_ADMIN}/${id}/bewerken`
/** The same address for everyone, so the cached /pakketten can link it; the form asks to log in. */
export const applyPath = (slug: string) => `${PACKAGES_PUBLIC}/${slug}/aanvragen`

export const PERIOD_KEY: Record<PackagePeriod, MessageKey> = {
  maand: 'billing.period.maand',
  kwartaal: 'billing.period.kwartaal',
  jaar: 'billing.period.jaar',
}
const PER_PERIOD_KEY: Record<PackagePeriod, MessageKey> = {
  maand: 'billing.perPeriod.maand',
  kwartaal: 'billing.perPeriod.kwartaal',
  jaar: 'billing.perPeriod.jaar',
}

export const packageName = (p: Package, lang: Lang) => (lang === 'nl' ? p.nameNl : p.nameEn)
const descriptionOf = (p: Package, lang: Lang) => (lang === 'nl' ? p.descriptionNl : p.descriptionEn)

/** The price line: excluding VAT per period, and what that is with VAT. */
export function PriceLines(p: { t: T; lang: Lang; pkg: Pick<Package, 'priceCents' | 'vatRate' | 'period'> }) {
  const { t, lang, pkg } = p
  return (
    <dl class="package-price">
      <dt>{t('billing.price.excl')}</dt>
      <dd>{t(PER_PERIOD_KEY[pkg.period], { amount: euro(pkg.priceCents, lang) })}</dd>
      <dt>{t('billing.price.vat', { rate: ratePercent(pkg.vatRate, lang) })}</dt>
      <dd>{euro(vatOf(pkg.priceCents, pkg.vatRate), lang)}</dd>
      <dt>{t('billing.price.incl')}</dt>
      <dd>{t(PER_PERIOD_KEY[pkg.period], { amount: euro(withVat(pkg.priceCents, pkg.vatRate), lang) })}</dd>
    </dl>
  )
}

export function PublicPackagesPage(p: { t: T; lang: Lang; packages: Package[] }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('billing.public.title')}</h1>
      <p class="prose">{t('billing.public.intro')}</p>
      {p.packages.length === 0 ? (
        <p>{t('billing.public.none')}</p>
      ) : (
        <ul class="package-list" role="list">
          {p.packages.map((pkg) => (
            <li>
              <article class="package" aria-labelledby={`package-${pkg.slug}`}>
                <h2 id={`package-${pkg.slug}`}>{packageName(pkg, lang)}</h2>
                <p class="prose">{descriptionOf(pkg, lang)}</p>
                <PriceLines t={t} lang={lang} pkg={pkg} />
                <p>
                  <a class="button" href={applyPath(pkg.slug)} aria-label={t('billing.apply.linkNamed', { name: packageName(pkg, lang) })}>
                    {t('billing.apply.link')}
                  </a>
                </p>
                {pkg.entitlements.length > 0 && (
                  <>
                    <h3>{t('billing.public.gives')}</h3>
                    <ul>
                      {pkg.entitlements.map((e) => (
                        <li>{t(ENTITLEMENT_KEY[e])}</li>
                      ))}
                    </ul>
                  </>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function PackageListPage(p: { t: T; lang: Lang; packages: Package[]; notice?: string }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('billing.admin.title')}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      <p class="prose">{t('billing.admin.intro')}</p>
      <p>
        <a class="button" href={`${PACKAGES_ADMIN}/nieuw`}>
          {t('billing.admin.new')}
        </a>{' '}
        <a href={PACKAGES_PUBLIC}>{t('billing.admin.publicPage')}</a>
      </p>
      {p.packages.length === 0 ? (
        <p>{t('billing.admin.none')}</p>
      ) : (
        <DataTable
          caption={t('billing.admin.title')}
          head={[t('billing.col.name'), { label: t('billing.col.price'), class: 'num' }, t('billing.col.vat'), t('billing.col.period'), t('billing.col.state'), { label: t('billing.col.actions'), hidden: true }]}
        >
          {p.packages.map((pkg) => (
            <tr>
              <th scope="row">{packageName(pkg, lang)}</th>
              <td class="num">{euro(pkg.priceCents, lang)}</td>
              <td>{ratePercent(pkg.vatRate, lang)}</td>
              <td>{t(PERIOD_KEY[pkg.period])}</td>
              <td>
                {pkg.active ? t('billing.state.active') : t('billing.state.inactive')}
                {pkg.ambassadeurFee && `, ${t('billing.admin.ambassadeurFee')}`}
              </td>
              <td>
                <a href={packageEditPath(pkg.id)} aria-label={t('billing.admin.editNamed', { name: packageName(pkg, lang) })}>
                  {t('billing.admin.edit')}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

/** The form's values for a stored package, as the form would send them. */
export function packageFormValues(pkg: Package): FormValues {
  const values: FormValues = {
    slug: pkg.slug,
    nameNl: pkg.nameNl,
    nameEn: pkg.nameEn,
    descriptionNl: pkg.descriptionNl,
    descriptionEn: pkg.descriptionEn,
    price: (pkg.priceCents / 100).toFixed(2).replace('.', ','),
    vatRate: String(pkg.vatRate),
    period: pkg.period,
  }
  if (pkg.active) values.active = 'on'
  if (pkg.ambassadeurFee) values.ambassadeurFee = 'on'
  for (const e of pkg.entitlements) values[entitlementField(e)] = 'on'
  return values
}

export function PackageFormPage(p: { t: T; lang: Lang; csrfToken: string; action: string; state: FormState; editing?: Package }) {
  const { t, lang, state } = p
  return (
    <>
      <p>
        <a href={PACKAGES_ADMIN}>{t('billing.admin.back')}</a>
      </p>
      <h1>{p.editing ? t('billing.form.editTitle', { name: packageName(p.editing, lang) }) : t('billing.form.newTitle')}</h1>
      <ErrorSummary errors={state.errors} t={t} />
      <form method="post" action={p.action} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend>{t('billing.form.words')}</legend>
          <Field t={t} name="slug" label={t('billing.field.slug')} hint={t('billing.field.slug.hint')} state={state} required maxlength={60} />
          <Field t={t} name="nameNl" label={t('billing.field.nameNl')} state={state} required maxlength={80} />
          <Field t={t} name="nameEn" label={t('billing.field.nameEn')} state={state} required maxlength={80} />
          <TextArea t={t} name="descriptionNl" label={t('billing.field.descriptionNl')} state={state} required rows={4} maxlength={2000} />
          <TextArea t={t} name="descriptionEn" label={t('billing.field.descriptionEn')} state={state} required rows={4} maxlength={2000} />
        </fieldset>
        <fieldset>
          <legend>{t('billing.form.price')}</legend>
          <Field t={t} name="price" inputmode="decimal" label={t('billing.field.price')} hint={t('billing.field.price.hint')} state={state} required maxlength={20} />
          <Select t={t} name="vatRate" label={t('billing.field.vatRate')} state={state} required options={VAT_RATES.map((r) => ({ value: String(r), label: ratePercent(r, lang) }))} />
          <Select t={t} name="period" label={t('billing.field.period')} state={state} required options={PACKAGE_PERIODS.map((x) => ({ value: x, label: t(PERIOD_KEY[x]) }))} />
          <Checkbox name="active" label={t('billing.field.active')} hint={t('billing.field.active.hint')} state={state} />
          <Checkbox name="ambassadeurFee" label={t('billing.field.ambassadeurFee')} hint={t('billing.field.ambassadeurFee.hint')} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('billing.field.entitlements')}</legend>
          <p class="hint">{t('billing.field.entitlements.hint')}</p>
          {ENTITLEMENTS.map((e) => (
            <Checkbox name={entitlementField(e)} label={t(ENTITLEMENT_KEY[e])} state={state} />
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('billing.form.save')}</button>
        </p>
      </form>
    </>
  )
}

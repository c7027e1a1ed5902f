/**
 * The application form of /pakketten/<slug>/aanvragen, and its parts that /ambassadeur-worden
 * shows too (ApplicationFields, AgreementFields). Without JavaScript it is one form: the
 * payment method is a radio choice, and the bank account fields sit in their own fieldset that
 * says they are only for direct debit. A typed IBAN is never written back into the page.
 */
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FieldErrors } from '../../kernel/http/form.js'
import { Checkbox, CsrfField, ErrorSummary, Field, RadioChoice, Select, type FormState } from '../../kernel/ui/components.js'
import { versionPath } from '../documents/documents.queries.js'
import type { Package } from './billing.packages.queries.js'
import { PACKAGES_PUBLIC, PriceLines, applyPath, packageName } from './billing.packages.views.js'
import { BILLING_COUNTRIES } from './billing.apply.schema.js'
import { PAYMENT_METHODS } from './billing.ledger.tables.js'
import { PAYMENT_KEY } from './billing.labels.js'
import { AGREEMENT_KIND, AGREEMENT_TEXT, type AgreementShown } from './billing.apply.form.js'

const COUNTRY_KEY: Record<(typeof BILLING_COUNTRIES)[number], MessageKey> = { NL: 'billing.country.NL', BE: 'billing.country.BE', DE: 'billing.country.DE', LU: 'billing.country.LU' }

/** The fields top to bottom, so the error summary lists the problems in the order of the form. */
const FIELD_ORDER = ['organisationName', 'kvkNumber', 'vatNumber', 'street', 'houseNumber', 'postalCode', 'place', 'country', 'billingEmail', 'contactName', 'paymentMethod', 'iban', 'accountHolder', 'accept', 'signerName']

/** The errors in the order of the form; `before` names the fields a form has above the billing details. */
export function inFormOrder(errors: FieldErrors | undefined, before: string[] = []): FieldErrors | undefined {
  if (!errors) return errors
  const order = [...before, ...FIELD_ORDER]
  const rank = (field: string) => (field === '_form' ? -1 : order.indexOf(field) === -1 ? order.length : order.indexOf(field))
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)))
}

function PaymentChoice({ t, state }: { t: T; state: FormState }) {
  return <RadioChoice name="paymentMethod" legend={t('billing.apply.payment')} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(PAYMENT_KEY[m]) }))} state={state} value="transfer" />
}

function DirectDebitFields({ t, state }: { t: T; state: FormState }) {
  return (
    <fieldset class="direct-debit">
      <legend>{t('billing.apply.directDebit')}</legend>
      <p class="hint">{t('billing.apply.directDebit.hint')}</p>
      {/* Required within this fieldset, whose legend names the condition; the form is novalidate. */}
      <Field t={t} name="iban" label={t('billing.field.iban')} hint={t('billing.field.iban.hint')} state={state} required autocomplete="off" maxlength={42} />
      <Field t={t} name="accountHolder" label={t('billing.field.accountHolder')} state={state} required autocomplete="off" maxlength={70} />
    </fieldset>
  )
}

/** The agreement of the application's kind, to read and sign: its version is what is stored. */
export function AgreementFields({ t, state, agreement }: { t: T; state: FormState; agreement: AgreementShown }) {
  const text = AGREEMENT_TEXT[agreement.kind]
  return (
    <fieldset>
      <legend>{t(text.legend)}</legend>
      <p>{t(text.intro, { version: agreement.version })}</p>
      <details class="agreement-text">
        <summary>{t(text.read, { version: agreement.version })}</summary>
        {/* A scrolling region: focusable, so it can be scrolled with the keyboard. */}
        <div class="document-body" tabindex={0} role="region" aria-label={t(text.legend)}>
          {raw(agreement.html)}
        </div>
      </details>
      <p>
        <a href={versionPath(AGREEMENT_KIND[agreement.kind], agreement.version)} target="_blank" rel="noopener">
          {t('billing.apply.agreement.open')}
        </a>
      </p>
      <input type="hidden" name="documentId" value={String(agreement.id)} />
      <Checkbox name="accept" label={t(text.accept, { version: agreement.version })} state={state} />
      <Field t={t} name="signerName" label={t('billing.field.signerName')} hint={t('billing.field.signerName.hint')} state={state} required autocomplete="name" maxlength={120} />
    </fieldset>
  )
}

/** The organisation, its billing address, the contact person and how it pays: asked by every application. */
export function ApplicationFields({ t, state }: { t: T; state: FormState }) {
  return (
    <>
      <fieldset>
        <legend>{t('billing.apply.organisation')}</legend>
        <Field t={t} name="organisationName" label={t('billing.field.organisationName')} state={state} required autocomplete="organization" maxlength={120} />
        <Field t={t} name="kvkNumber" label={t('billing.field.kvkNumber')} hint={t('billing.field.kvkNumber.hint')} state={state} inputmode="numeric" maxlength={12} />
        <Field t={t} name="vatNumber" label={t('billing.field.vatNumber')} hint={t('billing.field.vatNumber.hint')} state={state} maxlength={20} />
      </fieldset>
      <fieldset>
        <legend>{t('billing.apply.address')}</legend>
        <Field t={t} name="street" label={t('billing.field.street')} state={state} required autocomplete="address-line1" maxlength={120} />
        <Field t={t} name="houseNumber" label={t('billing.field.houseNumber')} state={state} required maxlength={20} />
        <Field t={t} name="postalCode" label={t('billing.field.postalCode')} hint={t('billing.field.postalCode.hint')} state={state} required autocomplete="postal-code" maxlength={12} />
        <Field t={t} name="place" label={t('billing.field.place')} state={state} required autocomplete="address-level2" maxlength={80} />
        <Select t={t} name="country" label={t('billing.field.country')} state={state} value="NL" required options={BILLING_COUNTRIES.map((c) => ({ value: c, label: t(COUNTRY_KEY[c]) }))} />
        <Field t={t} name="billingEmail" type="email" label={t('billing.field.billingEmail')} hint={t('billing.field.billingEmail.hint')} state={state} required autocomplete="email" maxlength={254} />
      </fieldset>
      <fieldset>
        <legend>{t('billing.apply.contact')}</legend>
        <Field t={t} name="contactName" label={t('billing.field.contactName')} hint={t('billing.field.contactName.hint')} state={state} required autocomplete="name" maxlength={120} />
      </fieldset>
      <PaymentChoice t={t} state={state} />
      <DirectDebitFields t={t} state={state} />
    </>
  )
}

export function ApplyPage(p: { t: T; lang: Lang; csrfToken: string; pkg: Package; agreement: AgreementShown; state: FormState }) {
  const { t, lang, pkg, state } = p
  const name = packageName(pkg, lang)
  return (
    <>
      <p>
        <a href={PACKAGES_PUBLIC}>{t('billing.apply.back')}</a>
      </p>
      <h1>{t('billing.apply.title', { name })}</h1>
      <p class="prose">{t('billing.apply.intro')}</p>
      <div class="apply-price">
        <PriceLines t={t} lang={lang} pkg={pkg} />
      </div>
      <ErrorSummary errors={inFormOrder(state.errors)} t={t} />
      <form method="post" action={applyPath(pkg.slug)} class="stack wide apply-form" novalidate>
        <CsrfField token={p.csrfToken} />
        <ApplicationFields t={t} state={state} />
        <AgreementFields t={t} state={state} agreement={p.agreement} />
        <p>
          <button type="submit">{t('billing.apply.submit')}</button>
        </p>
      </form>
    </>
  )
}

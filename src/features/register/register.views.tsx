/**
 * Pages of the register (P12): the public summary (/verwerkingen) and the admin's overview,
 * forms and delete confirmations (/beheer/verwerkingen). Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { Activity, Processor } from './register.queries.js'
import { LEGAL_BASES, type LegalBasis } from './register.schema.js'
import type { PublicPartner } from '../partners/partners.queries.js'
import { RecipientsSection } from '../partners/partners.public.views.js'

export const BASIS_KEY: Record<LegalBasis, MessageKey> = {
  consent: 'register.basis.consent',
  contract: 'register.basis.contract',
  'legal-obligation': 'register.basis.legal-obligation',
  'legitimate-interest': 'register.basis.legitimate-interest',
}

/** The date an agreement was signed ("YYYY-MM-DD" from the date column), in words. */
function agreementDate(value: string, lang: Lang): string {
  return formatDate(new Date(`${value}T12:00:00Z`), lang)
}

function pick(lang: Lang, nl: string, en: string): string {
  return lang === 'en' ? en : nl
}

function AgreementText({ t, lang, p }: { t: T; lang: Lang; p: Processor }) {
  if (!p.agreementInPlace) return <>{t('register.agreement.no')}</>
  return <>{p.agreementDate ? t('register.agreement.yesSince', { date: agreementDate(p.agreementDate, lang) }) : t('register.agreement.yes')}</>
}

export function PublicRegisterPage(p: { t: T; lang: Lang; operatorName: string; activities: Activity[]; processors: Processor[]; recipients: PublicPartner[] }) {
  const { t, lang } = p
  return (
    <article class="prose">
      <h1>{t('register.public.title')}</h1>
      <p>{t('register.public.intro', { operator: p.operatorName })}</p>
      <p>
        {t('register.public.privacy')} <a href="/privacy">{t('register.public.privacyLink')}</a>
      </p>
      <h2 id="verwerkingen">{t('register.public.activities')}</h2>
      {p.activities.length === 0 && <p>{t('register.public.noActivities')}</p>}
      {p.activities.map((a) => (
        <section aria-labelledby={`verwerking-${a.id}`}>
          <h3 id={`verwerking-${a.id}`}>{pick(lang, a.nameNl, a.nameEn)}</h3>
          <dl class="facts">
            <dt>{t('register.field.purpose')}</dt>
            <dd class="pre-wrap">{pick(lang, a.purposeNl, a.purposeEn)}</dd>
            <dt>{t('register.field.data')}</dt>
            <dd class="pre-wrap">{pick(lang, a.dataNl, a.dataEn)}</dd>
            <dt>{t('register.field.subjects')}</dt>
            <dd class="pre-wrap">{pick(lang, a.subjectsNl, a.subjectsEn)}</dd>
            <dt>{t('register.field.legalBasis')}</dt>
            <dd>{t(BASIS_KEY[a.legalBasis])}</dd>
            <dt>{t('register.field.retention')}</dt>
            <dd class="pre-wrap">{pick(lang, a.retentionNl, a.retentionEn)}</dd>
            <dt>{t('register.field.processorNames')}</dt>
            <dd>{a.processorNames || t('register.public.noProcessors')}</dd>
          </dl>
        </section>
      ))}
      <h2 id="verwerkers">{t('register.public.processors')}</h2>
      <p>{t('register.public.processorsIntro')}</p>
      <DataTable
        caption={t('register.public.processors')}
        head={[
          t('register.field.name'),
          t('register.field.service'),
          t('register.field.location'),
          t('register.field.agreement'),
        ]}
      >
        {p.processors.map((pr) => (
          <tr>
            <th scope="row">{pr.name}</th>
            <td>{pick(lang, pr.serviceNl, pr.serviceEn)}</td>
            <td>{pr.location}</td>
            <td>
              <AgreementText t={t} lang={lang} p={pr} />
            </td>
          </tr>
        ))}
      </DataTable>
      <RecipientsSection t={t} lang={lang} partners={p.recipients} />
    </article>
  )
}

export function AdminRegisterPage(p: { t: T; lang: Lang; activities: Activity[]; processors: Processor[]; recipients: PublicPartner[] }) {
  const { t, lang } = p
  const missing = p.processors.filter((pr) => !pr.agreementInPlace)
  return (
    <>
      <h1>{t('register.admin.title')}</h1>
      <p>
        {t('register.admin.intro')} <a href="/verwerkingen">{t('register.admin.publicLink')}</a>
      </p>
      {missing.length > 0 && (
        <div class="notice error register-warning">
          <h2>{t('register.admin.missing.heading', { count: missing.length })}</h2>
          <p>{t('register.admin.missing.body')}</p>
          <ul>
            {missing.map((pr) => (
              <li>
                <a href={`/beheer/verwerkingen/verwerkers/${pr.id}`}>{pr.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="activiteiten-kop">
        <h2 id="activiteiten-kop">{t('register.admin.activities')}</h2>
        <p>
          <a class="button secondary" href="/beheer/verwerkingen/activiteiten/nieuw">
            {t('register.admin.addActivity')}
          </a>
        </p>
        <DataTable
          caption={t('register.admin.activities')}
          head={[
            t('register.field.name'),
            t('register.field.legalBasis'),
            t('register.field.retention'),
            t('register.field.processorNames'),
          ]}
        >
          {p.activities.map((a) => (
            <tr>
              <th scope="row">
                <a href={`/beheer/verwerkingen/activiteiten/${a.id}`}>{pick(lang, a.nameNl, a.nameEn)}</a>
              </th>
              <td>{t(BASIS_KEY[a.legalBasis])}</td>
              <td>{pick(lang, a.retentionNl, a.retentionEn)}</td>
              <td>{a.processorNames}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="verwerkers-kop">
        <h2 id="verwerkers-kop">{t('register.admin.processors')}</h2>
        <p>
          <a class="button secondary" href="/beheer/verwerkingen/verwerkers/nieuw">
            {t('register.admin.addProcessor')}
          </a>
        </p>
        <DataTable caption={t('register.admin.processors')} head={[t('register.field.name'), t('register.field.location'), t('register.field.agreement')]}>
          {p.processors.map((pr) => (
            <tr id={`verwerker-${pr.id}`}>
              <th scope="row">
                <a href={`/beheer/verwerkingen/verwerkers/${pr.id}`}>{pr.name}</a>
              </th>
              <td>{pr.location}</td>
              <td>{pr.agreementInPlace ? <AgreementText t={t} lang={lang} p={pr} /> : <strong class="flag-missing">{t('register.admin.agreementMissing')}</strong>}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <RecipientsSection t={t} lang={lang} partners={p.recipients} />
      <p>
        <a href="/beheer/partners">{t('partners.admin.title')}</a>
      </p>
    </>
  )
}

interface FormProps {
  t: T
  csrfToken: string
  action: string
  state?: FormState
  /** Present when editing: shows the delete link. */
  deleteHref?: string
  /** When the form belongs to a shipped default, its stable key. */
  defaultKey?: string | null
}

export function ActivityFormPage(p: FormProps & { activity?: Activity }) {
  const { t, state } = p
  const a = p.activity
  const v = (field: keyof Activity) => (a ? String(a[field] ?? '') : undefined)
  return (
    <>
      <p>
        <a href="/beheer/verwerkingen">{t('register.admin.back')}</a>
      </p>
      <h1>{a ? t('register.activity.editTitle') : t('register.activity.newTitle')}</h1>
      {p.defaultKey && <p class="hint">{t('register.admin.defaultRow', { key: p.defaultKey })}</p>}
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action={p.action} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="nameNl" label={t('register.field.nameNl')} state={state} value={v('nameNl')} required maxlength={200} />
        <Field t={t} name="nameEn" label={t('register.field.nameEn')} state={state} value={v('nameEn')} required maxlength={200} />
        <TextArea t={t} name="purposeNl" label={t('register.field.purposeNl')} state={state} value={v('purposeNl')} required rows={3} maxlength={2000} />
        <TextArea t={t} name="purposeEn" label={t('register.field.purposeEn')} state={state} value={v('purposeEn')} required rows={3} maxlength={2000} />
        <TextArea t={t} name="dataNl" label={t('register.field.dataNl')} state={state} value={v('dataNl')} required rows={3} maxlength={2000} />
        <TextArea t={t} name="dataEn" label={t('register.field.dataEn')} state={state} value={v('dataEn')} required rows={3} maxlength={2000} />
        <TextArea t={t} name="subjectsNl" label={t('register.field.subjectsNl')} state={state} value={v('subjectsNl')} required rows={2} maxlength={1000} />
        <TextArea t={t} name="subjectsEn" label={t('register.field.subjectsEn')} state={state} value={v('subjectsEn')} required rows={2} maxlength={1000} />
        <Select
          t={t}
          name="legalBasis"
          label={t('register.field.legalBasis')}
          state={state}
          value={v('legalBasis')}
          required
          options={[{ value: '', label: t('register.field.legalBasis.choose') }, ...LEGAL_BASES.map((b) => ({ value: b, label: t(BASIS_KEY[b]) }))]}
        />
        <TextArea t={t} name="retentionNl" label={t('register.field.retentionNl')} state={state} value={v('retentionNl')} required rows={2} maxlength={1000} />
        <TextArea t={t} name="retentionEn" label={t('register.field.retentionEn')} state={state} value={v('retentionEn')} required rows={2} maxlength={1000} />
        <Field
          t={t}
          name="processorNames"
          label={t('register.field.processorNames')}
          hint={t('register.field.processorNames.hint')}
          state={state}
          value={v('processorNames')}
          maxlength={500}
        />
        <Field t={t} name="position" type="number" inputmode="numeric" label={t('register.field.position')} hint={t('register.field.position.hint')} state={state} value={v('position')} />
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
      {p.deleteHref && (
        <p>
          <a href={p.deleteHref}>{t('register.activity.delete')}</a>
        </p>
      )}
    </>
  )
}

export function ProcessorFormPage(p: FormProps & { processor?: Processor }) {
  const { t, state } = p
  const pr = p.processor
  const v = (field: keyof Processor) => (pr ? String(pr[field] ?? '') : undefined)
  return (
    <>
      <p>
        <a href="/beheer/verwerkingen">{t('register.admin.back')}</a>
      </p>
      <h1>{pr ? t('register.processor.editTitle', { name: pr.name }) : t('register.processor.newTitle')}</h1>
      {p.defaultKey && <p class="hint">{t('register.admin.defaultRow', { key: p.defaultKey })}</p>}
      {pr && !pr.agreementInPlace && <Notice kind="error">{t('register.processor.noAgreement')}</Notice>}
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action={p.action} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="name" label={t('register.field.name')} state={state} value={v('name')} required maxlength={200} />
        <TextArea t={t} name="serviceNl" label={t('register.field.serviceNl')} state={state} value={v('serviceNl')} required rows={2} maxlength={1000} />
        <TextArea t={t} name="serviceEn" label={t('register.field.serviceEn')} state={state} value={v('serviceEn')} required rows={2} maxlength={1000} />
        <Field t={t} name="location" label={t('register.field.location')} hint={t('register.field.location.hint')} state={state} value={v('location')} required maxlength={200} />
        <Checkbox name="agreementInPlace" label={t('register.field.agreementInPlace')} hint={t('register.field.agreementInPlace.hint')} state={state} checked={pr?.agreementInPlace ?? false} />
        <Field t={t} name="agreementDate" type="date" label={t('register.field.agreementDate')} hint={t('register.field.agreementDate.hint')} state={state} value={v('agreementDate')} />
        <Field t={t} name="agreementReference" label={t('register.field.agreementReference')} hint={t('register.field.agreementReference.hint')} state={state} value={v('agreementReference')} maxlength={200} />
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
      {p.deleteHref && (
        <p>
          <a href={p.deleteHref}>{t('register.processor.delete')}</a>
        </p>
      )}
    </>
  )
}

export function DeletePage(p: { t: T; csrfToken: string; title: string; body: string; action: string; backHref: string }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <ul class="actions">
          <li>
            <button type="submit" class="danger">
              {t('register.delete.confirm')}
            </button>
          </li>
          <li>
            <a href={p.backHref}>{t('form.cancel')}</a>
          </li>
        </ul>
      </form>
    </div>
  )
}

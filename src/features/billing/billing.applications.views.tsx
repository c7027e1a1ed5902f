/**
 * /beheer/aanvragen: the admin's list of applications, of both kinds (pending first), and the
 * detail page with everything the applicant gave, the IBAN masked, an ambassadeur's proposed
 * wijk, and the two decisions.
 */
import type { Child } from 'hono/jsx'
import { formatDate, type Lang, type T } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { versionPath } from '../documents/documents.queries.js'
import type { ApplicationDetail, ApplicationRow } from './billing.applications.queries.js'
import { APPLICATION_STATUS_KEY, PAYMENT_KEY, SCHEME_KEY } from './billing.labels.js'
import type { ApplicationKind } from './billing.applications.tables.js'
import { AGREEMENT_KIND, AGREEMENT_TEXT } from './billing.apply.form.js'
import { slugFromName } from './billing.ambassadeur.schema.js'

const KIND_KEY: Record<ApplicationKind, MessageKey> = { package: 'billing.applications.kind.package', ambassadeur: 'billing.applications.kind.ambassadeur' }

export const APPLICATIONS_ADMIN = '/beheer/aanvragen'
export const applicationPath = (id: number) => `${APPLICATIONS_ADMIN}/${id}`

export function ApplicationListPage(p: { t: T; lang: Lang; rows: ApplicationRow[] }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('billing.applications.title')}</h1>
      <p class="prose">{t('billing.applications.intro')}</p>
      {p.rows.length === 0 ? (
        <p>{t('billing.applications.none')}</p>
      ) : (
        <DataTable caption={t('billing.applications.title')} head={[t('billing.col.organisation'), t('billing.applications.kind'), t('billing.col.name'), t('billing.col.payment'), t('billing.col.received'), t('billing.col.state')]}>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={applicationPath(r.id)}>{r.organisationName}</a>
              </th>
              <td>{t(KIND_KEY[r.kind])}</td>
              <td>{r.wijkName ?? (lang === 'nl' ? r.packageNameNl : r.packageNameEn)}</td>
              <td>{t(PAYMENT_KEY[r.paymentMethod])}</td>
              <td>{formatDate(r.createdAt, lang)}</td>
              <td>{t(APPLICATION_STATUS_KEY[r.status])}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

function Row({ label, children }: { label: string; children: Child }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** The approval's wijk fields start from the proposal: its name, and the address made from it. */
function withProposed(state: FormState, wijkName: string): FormState {
  return { ...state, values: { wijkName, wijkSlug: slugFromName(wijkName) ?? '', ...state.values } }
}

/** What an ambassadeur application proposes, and the wijk once it was made. */
function ProposalRows({ t, d }: { t: T; d: ApplicationDetail }) {
  const p = d.proposal
  if (!p) return null
  return (
    <>
      <Row label={t('billing.applications.wijkProposed')}>{p.wijkName}</Row>
      <Row label={t('billing.field.cityId')}>{d.proposedCity?.name ?? t('billing.applications.newCity', { name: p.newCityName ?? '' })}</Row>
      <Row label={t('billing.field.wijkPostcodes')}>{p.postcodes.join(', ')}</Row>
      <Row label={t('billing.field.motivation')}>
        <span class="pre-wrap">{p.motivation}</span>
      </Row>
      {p.wijkId !== null && (
        <Row label={t('billing.applications.wijkCreated')}>
          <a href={`/beheer/wijken/${p.wijkId}`}>{p.wijkName}</a>
        </Row>
      )}
    </>
  )
}

function Decisions({ t, d, csrfToken, state }: { t: T; d: ApplicationDetail; csrfToken: string; state: FormState }) {
  const id = d.application.id
  return (
    <section aria-labelledby="beslissen">
      <h2 id="beslissen">{t('billing.applications.decide')}</h2>
      <form method="post" action={`${applicationPath(id)}/goedkeuren`} class="stack decision">
        <CsrfField token={csrfToken} />
        <h3>{t('billing.applications.approve')}</h3>
        {d.proposal ? (
          <>
            <p class="hint">{t('billing.applications.approveWijk.hint')}</p>
            <Field t={t} name="wijkName" label={t('billing.field.wijkName')} state={withProposed(state, d.proposal.wijkName)} required maxlength={100} />
            <Field t={t} name="wijkSlug" label={t('billing.field.wijkSlug')} hint={t('billing.field.wijkSlug.hint')} state={withProposed(state, d.proposal.wijkName)} required maxlength={60} />
          </>
        ) : (
          <p class="hint">{t('billing.applications.approve.hint')}</p>
        )}
        <p>
          <button type="submit">{t('billing.applications.approve')}</button>
        </p>
      </form>
      <form method="post" action={`${applicationPath(id)}/afwijzen`} class="stack decision" novalidate>
        <CsrfField token={csrfToken} />
        <h3>{t('billing.applications.decline')}</h3>
        <TextArea t={t} name="reason" label={t('billing.field.declineReason')} hint={t('billing.field.declineReason.hint')} state={state} required rows={4} maxlength={2000} />
        <p>
          <button type="submit" class="secondary">
            {t('billing.applications.decline')}
          </button>
        </p>
      </form>
    </section>
  )
}

export function ApplicationDetailPage(p: { t: T; lang: Lang; d: ApplicationDetail; csrfToken: string; state: FormState; notice?: string }) {
  const { t, lang, d } = p
  const a = d.application
  const c = d.customer
  return (
    <>
      <p>
        <a href={APPLICATIONS_ADMIN}>{t('billing.applications.back')}</a>
      </p>
      <h1>{t('billing.applications.detailTitle', { organisation: c.organisationName })}</h1>
      {p.notice && <Notice kind="error">{p.notice}</Notice>}
      <ErrorSummary errors={p.state.errors} t={t} />
      <dl class="facts">
        <Row label={t('billing.col.state')}>{t(APPLICATION_STATUS_KEY[a.status])}</Row>
        {a.decidedAt && <Row label={t('billing.applications.decidedAt')}>{formatDate(a.decidedAt, lang, 'dateTime')}</Row>}
        {a.declineReason && <Row label={t('billing.field.declineReason')}>{a.declineReason}</Row>}
        <Row label={t('billing.applications.kind')}>{t(KIND_KEY[a.kind])}</Row>
        <ProposalRows t={t} d={d} />
        <Row label={t('billing.col.name')}>{lang === 'nl' ? d.pkg.nameNl : d.pkg.nameEn}</Row>
        <Row label={t('billing.field.organisationName')}>{c.organisationName}</Row>
        <Row label={t('billing.field.kvkNumber')}>{c.kvkNumber ?? '—'}</Row>
        <Row label={t('billing.field.vatNumber')}>{c.vatNumber ?? '—'}</Row>
        <Row label={t('billing.apply.address')}>
          {c.street} {c.houseNumber}, {c.postalCode} {c.place}, {c.country}
        </Row>
        <Row label={t('billing.field.billingEmail')}>{c.billingEmail}</Row>
        <Row label={t('billing.field.contactName')}>{c.contactName}</Row>
        <Row label={t('billing.applications.applicant')}>
          {d.applicant.firstName} ({d.applicant.email})
        </Row>
        <Row label={t('billing.apply.payment')}>{t(PAYMENT_KEY[a.paymentMethod])}</Row>
        {d.mandate?.reference && (
          <>
            <Row label={t('billing.mandate.reference')}>{d.mandate.reference}</Row>
            <Row label={t('billing.mandate.scheme')}>{d.mandate.scheme && t(SCHEME_KEY[d.mandate.scheme])}</Row>
            <Row label={t('billing.field.iban')}>{d.mandate.ibanMasked}</Row>
            <Row label={t('billing.field.accountHolder')}>{d.mandate.accountHolderName}</Row>
          </>
        )}
        <Row label={t(AGREEMENT_TEXT[a.kind].legend)}>
          <a href={versionPath(AGREEMENT_KIND[a.kind], a.documentVersion)}>{t('billing.applications.signed', { version: a.documentVersion, name: a.signerName, date: formatDate(a.acceptedAt, lang, 'dateTime') })}</a>
        </Row>
        <Row label={t('billing.col.received')}>{formatDate(a.createdAt, lang, 'dateTime')}</Row>
      </dl>
      {a.status === 'pending' && <Decisions t={t} d={d} csrfToken={p.csrfToken} state={p.state} />}
    </>
  )
}

/**
 * Pages of /beheer/partners: the list, the agreement form, the partner page with its status
 * actions, keys and daily use, and the page that shows a new key once. Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { FormValues } from '../../kernel/http/form.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { WijkSummary, CitySummary } from '../places/places.queries.js'
import type { PartnerStatus } from './partners.tables.js'
import type { KeyRow, Partner, PartnerRow, PartnerScope } from './partners.queries.js'
import { NEXT_STATUSES, TYPE_CHOICE_NAMES, choicesOf, cityField, typeField, wijkField } from './partners.schema.js'
import { TYPE_KEY, dayText, scopeText, typesText } from './partners.public.views.js'

export const LIST = '/beheer/partners'
export const partnerPath = (id: number) => `${LIST}/${id}`

const STATUS_KEY: Record<PartnerStatus, MessageKey> = {
  concept: 'partners.status.concept',
  actief: 'partners.status.actief',
  opgeschort: 'partners.status.opgeschort',
  beeindigd: 'partners.status.beeindigd',
}
const ACTION_KEY: Record<PartnerStatus, MessageKey> = {
  concept: 'partners.status.concept',
  actief: 'partners.action.actief',
  opgeschort: 'partners.action.opgeschort',
  beeindigd: 'partners.action.beeindigd',
}

function termText(t: T, lang: Lang, p: Pick<Partner, 'startsOn' | 'endsOn'>): string {
  return p.endsOn ? t('partners.dates.range', { start: dayText(p.startsOn, lang), end: dayText(p.endsOn, lang) }) : t('partners.dates.from', { start: dayText(p.startsOn, lang) })
}

export function PartnerListPage(p: { t: T; lang: Lang; rows: PartnerRow[]; canManage: boolean }) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('partners.admin.title')}</h1>
      <p class="prose">{p.canManage ? t('partners.admin.intro') : t('partners.admin.introAmbassadeur')}</p>
      {p.canManage && (
        <p>
          <a class="button" href={`${LIST}/nieuw`}>
            {t('partners.admin.new')}
          </a>
        </p>
      )}
      {p.rows.length === 0 ? (
        <p>{t('partners.admin.none')}</p>
      ) : (
        <DataTable caption={t('partners.admin.title')} head={[t('partners.col.name'), t('partners.col.status'), t('partners.col.dates'), t('partners.col.scope'), p.canManage && { label: t('partners.col.keys'), class: 'num' }]}>
          {p.rows.map(({ partner, scope, activeKeys }) => (
            <tr>
              <th scope="row">
                <a href={partnerPath(partner.id)}>{partner.name}</a>
              </th>
              <td>{t(STATUS_KEY[partner.status])}</td>
              <td>{termText(t, lang, partner)}</td>
              <td>
                {scopeText(t, scope)}
                <br />
                <span class="muted">{typesText(t, partner.contentTypes)}</span>
              </td>
              {p.canManage && <td class="num">{activeKeys}</td>}
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

/** The form's values for a stored partner, as the inputs expect them. */
export function partnerFormValues(partner: Partner, scope: PartnerScope): FormValues {
  const values: FormValues = {
    name: partner.name,
    contactName: partner.contactName,
    contactEmail: partner.contactEmail,
    origins: partner.origins.join('\n'),
    purposeNl: partner.purposeNl,
    purposeEn: partner.purposeEn,
    startsOn: partner.startsOn,
    endsOn: partner.endsOn ?? '',
    ratePerMinute: String(partner.ratePerMinute),
    agreementDocumentId: partner.agreementDocumentId === null ? '' : String(partner.agreementDocumentId),
    signedBy: partner.signedBy ?? '',
    signedOn: partner.signedOn ?? '',
  }
  for (const choice of choicesOf(partner.contentTypes)) values[typeField(choice)] = 'on'
  for (const c of scope.cities) values[cityField(c.id)] = 'on'
  for (const w of scope.wijken) values[wijkField(w.id)] = 'on'
  return values
}

export interface FormChoices {
  cities: CitySummary[]
  wijken: WijkSummary[]
  versions: Array<{ id: number; version: number; publishedAt: Date | null }>
}

/** A group of checkboxes under one legend, with the group's error above them. */
function CheckGroup(p: { id: string; legend: string; hint?: string; error?: string; children: unknown }) {
  return (
    <fieldset id={p.id} aria-describedby={p.error ? `${p.id}-error` : undefined}>
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {p.error && (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
      {p.children}
    </fieldset>
  )
}

export function PartnerFormPage(p: { t: T; lang: Lang; csrfToken: string; action: string; state: FormState; partner?: Partner; choices: FormChoices }) {
  const { t, lang, state } = p
  const errors = state.errors ?? {}
  const byCity = new Map<string, WijkSummary[]>()
  for (const w of p.choices.wijken) byCity.set(w.cityName, [...(byCity.get(w.cityName) ?? []), w])
  return (
    <>
      <p>
        <a href={p.partner ? partnerPath(p.partner.id) : LIST}>{t('partners.admin.back')}</a>
      </p>
      <h1>{p.partner ? t('partners.form.editTitle', { name: p.partner.name }) : t('partners.form.newTitle')}</h1>
      <ErrorSummary errors={state.errors} t={t} />
      <form method="post" action={p.action} class="stack wide" novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend>{t('partners.form.organisation')}</legend>
          <Field t={t} name="name" label={t('partners.field.name')} state={state} required maxlength={200} />
          <Field t={t} name="contactName" label={t('partners.field.contactName')} hint={t('partners.field.contactName.hint')} state={state} required maxlength={200} />
          <Field t={t} name="contactEmail" type="email" label={t('partners.field.contactEmail')} state={state} required maxlength={254} />
          <TextArea t={t} name="origins" label={t('partners.field.origins')} hint={t('partners.field.origins.hint')} state={state} rows={3} />
          <TextArea t={t} name="purposeNl" label={t('partners.field.purposeNl')} hint={t('partners.field.purpose.hint')} state={state} required rows={3} maxlength={2000} />
          <TextArea t={t} name="purposeEn" label={t('partners.field.purposeEn')} state={state} required rows={3} maxlength={2000} />
        </fieldset>
        <fieldset>
          <legend>{t('partners.form.scope')}</legend>
          <CheckGroup id="types" legend={t('partners.field.types')} error={errors.types}>
            {TYPE_CHOICE_NAMES.map((choice) => (
              <Checkbox name={typeField(choice)} label={t(TYPE_KEY[choice])} state={state} />
            ))}
          </CheckGroup>
          <CheckGroup id="scope" legend={t('partners.field.cities')} hint={t('partners.field.cities.hint')} error={errors.scope}>
            {p.choices.cities.map((c) => (
              <Checkbox name={cityField(c.id)} label={c.name} state={state} />
            ))}
          </CheckGroup>
          {[...byCity].map(([city, wijken]) => (
            <CheckGroup id={`wijken-${wijken[0]!.cityId}`} legend={`${t('partners.field.wijken')}: ${city}`}>
              {wijken.map((w) => (
                <Checkbox name={wijkField(w.id)} label={w.name} state={state} />
              ))}
            </CheckGroup>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('partners.form.term')}</legend>
          <Field t={t} name="startsOn" type="date" label={t('partners.field.startsOn')} state={state} required />
          <Field t={t} name="endsOn" type="date" label={t('partners.field.endsOn')} hint={t('partners.field.endsOn.hint')} state={state} />
          <Field t={t} name="ratePerMinute" type="number" inputmode="numeric" label={t('partners.field.rate')} hint={t('partners.field.rate.hint')} state={state} required />
        </fieldset>
        <fieldset>
          <legend>{t('partners.form.agreement')}</legend>
          {p.choices.versions.length === 0 && <p class="hint">{t('partners.field.agreement.noVersions')}</p>}
          <Select
            t={t}
            name="agreementDocumentId"
            label={t('partners.field.agreement')}
            hint={t('partners.field.agreement.hint')}
            state={state}
            options={[
              { value: '', label: t('partners.field.agreement.none') },
              ...p.choices.versions.map((v) => ({ value: String(v.id), label: t('partners.field.agreement.option', { version: v.version, date: v.publishedAt ? formatDate(v.publishedAt, lang) : '' }) })),
            ]}
          />
          <Field t={t} name="signedBy" label={t('partners.field.signedBy')} hint={t('partners.field.signedBy.hint')} state={state} maxlength={200} />
          <Field t={t} name="signedOn" type="date" label={t('partners.field.signedOn')} state={state} />
        </fieldset>
        <div>
          <button type="submit">{t('form.save')}</button>
        </div>
      </form>
    </>
  )
}

export interface UseRow {
  day: string
  prefix: string
  label: string
  requests: number
}

export interface DetailProps {
  t: T
  lang: Lang
  csrfToken: string
  partner: Partner
  scope: PartnerScope
  /** The signed version's number, when there is one. */
  agreementVersion: number | null
  inForce: boolean
  /** Admins manage; an ambassadeur only reads (no contact details, no keys). */
  canManage: boolean
  keys: KeyRow[]
  use: UseRow[]
  /** The problem with a refused status change or key, shown at the top. */
  notice?: string
  keyState?: FormState
}

function StatusActions({ t, csrfToken, partner, signed }: { t: T; csrfToken: string; partner: Partner; signed: boolean }) {
  const next = NEXT_STATUSES[partner.status]
  if (next.length === 0) return <p>{t('partners.detail.statusFinal')}</p>
  return (
    <>
      {next.includes('actief') && !signed && <p class="hint" id="needs-signature">{t('partners.detail.needsSignature')}</p>}
      <ul class="actions">
        {next.map((to) => (
          <li>
            <form method="post" action={`${partnerPath(partner.id)}/status`}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="status" value={to} />
              <button type="submit" class={to === 'actief' ? undefined : 'secondary'} disabled={to === 'actief' && !signed} aria-describedby={to === 'actief' && !signed ? 'needs-signature' : undefined}>
                {t(ACTION_KEY[to])}
              </button>
            </form>
            {(to === 'opgeschort' || to === 'beeindigd') && <p class="hint">{t(to === 'opgeschort' ? 'partners.action.opgeschort.hint' : 'partners.action.beeindigd.hint')}</p>}
          </li>
        ))}
      </ul>
    </>
  )
}

function KeysSection(p: DetailProps) {
  const { t, lang } = p
  const when = (d: Date | null) => (d ? formatDate(d, lang, 'dateTime') : t('partners.keys.never'))
  return (
    <section aria-labelledby="sleutels">
      <h2 id="sleutels">{t('partners.keys.heading')}</h2>
      <p class="prose">{t('partners.keys.intro')}</p>
      {p.keys.length === 0 ? (
        <p>{t('partners.keys.none')}</p>
      ) : (
        <DataTable caption={t('partners.keys.heading')} head={[t('partners.keys.prefix'), t('partners.keys.label'), t('partners.keys.created'), t('partners.keys.lastUsed'), t('partners.keys.revoked'), { label: t('partners.keys.revoke'), hidden: true }]}>
          {p.keys.map((k) => (
            <tr>
              <th scope="row">
                <code>{k.prefix}…</code>
              </th>
              <td>{k.label}</td>
              <td>{formatDate(k.createdAt, lang, 'dateTime')}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>{k.revokedAt ? formatDate(k.revokedAt, lang, 'dateTime') : t('partners.keys.active')}</td>
              <td>
                {!k.revokedAt && (
                  <form method="post" action={`${partnerPath(p.partner.id)}/sleutels/${k.id}/intrekken`}>
                    <CsrfField token={p.csrfToken} />
                    <button type="submit" class="secondary" aria-label={t('partners.keys.revokeLabel', { prefix: k.prefix })}>
                      {t('partners.keys.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {p.partner.status === 'beeindigd' ? (
        <p>{t('partners.keys.ended')}</p>
      ) : (
        <form method="post" action={`${partnerPath(p.partner.id)}/sleutels`} class="stack">
          <CsrfField token={p.csrfToken} />
          <Field t={t} name="label" label={t('partners.keys.label')} hint={t('partners.keys.label.hint')} state={p.keyState} required maxlength={100} />
          <div>
            <button type="submit">{t('partners.keys.create')}</button>
          </div>
        </form>
      )}
      <h3>{t('partners.use.heading')}</h3>
      {p.use.length === 0 ? (
        <p>{t('partners.use.none')}</p>
      ) : (
        <DataTable caption={t('partners.use.heading')} head={[t('partners.use.day'), t('partners.use.key'), { label: t('partners.use.requests'), class: 'num' }]}>
          {p.use.map((u) => (
            <tr>
              <td>{dayText(u.day, lang)}</td>
              <td>
                <code>{u.prefix}…</code> {u.label}
              </td>
              <td class="num">{u.requests}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}

export function PartnerDetailPage(p: DetailProps) {
  const { t, lang, partner } = p
  const signed = p.agreementVersion !== null && Boolean(partner.signedBy) && partner.signedOn !== null
  return (
    <>
      <p>
        <a href={LIST}>{t('partners.admin.back')}</a>
      </p>
      <h1>{partner.name}</h1>
      <p>
        <strong>{t(STATUS_KEY[partner.status])}</strong> · {p.inForce ? t('partners.inForce') : t('partners.notInForce')}
      </p>
      {p.notice && <Notice kind="error">{p.notice}</Notice>}
      {p.canManage && (
        <p>
          <a class="button" href={`${partnerPath(partner.id)}/bewerken`}>
            {t('partners.detail.edit')}
          </a>
        </p>
      )}
      <section aria-labelledby="overeenkomst">
        <h2 id="overeenkomst">{t('partners.detail.facts')}</h2>
        <dl class="facts">
          <dt>{t('partners.public.purpose')}</dt>
          <dd class="pre-wrap">{lang === 'en' ? partner.purposeEn : partner.purposeNl}</dd>
          <dt>{t('partners.public.places')}</dt>
          <dd>{scopeText(t, p.scope)}</dd>
          <dt>{t('partners.public.types')}</dt>
          <dd>{typesText(t, partner.contentTypes)}</dd>
          <dt>{t('partners.col.dates')}</dt>
          <dd>{termText(t, lang, partner)}</dd>
          <dt>{t('partners.field.origins')}</dt>
          <dd>
            {partner.origins.length === 0 ? (
              t('partners.detail.origins.none')
            ) : (
              <ul>
                {partner.origins.map((o) => (
                  <li>
                    <code>{o}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('partners.field.rate')}</dt>
          <dd>{partner.ratePerMinute}</dd>
          <dt>{t('partners.form.agreement')}</dt>
          <dd>
            {signed
              ? t('partners.detail.agreement', { version: p.agreementVersion!, name: partner.signedBy!, date: dayText(partner.signedOn!, lang) })
              : t('partners.detail.unsigned')}
          </dd>
          {p.canManage && (
            <>
              <dt>{t('partners.detail.contact')}</dt>
              <dd>
                {partner.contactName}, <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a>
              </dd>
            </>
          )}
        </dl>
      </section>
      {p.canManage && (
        <section aria-labelledby="status">
          <h2 id="status">{t('partners.detail.statusHeading')}</h2>
          <StatusActions t={t} csrfToken={p.csrfToken} partner={partner} signed={signed} />
        </section>
      )}
      {p.canManage && <KeysSection {...p} />}
    </>
  )
}

/** The answer to "create key": the only time the whole key is ever shown. */
export function KeyCreatedPage({ t, partner, token }: { t: T; partner: Partner; token: string }) {
  return (
    <>
      <h1>{t('partners.keys.createdTitle', { name: partner.name })}</h1>
      <Notice kind="info">{t('partners.keys.once')}</Notice>
      <div class="field">
        <label for="sleutel">{t('partners.keys.token')}</label>
        <p class="hint" id="sleutel-hint">
          {t('partners.keys.copyHint')}
        </p>
        <input id="sleutel" type="text" readonly value={token} aria-describedby="sleutel-hint" autocomplete="off" spellcheck={false} class="key-once" />
      </div>
      <p>
        <a class="button" href={partnerPath(partner.id)}>
          {t('partners.keys.done')}
        </a>
      </p>
    </>
  )
}

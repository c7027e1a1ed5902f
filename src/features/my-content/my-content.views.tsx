/**
 * Owner-side pages: Mijn content, the content form, the preview, images, co-managers and the
 * small confirmation pages. Pure views: everything comes in as props.
 */
import type { Child } from 'hono/jsx'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import { CONTENT_TYPES, type ContentType } from '../content/content.tables.js'
import type { Theme } from '../content/content.themes.js'
import { CATEGORIES, MAX_EXPIRY_DAYS, RECURRENCE_KINDS } from './my-content.schema.js'
import type { ItemImage, Managers, MyItem } from './my-content.queries.js'
import { MAX_IMAGES } from './my-content.service.js'

type Base = { t: T; csrfToken: string }

export const typeLabel = (t: T, type: ContentType) => t(`my-content.type.${type}` as MessageKey)
const statusLabel = (t: T, status: string) => t(`my-content.status.${status}` as MessageKey)
const themeName = (theme: Theme, lang: Lang) => (lang === 'en' ? theme.nameEn : theme.nameNl)

function Back({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href}>{label}</a>
    </p>
  )
}

// -- Mijn content ----------------------------------------------------------------------------

export function MyContentPage(p: Base & { items: Array<MyItem & { expired: boolean; viewHref: string | null }>; lang: Lang }) {
  const { t } = p
  return (
    <>
      <h1>{t('my-content.title')}</h1>
      <p>{t('my-content.intro')}</p>
      <p>
        <a class="button" href="/mijn-content/nieuw">
          {t('my-content.new')}
        </a>
      </p>
      {p.items.length === 0 ? (
        <p>{t('my-content.none')}</p>
      ) : (
        <DataTable
          head={[
            t('my-content.col.title'),
            t('my-content.col.type'),
            t('my-content.col.wijk'),
            t('my-content.col.status'),
            t('my-content.col.expires'),
            t('my-content.col.actions'),
          ]}
        >
          {p.items.map((item) => (
            <tr>
              <td>
                {item.title}
                {!item.isOwner && <span class="muted"> ({t('my-content.coManaged')})</span>}
              </td>
              <td>{typeLabel(t, item.type)}</td>
              <td>{item.wijkName}</td>
              <td>
                {statusLabel(t, item.status)}
                {item.expired && <strong class="expired"> · {t('my-content.expired')}</strong>}
                {item.status === 'hidden' && <HiddenState t={t} csrfToken={p.csrfToken} lang={p.lang} item={item} />}
                {!item.sharedWithPartners && <span class="muted"> · {t('my-content.onlyHere')}</span>}
                {item.featuredAt && <strong> · {t('my-content.featured')}</strong>}
              </td>
              <td>{item.expiresAt ? formatDate(item.expiresAt, p.lang, 'date') : ''}</td>
              <td>
                <ul class="actions">
                  <li>
                    <a href={`/mijn-content/${item.id}/bewerken`} aria-label={t('my-content.editLabel', { title: item.title })}>
                      {t('my-content.edit')}
                    </a>
                  </li>
                  <li>
                    <a href={`/mijn-content/${item.id}/voorbeeld`} aria-label={t('my-content.previewLabel', { title: item.title })}>
                      {t('my-content.preview')}
                    </a>
                  </li>
                  {item.viewHref && (
                    <li>
                      <a href={item.viewHref} aria-label={t('my-content.viewLabel', { title: item.title })}>
                        {t('my-content.view')}
                      </a>
                    </li>
                  )}
                  {(item.type === 'request' || item.type === 'offer') && (
                    <li>
                      <form method="post" action={`/mijn-content/${item.id}/verlengen`} class="inline">
                        <CsrfField token={p.csrfToken} />
                        <button type="submit" class="linklike" aria-label={t('my-content.renewLabel', { title: item.title })}>
                          {t('my-content.renew')}
                        </button>
                      </form>
                    </li>
                  )}
                  {item.isOwner && (
                    <>
                      <li>
                        <FeatureButton t={t} csrfToken={p.csrfToken} item={item} />
                      </li>
                      <li>
                        <a href={`/mijn-content/${item.id}/beheerders`} aria-label={t('my-content.managersLabel', { title: item.title })}>
                          {t('my-content.managers')}
                        </a>
                      </li>
                      <li>
                        <a href={`/mijn-content/${item.id}/verwijderen`} aria-label={t('my-content.deleteLabel', { title: item.title })}>
                          {t('my-content.delete')}
                        </a>
                      </li>
                    </>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

/** Marks an item uitgelicht on the wijk home, or takes the mark off (a package decides, my-content.featured.ts). */
function FeatureButton(p: Base & { item: MyItem }) {
  const { t, item } = p
  const on = item.featuredAt === null
  return (
    <form method="post" action={`/mijn-content/${item.id}/uitlichten`} class="inline">
      <CsrfField token={p.csrfToken} />
      <input type="hidden" name="featured" value={on ? 'yes' : 'no'} />
      <button type="submit" class="linklike" aria-label={t(on ? 'my-content.featureLabel' : 'my-content.unfeatureLabel', { title: item.title })}>
        {t(on ? 'my-content.feature' : 'my-content.unfeature')}
      </button>
    </form>
  )
}

/** Why the wijk team hid an item, and the owner's way back: fix it, then ask to publish again. */
function HiddenState(p: Base & { lang: Lang; item: MyItem }) {
  const { t, item } = p
  return (
    <div class="stack">
      <p>{item.hiddenKind === 'reports' ? t('my-content.hidden.reports') : t('my-content.hidden.reason', { reason: item.hiddenReason ?? '' })}</p>
      {item.republishRequestedAt ? (
        <p class="muted">{t('my-content.republish.asked', { date: formatDate(item.republishRequestedAt, p.lang, 'date') })}</p>
      ) : (
        <form method="post" action={`/mijn-content/${item.id}/opnieuw-publiceren`} class="inline">
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="linklike" aria-label={t('my-content.republishLabel', { title: item.title })}>
            {t('my-content.republish')}
          </button>
        </form>
      )}
    </div>
  )
}

// -- Choosing type and wijk ------------------------------------------------------------------

export function ChooseTypePage(p: { t: T; wijken: Array<{ id: number; name: string; cityName: string }>; type?: string; wijkId?: number }) {
  const { t } = p
  return (
    <>
      <Back href="/mijn-content" label={t('my-content.back')} />
      <h1>{t('my-content.new.title')}</h1>
      <form method="get" action="/mijn-content/nieuw" class="stack">
        <fieldset>
          <legend>{t('my-content.new.type')}</legend>
          {CONTENT_TYPES.map((type, i) => (
            <div class="check">
              <input type="radio" id={`type-${type}`} name="type" value={type} checked={p.type ? p.type === type : i === 0} />
              <label for={`type-${type}`}>
                {typeLabel(t, type)} <span class="muted">— {t(`my-content.type.${type}.hint` as MessageKey)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <Select
          name="wijk"
          label={t('my-content.field.wijk')}
          hint={t('my-content.field.wijk.hint')}
          value={p.wijkId ? String(p.wijkId) : ''}
          options={p.wijken.map((w) => ({ value: String(w.id), label: `${w.name} (${w.cityName})` }))}
          required
          t={t}
        />
        <button type="submit">{t('my-content.new.next')}</button>
      </form>
    </>
  )
}

// -- The content form ------------------------------------------------------------------------

export interface FormPageProps extends Base {
  lang: Lang
  title: string
  action: string
  type: ContentType
  wijkName: string
  themes: Theme[]
  locations: Array<{ id: number; title: string }>
  businesses: Array<{ id: number; title: string }>
  state: FormState
  /** Set when editing: links to preview, images, co-managers. */
  itemId?: number
  status?: string
  /** Where "back" leads (default: Mijn content), and whether the preview and images links show. */
  back?: { href: string; label: string }
  itemLinks?: boolean
  /** Show the owner's own choices (sharing with partner websites). */
  ownerChoices?: boolean
  /** Why the item cannot be created without a package (and where the packages are), beside the form. */
  packageNeeded?: { message: string }
}

function ContactField(p: { t: T; state: FormState; name: 'contactName' | 'contactEmail' | 'contactPhone' | 'contactAddress'; type?: 'email' | 'tel' }) {
  const { t } = p
  const label = t(`my-content.field.${p.name}` as MessageKey)
  const isPublic = p.state.values?.[`${p.name}Public`] === 'on'
  return (
    <div class="contact-field">
      {p.name === 'contactAddress' ? (
        <TextArea name={p.name} label={label} rows={2} maxlength={300} state={p.state} t={t} hint={t(isPublic ? 'my-content.contact.shownPublic' : 'my-content.contact.private')} />
      ) : (
        <Field name={p.name} label={label} type={p.type} maxlength={p.name === 'contactEmail' ? 254 : 120} state={p.state} t={t} hint={t(isPublic ? 'my-content.contact.shownPublic' : 'my-content.contact.private')} />
      )}
      <Checkbox name={`${p.name}Public`} label={t('my-content.contact.showPublicly', { field: label.toLowerCase() })} state={p.state} hint={t('my-content.contact.publicHint')} />
    </div>
  )
}

export function ContentFormPage(p: FormPageProps) {
  const { t, state, type } = p
  return (
    <>
      <Back href={p.back?.href ?? '/mijn-content'} label={p.back?.label ?? t('my-content.back')} />
      <h1>{p.title}</h1>
      <p>
        {t('my-content.form.context', { type: typeLabel(t, type), wijk: p.wijkName })}
        {p.status && <> · {statusLabel(t, p.status)}</>}
      </p>
      {p.itemId && p.itemLinks !== false && (
        <ul class="actions">
          <li>
            <a href={`/mijn-content/${p.itemId}/voorbeeld`}>{t('my-content.preview')}</a>
          </li>
          <li>
            <a href={`/mijn-content/${p.itemId}/afbeeldingen`}>{t('my-content.images')}</a>
          </li>
        </ul>
      )}
      <ErrorSummary errors={state.errors} t={t} />
      {p.packageNeeded && (
        <Notice kind="error">
          <p id="package-needed">
            {p.packageNeeded.message} <a href="/pakketten">{t('my-content.error.etalageLimit.link')}</a>
          </p>
        </Notice>
      )}
      <form method="post" action={p.action} class="stack wide">
        <CsrfField token={p.csrfToken} />
        <Field name="title" label={t('my-content.field.title')} required maxlength={150} state={state} t={t} />
        <TextArea name="summary" label={t('my-content.field.summary')} hint={t('my-content.field.summary.hint')} rows={2} maxlength={300} state={state} t={t} />
        <TextArea name="body" label={t('my-content.field.body')} hint={t('my-content.field.body.hint')} rows={10} maxlength={20000} state={state} t={t} />

        {p.themes.length > 0 && (
          <fieldset>
            <legend>{t('my-content.field.themes')}</legend>
            {p.themes.map((theme) => (
              <Checkbox name={`theme_${theme.id}`} label={themeName(theme, p.lang)} state={state} />
            ))}
          </fieldset>
        )}

        {type === 'activity' && (
          <fieldset>
            <legend>{t('my-content.group.when')}</legend>
            <Field name="startDate" type="date" label={t('my-content.field.startDate')} required state={state} t={t} />
            <Field name="startTime" type="text" inputmode="numeric" label={t('my-content.field.startTime')} hint={t('my-content.field.time.hint')} state={state} t={t} maxlength={5} />
            <Field name="endDate" type="date" label={t('my-content.field.endDate')} state={state} t={t} />
            <Field name="endTime" type="text" inputmode="numeric" label={t('my-content.field.endTime')} hint={t('my-content.field.time.hint')} state={state} t={t} maxlength={5} />
            <Checkbox name="allDay" label={t('my-content.field.allDay')} state={state} />
            <Select
              name="recurrenceKind"
              label={t('my-content.field.recurrence')}
              hint={t('my-content.field.recurrence.hint')}
              options={[{ value: '', label: t('my-content.recurrence.none') }, ...RECURRENCE_KINDS.map((k) => ({ value: k, label: t(`my-content.recurrence.${k}` as MessageKey) }))]}
              state={state}
              t={t}
            />
            <Field name="recurrenceUntil" type="date" label={t('my-content.field.until')} state={state} t={t} />
            <TextArea name="recurrenceExceptions" label={t('my-content.field.exceptions')} hint={t('my-content.field.exceptions.hint')} rows={2} state={state} t={t} />
            <TextArea name="recurrenceMoves" label={t('my-content.field.moves')} hint={t('my-content.field.moves.hint')} rows={2} state={state} t={t} />
          </fieldset>
        )}
        {type === 'activity' && (
          <fieldset>
            <legend>{t('my-content.group.where')}</legend>
            <TextArea name="locationText" label={t('my-content.field.locationText')} hint={t('my-content.field.locationText.hint')} rows={2} maxlength={300} state={state} t={t} />
            <Select
              name="locationOrgId"
              label={t('my-content.field.locationOrg')}
              options={[{ value: '', label: t('my-content.none.option') }, ...p.locations.map((o) => ({ value: String(o.id), label: o.title }))]}
              state={state}
              t={t}
            />
            <Select
              name="costKind"
              label={t('my-content.field.cost')}
              options={[
                { value: 'free', label: t('my-content.cost.free') },
                { value: 'amount', label: t('my-content.cost.amount') },
              ]}
              state={state}
              t={t}
            />
            <Field name="costAmount" label={t('my-content.field.costAmount')} hint={t('my-content.field.money.hint')} inputmode="text" maxlength={10} state={state} t={t} />
            <TextArea name="joinInfo" label={t('my-content.field.joinInfo')} rows={3} maxlength={1000} state={state} t={t} />
          </fieldset>
        )}
        {type === 'organisation' && (
          <fieldset>
            <legend>{t('my-content.group.organisation')}</legend>
            <TextArea name="offers" label={t('my-content.field.offers')} rows={4} maxlength={2000} state={state} t={t} />
            <TextArea name="openingHours" label={t('my-content.field.openingHours')} rows={3} maxlength={500} state={state} t={t} />
            <Field name="website" type="url" label={t('my-content.field.website')} hint={t('my-content.field.website.hint')} maxlength={300} state={state} t={t} />
          </fieldset>
        )}
        {(type === 'request' || type === 'offer') && (
          <fieldset>
            <legend>{t('my-content.group.prikbord')}</legend>
            <Select
              name="category"
              label={t('my-content.field.category')}
              required
              options={[{ value: '', label: t('my-content.choose') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`my-content.category.${c}` as MessageKey) }))]}
              state={state}
              t={t}
            />
            <Field name="expiresOn" type="date" label={t('my-content.field.expiresOn')} hint={t('my-content.field.expiresOn.hint', { days: MAX_EXPIRY_DAYS })} required state={state} t={t} />
          </fieldset>
        )}
        {type === 'news' && <Field name="publicationDate" type="date" label={t('my-content.field.publicationDate')} required state={state} t={t} />}
        {type === 'showcase' && (
          <fieldset>
            <legend>{t('my-content.group.showcase')}</legend>
            <Field name="price" label={t('my-content.field.price')} hint={t('my-content.field.money.hint')} maxlength={10} state={state} t={t} />
            <Select
              name="businessId"
              label={t('my-content.field.business')}
              hint={t('my-content.field.business.hint')}
              required
              options={[{ value: '', label: t('my-content.choose') }, ...p.businesses.map((o) => ({ value: String(o.id), label: o.title }))]}
              state={state}
              t={t}
            />
          </fieldset>
        )}

        <fieldset>
          <legend>{t('my-content.group.contact')}</legend>
          <p class="hint">{t('my-content.contact.intro')}</p>
          <ContactField t={t} state={state} name="contactName" />
          <ContactField t={t} state={state} name="contactEmail" type="email" />
          <ContactField t={t} state={state} name="contactPhone" type="tel" />
          <ContactField t={t} state={state} name="contactAddress" />
        </fieldset>
        {p.ownerChoices && (
          <fieldset>
            <legend>{t('my-content.group.sharing')}</legend>
            <Checkbox
              name="sharedWithPartners"
              label={t('my-content.field.sharedWithPartners')}
              state={state}
              hint={
                <>
                  {t('my-content.field.sharedWithPartners.hint')} <a href="/partners">{t('my-content.field.sharedWithPartners.link')}</a>
                </>
              }
            />
          </fieldset>
        )}
        <button type="submit">{t('my-content.save')}</button>
      </form>
    </>
  )
}

// -- Preview ---------------------------------------------------------------------------------

/**
 * The owner's preview (P27): the public item page itself (rendered by the wijk site's ItemPage
 * from the public projection) inside a frame, with the publish button below it.
 */
export function PreviewPage(p: Base & { itemId: number; status: string; hiddenReason: string | null; canPublish: boolean; children: Child }) {
  const { t } = p
  return (
    <>
      <p>
        <a href={`/mijn-content/${p.itemId}/bewerken`}>{t('my-content.backToEdit')}</a> · <a href="/mijn-content">{t('my-content.title')}</a>
      </p>
      <p class="notice info">{t('my-content.preview.explain')}</p>
      {p.status === 'hidden' && <p class="notice error">{t('my-content.preview.hidden', { reason: p.hiddenReason ?? '' })}</p>}
      <section aria-label={t('my-content.preview.region')} class="preview-frame">
        {p.children}
      </section>
      {p.canPublish && (
        <form method="post" action={`/mijn-content/${p.itemId}/publiceren`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit">{t('my-content.publish')}</button>
        </form>
      )}
      {p.status === 'published' && (
        <form method="post" action={`/mijn-content/${p.itemId}/depubliceren`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="secondary">
            {t('my-content.unpublish')}
          </button>
        </form>
      )}
    </>
  )
}

// -- Images ----------------------------------------------------------------------------------

export function ImagesPage(p: Base & { itemId: number; title: string; images: ItemImage[]; state?: FormState }) {
  const { t } = p
  return (
    <>
      <Back href={`/mijn-content/${p.itemId}/bewerken`} label={t('my-content.backToEdit')} />
      <h1>{t('my-content.images.title', { title: p.title })}</h1>
      {p.images.length === 0 ? (
        <p>{t('my-content.images.none')}</p>
      ) : (
        <ul class="image-list">
          {p.images.map((img) => (
            <li>
              <img src={`/media/${img.fileKey}-${img.widths[0]}.webp`} alt={img.alt} width={Math.min(img.width, 320)} height={Math.round((Math.min(img.width, 320) * img.height) / img.width)} />
              <form method="post" action={`/mijn-content/${p.itemId}/afbeeldingen/${img.id}/verwijderen`}>
                <CsrfField token={p.csrfToken} />
                <button type="submit" class="linklike" aria-label={t('my-content.images.deleteLabel', { alt: img.alt })}>
                  {t('my-content.delete')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {p.images.length < MAX_IMAGES ? (
        <>
          <h2>{t('my-content.images.add')}</h2>
          <ErrorSummary errors={p.state?.errors} t={t} />
          <form method="post" action={`/mijn-content/${p.itemId}/afbeeldingen`} enctype="multipart/form-data" class="stack">
            <CsrfField token={p.csrfToken} />
            <div class="field">
              <label for="image">{t('my-content.images.file')}</label>
              <p class="hint" id="image-hint">
                {t('my-content.images.file.hint', { max: MAX_IMAGES })}
              </p>
              {p.state?.errors?.image && (
                <p class="field-error" id="image-error">
                  {p.state.errors.image}
                </p>
              )}
              <input
                type="file"
                id="image"
                name="image"
                accept="image/jpeg,image/png,image/webp"
                required
                aria-invalid={p.state?.errors?.image ? 'true' : undefined}
                aria-describedby={p.state?.errors?.image ? 'image-hint image-error' : 'image-hint'}
              />
            </div>
            <Field name="alt" label={t('my-content.images.alt')} hint={t('my-content.images.alt.hint')} required maxlength={250} state={p.state} t={t} />
            <button type="submit">{t('my-content.images.upload')}</button>
          </form>
        </>
      ) : (
        <p>{t('my-content.images.full', { max: MAX_IMAGES })}</p>
      )}
    </>
  )
}

// -- Confirmations ---------------------------------------------------------------------------

export function ConfirmPage(p: Base & { heading: string; message: string; action: string; button: string; backHref: string }) {
  const { t } = p
  return (
    <>
      <Back href={p.backHref} label={t('my-content.back')} />
      <h1>{p.heading}</h1>
      <p>{p.message}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <button type="submit">{p.button}</button>
      </form>
    </>
  )
}

export function MessagePage(p: { t: T; heading: string; message: string; link?: { href: string; label: string }; back?: { href: string; label: string } }) {
  return (
    <>
      {p.back && <Back href={p.back.href} label={p.back.label} />}
      <h1>{p.heading}</h1>
      <p>{p.message}</p>
      {p.link && (
        <p>
          <a href={p.link.href}>{p.link.label}</a>
        </p>
      )}
    </>
  )
}

// -- Co-managers -----------------------------------------------------------------------------

export function ManagersPage(p: Base & { lang: Lang; itemId: number; title: string; list: Managers; state?: FormState }) {
  const { t } = p
  return (
    <>
      <Back href="/mijn-content" label={t('my-content.back')} />
      <h1>{t('my-content.managers.title', { title: p.title })}</h1>
      <p>{t('my-content.managers.intro')}</p>
      <h2>{t('my-content.managers.current')}</h2>
      {p.list.managers.length === 0 ? (
        <p>{t('my-content.managers.none')}</p>
      ) : (
        <ul>
          {p.list.managers.map((m) => (
            <li>
              {m.firstName} {m.lastName ?? ''} ({m.email}){' '}
              <form method="post" action={`/mijn-content/${p.itemId}/beheerders/${m.userId}/intrekken`} class="inline">
                <CsrfField token={p.csrfToken} />
                <button type="submit" class="linklike" aria-label={t('my-content.managers.revokeLabel', { name: m.firstName })}>
                  {t('my-content.managers.revoke')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('my-content.managers.pending')}</h2>
      {p.list.pending.length === 0 ? (
        <p>{t('my-content.managers.noPending')}</p>
      ) : (
        <ul>
          {p.list.pending.map((inv) => (
            <li>
              {inv.email} <span class="muted">({t('my-content.managers.until', { date: formatDate(inv.expiresAt, p.lang, 'date') })})</span>{' '}
              <form method="post" action={`/mijn-content/${p.itemId}/uitnodigingen/${inv.id}/intrekken`} class="inline">
                <CsrfField token={p.csrfToken} />
                <button type="submit" class="linklike" aria-label={t('my-content.managers.cancelLabel', { email: inv.email })}>
                  {t('my-content.managers.cancel')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('my-content.managers.invite')}</h2>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={`/mijn-content/${p.itemId}/beheerders`} class="stack">
        <CsrfField token={p.csrfToken} />
        <Field name="email" type="email" label={t('my-content.managers.email')} hint={t('my-content.managers.email.hint')} required autocomplete="off" state={p.state} t={t} />
        <button type="submit">{t('my-content.managers.send')}</button>
      </form>
    </>
  )
}

/** `claim`: an invitation to take over an entry the wijk imported, as its owner (wijk-import). */
export function InvitationPage(p: Base & { title: string; inviteEmail: string; action: string; claim?: boolean }) {
  const { t } = p
  return (
    <>
      <h1>{t(p.claim ? 'my-content.invitation.claimTitle' : 'my-content.invitation.title')}</h1>
      <p>{t(p.claim ? 'my-content.invitation.claimBody' : 'my-content.invitation.body', { title: p.title })}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <button type="submit">{t('my-content.invitation.accept')}</button>
      </form>
    </>
  )
}

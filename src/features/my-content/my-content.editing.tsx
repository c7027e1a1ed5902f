/**
 * The one code path for showing and checking the content form of an item, shared by its owner
 * (/mijn-content) and by the wijk team helping with it (/beheer/wijken/:id/inhoud): the same
 * fields, the same checks, the same columns stored. The form offers places and businesses from
 * the point of view of `forUserId`: the person editing on the owner side, the item's owner when
 * the wijk team edits it.
 */
import type { AppContext } from '../../kernel/context.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { DAY } from '../../kernel/clock.js'
import type { ContentType } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { contentSchemas, ownerChoicesSchema, MAX_EXPIRY_DAYS, type ActivityInput, type ContentInput, type PrikbordInput, type ShowcaseInput } from './my-content.schema.js'
import { columnsFor, expiryFromDate, tickedThemes, today, type ItemColumns } from './my-content.form.js'
import { locationChoices, managedOrganisations } from './my-content.queries.js'
import { ContentFormPage } from './my-content.views.js'

export interface ContentFormContext {
  type: ContentType
  wijk: { id: number; name: string }
  action: string
  title: string
  /** Whose own organisations the form offers as place or business (null: public places only, no business). */
  forUserId: string | null
  itemId?: number
  status?: string
  /** Where "back" leads, and whether the owner's preview/images links are shown (owner side only). */
  back?: { href: string; label: string }
  itemLinks?: boolean
  /** The owner side: the form also offers the owner's own choices (ownerChoicesSchema). */
  ownerChoices?: boolean
  /** The item needs a package the owner does not have: the reason, shown beside the form. */
  packageNeeded?: { message: string }
}

/** The form with everything it offers for this wijk (themes, places, businesses). */
export async function renderContentForm(c: AppContext, ctx: ContentFormContext, values: FormValues, errors: FieldErrors | undefined, status: 200 | 403 | 422 = 200) {
  const { db, clock } = c.get('deps')
  await ensureDefaultThemes(db, ctx.wijk.id)
  const [themes, locations, businesses] = await Promise.all([
    listThemes(db, ctx.wijk.id),
    ctx.type === 'activity' ? locationChoices(db, ctx.wijk.id, ctx.forUserId, clock.now()) : Promise.resolve([]),
    ctx.type === 'showcase' ? managedOrganisations(db, ctx.wijk.id, ctx.forUserId) : Promise.resolve([]),
  ])
  return render(
    c,
    <ContentFormPage
      t={c.get('t')}
      csrfToken={c.get('csrfToken')}
      lang={c.get('lang')}
      title={ctx.title}
      action={ctx.action}
      type={ctx.type}
      wijkName={ctx.wijk.name}
      themes={themes}
      locations={locations}
      businesses={businesses}
      state={{ values, errors }}
      itemId={ctx.itemId}
      status={ctx.status}
      back={ctx.back}
      itemLinks={ctx.itemLinks ?? true}
      ownerChoices={ctx.ownerChoices ?? false}
      packageNeeded={ctx.packageNeeded}
    />,
    { title: ctx.title, status },
  )
}

export type ContentFormResult =
  | { ok: true; columns: ItemColumns; themeIds: number[]; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues }

/**
 * Validates the form for this type, including the checks that need the database or the clock.
 * Returns the columns to store, or the errors.
 */
export async function validateContentForm(c: AppContext, type: ContentType, wijkId: number, forUserId: string | null, opts: { ownerChoices?: boolean } = {}): Promise<ContentFormResult> {
  const { db, clock } = c.get('deps')
  const t = c.get('t')
  const form = await readForm(c, contentSchemas[type])
  const errors: FieldErrors = form.ok ? {} : { ...form.errors }
  const themes = await listThemes(db, wijkId)
  const themeIds = tickedThemes(form.values, themes.map((th) => th.id))
  if (form.ok) {
    const data = form.data as ContentInput
    const now = clock.now()
    if (type === 'request' || type === 'offer') {
      const expiresOn = (data as PrikbordInput).expiresOn
      const expiresAt = expiryFromDate(expiresOn)
      if (expiresOn < today(now)) errors.expiresOn = t('my-content.error.expiryPast')
      else if (expiresAt.getTime() > now.getTime() + (MAX_EXPIRY_DAYS + 1) * DAY) errors.expiresOn = t('my-content.error.expiryMax', { days: MAX_EXPIRY_DAYS })
    }
    if (type === 'activity') {
      const orgId = (data as ActivityInput).locationOrgId
      if (orgId !== null && !(await locationChoices(db, wijkId, forUserId, now)).some((o) => o.id === orgId)) errors.locationOrgId = t('error.invalid')
    }
    if (type === 'showcase') {
      const businessId = (data as ShowcaseInput).businessId
      if (!(await managedOrganisations(db, wijkId, forUserId)).some((o) => o.id === businessId)) errors.businessId = t('my-content.error.business')
    }
    if (Object.keys(errors).length === 0) {
      const columns = columnsFor(type, data)
      if (opts.ownerChoices) Object.assign(columns, ownerChoicesSchema.parse(form.values))
      return { ok: true, columns, themeIds, values: form.values }
    }
  }
  return { ok: false, errors, values: form.values }
}

/**
 * Assisted posting (/beheer/wijken/:id/namens, 'wijk.assist'): the wijk team registers someone
 * without email or computer (with the date of their signed paper consent) and places and keeps
 * their content for them. The items are made with the owner side's own form, checks and service
 * (my-content.editing.tsx, my-content.service.ts), with no owner account (ownerId null) and the
 * participant recorded (offlineParticipantId). They are public like any other item; their
 * contact details follow the same per-field switches. How to reach the person is never public.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { renderContentForm, validateContentForm, type ContentFormContext } from '../my-content/my-content.editing.js'
import { defaultValues, today, valuesFromItem } from '../my-content/my-content.form.js'
import { findItemForEdit, type EditableItem } from '../my-content/my-content.queries.js'
import { createItem, publishItem, unpublishItem, updateItem } from '../my-content/my-content.service.js'
import { typeLabel } from '../my-content/my-content.views.js'
import { findParticipant, itemsOfParticipant, participantsOf } from './wijkbeheer.queries.js'
import { registerParticipant, updateParticipant } from './wijkbeheer.service.js'
import { ASSIST_TYPES, assistNewQuerySchema, participantEditSchema, participantSchema } from './wijkbeheer.schema.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { wijkInUrl, wijkOf } from './wijkbeheer.http.js'
import { ParticipantPage, ParticipantsPage } from './wijkbeheer.assist.views.js'


type State = { values: FormValues; errors: FieldErrors }

/** A consent date in the future cannot be on a form that was already signed. */
function futureDateError(c: AppContext, values: { paperConsentOn: string }): FieldErrors | null {
  if (values.paperConsentOn > today(c.get('deps').clock.now())) return { paperConsentOn: c.get('t')('wijkbeheer.offline.error.future') }
  return null
}

async function listPage(c: AppContext, state?: State) {
  const wijk = await wijkInUrl(c)
  const t = c.get('t')
  const participants = await participantsOf(c.get('deps').db, wijk.id)
  return render(
    c,
    <ParticipantsPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} wijk={wijk} participants={participants} today={today(c.get('deps').clock.now())} state={state} />,
    { title: t('wijkbeheer.offline.title', { wijk: wijk.name }), status: state ? 422 : 200 },
  )
}

/** The wijk and the participant in the URL; 404 for a participant of another wijk. */
async function participantInUrl(c: AppContext) {
  const wijk = await wijkInUrl(c)
  const participant = await findParticipant(c.get('deps').db, wijk.id, idParam(c, 'pid'))
  if (!participant) throw notFound()
  return { wijk, participant }
}

async function participantPage(c: AppContext, state?: State) {
  const { wijk, participant } = await participantInUrl(c)
  const t = c.get('t')
  const items = (await itemsOfParticipant(c.get('deps').db, participant.id)).map((i) => ({ ...i, href: i.status === 'published' ? wijkHref(c, wijk, itemPathInWijk(i)) : null }))
  c.header('Cache-Control', 'no-store')
  return render(
    c,
    <ParticipantPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} wijk={wijk} participant={participant} items={items} types={ASSIST_TYPES} state={state} />,
    { title: t('wijkbeheer.offline.person', { name: participant.name }), status: state ? 422 : 200 },
  )
}

/**
 * The new-item form's query (?voor=<id>&type=…): the participant, 404 unless of this wijk, and the
 * type, 404 unless one the team may place.
 */
async function newItemInQuery(c: AppContext) {
  const wijk = await wijkInUrl(c)
  const { voor, type } = readQuery(c, assistNewQuerySchema)
  const participant = voor === undefined ? null : await findParticipant(c.get('deps').db, wijk.id, voor)
  if (!participant || !type) throw notFound()
  return { wijk, participant, type }
}

/** An item placed for an offline participant of this wijk (the item knows whom); 404 for anything else. */
async function itemInUrl(c: AppContext) {
  const wijk = await wijkInUrl(c)
  const { db } = c.get('deps')
  const found = await findItemForEdit(db, idParam(c, 'itemId'))
  if (!found || found.item.wijkId !== wijk.id || found.item.offlineParticipantId === null) throw notFound()
  const participant = await findParticipant(db, wijk.id, found.item.offlineParticipantId)
  if (!participant) throw notFound()
  return { wijk, participant, found }
}

/** The edit form of an item placed for a participant: its page and where "back" leads. */
function editForm(c: AppContext, wijk: ContentFormContext['wijk'], participant: { id: number; name: string }, item: EditableItem): ContentFormContext {
  const t = c.get('t')
  return {
    type: item.type,
    wijk,
    action: `/beheer/wijken/${wijk.id}/namens/inhoud/${item.id}`,
    title: t('my-content.edit.title', { title: item.title }),
    forUserId: null,
    itemId: item.id,
    status: item.status,
    back: { href: `/beheer/wijken/${wijk.id}/namens/${participant.id}`, label: t('wijkbeheer.offline.backTo', { name: participant.name }) },
    itemLinks: false,
  }
}

async function audit(c: AppContext, action: string, itemId: number, details: Record<string, unknown>) {
  const { db, clock } = c.get('deps')
  await recordAudit(db, clock.now(), { actorUserId: c.get('actor').user!.id, action, targetType: 'content', targetId: String(itemId), details })
}

const back = (c: AppContext, wijkId: number, participantId: number, flash: string) =>
  c.redirect(`/beheer/wijken/${wijkId}/namens/${participantId}?melding=flash.wijkbeheer.${flash}`, 303)

export const assistRoutes = new Hono<AppEnv>()
  .get('/beheer/wijken/:id/namens', guard('wijk.assist', wijkOf), (c) => listPage(c))

  .post('/beheer/wijken/:id/namens', guard('wijk.assist', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const form = await readForm(c, participantSchema)
    if (!form.ok) return listPage(c, { values: form.values, errors: form.errors })
    const future = futureDateError(c, form.data)
    if (future) return listPage(c, { values: form.values, errors: future })
    const id = await registerParticipant(c.get('deps'), c.get('actor').user!.id, wijk.id, form.data)
    return back(c, wijk.id, id, 'participantRegistered')
  })

  .get('/beheer/wijken/:id/namens/:pid{[0-9]{1,9}}', guard('wijk.assist', wijkOf), (c) => participantPage(c))

  .post('/beheer/wijken/:id/namens/:pid{[0-9]{1,9}}', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant } = await participantInUrl(c)
    const form = await readForm(c, participantEditSchema)
    if (!form.ok) return participantPage(c, { values: form.values, errors: form.errors })
    const future = futureDateError(c, form.data)
    if (future) return participantPage(c, { values: form.values, errors: future })
    await updateParticipant(c.get('deps'), c.get('actor').user!.id, wijk.id, participant.id, form.data)
    return back(c, wijk.id, participant.id, 'participantSaved')
  })

  // -- Their content, through the owner side's form and service ---------------------------------------
  .get('/beheer/wijken/:id/namens/nieuw', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, type } = await newItemInQuery(c)
    const t = c.get('t')
    const base = `/beheer/wijken/${wijk.id}/namens/${participant.id}`
    const title = t('wijkbeheer.offline.newTitle', { type: typeLabel(t, type), name: participant.name })
    return renderContentForm(
      c,
      { type, wijk, action: `/beheer/wijken/${wijk.id}/namens/nieuw?voor=${participant.id}&type=${type}`, title, forUserId: null, back: { href: base, label: t('wijkbeheer.offline.backTo', { name: participant.name }) }, itemLinks: false },
      defaultValues(type, c.get('deps').clock.now()),
      undefined,
    )
  })

  .post('/beheer/wijken/:id/namens/nieuw', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, type } = await newItemInQuery(c)
    const t = c.get('t')
    const base = `/beheer/wijken/${wijk.id}/namens/${participant.id}`
    const result = await validateContentForm(c, type, wijk.id, null)
    if (!result.ok) {
      const title = t('wijkbeheer.offline.newTitle', { type: typeLabel(t, type), name: participant.name })
      return renderContentForm(
        c,
        { type, wijk, action: `/beheer/wijken/${wijk.id}/namens/nieuw?voor=${participant.id}&type=${type}`, title, forUserId: null, back: { href: base, label: t('wijkbeheer.offline.backTo', { name: participant.name }) }, itemLinks: false },
        result.values,
        result.errors,
        422,
      )
    }
    const id = await createItem(c.get('deps'), { ownerId: null, wijkId: wijk.id, type, columns: { ...result.columns, offlineParticipantId: participant.id }, themeIds: result.themeIds })
    await audit(c, 'wijk.offline.item.create', id, { wijkId: wijk.id, participantId: participant.id, type })
    return back(c, wijk.id, participant.id, 'assistedSaved')
  })

  .get('/beheer/wijken/:id/namens/inhoud/:itemId{[0-9]{1,9}}', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, found } = await itemInUrl(c)
    return renderContentForm(c, editForm(c, wijk, participant, found.item), valuesFromItem(found.item, found.themeIds), undefined)
  })

  .post('/beheer/wijken/:id/namens/inhoud/:itemId{[0-9]{1,9}}', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, found } = await itemInUrl(c)
    const result = await validateContentForm(c, found.item.type, wijk.id, null)
    if (!result.ok) return renderContentForm(c, editForm(c, wijk, participant, found.item), result.values, result.errors, 422)
    const changed = await updateItem(c.get('deps'), found.item.id, result.columns, result.themeIds)
    await audit(c, 'wijk.offline.item.edit', found.item.id, { wijkId: wijk.id, participantId: participant.id, fields: changed })
    return back(c, wijk.id, participant.id, 'assistedSaved')
  })

  .post('/beheer/wijken/:id/namens/inhoud/:itemId{[0-9]{1,9}}/publiceren', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, found } = await itemInUrl(c)
    const published = await publishItem(c.get('deps'), found.item.id)
    if (published) await audit(c, 'wijk.offline.item.publish', found.item.id, { wijkId: wijk.id, participantId: participant.id })
    return back(c, wijk.id, participant.id, published ? 'assistedPublished' : 'assistedNotPublished')
  })

  .post('/beheer/wijken/:id/namens/inhoud/:itemId{[0-9]{1,9}}/depubliceren', guard('wijk.assist', wijkOf), async (c) => {
    const { wijk, participant, found } = await itemInUrl(c)
    await unpublishItem(c.get('deps'), found.item.id)
    await audit(c, 'wijk.offline.item.unpublish', found.item.id, { wijkId: wijk.id, participantId: participant.id })
    return back(c, wijk.id, participant.id, 'assistedUnpublished')
  })

/**
 * The owner side of content (/mijn-content): create, edit, preview and publish items, images,
 * renewal, deletion and co-managers (P05, P07, P27). Every item route is guarded with the item
 * loaded once (`item`, a rowLoader): the policy decides on its owner and co-managers, and the
 * handler works on that same row; handlers never check roles.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam, readQuery, uuidParam } from '../../kernel/http/params.js'
import { can } from '../../kernel/policy/policy.js'
import { readBody, checkForm, readForm, type FieldErrors } from '../../kernel/http/form.js'
import { badRequest, notFound } from '../../kernel/http/errors.js'
import { hitRateLimit, rateKey } from '../../kernel/http/rate-limit.js'
import { render } from '../../kernel/ui/render.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { DAY } from '../../kernel/clock.js'
import { findWijkById } from '../places/places.queries.js'
import { listWijkenSeenBy, previewFor, wijkSeen } from '../places/places.launch.js'
import { wijkBrand, wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { ItemPage } from '../wijk-site/wijk-site.views.js'
import { presentItem } from '../wijk-site/wijk-site.item.js'
import type { ContentType } from '../content/content.tables.js'
import { findPublicItem, previewPublicItem } from '../content/content.public.js'
import { featureSchema, imageSchema, inviteSchema, newItemQuerySchema } from './my-content.schema.js'
import { defaultValues, valuesFromItem } from './my-content.form.js'
import { renderContentForm, validateContentForm } from './my-content.editing.js'
import {
  contentResource,
  findInvitation,
  findItemForEdit,
  itemResource,
  managerIdsOf,
  itemsShowingImage,
  listImages,
  listManagers,
  listMyItems,
} from './my-content.queries.js'
import {
  acceptInvitation,
  addImage,
  deleteImage,
  deleteItem,
  inviteManager,
  publishItem,
  renewItem,
  requestRepublish,
  revokeInvitation,
  revokeManager,
  unpublishItem,
  updateItem,
} from './my-content.service.js'
import { CONTENT_FILE, processImage } from './my-content.images.js'
import { createOwnItem, FREE_ETALAGE_ITEMS } from './my-content.own.js'
import { MAX_FEATURED_ITEMS, setFeatured } from './my-content.featured.js'
import { themesAdminRoutes } from './my-content.themes.routes.js'
import { ChooseTypePage, ConfirmPage, ImagesPage, InvitationPage, ManagersPage, MessagePage, MyContentPage, PreviewPage, typeLabel } from './my-content.views.js'

const YEAR_SECONDS = 31_536_000
const INVITES_PER_DAY = { max: 20, windowMs: DAY }
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

/**
 * The item in the URL with its themes, loaded once: the guard decides on its wijk, owner and
 * co-managers, and the handler works on the same row (`item.row(c)`).
 */
const item = rowLoader(async (c) => {
  const { db } = c.get('deps')
  const id = idParam(c)
  const [found, managerIds] = await Promise.all([findItemForEdit(db, id), managerIdsOf(db, id)])
  return found && { row: found, resource: itemResource(found.item, managerIds) }
})

/**
 * The type and wijk the new-item page's query names; each undefined or null when it names none.
 * An unlaunched wijk counts only for its team and admins: to anyone else it is not there.
 */
async function newItemTarget(c: AppContext) {
  const q = readQuery(c, newItemQuerySchema)
  const found = q.wijk === undefined ? null : await findWijkById(c.get('deps').db, q.wijk)
  const wijk = found && wijkSeen(c.get('actor'), found) ? found : null
  return { type: q.type, wijk }
}

/** Where the public sees an item (once it is visible). */
function publicPath(c: AppContext, item: { id: number; slug: string; type: ContentType; wijkId: number; wijkSlug: string }): string {
  return wijkHref(c, { id: item.wijkId, slug: item.wijkSlug }, itemPathInWijk(item))
}

export const myContentRoutes = new Hono<AppEnv>()
  .route('/', themesAdminRoutes)
  // -- Mijn content ------------------------------------------------------------------------
  .get('/mijn-content', guard('content.create'), async (c) => {
    const { db, clock } = c.get('deps')
    const now = clock.now()
    const items = await listMyItems(db, c.get('actor').user!.id)
    const t = c.get('t')
    const rows = items.map((i) => {
      const expired = i.expiresAt !== null && i.expiresAt <= now
      return { ...i, expired, viewHref: i.status === 'published' && !expired ? publicPath(c, i) : null }
    })
    return render(c, <MyContentPage t={t} csrfToken={c.get('csrfToken')} lang={c.get('lang')} items={rows} />, { title: t('my-content.title') })
  })

  // -- New item: choose type and wijk, then the form ----------------------------------------
  .get('/mijn-content/nieuw', guard('content.create'), async (c) => {
    const t = c.get('t')
    const { type, wijk } = await newItemTarget(c)
    if (!type || !wijk) {
      const wijken = await listWijkenSeenBy(c.get('deps').db, c.get('actor'))
      const chosen = wijk?.id ?? c.get('actor').user!.homeWijkId ?? undefined
      return render(c, <ChooseTypePage t={t} wijken={wijken} type={type} wijkId={chosen} />, { title: t('my-content.new.title') })
    }
    const title = t('my-content.new.formTitle', { type: typeLabel(t, type) })
    const action = `/mijn-content/nieuw?type=${type}&wijk=${wijk.id}`
    return renderContentForm(c, { type, wijk, action, title, forUserId: c.get('actor').user!.id, ownerChoices: true }, defaultValues(type, c.get('deps').clock.now()), undefined)
  })

  .post('/mijn-content/nieuw', guard('content.create'), async (c) => {
    const t = c.get('t')
    const { type, wijk } = await newItemTarget(c)
    if (!type || !wijk) return c.redirect('/mijn-content/nieuw', 303)
    const actor = c.get('actor')
    const result = await validateContentForm(c, type, wijk.id, actor.user!.id, { ownerChoices: true })
    const form = { type, wijk, action: `/mijn-content/nieuw?type=${type}&wijk=${wijk.id}`, title: t('my-content.new.formTitle', { type: typeLabel(t, type) }), forUserId: actor.user!.id, ownerChoices: true }
    if (!result.ok) return renderContentForm(c, form, result.values, result.errors, 422)
    const created = await createOwnItem(c.get('deps'), actor, { wijkId: wijk.id, type, columns: result.columns, themeIds: result.themeIds })
    if (!created.ok) {
      // Refused by the package, not by what was typed: everything typed comes back as it was.
      const packageNeeded = { message: t('my-content.error.etalageLimit', { free: FREE_ETALAGE_ITEMS }) }
      return renderContentForm(c, { ...form, packageNeeded }, result.values, undefined, 403)
    }
    return c.redirect(`/mijn-content/${created.id}/voorbeeld?melding=flash.my-content.saved`, 303)
  })

  // -- Edit --------------------------------------------------------------------------------
  .get('/mijn-content/:id/bewerken', guard('content.edit', item), async (c) => {
    const { db } = c.get('deps')
    const found = item.row(c)
    const wijk = await findWijkById(db, found.item.wijkId)
    if (!wijk) throw notFound()
    const t = c.get('t')
    const ctx = { type: found.item.type, wijk, action: `/mijn-content/${found.item.id}/bewerken`, title: t('my-content.edit.title', { title: found.item.title }), itemId: found.item.id, status: found.item.status, forUserId: c.get('actor').user!.id, ownerChoices: true }
    return renderContentForm(c, ctx, valuesFromItem(found.item, found.themeIds), undefined)
  })

  .post('/mijn-content/:id/bewerken', guard('content.edit', item), async (c) => {
    const { db } = c.get('deps')
    const found = item.row(c)
    const wijk = await findWijkById(db, found.item.wijkId)
    if (!wijk) throw notFound()
    const t = c.get('t')
    const result = await validateContentForm(c, found.item.type, wijk.id, c.get('actor').user!.id, { ownerChoices: true })
    if (!result.ok) {
      const ctx = { type: found.item.type, wijk, action: `/mijn-content/${found.item.id}/bewerken`, title: t('my-content.edit.title', { title: found.item.title }), itemId: found.item.id, status: found.item.status, forUserId: c.get('actor').user!.id, ownerChoices: true }
      return renderContentForm(c, ctx, result.values, result.errors, 422)
    }
    await updateItem(c.get('deps'), found.item.id, result.columns, result.themeIds)
    return c.redirect(`/mijn-content/${found.item.id}/voorbeeld?melding=flash.my-content.saved`, 303)
  })

  // -- Preview and publication (P27) --------------------------------------------------------
  .get('/mijn-content/:id/voorbeeld', guard('content.edit', item), async (c) => {
    const { db } = c.get('deps')
    const found = item.row(c).item
    // The public projection of the same item, without the visibility condition: the preview shows
    // exactly the fields the public will see, through wijk-site's own presenter.
    const [projected, wijk] = await Promise.all([previewPublicItem(db, found.id), findWijkById(db, found.wijkId)])
    if (!projected || !wijk) throw notFound()
    const t = c.get('t')
    const { props } = await presentItem(c, wijk, projected)
    return render(
      c,
      <PreviewPage t={t} csrfToken={c.get('csrfToken')} itemId={found.id} status={found.status} hiddenReason={found.hiddenReason} canPublish={found.status === 'draft'}>
        <ItemPage {...props} />
      </PreviewPage>,
      { title: t('my-content.preview.title', { title: projected.title }), brand: wijkBrand(c, wijk) },
    )
  })

  .post('/mijn-content/:id/publiceren', guard('content.edit', item), async (c) => {
    const published = await publishItem(c.get('deps'), item.row(c).item.id)
    return c.redirect(`/mijn-content?melding=${published ? 'flash.my-content.published' : 'flash.my-content.notPublished'}`, 303)
  })

  .post('/mijn-content/:id/depubliceren', guard('content.edit', item), async (c) => {
    await unpublishItem(c.get('deps'), item.row(c).item.id)
    return c.redirect('/mijn-content?melding=flash.my-content.unpublished', 303)
  })

  .post('/mijn-content/:id/opnieuw-publiceren', guard('content.edit', item), async (c) => {
    if (!(await requestRepublish(c.get('deps'), item.row(c).item.id))) throw notFound()
    return c.redirect('/mijn-content?melding=flash.my-content.republishAsked', 303)
  })

  // -- Uitgelicht on the wijk home (owner only; marking needs a package with `featured`) ------
  .post('/mijn-content/:id/uitlichten', guard('content.feature', item), async (c) => {
    const form = await readForm(c, featureSchema)
    // The buttons send yes or no; anything else was not sent by them.
    if (!form.ok) throw badRequest()
    const found = item.row(c).item
    const on = form.data.featured === 'yes'
    const result = await setFeatured(c.get('deps'), c.get('actor'), found, on)
    if (result.ok) return c.redirect(`/mijn-content?melding=flash.my-content.${on ? 'featured' : 'unfeatured'}`, 303)
    const t = c.get('t')
    const heading = t('my-content.feature.refused', { title: found.title })
    const page =
      result.refused === 'package' ? (
        <MessagePage t={t} heading={heading} message={t('my-content.error.featuredPackage')} link={{ href: '/pakketten', label: t('my-content.error.etalageLimit.link') }} back={{ href: '/mijn-content', label: t('my-content.back') }} />
      ) : (
        <MessagePage t={t} heading={heading} message={t('my-content.error.featuredFull', { max: MAX_FEATURED_ITEMS })} back={{ href: '/mijn-content', label: t('my-content.back') }} />
      )
    return render(c, page, { title: heading, status: result.refused === 'package' ? 403 : 409 })
  })

  // -- Renew (Prikbord) ---------------------------------------------------------------------
  .get('/mijn-content/:id/verlengen', guard('content.edit', item), async (c) => {
    const found = item.row(c)
    if (found.item.type !== 'request' && found.item.type !== 'offer') throw notFound()
    const t = c.get('t')
    return render(
      c,
      <ConfirmPage
        t={t}
        csrfToken={c.get('csrfToken')}
        heading={t('my-content.renew.title', { title: found.item.title })}
        message={t('my-content.renew.body')}
        action={`/mijn-content/${found.item.id}/verlengen`}
        button={t('my-content.renew')}
        backHref="/mijn-content"
      />,
      { title: t('my-content.renew.title', { title: found.item.title }) },
    )
  })

  .post('/mijn-content/:id/verlengen', guard('content.edit', item), async (c) => {
    const renewed = await renewItem(c.get('deps'), item.row(c).item.id)
    if (!renewed) throw notFound()
    return c.redirect('/mijn-content?melding=flash.my-content.renewed', 303)
  })

  // -- Delete (owner only) ------------------------------------------------------------------
  .get('/mijn-content/:id/verwijderen', guard('content.delete', item), async (c) => {
    const found = item.row(c)
    const t = c.get('t')
    return render(
      c,
      <ConfirmPage
        t={t}
        csrfToken={c.get('csrfToken')}
        heading={t('my-content.delete.title', { title: found.item.title })}
        message={t('my-content.delete.body')}
        action={`/mijn-content/${found.item.id}/verwijderen`}
        button={t('my-content.delete.confirm')}
        backHref="/mijn-content"
      />,
      { title: t('my-content.delete.title', { title: found.item.title }) },
    )
  })

  .post('/mijn-content/:id/verwijderen', guard('content.delete', item), async (c) => {
    await deleteItem(c.get('deps'), item.row(c).item.id)
    return c.redirect('/mijn-content?melding=flash.my-content.deleted', 303)
  })

  // -- Images ------------------------------------------------------------------------------
  .get('/mijn-content/:id/afbeeldingen', guard('content.edit', item), async (c) => {
    const { db } = c.get('deps')
    const found = item.row(c)
    const t = c.get('t')
    const images = await listImages(db, found.item.id)
    return render(c, <ImagesPage t={t} csrfToken={c.get('csrfToken')} itemId={found.item.id} title={found.item.title} images={images} />, {
      title: t('my-content.images.title', { title: found.item.title }),
    })
  })

  .post('/mijn-content/:id/afbeeldingen', guard('content.edit', item), async (c) => {
    const deps = c.get('deps')
    const found = item.row(c)
    const t = c.get('t')
    const body = await readBody(c, { report: true })
    const { values, files } = body
    const parsed = checkForm(body, imageSchema, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    const file = files.image
    let stored = false
    if (!file) errors.image = t('my-content.image.missing')
    else if (parsed.ok) {
      const processed = await processImage(file)
      if (!processed.ok) errors.image = t(processed.error)
      else {
        stored = await addImage(deps, found.item.id, processed.image, parsed.data.alt)
        if (!stored) errors.image = t('my-content.images.full', { max: 6 })
      }
    }
    if (stored) return c.redirect(`/mijn-content/${found.item.id}/afbeeldingen?melding=flash.my-content.imageAdded`, 303)
    const images = await listImages(deps.db, found.item.id)
    return render(c, <ImagesPage t={t} csrfToken={c.get('csrfToken')} itemId={found.item.id} title={found.item.title} images={images} state={{ values, errors }} />, {
      title: t('my-content.images.title', { title: found.item.title }),
      status: 422,
    })
  })

  .post('/mijn-content/:id/afbeeldingen/:imageId/verwijderen', guard('content.edit', item), async (c) => {
    const id = item.row(c).item.id
    await deleteImage(c.get('deps'), id, idParam(c, 'imageId'))
    return c.redirect(`/mijn-content/${id}/afbeeldingen?melding=flash.my-content.imageDeleted`, 303)
  })

  /**
   * An image is served only while one of the items showing it is public, or to someone who may
   * edit such an item: a draft's pictures do not leak through a guessed or shared URL.
   */
  .get('/media/content/:file', guard('page.view'), async (c) => {
    const match = CONTENT_FILE.exec(c.req.param('file'))
    if (!match) throw notFound()
    const { db, clock, files } = c.get('deps')
    const key = `content/${match[1]}`
    const now = clock.now()
    const showing = await itemsShowingImage(db, key, now)
    const isPublic = showing.some((s) => s.visible)
    if (!isPublic) {
      let allowed = false
      for (const s of showing) {
        const resource = await contentResource(db, s.contentId)
        if (resource && can(c.get('actor'), 'content.edit', resource)) allowed = true
        // The team previewing its unlaunched wijk sees the images of the items it sees there.
        const preview = previewFor(c.get('actor'), s.wijk)
        if (preview && (await findPublicItem(db, s.contentId, now, preview))) allowed = true
      }
      if (!allowed) throw notFound()
    }
    const data = await files.get(`${key}-${match[2]}.webp`)
    if (!data) throw notFound()
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': 'image/webp',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': isPublic ? `public, max-age=${YEAR_SECONDS}, immutable` : 'private, no-store',
    })
  })

  // -- Co-managers (P07) --------------------------------------------------------------------
  .get('/mijn-content/:id/beheerders', guard('content.share', item), async (c) => {
    const { db, clock } = c.get('deps')
    const found = item.row(c)
    const t = c.get('t')
    const list = await listManagers(db, found.item.id, clock.now())
    return render(c, <ManagersPage t={t} csrfToken={c.get('csrfToken')} lang={c.get('lang')} itemId={found.item.id} title={found.item.title} list={list} />, {
      title: t('my-content.managers.title', { title: found.item.title }),
    })
  })

  .post('/mijn-content/:id/beheerders', guard('content.share', item), async (c) => {
    const deps = c.get('deps')
    const found = item.row(c)
    const t = c.get('t')
    const form = await readForm(c, inviteSchema)
    let errors: FieldErrors = form.ok ? {} : form.errors
    let status: 422 | 429 = 422
    if (form.ok) {
      const user = c.get('actor').user!
      // Invitations mail arbitrary addresses: a cap per account keeps this from becoming a spam relay.
      const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'content-invite', user.id), INVITES_PER_DAY, deps.clock.now())
      if (limited.allowed) {
        const result = await inviteManager(deps, { contentId: found.item.id, title: found.item.title, email: form.data.email, inviter: user })
        if (result.ok) return c.redirect(`/mijn-content/${found.item.id}/beheerders?melding=flash.my-content.invited`, 303)
        errors = { email: t('my-content.managers.self') }
      } else {
        c.header('Retry-After', String(limited.retryAfterSeconds))
        status = 429
        errors = { email: t('my-content.managers.limited') }
      }
    }
    const list = await listManagers(deps.db, found.item.id, deps.clock.now())
    return render(c, <ManagersPage t={t} csrfToken={c.get('csrfToken')} lang={c.get('lang')} itemId={found.item.id} title={found.item.title} list={list} state={{ values: form.values, errors }} />, {
      title: t('my-content.managers.title', { title: found.item.title }),
      status,
    })
  })

  .post('/mijn-content/:id/beheerders/:userId/intrekken', guard('content.share', item), async (c) => {
    const id = item.row(c).item.id
    const userId = uuidParam(c, 'userId')
    await revokeManager(c.get('deps'), id, userId)
    return c.redirect(`/mijn-content/${id}/beheerders?melding=flash.my-content.revoked`, 303)
  })

  .post('/mijn-content/:id/uitnodigingen/:invitationId/intrekken', guard('content.share', item), async (c) => {
    const id = item.row(c).item.id
    if (!(await revokeInvitation(c.get('deps'), id, idParam(c, 'invitationId')))) throw notFound()
    return c.redirect(`/mijn-content/${id}/beheerders?melding=flash.my-content.invitationRevoked`, 303)
  })

  /** The emailed link. A visitor is sent to log in (or sign up) first and comes back here. */
  .get('/uitnodiging/:token', guard('content.invitation.accept'), async (c) => {
    const t = c.get('t')
    const token = c.req.param('token')
    const invitation = TOKEN.test(token) ? await findInvitation(c.get('deps').db, hashToken(token)) : null
    const now = c.get('deps').clock.now()
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
      return render(c, <MessagePage t={t} heading={t('my-content.invitation.invalidTitle')} message={t('my-content.invitation.invalid')} />, {
        title: t('my-content.invitation.invalidTitle'),
        status: 404,
      })
    }
    return render(c, <InvitationPage t={t} csrfToken={c.get('csrfToken')} title={invitation.title} inviteEmail={invitation.email} action={`/uitnodiging/${token}`} claim={invitation.purpose === 'claim'} />, {
      title: t('my-content.invitation.title'),
    })
  })

  .post('/uitnodiging/:token', guard('content.invitation.accept'), async (c) => {
    const t = c.get('t')
    const token = c.req.param('token')
    const user = c.get('actor').user!
    const result = TOKEN.test(token) ? await acceptInvitation(c.get('deps'), hashToken(token), user) : ({ ok: false, reason: 'invalid' } as const)
    if (result.ok) return c.redirect(`/mijn-content/${result.contentId}/bewerken?melding=${result.purpose === 'claim' ? 'flash.my-content.claimed' : 'flash.my-content.accepted'}`, 303)
    const message = t(`my-content.invitation.${result.reason}` as const)
    return render(c, <MessagePage t={t} heading={t('my-content.invitation.invalidTitle')} message={message} link={{ href: '/mijn-content', label: t('my-content.title') }} />, {
      title: t('my-content.invitation.invalidTitle'),
      status: result.reason === 'invalid' ? 404 : 403,
    })
  })

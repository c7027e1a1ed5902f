/**
 * /beheer/partners: the platform admin records partners and their signed Deelovereenkomst,
 * moves them between concept, actief, opgeschort and beëindigd, and issues and revokes their API
 * keys (P11). An ambassadeur reads the partners whose scope covers their wijk. A partner's page
 * loads the partner once, in the guard, with its scope as the policy resource (decisions/013).
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { hasWijkRole } from '../../kernel/policy/actor.js'
import { idParam } from '../../kernel/http/params.js'
import { readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { DAY } from '../../kernel/clock.js'
import { listCities, listWijken } from '../places/places.queries.js'
import { localDate, toLocal } from '../content/content.recurrence.js'
import { inForce } from './partners.access.js'
import { findPartner, keyUseSince, listKeys, listPartners, sharingVersions, type Partner, type PartnerScope } from './partners.queries.js'
import { keySchema, partnerSchema, statusSchema } from './partners.schema.js'
import { changeStatus, createKey, createPartner, revokePartnerKey, updatePartner } from './partners.service.js'
import { KeyCreatedPage, LIST, PartnerDetailPage, PartnerFormPage, PartnerListPage, partnerFormValues, partnerPath, type FormChoices } from './partners.admin.views.js'
import { DEFAULT_PARTNER_RATE } from './partners.tables.js'

const ONE = `${LIST}/:id{[0-9]+}`
/** How far back the daily use table looks. */
const USE_DAYS = 30

/** The partner in the URL with its scope; the policy decides on the wijken it covers. */
const partner = rowLoader(async (c) => {
  const found = await findPartner(c.get('deps').db, idParam(c))
  return found && { row: found, resource: { wijkIds: found.scope.coveredWijkIds } }
})

async function formChoices(c: AppContext): Promise<FormChoices> {
  const { db } = c.get('deps')
  const [cities, wijken, versions] = await Promise.all([listCities(db), listWijken(db), sharingVersions(db)])
  return { cities, wijken, versions }
}

async function readPartnerForm(c: AppContext, choices: FormChoices, current?: Partner) {
  const schema = partnerSchema({ cityIds: choices.cities.map((x) => x.id), wijkIds: choices.wijken.map((w) => w.id), agreementIds: choices.versions.map((v) => v.id) }, current?.status)
  return readForm(c, schema)
}

function formPage(c: AppContext, choices: FormChoices, opts: { partner?: Partner; values: FormValues; errors?: FieldErrors }) {
  const t = c.get('t')
  const p = opts.partner
  return render(
    c,
    <PartnerFormPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} action={p ? `${partnerPath(p.id)}/bewerken` : `${LIST}/nieuw`} state={{ values: opts.values, errors: opts.errors }} partner={p} choices={choices} />,
    { title: p ? t('partners.form.editTitle', { name: p.name }) : t('partners.form.newTitle'), status: opts.errors ? 422 : 200 },
  )
}

async function detailPage(c: AppContext, found: { partner: Partner; scope: PartnerScope }, opts: { notice?: string; keyValues?: FormValues; keyErrors?: FieldErrors; status?: 200 | 409 | 422 } = {}) {
  const t = c.get('t')
  const { db, clock } = c.get('deps')
  const now = clock.now()
  const canManage = can(c.get('actor'), 'partner.manage')
  const fromDay = localDate(toLocal(new Date(now.getTime() - (USE_DAYS - 1) * DAY)))
  const [versions, keys, use] = await Promise.all([
    sharingVersions(db),
    canManage ? listKeys(db, found.partner.id) : Promise.resolve([]),
    canManage ? keyUseSince(db, found.partner.id, fromDay) : Promise.resolve([]),
  ])
  const agreementVersion = versions.find((v) => v.id === found.partner.agreementDocumentId)?.version ?? null
  return render(
    c,
    <PartnerDetailPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      partner={found.partner}
      scope={found.scope}
      agreementVersion={agreementVersion}
      inForce={inForce(found.partner, now)}
      canManage={canManage}
      keys={keys}
      use={use}
      notice={opts.notice}
      keyState={opts.keyErrors ? { values: opts.keyValues, errors: opts.keyErrors } : undefined}
    />,
    { title: found.partner.name, status: opts.status ?? 200 },
  )
}

export const partnersAdminRoutes = new Hono<AppEnv>()
  .get(LIST, guard('partner.list'), async (c) => {
    const t = c.get('t')
    const actor = c.get('actor')
    const canManage = can(actor, 'partner.manage')
    const all = await listPartners(c.get('deps').db)
    // An ambassadeur sees the partners whose scope covers one of their wijken, cities expanded.
    const rows = canManage ? all : all.filter((r) => r.scope.coveredWijkIds.some((id) => hasWijkRole(actor, 'ambassadeur', id)))
    return render(c, <PartnerListPage t={t} lang={c.get('lang')} rows={rows} canManage={canManage} />, { title: t('partners.admin.title') })
  })

  .get(`${LIST}/nieuw`, guard('partner.manage'), async (c) => {
    const today = localDate(toLocal(c.get('deps').clock.now()))
    return formPage(c, await formChoices(c), { values: { startsOn: today, ratePerMinute: String(DEFAULT_PARTNER_RATE) } })
  })

  .post(`${LIST}/nieuw`, guard('partner.manage'), async (c) => {
    const choices = await formChoices(c)
    const form = await readPartnerForm(c, choices)
    if (!form.ok) return formPage(c, choices, { values: form.values, errors: form.errors })
    const id = await createPartner(c.get('deps'), c.get('actor').user!.id, form.data)
    return c.redirect(`${partnerPath(id)}?melding=flash.partners.created`, 303)
  })

  .get(ONE, guard('partner.view', partner), (c) => detailPage(c, partner.row(c)))

  .get(`${ONE}/bewerken`, guard('partner.manage', partner), async (c) => {
    const found = partner.row(c)
    return formPage(c, await formChoices(c), { partner: found.partner, values: partnerFormValues(found.partner, found.scope) })
  })

  .post(`${ONE}/bewerken`, guard('partner.manage', partner), async (c) => {
    const found = partner.row(c)
    const choices = await formChoices(c)
    const form = await readPartnerForm(c, choices, found.partner)
    if (!form.ok) return formPage(c, choices, { partner: found.partner, values: form.values, errors: form.errors })
    await updatePartner(c.get('deps'), c.get('actor').user!.id, found.partner.id, form.data)
    return c.redirect(`${partnerPath(found.partner.id)}?melding=flash.partners.saved`, 303)
  })

  .post(`${ONE}/status`, guard('partner.manage', partner), async (c) => {
    const t = c.get('t')
    const found = partner.row(c)
    const form = await readForm(c, statusSchema)
    if (!form.ok) return detailPage(c, found, { notice: t('partners.error.statusNotAllowed'), status: 422 })
    const result = await changeStatus(c.get('deps'), c.get('actor').user!.id, found.partner, form.data.status)
    if (!result.ok) {
      const notice = result.reason === 'unsigned' ? t('partners.detail.needsSignature') : t('partners.error.statusNotAllowed')
      return detailPage(c, found, { notice, status: 409 })
    }
    return c.redirect(`${partnerPath(found.partner.id)}?melding=flash.partners.status`, 303)
  })

  /** Answers with the new key itself, never a redirect: the key must not sit in a URL or a later page. */
  .post(`${ONE}/sleutels`, guard('partner.manage', partner), async (c) => {
    const t = c.get('t')
    const found = partner.row(c)
    if (found.partner.status === 'beeindigd') return detailPage(c, found, { notice: t('partners.keys.ended'), status: 409 })
    const form = await readForm(c, keySchema)
    if (!form.ok) return detailPage(c, found, { keyValues: form.values, keyErrors: form.errors, status: 422 })
    const key = await createKey(c.get('deps'), c.get('actor').user!.id, found.partner.id, form.data.label)
    // Not in the browser's cache, not in any shared cache: this answer is the key's only copy.
    c.header('Cache-Control', 'no-store')
    return render(c, <KeyCreatedPage t={t} partner={found.partner} token={key.token} />, { title: t('partners.keys.createdTitle', { name: found.partner.name }) })
  })

  .post(`${ONE}/sleutels/:keyId{[0-9]+}/intrekken`, guard('partner.manage', partner), async (c) => {
    const found = partner.row(c)
    if (!(await revokePartnerKey(c.get('deps'), c.get('actor').user!.id, found.partner.id, idParam(c, 'keyId')))) throw notFound()
    return c.redirect(`${partnerPath(found.partner.id)}?melding=flash.partners.revoked#sleutels`, 303)
  })

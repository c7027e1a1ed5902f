/**
 * /beheer/wijken/:id/import: bulk import for launching a wijk (issue 5), for the wijk's own team
 * (wijk.import). Upload → kolommen (column mapping) → controle (dry run) → import job with a
 * progress page (a failed import can be tried again: /opnieuw); then /organisaties to let imported organisations claim their entry by email.
 * Every batch and entry is looked up together with the wijk of the URL: another wijk's id is 404.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { readBody, readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { email } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { hitRateLimit, rateKey } from '../../kernel/http/rate-limit.js'
import { render } from '../../kernel/ui/render.js'
import { DAY } from '../../kernel/clock.js'
import { wijkHref } from '../places/wijk-href.js'
import { wijkInUrl, wijkOf } from '../wijkbeheer/wijkbeheer.http.js'
import { INVITATION_DAYS } from '../my-content/my-content.service.js'
import { IMPORT_FIELDS, IMPORT_KINDS, guessMapping, publicSwitch, type ColumnMapping, type ImportKind } from './wijk-import.mapping.js'
import { ImportFileError, MAX_FILE_BYTES, parseImportFile } from './wijk-import.parse.js'
import { checkRows } from './wijk-import.check.js'
import { claimableEntries, existingKeys, findBatch, findClaimable, listBatches, type ImportBatch } from './wijk-import.queries.js'
import { createBatch, inviteClaim, retryImport, saveDryRun, startImport } from './wijk-import.service.js'
import { CheckPage, ClaimPage, ClaimsPage, MappingPage, ProgressPage, UploadPage, batchHref, importBase } from './wijk-import.views.js'

const ONE = '/beheer/wijken/:id{[0-9]{1,9}}/import'
const BATCH = `${ONE}/:batchId{[0-9a-f-]{36}}`
const ENTRY = `${ONE}/organisaties/:itemId{[0-9]{1,9}}`
/** A launch can mean inviting many organisations at once, but not a spam relay. */
const CLAIM_INVITES_PER_DAY = { max: 200, windowMs: DAY }

async function loadBatch(c: AppContext, wijkId: number): Promise<ImportBatch> {
  const batch = await findBatch(c.get('deps').db, wijkId, c.req.param('batchId') ?? '')
  if (!batch) throw notFound()
  return batch
}

function isKind(v: unknown): v is ImportKind {
  return typeof v === 'string' && (IMPORT_KINDS as readonly string[]).includes(v)
}

async function uploadPage(c: AppContext, wijk: { id: number; name: string }, state?: { values: FormValues; errors: FieldErrors }) {
  const t = c.get('t')
  const recent = await listBatches(c.get('deps').db, wijk.id)
  return render(c, <UploadPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} wijk={wijk} state={state} recent={recent} canClaim />, {
    title: t('wijk-import.title', { wijk: wijk.name }),
    status: state ? 422 : 200,
  })
}

/** The rows' verdicts now, by the content form's rules (see wijk-import.check.ts). */
async function verdictsOf(c: AppContext, batch: ImportBatch, mapping: ColumnMapping, publicFields: readonly string[]) {
  return checkRows(c.get('t'), batch.kind, mapping, batch.rows, await existingKeys(c.get('deps').db, batch.wijkId, batch.kind), publicFields)
}

/** The contact fields whose "show publicly" box is ticked; only a field that has a column counts. */
function readPublicFields(kind: ImportKind, values: FormValues, mapping: ColumnMapping): string[] {
  return IMPORT_FIELDS[kind].filter((f) => f.contact && mapping[f.name] !== undefined && values[publicSwitch(f.name)] === 'on').map((f) => f.name)
}

/** Reads the mapping form: each field '' (unused) or a column index of this file, and the public choice. */
function readMapping(c: AppContext, batch: ImportBatch, values: FormValues): { mapping: ColumnMapping; publicFields: string[]; errors: FieldErrors } {
  const t = c.get('t')
  const mapping: ColumnMapping = {}
  const errors: FieldErrors = {}
  for (const field of IMPORT_FIELDS[batch.kind]) {
    const raw = values[field.name] ?? ''
    if (raw === '') {
      if (field.required) errors[field.name] = t(field.name === 'title' ? 'wijk-import.error.titleColumn' : 'wijk-import.error.requiredColumn')
      continue
    }
    const index = /^\d{1,3}$/.test(raw) ? Number(raw) : -1
    if (index < 0 || index >= batch.headers.length) errors[field.name] = t('error.invalid')
    else mapping[field.name] = index
  }
  return { mapping, publicFields: readPublicFields(batch.kind, values, mapping), errors }
}

async function dryRun(c: AppContext, batch: ImportBatch, mapping: ColumnMapping, publicFields: string[]): Promise<void> {
  const verdicts = await verdictsOf(c, batch, mapping, publicFields)
  await saveDryRun(
    c.get('deps').db,
    batch,
    mapping,
    publicFields,
    verdicts.filter((v) => !v.ok).map((v) => ({ row: v.row, errors: v.errors })),
  )
}

const claimSchema = z.object({ email: email() })

export const wijkImportRoutes = new Hono<AppEnv>()
  // -- Step 1: upload ----------------------------------------------------------------------------
  .get(ONE, guard('wijk.import', wijkOf), async (c) => uploadPage(c, await wijkInUrl(c)))

  .post(ONE, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const deps = c.get('deps')
    const wijk = await wijkInUrl(c)
    const { values, files } = await readBody(c)
    const kept: FormValues = { kind: values.kind ?? '' }
    const errors: FieldErrors = {}
    if (!isKind(values.kind)) errors.kind = t('wijk-import.error.kind')
    const file = files.file
    if (!file) errors.file = t('wijk-import.error.noFile')
    else if (file.size > MAX_FILE_BYTES) errors.file = t('wijk-import.error.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 })
    if (Object.keys(errors).length > 0 || !file || !isKind(values.kind)) return uploadPage(c, wijk, { values: kept, errors })
    const kind = values.kind
    let parsed
    try {
      parsed = await parseImportFile(file.name, new Uint8Array(await file.arrayBuffer()))
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      return uploadPage(c, wijk, { values: kept, errors: { file: t(error.key, error.params) } })
    }
    // A corrected file with the same columns keeps the choices made for the one before.
    const previous = values.previous ? await findBatch(deps.db, wijk.id, values.previous) : null
    const sameColumns = previous !== null && previous.kind === kind && previous.status !== 'uploaded' && JSON.stringify(previous.headers) === JSON.stringify(parsed.headers)
    const mapping = sameColumns ? previous.mapping : guessMapping(kind, parsed.headers)
    const publicFields = sameColumns ? previous.publicFields : []
    const id = await createBatch(deps, { wijkId: wijk.id, userId: c.get('actor').user!.id, fileName: file.name || 'import', kind, file: parsed, mapping, publicFields })
    if (!sameColumns) return c.redirect(`${importBase(wijk.id)}/${id}/kolommen`, 303)
    const batch = await findBatch(deps.db, wijk.id, id)
    await dryRun(c, batch!, mapping, publicFields)
    return c.redirect(`${importBase(wijk.id)}/${id}/controle`, 303)
  })

  // -- Step 2: columns ---------------------------------------------------------------------------
  .get(`${BATCH}/kolommen`, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    if (batch.status !== 'uploaded' && batch.status !== 'checked') return c.redirect(batchHref(wijk.id, batch), 303)
    return render(c, <MappingPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} batch={batch} mapping={batch.mapping} publicFields={batch.publicFields} />, { title: t('wijk-import.mapping.title') })
  })

  .post(`${BATCH}/kolommen`, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    if (batch.status !== 'uploaded' && batch.status !== 'checked') return c.redirect(batchHref(wijk.id, batch), 303)
    const { values } = await readBody(c)
    const { mapping, publicFields, errors } = readMapping(c, batch, values)
    if (Object.keys(errors).length > 0) {
      // Keep what was chosen, also the choices that were fine.
      const typed: ColumnMapping = {}
      for (const [k, v] of Object.entries(values)) if (/^\d{1,3}$/.test(v)) typed[k] = Number(v)
      const ticked = IMPORT_FIELDS[batch.kind].filter((f) => f.contact && values[publicSwitch(f.name)] === 'on').map((f) => f.name)
      return render(c, <MappingPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} batch={batch} mapping={typed} publicFields={ticked} errors={errors} />, {
        title: t('wijk-import.mapping.title'),
        status: 422,
      })
    }
    await dryRun(c, batch, mapping, publicFields)
    return c.redirect(`${importBase(wijk.id)}/${batch.id}/controle`, 303)
  })

  // -- Step 3: the dry run -----------------------------------------------------------------------
  .get(`${BATCH}/controle`, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    if (batch.status !== 'checked') return c.redirect(batchHref(wijk.id, batch), 303)
    const verdicts = await verdictsOf(c, batch, batch.mapping, batch.publicFields)
    return render(c, <CheckPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} wijk={wijk} batch={batch} verdicts={verdicts} />, { title: t('wijk-import.check.title') })
  })

  .post(`${BATCH}/importeren`, guard('wijk.import', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    const user = c.get('actor').user!
    const started = await startImport(c.get('deps'), batch, { id: user.id, lang: c.get('lang') })
    return c.redirect(started ? `${importBase(wijk.id)}/${batch.id}?melding=flash.wijk-import.started` : batchHref(wijk.id, batch), 303)
  })

  // -- Step 4: progress --------------------------------------------------------------------------
  .get(BATCH, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    return render(c, <ProgressPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} batch={batch} wijkHref={wijkHref(c, wijk, '/')} />, { title: t('wijk-import.progress.title') })
  })

  .post(`${BATCH}/opnieuw`, guard('wijk.import', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const batch = await loadBatch(c, wijk.id)
    const user = c.get('actor').user!
    const restarted = await retryImport(c.get('deps'), batch, { id: user.id, lang: c.get('lang') })
    return c.redirect(`${importBase(wijk.id)}/${batch.id}${restarted ? '?melding=flash.wijk-import.retried' : ''}`, 303)
  })

  // -- Claims ------------------------------------------------------------------------------------
  .get(`${ONE}/organisaties`, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const { db, clock } = c.get('deps')
    const wijk = await wijkInUrl(c)
    const entries = await claimableEntries(db, wijk.id, clock.now())
    return render(c, <ClaimsPage t={t} lang={c.get('lang')} wijk={wijk} entries={entries} />, { title: t('wijk-import.claims.title') })
  })

  .get(ENTRY, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const wijk = await wijkInUrl(c)
    const item = await findClaimable(c.get('deps').db, wijk.id, idParam(c, 'itemId'))
    if (!item) throw notFound()
    // The address the wijk imported is the likely one; the team sees it anyway in its own file.
    const state = { values: { email: item.contactEmail ?? '' } }
    return render(c, <ClaimPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} item={item} days={INVITATION_DAYS} state={state} />, { title: t('wijk-import.claim.title', { title: item.title }) })
  })

  .post(ENTRY, guard('wijk.import', wijkOf), async (c) => {
    const t = c.get('t')
    const deps = c.get('deps')
    const wijk = await wijkInUrl(c)
    const item = await findClaimable(deps.db, wijk.id, idParam(c, 'itemId'))
    if (!item) throw notFound()
    const form = await readForm(c, claimSchema)
    let errors: FieldErrors = form.ok ? {} : form.errors
    let status: 422 | 429 = 422
    if (form.ok) {
      const user = c.get('actor').user!
      const limited = await hitRateLimit(deps.db, rateKey(deps.config.sessionSecret, 'wijk-claim-invite', user.id), CLAIM_INVITES_PER_DAY, deps.clock.now())
      if (limited.allowed) {
        await inviteClaim(deps, { wijkId: wijk.id, wijkName: wijk.name, item, email: form.data.email, inviter: user })
        return c.redirect(`${importBase(wijk.id)}/organisaties?melding=flash.wijk-import.invited`, 303)
      }
      c.header('Retry-After', String(limited.retryAfterSeconds))
      status = 429
      errors = { email: t('wijk-import.claim.limited') }
    }
    return render(c, <ClaimPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} item={item} days={INVITATION_DAYS} state={{ values: form.values, errors }} />, {
      title: t('wijk-import.claim.title', { title: item.title }),
      status,
    })
  })

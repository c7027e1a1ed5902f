/**
 * The privacy statement, terms and Deelovereenkomst for everyone (current version and every earlier one), and the
 * consent page a logged-in user sees after a new version (P03, P04). Admin editing lives in
 * documents.admin.routes.tsx; the consentGate middleware in documents.gate.tsx.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQuery } from '../../kernel/http/params.js'
import { readForm } from '../../kernel/http/form.js'
import { badRequest, notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { recordConsent } from './documents.service.js'
import { DOCUMENT_KINDS, type DocumentKind } from './documents.tables.js'
import { KIND_SLUG, consentStatus, findCurrentVersion, findPublishedVersion, pendingDocuments, publishedVersions } from './documents.queries.js'
import { acknowledgeSchema, consentQuerySchema, consentSchema, nextPath } from './documents.schema.js'
import { documentHtml } from './documents.text.js'
import { ConsentPage, DocumentPage, TITLE_KEY } from './documents.views.js'
import { CONSENT_PATH } from './documents.gate.js'
import { documentsAdminRoutes } from './documents.admin.routes.js'

async function showDocument(c: AppContext, kind: DocumentKind, version: number | 'current') {
  const { db, config } = c.get('deps')
  const t = c.get('t')
  const lang = c.get('lang')
  const doc = version === 'current' ? await findCurrentVersion(db, kind) : await findPublishedVersion(db, kind, version)
  if (!doc) throw notFound()
  const versions = await publishedVersions(db, kind)
  const currentVersion = versions[0]?.version ?? doc.version
  const html = documentHtml(lang === 'en' ? doc.bodyEn : doc.bodyNl, config.operator)
  const title = t(TITLE_KEY[kind])
  return render(c, <DocumentPage t={t} lang={lang} kind={kind} doc={{ ...doc, html }} currentVersion={currentVersion} versions={versions} />, {
    title: doc.version === currentVersion ? title : t('documents.versionTitle', { title, version: doc.version }),
  })
}

function showVersion(c: AppContext, kind: DocumentKind) {
  return showDocument(c, kind, idParam(c, 'n'))
}


function withFlash(path: string, key: string): string {
  const url = new URL(path, 'http://local')
  url.searchParams.set('melding', key)
  return url.pathname + url.search + url.hash
}

const publicDocuments = new Hono<AppEnv>()
// Every kind is public at its own slug, with its history: a resident can read what partners signed.
for (const kind of DOCUMENT_KINDS) {
  publicDocuments.get(`/${KIND_SLUG[kind]}`, guard('page.view'), (c) => showDocument(c, kind, 'current'))
  publicDocuments.get(`/${KIND_SLUG[kind]}/versie/:n`, guard('page.view'), (c) => showVersion(c, kind))
}

export const documentsRoutes = new Hono<AppEnv>()
  .route('/', publicDocuments)

  .get(CONSENT_PATH, guard('account.manage'), async (c) => {
    const user = c.get('actor').user!
    const { volgende } = readQuery(c, consentQuerySchema)
    const pending = await pendingDocuments(c.get('deps').db, user.id)
    if (pending.length === 0) return c.redirect(volgende, 303)
    const t = c.get('t')
    return render(c, <ConsentPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} pending={pending} volgende={volgende} />, {
      title: t('documents.consent.title'),
    })
  })

  .post(CONSENT_PATH, guard('account.manage'), async (c) => {
    const user = c.get('actor').user!
    const { db, clock } = c.get('deps')
    const t = c.get('t')
    const form = await readForm(c, consentSchema)
    const volgende = nextPath(form.values.volgende)
    const pending = await pendingDocuments(db, user.id)
    if (pending.length === 0) return c.redirect(volgende, 303)
    const page = (status: 409 | 422, notice?: string) =>
      render(
        c,
        <ConsentPage
          t={t}
          lang={c.get('lang')}
          csrfToken={c.get('csrfToken')}
          pending={pending}
          volgende={volgende}
          state={form.ok ? undefined : { errors: form.errors, values: form.values }}
          notice={notice}
        />,
        { title: t('documents.consent.title'), status },
      )
    if (!form.ok) return page(422)
    // Consent counts only for what the page showed; a version published meanwhile is shown first.
    const shown = new Set(form.data.documenten)
    if (pending.some((d) => !shown.has(d.id))) return page(409, t('documents.consent.newerVersion'))
    await recordConsent(
      db,
      user.id,
      pending.map((d) => d.id),
      'renewal',
      clock.now(),
    )
    return c.redirect(withFlash(volgende, 'flash.documents.consented'), 303)
  })

  /** "Read, hide this notice" under a changed privacy statement: records that the user took note. */
  .post(`${CONSENT_PATH}/gelezen`, guard('account.manage'), async (c) => {
    const user = c.get('actor').user!
    const { db, clock } = c.get('deps')
    const form = await readForm(c, acknowledgeSchema)
    if (!form.ok) throw badRequest()
    const privacy = (await consentStatus(db, user.id)).find((d) => d.kind === 'privacy')
    if (privacy && !privacy.consented && privacy.id === form.data.document) {
      await recordConsent(db, user.id, [privacy.id], 'renewal', clock.now())
    }
    return c.redirect(nextPath(form.data.terug), 303)
  })

  .route('/', documentsAdminRoutes)

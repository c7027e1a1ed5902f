/**
 * /beheer/documenten: the platform admin writes new versions of the privacy statement and terms
 * as drafts, previews them exactly as the public will see them, and publishes them. Published
 * versions are read-only: consents point at their exact text.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { readBody, readForm, zodErrors, type FormValues, type FieldErrors } from '../../kernel/http/form.js'
import { notFound } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { createDraft, publishDraft, saveDraft } from './documents.service.js'
import { allVersions, findDocument, kindFromSlug, type LegalDocument } from './documents.queries.js'
import { draftSchema } from './documents.schema.js'
import { documentHtml } from './documents.text.js'
import { AdminListPage, EditPage, PublishedPage, TITLE_KEY } from './documents.views.js'

/** The draft named in the URL; 404 when there is none, the read-only page when it is published. */
async function loadDraft(c: AppContext): Promise<{ doc: LegalDocument } | { response: Response }> {
  const doc = await findDocument(c.get('deps').db, idParam(c))
  if (!doc) throw notFound()
  if (doc.publishedAt) return { response: await published(c) }
  return { doc }
}

function published(c: AppContext) {
  const t = c.get('t')
  return render(c, <PublishedPage t={t} />, { title: t('documents.published.title'), status: 409 })
}

function editPage(
  c: AppContext,
  doc: LegalDocument,
  opts: { values?: FormValues; errors?: FieldErrors; preview?: boolean; notice?: string; status?: 200 | 409 | 422 } = {},
) {
  const t = c.get('t')
  const { operator } = c.get('deps').config
  const bodyNl = opts.values?.bodyNl ?? doc.bodyNl
  const bodyEn = opts.values?.bodyEn ?? doc.bodyEn
  const preview = opts.preview ? { nl: documentHtml(bodyNl, operator), en: documentHtml(bodyEn, operator) } : undefined
  return render(
    c,
    <EditPage
      t={t}
      lang={c.get('lang')}
      csrfToken={c.get('csrfToken')}
      doc={doc}
      state={opts.values ? { values: opts.values, errors: opts.errors } : undefined}
      preview={preview}
      notice={opts.notice}
    />,
    { title: t('documents.edit.title', { title: t(TITLE_KEY[doc.kind]), version: doc.version }), status: opts.status },
  )
}

export const documentsAdminRoutes = new Hono<AppEnv>()
  .get('/beheer/documenten', guard('document.manage'), async (c) => {
    const t = c.get('t')
    const versions = await allVersions(c.get('deps').db)
    return render(c, <AdminListPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} versions={versions} />, {
      title: t('documents.admin.title'),
    })
  })

  .post('/beheer/documenten/:kind/nieuw', guard('document.manage'), async (c) => {
    const kind = kindFromSlug(c.req.param('kind'))
    if (!kind) throw notFound()
    const result = await createDraft(c.get('deps'), c.get('actor').user!.id, kind)
    if (!result.ok) {
      const t = c.get('t')
      const versions = await allVersions(c.get('deps').db)
      return render(c, <AdminListPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} versions={versions} notice={t('documents.admin.conflict')} />, {
        title: t('documents.admin.title'),
        status: 409,
      })
    }
    return c.redirect(`/beheer/documenten/${result.id}/bewerken?melding=flash.documents.draftCreated`, 303)
  })

  .get('/beheer/documenten/:id/bewerken', guard('document.manage'), async (c) => {
    const loaded = await loadDraft(c)
    if ('response' in loaded) return loaded.response
    return editPage(c, loaded.doc)
  })

  .post('/beheer/documenten/:id/bewerken', guard('document.manage'), async (c) => {
    const loaded = await loadDraft(c)
    if ('response' in loaded) return loaded.response
    const form = await readForm(c, draftSchema)
    if (!form.ok) return editPage(c, loaded.doc, { values: form.values, errors: form.errors, status: 422 })
    const result = await saveDraft(c.get('deps'), c.get('actor').user!.id, loaded.doc.id, form.data)
    if (!result.ok) {
      if (result.reason === 'missing') throw notFound()
      return published(c)
    }
    return c.redirect(`/beheer/documenten/${loaded.doc.id}/bewerken?melding=flash.documents.saved`, 303)
  })

  /** Shows the typed (unsaved) text rendered exactly like the public page will, next to the form. */
  .post('/beheer/documenten/:id/voorbeeld', guard('document.manage'), async (c) => {
    const loaded = await loadDraft(c)
    if ('response' in loaded) return loaded.response
    const { values, unreadable } = await readBody(c, { report: true })
    if (Object.keys(unreadable).length > 0) return editPage(c, loaded.doc, { values, errors: unreadable, status: 422 })
    return editPage(c, loaded.doc, { values, preview: true })
  })

  .post('/beheer/documenten/:id/publiceren', guard('document.manage'), async (c) => {
    const loaded = await loadDraft(c)
    if ('response' in loaded) return loaded.response
    const { doc } = loaded
    // A draft starts with an empty change note: users must be told what changed.
    const complete = draftSchema.safeParse({ bodyNl: doc.bodyNl, bodyEn: doc.bodyEn, changeNote: doc.changeNote })
    if (!complete.success) {
      const t = c.get('t')
      return editPage(c, doc, {
        values: { bodyNl: doc.bodyNl, bodyEn: doc.bodyEn, changeNote: doc.changeNote },
        errors: zodErrors(complete.error, t),
        notice: t('documents.publish.incomplete'),
        status: 422,
      })
    }
    const result = await publishDraft(c.get('deps'), c.get('actor').user!.id, doc.id)
    if (!result.ok) {
      if (result.reason === 'missing') throw notFound()
      return published(c)
    }
    return c.redirect('/beheer/documenten?melding=flash.documents.published', 303)
  })

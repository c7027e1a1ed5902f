/**
 * Pages of the documents feature: the public privacy statement and terms with their history,
 * the consent page, the privacy banner, and the admin overview and editor. Pure JSX, props in.
 */
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { FormState } from '../../kernel/ui/components.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Notice, TextArea } from '../../kernel/ui/components.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { DOCUMENT_KINDS, isConsentKind, type ConsentKind, type DocumentKind } from './documents.tables.js'
import { KIND_SLUG, versionPath, type VersionSummary } from './documents.queries.js'

export const TITLE_KEY: Record<DocumentKind, MessageKey> = {
  privacy: 'documents.privacy.title',
  terms: 'documents.terms.title',
  sharing: 'documents.sharing.title',
  package: 'documents.package.title',
  ambassadeur: 'documents.ambassadeur.title',
}

interface Base {
  t: T
  lang: Lang
}

/** Rendered document text; the HTML comes from documentHtml (escaped markdown), never from raw input. */
function DocumentBody({ html }: { html: string }) {
  return <div class="document-body">{raw(html)}</div>
}

export interface DocumentPageProps extends Base {
  kind: DocumentKind
  doc: { version: number; publishedAt: Date; changeNote: string; html: string }
  currentVersion: number
  versions: Array<{ version: number; publishedAt: Date }>
}

export function DocumentPage({ t, lang, kind, doc, currentVersion, versions }: DocumentPageProps) {
  const isCurrent = doc.version === currentVersion
  const title = t(TITLE_KEY[kind])
  return (
    <article class="prose">
      <h1>{isCurrent ? title : t('documents.versionTitle', { title, version: doc.version })}</h1>
      <p class="muted">{t('documents.meta', { version: doc.version, date: formatDate(doc.publishedAt, lang) })}</p>
      {!isCurrent && (
        <Notice kind="info">
          {t('documents.old.notice', { version: currentVersion })} <a href={`/${KIND_SLUG[kind]}`}>{t('documents.old.link')}</a>
        </Notice>
      )}
      {doc.version > 1 && doc.changeNote && (
        <section class="change-note" id="wijzigingen" aria-labelledby="wijzigingen-kop">
          <h2 id="wijzigingen-kop">{t('documents.changeNote.heading', { version: doc.version })}</h2>
          <p class="pre-wrap">{doc.changeNote}</p>
        </section>
      )}
      <DocumentBody html={doc.html} />
      <section class="document-history" aria-labelledby="versies-kop">
        <h2 id="versies-kop">{t('documents.history.heading')}</h2>
        <p>{t('documents.history.intro')}</p>
        <ul>
          {versions.map((v) => (
            <li>
              {v.version === doc.version ? (
                <span aria-current="page">{t('documents.history.item', { version: v.version, date: formatDate(v.publishedAt, lang) })}</span>
              ) : (
                <a href={versionPath(kind, v.version)}>{t('documents.history.item', { version: v.version, date: formatDate(v.publishedAt, lang) })}</a>
              )}
              {v.version === currentVersion && <> {t('documents.history.current')}</>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}

export interface PendingDocument {
  id: number
  kind: ConsentKind
  version: number
  publishedAt: Date
  changeNote: string
}

export interface ConsentPageProps extends Base {
  csrfToken: string
  pending: PendingDocument[]
  volgende: string
  state?: FormState
  /** Shown when a newer version appeared while the user was reading. */
  notice?: string
}

function agreeLabel(t: T, pending: PendingDocument[]): string {
  const terms = pending.find((d) => d.kind === 'terms')
  const privacy = pending.find((d) => d.kind === 'privacy')
  if (terms && privacy) return t('documents.consent.agreeBoth', { terms: terms.version, privacy: privacy.version })
  if (terms) return t('documents.consent.agreeTerms', { terms: terms.version })
  return t('documents.consent.agreePrivacy', { privacy: privacy?.version ?? '' })
}

export function ConsentPage({ t, lang, csrfToken, pending, volgende, state, notice }: ConsentPageProps) {
  // Terms first: they are what the user is asked to agree to.
  const ordered = [...pending].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'terms' ? -1 : 1))
  return (
    <section class="prose">
      <h1>{t('documents.consent.title')}</h1>
      <p>{t('documents.consent.intro')}</p>
      {notice && <Notice kind="error">{notice}</Notice>}
      {ordered.map((d) => (
        <section class="card consent-doc" aria-labelledby={`doc-${d.id}`}>
          <h2 id={`doc-${d.id}`}>
            {t('documents.consent.docHeading', { title: t(TITLE_KEY[d.kind]), version: d.version, date: formatDate(d.publishedAt, lang) })}
          </h2>
          {d.changeNote ? (
            <>
              <p>
                <strong>{t('documents.consent.whatChanged')}</strong>
              </p>
              <p class="pre-wrap">{d.changeNote}</p>
            </>
          ) : (
            <p>{t('documents.consent.noNote')}</p>
          )}
          <p>
            <a href={versionPath(d.kind, d.version)}>{t('documents.consent.read', { version: d.version })}</a>
          </p>
        </section>
      ))}
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action="/account/toestemming" class="stack">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="documenten" value={pending.map((d) => d.id).join(',')} />
        <input type="hidden" name="volgende" value={volgende} />
        <Checkbox name="akkoord" label={agreeLabel(t, pending)} state={state} />
        <div>
          <button type="submit">{t('documents.consent.submit')}</button>
        </div>
      </form>
      <section aria-labelledby="niet-akkoord">
        <h2 id="niet-akkoord">{t('documents.consent.notAgree.heading')}</h2>
        <p>{t('documents.consent.notAgree.body')}</p>
        <p>
          <a href="/mijn-gegevens">{t('documents.consent.myData')}</a>
        </p>
        <form method="post" action="/account/uitloggen">
          <CsrfField token={csrfToken} />
          <button type="submit" class="secondary">
            {t('layout.logout')}
          </button>
        </form>
      </section>
    </section>
  )
}

export function PrivacyBanner({ t, lang, csrfToken, doc, path }: Base & { csrfToken: string; doc: { id: number; publishedAt: Date }; path: string }) {
  return (
    <Notice kind="info">
      {t('documents.banner.privacyChanged', { date: formatDate(doc.publishedAt, lang) })} <a href="/privacy#wijzigingen">{t('documents.banner.read')}</a>{' '}
      <form method="post" action="/account/toestemming/gelezen">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="document" value={String(doc.id)} />
        <input type="hidden" name="terug" value={path} />
        <button type="submit" class="linklike">
          {t('documents.banner.ack')}
        </button>
      </form>
    </Notice>
  )
}

function AdminBack({ t }: { t: T }) {
  return (
    <p>
      <a href="/beheer">{t('documents.admin.back')}</a>
    </p>
  )
}

export function AdminListPage({ t, lang, csrfToken, versions, notice }: Base & { csrfToken: string; versions: VersionSummary[]; notice?: string }) {
  return (
    <section>
      <h1>{t('documents.admin.title')}</h1>
      <AdminBack t={t} />
      {notice && <Notice kind="error">{notice}</Notice>}
      <p class="prose">{t('documents.admin.intro')}</p>
      {DOCUMENT_KINDS.map((kind) => {
        const rows = versions.filter((v) => v.kind === kind)
        const draft = rows.find((v) => v.publishedAt === null)
        const current = rows.find((v) => v.publishedAt !== null)
        return (
          <section aria-labelledby={`kop-${kind}`}>
            <h2 id={`kop-${kind}`}>{t(TITLE_KEY[kind])}</h2>
            {!isConsentKind(kind) && <p class="hint">{t('documents.admin.agreementKind')}</p>}
            {draft ? (
              <p>
                <a class="button" href={`/beheer/documenten/${draft.id}/bewerken`}>
                  {t('documents.admin.continueDraft', { version: draft.version })}
                </a>
              </p>
            ) : (
              <form method="post" action={`/beheer/documenten/${KIND_SLUG[kind]}/nieuw`}>
                <CsrfField token={csrfToken} />
                <p class="hint">{t('documents.admin.newVersionHint')}</p>
                <button type="submit">{t('documents.admin.newVersion')}</button>
              </form>
            )}
            <DataTable head={[t('documents.admin.col.version'), t('documents.admin.col.status'), t('documents.admin.col.date'), t('documents.admin.col.note')]}>
              {rows.map((v) => (
                <tr>
                  <td>
                    {v.publishedAt ? (
                      <a href={versionPath(kind, v.version)} aria-label={`${t('documents.admin.view')}: ${t(TITLE_KEY[kind])} ${v.version}`}>
                        {v.version}
                      </a>
                    ) : (
                      <a href={`/beheer/documenten/${v.id}/bewerken`} aria-label={`${t('documents.admin.edit')}: ${t(TITLE_KEY[kind])} ${v.version}`}>
                        {v.version}
                      </a>
                    )}
                  </td>
                  <td>
                    {v.publishedAt === null
                      ? t('documents.admin.status.draft')
                      : v.id === current?.id
                        ? t('documents.admin.status.current')
                        : t('documents.admin.status.published')}
                  </td>
                  <td>
                    {v.publishedAt ? formatDate(v.publishedAt, lang, 'dateTime') : t('documents.admin.lastEdited', { date: formatDate(v.updatedAt, lang, 'dateTime') })}
                  </td>
                  <td class="pre-wrap">{v.changeNote}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        )
      })}
    </section>
  )
}

export interface EditPageProps extends Base {
  csrfToken: string
  doc: { id: number; kind: DocumentKind; version: number; bodyNl: string; bodyEn: string; changeNote: string }
  state?: FormState
  /** Rendered texts when the admin asked for a preview. */
  preview?: { nl: string; en: string }
  /** A problem with the whole draft (e.g. publishing an incomplete one). */
  notice?: string
}

export function EditPage({ t, csrfToken, doc, state, preview, notice }: EditPageProps) {
  const base = `/beheer/documenten/${doc.id}`
  return (
    <section>
      <h1>{t('documents.edit.title', { title: t(TITLE_KEY[doc.kind]), version: doc.version })}</h1>
      <p>
        <a href="/beheer/documenten">{t('documents.admin.title')}</a> · <a href="/beheer">{t('documents.admin.back')}</a>
      </p>
      {notice && <Notice kind="error">{notice}</Notice>}
      <ErrorSummary errors={state?.errors} t={t} />
      <form method="post" action={`${base}/bewerken`} class="stack wide">
        <CsrfField token={csrfToken} />
        <TextArea name="changeNote" label={t('documents.edit.changeNote')} hint={t('documents.edit.changeNoteHint')} value={doc.changeNote} state={state} rows={4} required t={t} />
        <TextArea name="bodyNl" label={t('documents.edit.bodyNl')} hint={t('documents.edit.bodyHint')} value={doc.bodyNl} state={state} rows={24} required t={t} />
        <TextArea name="bodyEn" label={t('documents.edit.bodyEn')} hint={t('documents.edit.bodyHint')} value={doc.bodyEn} state={state} rows={24} required t={t} />
        <div class="actions">
          <button type="submit">{t('documents.edit.save')}</button>{' '}
          <button type="submit" class="secondary" formaction={`${base}/voorbeeld`}>
            {t('documents.edit.preview')}
          </button>
        </div>
      </form>
      {preview && (
        <section class="document-preview" id="voorbeeld" aria-labelledby="voorbeeld-kop">
          <h2 id="voorbeeld-kop">{t('documents.preview.heading')}</h2>
          <p class="hint">{t('documents.edit.previewNotSaved')}</p>
          <div class="prose" lang="nl">
            <p class="preview-lang">{t('documents.preview.nl')}</p>
            <DocumentBody html={preview.nl} />
          </div>
          <div class="prose" lang="en">
            <p class="preview-lang">{t('documents.preview.en')}</p>
            <DocumentBody html={preview.en} />
          </div>
        </section>
      )}
      <section aria-labelledby="publiceren-kop">
        <h2 id="publiceren-kop">{t('documents.publish.heading')}</h2>
        <p>{t('documents.publish.explain')}</p>
        <form method="post" action={`${base}/publiceren`}>
          <CsrfField token={csrfToken} />
          <button type="submit">{t('documents.publish.button', { version: doc.version })}</button>
        </form>
      </section>
    </section>
  )
}

export function PublishedPage({ t }: { t: T }) {
  return (
    <section class="prose">
      <h1>{t('documents.published.title')}</h1>
      <p>{t('documents.published.body')}</p>
      <p>
        <a href="/beheer/documenten">{t('documents.admin.title')}</a>
      </p>
    </section>
  )
}

/** Pages of cancellation and the archive. Pure JSX, props in. */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { ArchiveSummary } from './cancellation.service.js'

function Back({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href}>{label}</a>
    </p>
  )
}

// -- Cancelling your own account -------------------------------------------------------------

export function CancelPage(p: { t: T; csrfToken: string; state?: FormState; notice?: string }) {
  const { t } = p
  return (
    <>
      <Back href="/hulp" label={t('cancellation.back')} />
      <h1>{t('cancellation.title')}</h1>
      <p class="lead">{t('cancellation.intro')}</p>
      <section aria-labelledby="wat-kop" class="prose">
        <h2 id="wat-kop">{t('cancellation.what.heading')}</h2>
        <dl class="facts">
          <dt>{t('cancellation.what.now.title')}</dt>
          <dd>{t('cancellation.what.now')}</dd>
          <dt>{t('cancellation.what.erase.title')}</dt>
          <dd>{t('cancellation.what.erase')}</dd>
          <dt>{t('cancellation.what.archive.title')}</dt>
          <dd>{t('cancellation.what.archive')}</dd>
        </dl>
        <p>{t('cancellation.what.shared')}</p>
        {/*
          No sentence about invoices or direct-debit mandates: the platform makes none yet. The
          billing feature, when it exists, adds what it keeps after cancellation (and for how long)
          here, only for accounts that have such records.
        */}
      </section>
      <section aria-labelledby="anders-kop">
        <h2 id="anders-kop">{t('cancellation.alternatives.heading')}</h2>
        <ul>
          <li>
            {t('cancellation.alternatives.data')} <a href="/mijn-gegevens">{t('layout.myData')}</a>
          </li>
          <li>
            {t('cancellation.alternatives.question')} <a href="/hulp/vraag">{t('cancellation.alternatives.ask')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="bevestig-kop">
        <h2 id="bevestig-kop">{t('cancellation.confirm.heading')}</h2>
        {p.notice && <Notice kind="error">{p.notice}</Notice>}
        <ErrorSummary errors={p.state?.errors} t={t} />
        <form method="post" action="/hulp/opzeggen" class="stack">
          <CsrfField token={p.csrfToken} />
          <Field name="password" type="password" label={t('cancellation.field.password')} hint={t('cancellation.field.password.hint')} autocomplete="current-password" required state={p.state} t={t} />
          <button type="submit" class="danger">
            {t('cancellation.submit')}
          </button>
        </form>
      </section>
    </>
  )
}

export function GoodbyePage({ t, operatorEmail }: { t: T; operatorEmail: string }) {
  return (
    <>
      <h1>{t('cancellation.done.title')}</h1>
      <p>{t('cancellation.done.body')}</p>
      <p>{t('cancellation.done.return', { email: operatorEmail })}</p>
      <p>{t('cancellation.done.thanks')}</p>
    </>
  )
}

// -- Beheer: on someone's behalf -------------------------------------------------------------

export interface FoundAccount {
  id: string
  email: string
  firstName: string
  lastName: string | null
  createdAt: Date
  itemCount: number
}

export function OnBehalfPage(p: { t: T; lang: Lang; csrfToken: string; search?: FormState; found?: FoundAccount; confirm?: FormState; notice?: string }) {
  const { t, lang } = p
  return (
    <>
      <Back href="/beheer/hulpvragen" label={t('cancellation.admin.back')} />
      <h1>{t('cancellation.admin.title')}</h1>
      <p>{t('cancellation.admin.intro')}</p>
      {p.notice && <Notice kind="error">{p.notice}</Notice>}
      {!p.found && <ErrorSummary errors={p.search?.errors} t={t} />}
      <form method="post" action="/beheer/opzeggen" class="inline-form">
        <CsrfField token={p.csrfToken} />
        <Field name="email" type="email" label={t('cancellation.admin.field.email')} autocomplete="off" required state={p.search} value={p.found?.email} t={t} />
        <button type="submit" class="secondary">
          {t('cancellation.admin.find')}
        </button>
      </form>
      {p.found && (
        <section aria-labelledby="gevonden-kop">
          <h2 id="gevonden-kop">{t('cancellation.admin.found.heading')}</h2>
          <dl class="facts">
            <dt>{t('cancellation.admin.name')}</dt>
            <dd>{[p.found.firstName, p.found.lastName].filter(Boolean).join(' ')}</dd>
            <dt>{t('cancellation.admin.email')}</dt>
            <dd>{p.found.email}</dd>
            <dt>{t('cancellation.admin.since')}</dt>
            <dd>{formatDate(p.found.createdAt, lang)}</dd>
            <dt>{t('cancellation.admin.items')}</dt>
            <dd>{p.found.itemCount}</dd>
          </dl>
          <p>{t('cancellation.admin.explain')}</p>
          <ErrorSummary errors={p.confirm?.errors} t={t} />
          <form method="post" action="/beheer/opzeggen/bevestigen" class="stack">
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="userId" value={p.found.id} />
            <TextArea name="reason" label={t('cancellation.admin.field.reason')} hint={t('cancellation.admin.field.reason.hint')} required rows={4} maxlength={2000} state={p.confirm} t={t} />
            <button type="submit" class="danger">
              {t('cancellation.admin.confirm')}
            </button>
          </form>
        </section>
      )}
    </>
  )
}

// -- Beheer: the archive ---------------------------------------------------------------------

export interface ArchivePageProps {
  t: T
  lang: Lang
  csrfToken: string
  state?: FormState
  result?: { archives: ArchiveSummary[]; pendingErasure: boolean }
  notice?: { kind: 'error' | 'info'; text: string }
  unknownKeys: number
}

export function ArchivePage(p: ArchivePageProps) {
  const { t, lang } = p
  return (
    <>
      <h1>{t('cancellation.archive.title')}</h1>
      <p>{t('cancellation.archive.intro')}</p>
      {p.unknownKeys > 0 && <Notice kind="info">{t('cancellation.archive.unknownKeys', { count: p.unknownKeys })}</Notice>}
      {p.notice && <Notice kind={p.notice.kind}>{p.notice.text}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/beheer/archief/zoeken" class="inline-form">
        <CsrfField token={p.csrfToken} />
        <Field name="email" type="email" label={t('cancellation.archive.field.email')} autocomplete="off" required state={p.state} t={t} />
        <button type="submit" class="secondary">
          {t('cancellation.archive.search')}
        </button>
      </form>
      {p.result && (
        <section aria-labelledby="gevonden-kop">
          <h2 id="gevonden-kop">{t('cancellation.archive.results')}</h2>
          {p.result.pendingErasure && <p>{t('cancellation.archive.pending')}</p>}
          {p.result.archives.length === 0 ? (
            !p.result.pendingErasure && <p>{t('cancellation.archive.none')}</p>
          ) : (
            <>
              <p>{t('cancellation.archive.restore.explain')}</p>
              <DataTable
                caption={t('cancellation.archive.caption')}
                head={[
                  t('cancellation.archive.col.id'),
                  t('cancellation.archive.col.cancelled'),
                  t('cancellation.archive.col.archived'),
                  t('cancellation.archive.col.purge'),
                  t('cancellation.archive.col.action'),
                ]}
              >
                {p.result.archives.map((a) => (
                  <tr>
                    <td>
                      <code>{a.id}</code>
                    </td>
                    <td>{formatDate(a.cancelledAt, lang, 'dateTime')}</td>
                    <td>{formatDate(a.archivedAt, lang, 'dateTime')}</td>
                    <td>{formatDate(a.purgeAfter, lang)}</td>
                    <td>
                      <form method="post" action={`/beheer/archief/${a.id}/terugzetten`}>
                        <CsrfField token={p.csrfToken} />
                        <button type="submit" aria-label={t('cancellation.archive.restore.label', { id: a.id })}>
                          {t('cancellation.archive.restore')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </section>
      )}
    </>
  )
}

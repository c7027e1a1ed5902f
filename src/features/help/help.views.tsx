/** Pages of the help feature: "Hulp nodig" with its forms, and /beheer/hulpvragen. Pure JSX, props in. */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../kernel/ui/components.js'
import { moduleName, moduleOf } from '../content/content.urls.js'
import type { ItemChoice, RequestDetail, RequestRow } from './help.queries.js'
import { ANSWER_MAX, MESSAGE_MAX } from './help.schema.js'

type Kind = RequestRow['kind']
const kindLabel = (t: T, kind: Kind) => t(`help.kind.${kind}` as MessageKey)
const statusLabel = (t: T, status: 'open' | 'closed') => t(`help.status.${status}` as MessageKey)

function Back({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href}>{label}</a>
    </p>
  )
}

// -- Hulp nodig ------------------------------------------------------------------------------

export function HelpPage({ t }: { t: T }) {
  const choices: Array<{ href: string; label: MessageKey; hint: MessageKey }> = [
    { href: '/hulp/vraag', label: 'help.choice.question', hint: 'help.choice.question.hint' },
    { href: '/hulp/probleem', label: 'help.choice.problem', hint: 'help.choice.problem.hint' },
    { href: '/hulp/opzeggen', label: 'help.choice.cancel', hint: 'help.choice.cancel.hint' },
  ]
  return (
    <>
      <h1>{t('help.title')}</h1>
      <p class="lead">{t('help.intro')}</p>
      <ul class="cards">
        {choices.map((c) => (
          <li class="card">
            <h2>
              <a href={c.href}>{t(c.label)}</a>
            </h2>
            <p class="muted">{t(c.hint)}</p>
          </li>
        ))}
      </ul>
      <p>
        {t('help.complaint')} <a href="/klacht">{t('help.complaint.link')}</a>
      </p>
    </>
  )
}

export function QuestionPage(p: { t: T; csrfToken: string; email: string; state?: FormState; limitedMessage?: string }) {
  const { t } = p
  return (
    <>
      <Back href="/hulp" label={t('help.back')} />
      <h1>{t('help.question.title')}</h1>
      <p>{t('help.question.intro', { email: p.email })}</p>
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action="/hulp/vraag" class="stack">
        <CsrfField token={p.csrfToken} />
        <TextArea name="message" label={t('help.field.message')} hint={t('help.field.message.hint')} required maxlength={MESSAGE_MAX} state={p.state} t={t} />
        <button type="submit">{t('help.question.submit')}</button>
      </form>
    </>
  )
}

export interface ProblemPageProps {
  t: T
  lang: Lang
  csrfToken: string
  wijken: Array<{ id: number; name: string; cityName: string }>
  wijk: { id: number; name: string } | null
  items: ItemChoice[]
  exampleAddress: string
  state?: FormState
  limitedMessage?: string
}

export function ProblemPage(p: ProblemPageProps) {
  const { t, lang } = p
  const wijkOptions = p.wijken.map((w) => ({ value: String(w.id), label: `${w.name} (${w.cityName})` }))
  return (
    <>
      <Back href="/hulp" label={t('help.back')} />
      <h1>{t('help.problem.title')}</h1>
      <p>{t('help.problem.intro')}</p>
      {p.limitedMessage && <Notice kind="error">{p.limitedMessage}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      {/* The wijk chooser reloads the item list with GET; its controls sit inside the report form
          for reading order, and belong to this separate form through their form attribute. */}
      <form method="get" action="/hulp/probleem" id="kies-wijk" />
      <form method="post" action="/hulp/probleem" class="stack">
        <CsrfField token={p.csrfToken} />
        {p.wijk && <input type="hidden" name="wijk" value={String(p.wijk.id)} />}
        <Field name="address" label={t('help.field.address')} hint={t('help.field.address.hint', { example: p.exampleAddress })} maxlength={2000} state={p.state} t={t} />
        {p.wijk && (
          <fieldset>
            <legend>{t('help.field.item.legend')}</legend>
            {p.wijken.length > 1 && (
              <div class="inline-form">
                <div class="field">
                  <label for="wijk">{t('help.problem.wijk')}</label>
                  <select id="wijk" name="wijk" form="kies-wijk">
                    {wijkOptions.map((o) => (
                      <option value={o.value} selected={o.value === String(p.wijk!.id)}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" form="kies-wijk" class="secondary">
                  {t('help.problem.wijk.show')}
                </button>
              </div>
            )}
            {p.items.length > 0 ? (
              <Select
                name="itemId"
                label={t('help.field.item')}
                hint={t('help.field.item.hint', { wijk: p.wijk.name })}
                options={[
                  { value: '', label: t('help.field.item.none') },
                  ...p.items.map((i) => ({ value: String(i.id), label: `${i.title} (${moduleName(moduleOf(i.type), lang)})` })),
                ]}
                state={p.state}
                t={t}
              />
            ) : (
              <p>{t('help.field.item.empty', { wijk: p.wijk.name })}</p>
            )}
          </fieldset>
        )}
        <TextArea name="message" label={t('help.field.problem')} hint={t('help.field.problem.hint')} required maxlength={MESSAGE_MAX} state={p.state} t={t} />
        <button type="submit">{t('help.problem.submit')}</button>
      </form>
    </>
  )
}

export function SentPage({ t }: { t: T }) {
  return (
    <>
      <h1>{t('help.sent.title')}</h1>
      <p>{t('help.sent.body')}</p>
      <p>
        {t('help.sent.more')} <a href="/hulp">{t('help.title')}</a>
      </p>
    </>
  )
}

// -- Beheer ----------------------------------------------------------------------------------

export interface AdminListProps {
  t: T
  lang: Lang
  status: 'open' | 'closed'
  rows: RequestRow[]
  links: Array<{ href: string; label: string }>
}

export function AdminListPage(p: AdminListProps) {
  const { t, lang } = p
  const tab = (status: 'open' | 'closed', href: string, label: string) => (
    <li>
      <a href={href} aria-current={p.status === status ? 'page' : undefined}>
        {label}
      </a>
    </li>
  )
  return (
    <>
      <h1>{t('help.admin.title')}</h1>
      <p>{t('help.admin.intro')}</p>
      <nav class="filters" aria-label={t('help.admin.tabs')}>
        <ul>
          {tab('open', '/beheer/hulpvragen', t('help.admin.open'))}
          {tab('closed', '/beheer/hulpvragen?status=gesloten', t('help.admin.closed'))}
        </ul>
      </nav>
      {p.rows.length === 0 ? (
        <p>{t(p.status === 'open' ? 'help.admin.empty.open' : 'help.admin.empty.closed')}</p>
      ) : (
        <DataTable
          caption={t(p.status === 'open' ? 'help.admin.caption.open' : 'help.admin.caption.closed')}
          head={[
            t('help.admin.col.number'),
            t('help.admin.col.kind'),
            t('help.admin.col.about'),
            t('help.admin.col.received'),
          ]}
        >
          {p.rows.map((r) => (
            <tr>
              <td>
                <a href={`/beheer/hulpvragen/${r.id}`} aria-label={t('help.admin.open.label', { id: r.id })}>
                  {r.id}
                </a>
              </td>
              <td>{kindLabel(t, r.kind)}</td>
              <td>{[r.itemTitle, r.wijkName].filter(Boolean).join(', ')}</td>
              <td>{formatDate(r.createdAt, lang, 'dateTime')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {p.links.length > 0 && (
        <section aria-labelledby="meer-kop">
          <h2 id="meer-kop">{t('help.admin.more')}</h2>
          <ul>
            {p.links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

export interface AdminDetailProps {
  t: T
  lang: Lang
  csrfToken: string
  request: RequestDetail
  /** Link to the item's public page, when it is public. */
  itemHref: string | null
  state?: FormState
}

export function AdminDetailPage(p: AdminDetailProps) {
  const { t, lang, request: r } = p
  return (
    <>
      <Back href="/beheer/hulpvragen" label={t('help.detail.back')} />
      <h1>{t('help.detail.title', { id: r.id })}</h1>
      <dl class="facts">
        <dt>{t('help.detail.kind')}</dt>
        <dd>{kindLabel(t, r.kind)}</dd>
        <dt>{t('help.detail.status')}</dt>
        <dd>{statusLabel(t, r.status)}</dd>
        <dt>{t('help.detail.received')}</dt>
        <dd>{formatDate(r.createdAt, lang, 'dateTime')}</dd>
        {r.closedAt && (
          <>
            <dt>{t('help.detail.closedAt')}</dt>
            <dd>{formatDate(r.closedAt, lang, 'dateTime')}</dd>
          </>
        )}
        {r.wijkName && (
          <>
            <dt>{t('help.detail.wijk')}</dt>
            <dd>{r.wijkName}</dd>
          </>
        )}
        {r.kind === 'content-problem' && (
          <>
            <dt>{t('help.detail.item')}</dt>
            <dd>
              {r.item ? (
                p.itemHref ? (
                  <a href={p.itemHref}>{r.item.title}</a>
                ) : (
                  <>
                    {r.item.title} {t('help.detail.item.notPublic')}
                  </>
                )
              ) : (
                t('help.detail.item.gone')
              )}
            </dd>
          </>
        )}
        <dt>{t('help.detail.from')}</dt>
        <dd>
          {r.requester ? (
            <>
              {[r.requester.firstName, r.requester.lastName].filter(Boolean).join(' ')} &lt;{r.requester.email}&gt;
              <br />
              <span class="muted">{t('help.detail.from.note')}</span>
            </>
          ) : (
            t('help.detail.from.gone')
          )}
        </dd>
      </dl>
      <h2>{t('help.detail.message')}</h2>
      <p class="pre-wrap">{r.message}</p>
      {r.answer && (
        <>
          <h2>{t('help.detail.answer')}</h2>
          <p class="pre-wrap">{r.answer}</p>
        </>
      )}
      <h2>{t('help.answer.heading')}</h2>
      {r.requester && r.requester.status === 'active' ? (
        <>
          <ErrorSummary errors={p.state?.errors} t={t} />
          <form method="post" action={`/beheer/hulpvragen/${r.id}/antwoord`} class="stack">
            <CsrfField token={p.csrfToken} />
            <TextArea name="answer" label={t('help.field.answer')} hint={t('help.field.answer.hint')} required maxlength={ANSWER_MAX} state={p.state} t={t} />
            <button type="submit">{t('help.answer.submit')}</button>
          </form>
        </>
      ) : (
        <p>{t('help.answer.noRequester')}</p>
      )}
      <h2>{t('help.close.heading')}</h2>
      {r.status === 'open' ? (
        <form method="post" action={`/beheer/hulpvragen/${r.id}/sluiten`}>
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="secondary">
            {t('help.close.submit')}
          </button>
        </form>
      ) : (
        <p>{t('help.close.done')}</p>
      )}
    </>
  )
}

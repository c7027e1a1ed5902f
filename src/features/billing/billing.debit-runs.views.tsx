/**
 * The admin's direct debit pages: /beheer/incasso (what is due, the button that makes the file,
 * the runs made) and one run with its debits and what it left out. Pure JSX, props in. No IBAN is
 * ever passed in: the full number exists only in the downloaded file.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { CsrfField, DataTable, ErrorSummary, Field, Notice, type FormState } from '../../kernel/ui/components.js'
import { euro } from './billing.money.js'
import type { Pain008Version } from './billing.sepa.js'
import { day, ledgerEntryPath } from './billing.finance.views.js'
import type { DueRow, RunDetail } from './billing.debit-runs.queries.js'
import type { directDebitRuns, LeftOutInvoice } from './billing.debit-runs.tables.js'

export const DEBITS = '/beheer/incasso'
export const debitRunPath = (id: number) => `${DEBITS}/${id}`
export const debitRunFilePath = (id: number) => `${DEBITS}/${id}/pain008.xml`

type Run = typeof directDebitRuns.$inferSelect

/** Why a run could not be made, told above the list. */
export type RunRefusal = { reason: 'nothingToCollect'; leftOut: LeftOutInvoice[] } | { reason: 'alreadyCollected' }

function LeftOutTable(p: { t: T; leftOut: readonly LeftOutInvoice[] }) {
  const { t } = p
  if (p.leftOut.length === 0) return <p>{t('billing.debits.leftOut.none')}</p>
  return (
    <DataTable caption={t('billing.debits.leftOut')} head={[t('billing.col.number'), t('billing.debits.reason')]}>
      {p.leftOut.map((l) => (
        <tr>
          <th scope="row">
            <a href={ledgerEntryPath(l.invoiceId)}>{l.invoiceNumber}</a>
          </th>
          <td>{t(`billing.batch.leftOut.${l.reason}` as MessageKey)}</td>
        </tr>
      ))}
    </DataTable>
  )
}

function collectionDays(run: Run, lang: Lang) {
  return run.firstCollectionOn === run.lastCollectionOn ? day(run.firstCollectionOn, lang) : `${day(run.firstCollectionOn, lang)} – ${day(run.lastCollectionOn, lang)}`
}

export function DebitRunsPage(p: { t: T; lang: Lang; csrfToken: string; days: number; horizon: FormState; due: DueRow[]; runs: Run[]; refusal?: RunRefusal }) {
  const { t, lang } = p
  const errors = p.horizon.errors
  return (
    <>
      <h1>{t('billing.debits.title')}</h1>
      <ErrorSummary errors={errors} t={t} />
      {p.refusal && (
        <Notice kind="error">
          <p>{t(p.refusal.reason === 'alreadyCollected' ? 'billing.debits.alreadyCollected' : 'billing.debits.nothing')}</p>
        </Notice>
      )}
      {p.refusal?.reason === 'nothingToCollect' && (
        <>
          <h2>{t('billing.debits.leftOut')}</h2>
          <LeftOutTable t={t} leftOut={p.refusal.leftOut} />
        </>
      )}
      <p class="prose">{t('billing.debits.intro', { days: p.days })}</p>
      <form method="get" action={DEBITS} class="inline-form" novalidate>
        <Field name="dagen" label={t('billing.debits.horizon')} hint={t('billing.debits.horizon.hint')} inputmode="numeric" state={p.horizon} value={String(p.days)} required t={t} />
        <button type="submit" class="secondary">
          {t('billing.debits.show')}
        </button>
      </form>
      <h2>{t('billing.debits.due')}</h2>
      {p.due.length === 0 ? (
        <p>{t('billing.debits.noneDue')}</p>
      ) : (
        <>
          <DataTable caption={t('billing.debits.due')} head={[t('billing.col.number'), t('billing.col.customer'), t('billing.debits.collectionDays'), t('billing.debits.mandate'), { label: t('billing.col.total'), class: 'num' }]}>
            {p.due.map((r) => (
              <tr>
                <th scope="row">
                  <a href={ledgerEntryPath(r.id)}>{r.number}</a>
                </th>
                <td>{r.organisation}</td>
                <td>{r.collectionOn ? day(r.collectionOn, lang) : ''}</td>
                <td>{r.mandateReference}</td>
                <td class="num">{euro(r.totalCents, lang)}</td>
              </tr>
            ))}
          </DataTable>
          <form method="post" action={DEBITS} class="stack">
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="dagen" value={String(p.days)} />
            <p>{t('billing.debits.make.hint')}</p>
            <button type="submit">{t('billing.debits.make')}</button>
          </form>
        </>
      )}
      <h2>{t('billing.debits.runs')}</h2>
      {p.runs.length === 0 ? (
        <p>{t('billing.debits.noRuns')}</p>
      ) : (
        <DataTable caption={t('billing.debits.runs')} head={[t('billing.debits.created'), t('billing.debits.collectionDays'), { label: t('billing.debits.count'), class: 'num' }, { label: t('billing.debits.sum'), class: 'num' }, { label: t('billing.debits.leftOut'), class: 'num' }]}>
          {p.runs.map((r) => (
            <tr>
              <th scope="row">
                <a href={debitRunPath(r.id)}>{formatDate(r.createdAt, lang, 'dateTime')}</a>
              </th>
              <td>{collectionDays(r, lang)}</td>
              <td class="num">{r.count}</td>
              <td class="num">{euro(r.totalCents, lang)}</td>
              <td class="num">{r.leftOut.length}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}

const OUTCOME_KEY = { sent: 'billing.debits.outcome.sent', rejected: 'billing.debits.outcome.rejected', returned: 'billing.debits.outcome.returned' } as const satisfies Record<string, MessageKey>

/** `version`: the pain.008 version the download is written in (BILLING_PAIN008_VERSION). */
export function DebitRunPage(p: { t: T; lang: Lang; detail: RunDetail; fileAvailable: boolean; version: Pain008Version }) {
  const { t, lang } = p
  const { run, collections } = p.detail
  return (
    <>
      <p>
        <a href={DEBITS}>{t('billing.debits.back')}</a>
      </p>
      <h1>{t('billing.debits.run', { messageId: run.messageId })}</h1>
      <dl class="facts">
        <dt>{t('billing.debits.created')}</dt>
        <dd>{formatDate(run.createdAt, lang, 'dateTime')}</dd>
        <dt>{t('billing.debits.collectionDays')}</dt>
        <dd>{collectionDays(run, lang)}</dd>
        <dt>{t('billing.debits.count')}</dt>
        <dd>{run.count}</dd>
        <dt>{t('billing.debits.sum')}</dt>
        <dd>{euro(run.totalCents, lang)}</dd>
      </dl>
      {p.fileAvailable ? (
        <p>
          <a href={debitRunFilePath(run.id)} download>
            {t('billing.debits.download', { version: p.version })}
          </a>
        </p>
      ) : (
        <Notice kind="info">
          <p>{t('billing.debits.fileGone')}</p>
        </Notice>
      )}
      <DataTable caption={t('billing.debits.run', { messageId: run.messageId })} head={[t('billing.col.number'), t('billing.col.customer'), t('billing.debits.collectionDays'), t('billing.debits.mandate'), t('billing.debits.sequence'), { label: t('billing.col.total'), class: 'num' }, t('billing.debits.outcome')]}>
        {collections.map(({ c, organisation }) => (
          <tr>
            <th scope="row">
              <a href={ledgerEntryPath(c.invoiceId)}>{c.endToEndId}</a>
            </th>
            <td>{organisation}</td>
            <td>{day(c.collectionOn, lang)}</td>
            <td>{c.mandateReference}</td>
            <td>{t(`billing.debits.sequence.${c.sequenceType}`)}</td>
            <td class="num">{euro(c.amountCents, lang)}</td>
            <td>{t(OUTCOME_KEY[c.outcome], { reason: c.returnReason ?? '' })}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('billing.debits.leftOut')}</h2>
      <LeftOutTable t={t} leftOut={run.leftOut} />
    </>
  )
}

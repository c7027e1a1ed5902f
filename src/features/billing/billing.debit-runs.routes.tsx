/**
 * /beheer/incasso (platform admin, P09): the direct-debit invoices due for collection, making a
 * run of them, each run with its debits and what it left out, and its pain.008 file for the bank.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam, readQueryForm } from '../../kernel/http/params.js'
import { readForm } from '../../kernel/http/form.js'
import { downloadHeaders } from '../../kernel/http/download.js'
import { AppError } from '../../kernel/http/errors.js'
import { render } from '../../kernel/ui/render.js'
import { amsterdamDay } from './billing.dates.js'
import { DEFAULT_HORIZON_DAYS, findRun, invoicesDueForCollection, listRuns } from './billing.debit-runs.queries.js'
import { horizonSchema } from './billing.debit-runs.schema.js'
import { debitRunFile, makeDebitRun } from './billing.debit-runs.service.js'
import { DEBITS, DebitRunPage, DebitRunsPage, debitRunPath, type RunRefusal } from './billing.debit-runs.views.js'

const oneRun = rowLoader(async (c) => {
  const detail = await findRun(c.get('deps').db, idParam(c))
  return detail && { row: detail, resource: {} }
})

async function runsPage(c: AppContext, opts: { days: number; values: Record<string, string>; errors?: Record<string, string>; refusal?: RunRefusal; status?: 200 | 409 | 422 }) {
  const t = c.get('t')
  const { db, clock } = c.get('deps')
  const [due, runs] = await Promise.all([invoicesDueForCollection(db, amsterdamDay(clock.now()), opts.days), listRuns(db)])
  return render(
    c,
    <DebitRunsPage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} days={opts.days} horizon={{ values: opts.values, errors: opts.errors }} due={due} runs={runs} refusal={opts.refusal} />,
    { title: t('billing.debits.title'), status: opts.status ?? 200 },
  )
}

export const billingDebitRunsRoutes = new Hono<AppEnv>()
  .get(DEBITS, guard('invoice.manage'), (c) => {
    const form = readQueryForm(c, horizonSchema)
    if (!form.ok) return runsPage(c, { days: DEFAULT_HORIZON_DAYS, values: form.values, errors: form.errors, status: 422 })
    return runsPage(c, { days: form.data.dagen, values: form.values })
  })

  .post(DEBITS, guard('invoice.manage'), async (c) => {
    const form = await readForm(c, horizonSchema)
    if (!form.ok) return runsPage(c, { days: DEFAULT_HORIZON_DAYS, values: form.values, errors: form.errors, status: 422 })
    const result = await makeDebitRun(c.get('deps'), c.get('actor').user!.id, form.data.dagen)
    if (!result.ok) return runsPage(c, { days: form.data.dagen, values: form.values, refusal: result, status: 409 })
    return c.redirect(`${debitRunPath(result.runId)}?melding=flash.billing.debitRunMade`, 303)
  })

  .get(`${DEBITS}/:id{[0-9]+}`, guard('invoice.manage', oneRun), async (c) => {
    const t = c.get('t')
    const detail = oneRun.row(c)
    const file = await debitRunFile(c.get('deps'), detail)
    return render(c, <DebitRunPage t={t} lang={c.get('lang')} detail={detail} fileAvailable={file !== null} version={c.get('deps').config.billing.pain008Version} />, { title: t('billing.debits.run', { messageId: detail.run.messageId }) })
  })

  .get(`${DEBITS}/:id{[0-9]+}/pain008.xml`, guard('invoice.manage', oneRun), async (c) => {
    const detail = oneRun.row(c)
    const xml = await debitRunFile(c.get('deps'), detail)
    if (xml === null) throw new AppError(409, 'file_gone', 'billing.debits.fileGone')
    return c.body(xml, 200, downloadHeaders(`incasso-${detail.run.messageId}.xml`, 'application/xml; charset=utf-8'))
  })

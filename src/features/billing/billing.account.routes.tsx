/**
 * Mijn pakket at /mijn-pakket, beside Mijn gegevens and Mijn content: the account holder's own
 * packages and mandates. Someone else's subscription or mandate answers 404, as one that does not
 * exist (the id tells nothing).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { idParam } from '../../kernel/http/params.js'
import { render } from '../../kernel/ui/render.js'
import { findMandate, findSubscription, packagesOf } from './billing.account.queries.js'
import { cancelAtPeriodEnd, undoCancel } from './billing.account.service.js'
import { findLedgerEntry } from './billing.finance.queries.js'
import { FORMAT_PARAM, invoiceDownload } from './billing.invoice-download.js'
import type { InvoiceFormat } from './billing.invoice-document.js'
import { amsterdamDay } from './billing.dates.js'
import { MY_PACKAGE, MandatePage, MyPackagePage } from './billing.account.views.js'

const ownSubscription = rowLoader(async (c) => {
  const found = await findSubscription(c.get('deps').db, idParam(c))
  return found && { row: found, resource: { ownerId: found.ownerId ?? undefined } }
})

const ownMandate = rowLoader(async (c) => {
  const found = await findMandate(c.get('deps').db, idParam(c))
  return found && { row: found, resource: { ownerId: found.userId } }
})

/** An invoice or credit note issued to this account (none once the account is erased: it is detached). */
const ownInvoice = rowLoader(async (c) => {
  const found = await findLedgerEntry(c.get('deps').db, idParam(c))
  return found && { row: found, resource: { ownerId: found.invoice.accountId ?? undefined } }
})

const own = { denied: 'notFound' } as const

export const billingAccountRoutes = new Hono<AppEnv>()
  .get(MY_PACKAGE, guard('account.manage'), async (c) => {
    const { db } = c.get('deps')
    const t = c.get('t')
    const userId = c.get('actor').user!.id
    const own = await packagesOf(db, userId)
    const today = amsterdamDay(c.get('deps').clock.now())
    return render(c, <MyPackagePage t={t} lang={c.get('lang')} csrfToken={c.get('csrfToken')} today={today} {...own} />, { title: t('billing.my.title') })
  })

  .get(`${MY_PACKAGE}/facturen/:id{[0-9]+}/${FORMAT_PARAM}`, guard('invoice.own', ownInvoice, own), (c) => invoiceDownload(c, ownInvoice.row(c), c.req.param('format') as InvoiceFormat))

  .get(`${MY_PACKAGE}/machtiging/:id{[0-9]+}`, guard('package.subscription.own', ownMandate, own), (c) => {
    const t = c.get('t')
    const { operator } = c.get('deps').config
    return render(c, <MandatePage t={t} lang={c.get('lang')} m={ownMandate.row(c)} creditor={{ name: operator.name, address: operator.address }} />, { title: t('billing.mandate.title') })
  })

  .post(`${MY_PACKAGE}/:id{[0-9]+}/opzeggen`, guard('package.subscription.own', ownSubscription, own), async (c) => {
    const changed = await cancelAtPeriodEnd(c.get('deps'), c.get('actor').user!.id, ownSubscription.row(c))
    return c.redirect(changed ? `${MY_PACKAGE}?melding=flash.billing.cancelled` : MY_PACKAGE, 303)
  })

  .post(`${MY_PACKAGE}/:id{[0-9]+}/opzegging-intrekken`, guard('package.subscription.own', ownSubscription, own), async (c) => {
    const changed = await undoCancel(c.get('deps'), c.get('actor').user!.id, ownSubscription.row(c))
    return c.redirect(changed ? `${MY_PACKAGE}?melding=flash.billing.resumed` : MY_PACKAGE, 303)
  })

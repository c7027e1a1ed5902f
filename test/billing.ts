/**
 * Package applications and subscriptions made through the billing services themselves (the
 * same code the forms call), for tests that need one to exist: the authorization matrix, the
 * browser tests. The forms are tested through HTTP in src/features/billing.
 *
 * @example const { subscriptionId, mandateId } = await buildSubscription(t, { userId, packageId })
 */
import type { Deps } from '../src/kernel/context.js'
import { findCurrentVersion } from '../src/features/documents/documents.queries.js'
import { submitApplication } from '../src/features/billing/billing.apply.service.js'
import { findApplication } from '../src/features/billing/billing.applications.queries.js'
import { approveApplication } from '../src/features/billing/billing.decide.service.js'
import { subscriptionsOf } from '../src/features/billing/billing.account.queries.js'
import { issueToLedger } from '../src/features/billing/billing.ledger.js'
import { invoiceDraft } from '../src/features/billing/billing.test-helpers.js'
import { amsterdamDay } from '../src/features/billing/billing.dates.js'
import { makeDebitRun } from '../src/features/billing/billing.debit-runs.service.js'

type BillingDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>

/** A pending application; with `iban`, for direct debit with a pending mandate. */
export async function buildApplication(t: { deps: BillingDeps }, opts: { userId: string; packageId: number; iban?: string; organisationName?: string }): Promise<number> {
  const agreement = await findCurrentVersion(t.deps.db, 'package')
  if (!agreement) throw new Error('no package agreement: ensureDefaultDocuments has not run')
  return submitApplication(t.deps, {
    kind: 'package',
    userId: opts.userId,
    packageId: opts.packageId,
    agreement: { id: agreement.id, version: agreement.version },
    input: {
      organisationName: opts.organisationName ?? 'Buurtwinkel De Hoek',
      kvkNumber: '87654321',
      vatNumber: null,
      street: 'Hoekstraat',
      houseNumber: '3',
      postalCode: '1234 AB',
      place: 'Voorbeeldstad',
      country: 'NL',
      billingEmail: 'administratie@dehoek.example',
      contactName: 'Kees de Hoek',
      paymentMethod: opts.iban ? 'direct-debit' : 'transfer',
      documentId: agreement.id,
      accept: true,
      signerName: 'Kees de Hoek',
    },
    directDebit: opts.iban ? { iban: opts.iban, accountHolder: 'De Hoek' } : null,
  })
}

/** An approved application by direct debit: its subscription and active mandate. */
export async function buildSubscription(t: { deps: BillingDeps }, opts: { userId: string; packageId: number; adminId: string; iban?: string; organisationName?: string }): Promise<{ applicationId: number; subscriptionId: number; mandateId: number }> {
  const applicationId = await buildApplication(t, { ...opts, iban: opts.iban ?? 'NL02ABNA0123456789' })
  const detail = await findApplication(t.deps.db, applicationId)
  await approveApplication(t.deps, opts.adminId, detail!)
  const sub = (await subscriptionsOf(t.deps.db, opts.userId)).find((s) => s.mandate?.id === detail!.application.mandateId)!
  return { applicationId, subscriptionId: sub.id, mandateId: sub.mandate!.id! }
}

/**
 * A direct debit run made by the admin's own service: a new subscription's mandate and an invoice
 * under it due today, collected with whatever else is due.
 */
export async function buildDebitRun(t: { deps: BillingDeps }, opts: { userId: string; packageId: number; adminId: string }): Promise<number> {
  const { mandateId } = await buildSubscription(t, opts)
  const mandate = (await subscriptionsOf(t.deps.db, opts.userId)).find((s) => s.mandate?.id === mandateId)!.mandate!
  const today = amsterdamDay(t.deps.clock.now())
  await issueToLedger(t.deps.db, invoiceDraft({ accountId: opts.userId, paymentMethod: 'direct-debit', mandateReference: mandate.reference!, debtorIbanMasked: mandate.ibanMasked!, issuedOn: today, dueOn: today, collectionOn: today }), t.deps.clock.now())
  const run = await makeDebitRun(t.deps, opts.adminId, 0)
  if (!run.ok) throw new Error(`no run: ${run.reason}`)
  return run.runId
}

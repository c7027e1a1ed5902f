/**
 * Taking in an application: the organisation's billing details, the signed agreement and, for
 * direct debit, the mandate with its sealed IBAN, in one transaction. The mandate stays pending
 * until the admin approves the application.
 */
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { billingKeyring, sealIban } from './billing.crypto.js'
import { maskIban } from './billing.iban.js'
import { amsterdamDay } from './billing.dates.js'
import { newMandateReference } from './billing.mandate-rules.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications, type ApplicationKind } from './billing.applications.tables.js'
import type { ApplicationInput, DirectDebitInput } from './billing.apply.schema.js'

type ApplyDeps = Pick<Deps, 'db' | 'clock' | 'config'>

/** Direct debit needs a key to seal the IBAN with: without one, only transfer is offered. */
export function directDebitAvailable(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.billing.keys !== null
}

export interface Application {
  kind: ApplicationKind
  userId: string
  packageId: number
  agreement: { id: number; version: number }
  input: ApplicationInput
  directDebit: DirectDebitInput | null
}

/**
 * Stores an application of either kind. `extend` writes what only this kind holds (the proposed
 * wijk), in the same transaction, once the application has its id.
 */
export async function submitApplication(deps: ApplyDeps, a: Application, extend?: (tx: Db, applicationId: number) => Promise<void>): Promise<number> {
  const now = deps.clock.now()
  const today = amsterdamDay(now)
  const { input } = a
  return deps.db.transaction(async (tx) => {
    const [customer] = await tx
      .insert(billingCustomers)
      .values({
        userId: a.userId,
        organisationName: input.organisationName,
        kvkNumber: input.kvkNumber,
        vatNumber: input.vatNumber,
        street: input.street,
        houseNumber: input.houseNumber,
        postalCode: input.postalCode,
        place: input.place,
        country: input.country,
        billingEmail: input.billingEmail,
        contactName: input.contactName,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: billingCustomers.id })
    let mandateId: number | null = null
    if (a.directDebit) {
      const reference = newMandateReference(customer!.id)
      const [mandate] = await tx
        .insert(mandates)
        .values({
          customerId: customer!.id,
          userId: a.userId,
          reference,
          scheme: 'CORE',
          signedOn: today,
          signedPlace: input.place,
          signerName: input.signerName,
          ibanSealed: sealIban(billingKeyring(deps.config), a.directDebit.iban, `mandate:${reference}`),
          ibanMasked: maskIban(a.directDebit.iban),
          accountHolderName: a.directDebit.accountHolder,
          createdAt: now,
        })
        .returning({ id: mandates.id })
      mandateId = mandate!.id
    }
    const [application] = await tx
      .insert(packageApplications)
      .values({
        kind: a.kind,
        packageId: a.packageId,
        customerId: customer!.id,
        userId: a.userId,
        paymentMethod: a.directDebit ? 'direct-debit' : 'transfer',
        mandateId,
        documentId: a.agreement.id,
        documentVersion: a.agreement.version,
        acceptedAt: now,
        signerName: input.signerName,
        createdAt: now,
      })
      .returning({ id: packageApplications.id })
    await recordAudit(tx, now, {
      actorUserId: a.userId,
      action: 'billing.application.submit',
      subjectUserId: a.userId,
      targetType: 'billing_application',
      targetId: String(application!.id),
      details: { kind: a.kind, packageId: a.packageId, paymentMethod: a.directDebit ? 'direct-debit' : 'transfer', documentVersion: a.agreement.version },
    })
    if (extend) await extend(tx, application!.id)
    return application!.id
  })
}

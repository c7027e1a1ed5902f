/** Reads for Mijn pakket: the packages, applications and mandates of one account holder. */
import { and, desc, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { packages } from './billing.packages.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { invoices } from './billing.ledger.tables.js'

const packageColumns = { nameNl: packages.nameNl, nameEn: packages.nameEn, priceCents: packages.priceCents, vatRate: packages.vatRate, period: packages.period }

/** The subscriptions of the organisations this person applied for; running ones first. */
export function subscriptionsOf(db: Db, userId: string) {
  return db
    .select({
      id: subscriptions.id,
      status: subscriptions.status,
      startedOn: subscriptions.startedOn,
      currentPeriodStart: subscriptions.currentPeriodStart,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      paymentMethod: subscriptions.paymentMethod,
      endedOn: subscriptions.endedOn,
      organisationName: billingCustomers.organisationName,
      pkg: packageColumns,
      mandate: { id: mandates.id, reference: mandates.reference, ibanMasked: mandates.ibanMasked },
    })
    .from(subscriptions)
    .innerJoin(billingCustomers, eq(billingCustomers.id, subscriptions.customerId))
    .innerJoin(packages, eq(packages.id, subscriptions.packageId))
    .leftJoin(mandates, eq(mandates.id, subscriptions.mandateId))
    .where(eq(billingCustomers.userId, userId))
    .orderBy(sql`${subscriptions.status} = 'ended'`, desc(subscriptions.startedOn), desc(subscriptions.id))
}
export type OwnSubscription = Awaited<ReturnType<typeof subscriptionsOf>>[number]

/** Applications not (yet) turned into a subscription: pending or declined. */
export function openApplicationsOf(db: Db, userId: string) {
  return db
    .select({
      id: packageApplications.id,
      status: packageApplications.status,
      createdAt: packageApplications.createdAt,
      declineReason: packageApplications.declineReason,
      organisationName: billingCustomers.organisationName,
      pkg: packageColumns,
    })
    .from(packageApplications)
    .innerJoin(billingCustomers, eq(billingCustomers.id, packageApplications.customerId))
    .innerJoin(packages, eq(packages.id, packageApplications.packageId))
    .where(and(eq(packageApplications.userId, userId), ne(packageApplications.status, 'approved')))
    .orderBy(desc(packageApplications.createdAt), desc(packageApplications.id))
}
export type OwnApplication = Awaited<ReturnType<typeof openApplicationsOf>>[number]

/** The invoices and credit notes issued to this account, newest first. */
export function invoicesOf(db: Db, userId: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      periodStart: invoices.periodStart,
      periodEnd: invoices.periodEnd,
      totalCents: invoices.totalCents,
      status: invoices.status,
      organisation: sql<string>`${invoices.customer}->>'organisation'`,
    })
    .from(invoices)
    .where(eq(invoices.accountId, userId))
    .orderBy(desc(invoices.issuedOn), desc(invoices.id))
}
export type OwnInvoice = Awaited<ReturnType<typeof invoicesOf>>[number]

/** What Mijn pakket and the packages part of Mijn gegevens show. */
export async function packagesOf(db: Db, userId: string): Promise<{ subscriptions: OwnSubscription[]; applications: OwnApplication[]; invoices: OwnInvoice[] }> {
  const [subs, applications, own] = await Promise.all([subscriptionsOf(db, userId), openApplicationsOf(db, userId), invoicesOf(db, userId)])
  return { subscriptions: subs, applications, invoices: own }
}

/** One subscription and whose it is (for the policy). */
export async function findSubscription(db: Db, id: number) {
  const [row] = await db
    .select({ id: subscriptions.id, status: subscriptions.status, currentPeriodEnd: subscriptions.currentPeriodEnd, ownerId: billingCustomers.userId })
    .from(subscriptions)
    .innerJoin(billingCustomers, eq(billingCustomers.id, subscriptions.customerId))
    .where(eq(subscriptions.id, id))
  return row ?? null
}
export type SubscriptionRef = NonNullable<Awaited<ReturnType<typeof findSubscription>>>

/** A mandate for its printable page: never the sealed number, only the masked one. */
export async function findMandate(db: Db, id: number) {
  const [row] = await db
    .select({
      id: mandates.id,
      userId: mandates.userId,
      reference: mandates.reference,
      scheme: mandates.scheme,
      status: mandates.status,
      signedOn: mandates.signedOn,
      signedPlace: mandates.signedPlace,
      signerName: mandates.signerName,
      ibanMasked: mandates.ibanMasked,
      accountHolderName: mandates.accountHolderName,
      organisationName: billingCustomers.organisationName,
      address: sql<string>`${billingCustomers.street} || ' ' || ${billingCustomers.houseNumber} || ', ' || ${billingCustomers.postalCode} || ' ' || ${billingCustomers.place}`,
    })
    .from(mandates)
    .innerJoin(billingCustomers, eq(billingCustomers.id, mandates.customerId))
    .where(eq(mandates.id, id))
  return row ?? null
}
export type MandateView = NonNullable<Awaited<ReturnType<typeof findMandate>>>

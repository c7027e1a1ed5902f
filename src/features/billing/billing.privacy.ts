/**
 * Packages and what they hold about a person (P09, P23, P24): the billing details an account
 * holder gave for an organisation, the applications and signed agreements, the subscriptions and
 * the direct debit mandates. The export gives the person everything, the full IBAN included
 * (opened here, for them only). Cancelling ends the subscriptions and mandates at once; erasing
 * deletes applications and mandates (the IBAN with them) and detaches the billing details.
 */
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { packages } from './billing.packages.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { wijkProposals } from './billing.ambassadeur.tables.js'
import { cities } from '../places/places.tables.js'
import { billingKeyring, openIban } from './billing.crypto.js'
import { amsterdamDay } from './billing.dates.js'

export const billingPrivacy: PrivacyModule<ExportSections> = {
  feature: 'billing',
  tables: [
    {
      table: billingCustomers,
      export: ['billing'],
      erase: 'anonymise',
      why: 'The billing details are detached from the account (user_id becomes null) and stay with the ended subscriptions they were given for. What an issued invoice printed is kept apart, copied onto the invoice in the fiscal ledger (invoices, seven years by its own retention rule).',
    },
    {
      table: packageApplications,
      export: ['billing'],
      erase: 'cascade',
      why: 'An application and its signature belong to the account that sent it; an approved one lives on as its subscription, so it goes with the account.',
    },
    {
      table: wijkProposals,
      export: ['billing'],
      erase: 'cascade',
      why: 'The wijk an ambassadeur application proposed, with the motivation the applicant wrote, is part of the application and goes with it. The wijk made on approval is the platform’s and stays.',
    },
    {
      table: subscriptions,
      export: ['billing'],
      erase: 'anonymise',
      why: 'Ended at cancellation (nothing more is invoiced) and detached with the billing details; it stays as the record the ledger’s invoices refer to (invoices.subscription_id).',
    },
    {
      table: mandates,
      export: ['billing'],
      erase: 'cascade',
      why: 'Ended at cancellation so nothing is collected any more, and erased with the account, the sealed IBAN with it. An ended mandate of a remaining account loses its IBAN 13 months after it ended (the dispute period).',
      retention: ['billing.mandate-iban'],
    },
  ],

  async exportFor({ db, config, person }) {
    const customers = await db.select().from(billingCustomers).where(eq(billingCustomers.userId, person.id)).orderBy(billingCustomers.id)
    const customerIds = customers.map((c) => c.id)
    const name = (p: { nameNl: string; nameEn: string }) => (person.lang === 'nl' ? p.nameNl : p.nameEn)
    const applications = await db
      .select({ a: packageApplications, pkg: { id: packages.id, nameNl: packages.nameNl, nameEn: packages.nameEn }, wijk: wijkProposals, city: { name: cities.name } })
      .from(packageApplications)
      .innerJoin(packages, eq(packages.id, packageApplications.packageId))
      .leftJoin(wijkProposals, eq(wijkProposals.applicationId, packageApplications.id))
      .leftJoin(cities, eq(cities.id, wijkProposals.cityId))
      .where(eq(packageApplications.userId, person.id))
      .orderBy(packageApplications.id)
    const subs = customerIds.length
      ? await db
          .select({ s: subscriptions, pkg: { id: packages.id, nameNl: packages.nameNl, nameEn: packages.nameEn } })
          .from(subscriptions)
          .innerJoin(packages, eq(packages.id, subscriptions.packageId))
          .where(inArray(subscriptions.customerId, customerIds))
          .orderBy(subscriptions.id)
      : []
    const own = await db.select().from(mandates).where(eq(mandates.userId, person.id)).orderBy(mandates.id)
    // The full number only for the person themselves: opened here and nowhere else.
    const keyring = own.some((m) => m.ibanSealed) ? billingKeyring(config) : null
    return {
      sections: {
        billing: {
          customers: customers.map((c) => ({
            id: c.id,
            organisationName: c.organisationName,
            kvkNumber: c.kvkNumber,
            vatNumber: c.vatNumber,
            street: c.street,
            houseNumber: c.houseNumber,
            postalCode: c.postalCode,
            place: c.place,
            country: c.country,
            billingEmail: c.billingEmail,
            contactName: c.contactName,
            createdAt: iso(c.createdAt),
          })),
          applications: applications.map(({ a, pkg, wijk, city }) => ({
            id: a.id,
            customerId: a.customerId,
            kind: a.kind,
            package: { id: pkg.id, name: name(pkg) },
            wijk: wijk && { name: wijk.wijkName, city: city?.name ?? wijk.newCityName ?? '', postcodes: wijk.postcodes, motivation: wijk.motivation },
            status: a.status,
            paymentMethod: a.paymentMethod,
            agreementVersion: a.documentVersion,
            acceptedAt: iso(a.acceptedAt),
            signerName: a.signerName,
            createdAt: iso(a.createdAt),
            decidedAt: isoOrNull(a.decidedAt),
            declineReason: a.declineReason,
          })),
          subscriptions: subs.map(({ s, pkg }) => ({
            id: s.id,
            customerId: s.customerId,
            package: { id: pkg.id, name: name(pkg) },
            status: s.status,
            startedOn: s.startedOn,
            currentPeriodStart: s.currentPeriodStart,
            currentPeriodEnd: s.currentPeriodEnd,
            cancelAtPeriodEnd: s.cancelAtPeriodEnd,
            paymentMethod: s.paymentMethod,
            endedOn: s.endedOn,
          })),
          mandates: own.map((m) => ({
            reference: m.reference,
            customerId: m.customerId,
            scheme: m.scheme,
            signedOn: m.signedOn,
            signedPlace: m.signedPlace,
            signerName: m.signerName,
            iban: m.ibanSealed && keyring ? openIban(keyring, m.ibanSealed, `mandate:${m.reference}`) : null,
            accountHolderName: m.accountHolderName,
            status: m.status,
            lastCollectionAt: isoOrNull(m.lastCollectionAt),
            endedAt: isoOrNull(m.endedAt),
          })),
        },
      },
    }
  },

  /** Nothing more is invoiced or collected from the moment the account is cancelled. */
  async cancelFor(tx, person, now) {
    const customerIds = (await tx.select({ id: billingCustomers.id }).from(billingCustomers).where(eq(billingCustomers.userId, person.id))).map((c) => c.id)
    if (customerIds.length > 0) {
      await tx
        .update(subscriptions)
        .set({ status: 'ended', cancelAtPeriodEnd: false, endedOn: amsterdamDay(now), updatedAt: now })
        .where(and(inArray(subscriptions.customerId, customerIds), ne(subscriptions.status, 'ended')))
    }
    await tx.update(mandates).set({ status: 'ended', endedAt: now }).where(and(eq(mandates.userId, person.id), ne(mandates.status, 'ended')))
  },

  /**
   * Applications and mandates go with the users row (cascade). The billing details are detached
   * here rather than deleted, with the ended subscriptions that point at them; the invoices keep
   * their own copy of what they printed in the ledger (billing.ledger.privacy.ts), which its
   * retention rule destroys seven years after the year's end.
   */
  async eraseFor({ tx, person }) {
    const detached = await tx.update(billingCustomers).set({ userId: null }).where(eq(billingCustomers.userId, person.id)).returning({ id: billingCustomers.id })
    return { counts: { billingCustomersDetached: detached.length } }
  },
}

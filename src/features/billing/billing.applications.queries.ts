/** Reads of applications (packages, and ambassadeurs with their wijk) for /beheer/aanvragen, with explicit columns. */
import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { users } from '../accounts/accounts.tables.js'
import { packages } from './billing.packages.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { cities } from '../places/places.tables.js'
import { wijkProposals } from './billing.ambassadeur.tables.js'

/** Pending first (oldest waiting longest on top), then the decided ones, newest first. */
export function listApplications(db: Db) {
  return db
    .select({
      id: packageApplications.id,
      kind: packageApplications.kind,
      status: packageApplications.status,
      createdAt: packageApplications.createdAt,
      paymentMethod: packageApplications.paymentMethod,
      organisationName: billingCustomers.organisationName,
      packageNameNl: packages.nameNl,
      packageNameEn: packages.nameEn,
      wijkName: wijkProposals.wijkName,
    })
    .from(packageApplications)
    .innerJoin(billingCustomers, eq(billingCustomers.id, packageApplications.customerId))
    .innerJoin(packages, eq(packages.id, packageApplications.packageId))
    .leftJoin(wijkProposals, eq(wijkProposals.applicationId, packageApplications.id))
    .orderBy(
      desc(sql`${packageApplications.status} = 'pending'`),
      sql`case when ${packageApplications.status} = 'pending' then ${packageApplications.createdAt} end asc`,
      desc(packageApplications.createdAt),
    )
}
export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>[number]

/** Everything the applicant gave, for the admin's decision. The mandate only in masked form. */
export async function findApplication(db: Db, id: number) {
  const [row] = await db
    .select({
      application: {
        id: packageApplications.id,
        kind: packageApplications.kind,
        status: packageApplications.status,
        paymentMethod: packageApplications.paymentMethod,
        createdAt: packageApplications.createdAt,
        decidedAt: packageApplications.decidedAt,
        declineReason: packageApplications.declineReason,
        documentVersion: packageApplications.documentVersion,
        acceptedAt: packageApplications.acceptedAt,
        signerName: packageApplications.signerName,
        userId: packageApplications.userId,
        mandateId: packageApplications.mandateId,
      },
      customer: {
        id: billingCustomers.id,
        organisationName: billingCustomers.organisationName,
        kvkNumber: billingCustomers.kvkNumber,
        vatNumber: billingCustomers.vatNumber,
        street: billingCustomers.street,
        houseNumber: billingCustomers.houseNumber,
        postalCode: billingCustomers.postalCode,
        place: billingCustomers.place,
        country: billingCustomers.country,
        billingEmail: billingCustomers.billingEmail,
        contactName: billingCustomers.contactName,
      },
      pkg: { id: packages.id, nameNl: packages.nameNl, nameEn: packages.nameEn, period: packages.period },
      applicant: { email: users.email, firstName: users.firstName, lang: users.lang },
      mandate: { reference: mandates.reference, scheme: mandates.scheme, ibanMasked: mandates.ibanMasked, accountHolderName: mandates.accountHolderName, status: mandates.status },
      /** The proposed wijk of an ambassadeur application; null for a package application. */
      proposal: {
        wijkName: wijkProposals.wijkName,
        cityId: wijkProposals.cityId,
        newCityName: wijkProposals.newCityName,
        postcodes: wijkProposals.postcodes,
        motivation: wijkProposals.motivation,
        wijkId: wijkProposals.wijkId,
      },
      /** The existing city a proposed wijk is in. */
      proposedCity: { name: cities.name },
    })
    .from(packageApplications)
    .innerJoin(billingCustomers, eq(billingCustomers.id, packageApplications.customerId))
    .innerJoin(packages, eq(packages.id, packageApplications.packageId))
    .innerJoin(users, eq(users.id, packageApplications.userId))
    .leftJoin(mandates, eq(mandates.id, packageApplications.mandateId))
    .leftJoin(wijkProposals, eq(wijkProposals.applicationId, packageApplications.id))
    .leftJoin(cities, eq(cities.id, wijkProposals.cityId))
    .where(eq(packageApplications.id, id))
  return row ?? null
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof findApplication>>>

import { sql } from 'drizzle-orm'
import { boolean, check, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { Entitlement } from './billing.entitlements.js'

/** How often a package is invoiced. */
export const PACKAGE_PERIODS = ['maand', 'kwartaal', 'jaar'] as const
export type PackagePeriod = (typeof PACKAGE_PERIODS)[number]

/**
 * The Dutch VAT rates a package may carry, in basis points (21 % = 2100): integers, so no sum of
 * amounts is ever off by a rounding of a fraction.
 */
export const VAT_RATES = [2100, 900, 0] as const
export type VatRate = (typeof VAT_RATES)[number]

/**
 * A package an organisation can take (P09, P10): its price per period excluding VAT in euro
 * cents, its VAT rate, and what it entitles to. Invoices copy price, rate and description into
 * their own lines, so changing a package never changes an issued invoice.
 */
export const packages = pgTable(
  'packages',
  {
    id: serial('id').primaryKey(),
    /** The package's word in its address, /pakketten/<slug>. */
    slug: text('slug').notNull().unique(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNl: text('description_nl').notNull(),
    descriptionEn: text('description_en').notNull(),
    priceCents: integer('price_cents').notNull(),
    vatRate: integer('vat_rate').$type<VatRate>().notNull().default(2100),
    period: text('period', { enum: PACKAGE_PERIODS }).notNull(),
    active: boolean('active').notNull().default(true),
    entitlements: jsonb('entitlements').$type<Entitlement[]>().notNull().default([]),
    /**
     * The ambassadeur fee: the package an approved ambassadeur application subscribes to
     * (/ambassadeur-worden). At most one package carries the flag; it is not on /pakketten.
     */
    ambassadeurFee: boolean('ambassadeur_fee').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('packages_price_not_negative', sql`${table.priceCents} >= 0`),
    check('packages_vat_rate_dutch', sql`${table.vatRate} in (0, 900, 2100)`),
    uniqueIndex('packages_one_ambassadeur_fee').on(table.ambassadeurFee).where(sql`${table.ambassadeurFee}`),
  ],
)

/**
 * THE public projection of content (P05, P08, P11, P18). Every public page, feed, search result,
 * the sitemap and the partner API read content only through this module.
 *
 * The projection happens in SQL: a contact field that is not switched on is replaced by NULL in
 * the query itself, so its value never reaches public code. Fields that are never public (owner,
 * hidden reason, reminder times) are simply not selected. Only items that are published, not
 * expired, whose owner's account is active and whose wijk is launched are visible (before the
 * launch also to the wijk's team and admins, on that wijk's own pages: `preview`).
 */
import { and, eq, isNull, or, gt, sql, type SQL } from 'drizzle-orm'
import { instantPlaceholder, type Instant } from '../../kernel/db/instant.js'
import { builtOnce, placeholderFor } from '../../kernel/db/prepared.js'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { contentItems, type ContentType, type Recurrence } from './content.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { launchedOrPreviewed, type WijkPreview } from '../places/places.queries.js'
import type { Db } from '../../kernel/db/client.js'

const ci = contentItems

/** Replaces a contact field by NULL unless its owner switched it on. */
const ifPublic = (value: AnyPgColumn, visible: AnyPgColumn) => sql<string | null>`case when ${visible} then ${value} end`

/**
 * PRIVATE: the address a contact message for the item is delivered to (P06): the contact
 * person's email, else the owner's account email; null when there is none (an imported entry
 * without an email and without an owner). The contact form's recipient query reads it; it must
 * never be selected into anything public. Public code gets only `acceptsMessages` below.
 */
export const messageRecipientEmail = sql<string | null>`coalesce(nullif(${ci.contactEmail}, ''), (select ${users.email} from ${users} where ${users.id} = ${ci.ownerId}))`

export const publicColumns = {
  id: ci.id,
  wijkId: ci.wijkId,
  type: ci.type,
  title: ci.title,
  slug: ci.slug,
  summary: ci.summary,
  body: ci.body,
  updatedAt: ci.updatedAt,
  publishedAt: ci.publishedAt,
  contactName: ifPublic(ci.contactName, ci.contactNamePublic).as('contact_name'),
  contactEmail: ifPublic(ci.contactEmail, ci.contactEmailPublic).as('contact_email'),
  contactPhone: ifPublic(ci.contactPhone, ci.contactPhonePublic).as('contact_phone'),
  contactAddress: ifPublic(ci.contactAddress, ci.contactAddressPublic).as('contact_address'),
  /** Whether the contact form has anyone to deliver to: the item page offers it only then. */
  acceptsMessages: sql<boolean>`(${messageRecipientEmail}) is not null`.as('accepts_messages'),
  startsAt: ci.startsAt,
  endsAt: ci.endsAt,
  allDay: ci.allDay,
  recurrence: ci.recurrence,
  /** Counts the changes a calendar shows (the iCal SEQUENCE). */
  revision: ci.revision,
  locationText: ci.locationText,
  locationOrgId: ci.locationOrgId,
  costCents: ci.costCents,
  joinInfo: ci.joinInfo,
  offers: ci.offers,
  openingHours: ci.openingHours,
  website: ci.website,
  category: ci.category,
  expiresAt: ci.expiresAt,
  priceCents: ci.priceCents,
  businessId: ci.businessId,
}

export interface PublicItem {
  id: number
  wijkId: number
  type: ContentType
  title: string
  slug: string
  summary: string
  body: string
  updatedAt: Date
  publishedAt: Date | null
  /** Only the fields the owner made public; the others are null. */
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  contactAddress: string | null
  /** The contact form can deliver a message (the address itself is never part of this). */
  acceptsMessages: boolean
  startsAt: Date | null
  endsAt: Date | null
  allDay: boolean
  recurrence: Recurrence | null
  revision: number
  locationText: string | null
  locationOrgId: number | null
  costCents: number | null
  joinInfo: string | null
  offers: string | null
  openingHours: string | null
  website: string | null
  category: string | null
  expiresAt: Date | null
  priceCents: number | null
  businessId: number | null
}

/** The owner's account still exists and is active (a cancelled account's content disappears at once). */
const ownerActive: SQL = sql`(${ci.ownerId} is null or exists (select 1 from ${users} where ${users.id} = ${ci.ownerId} and ${users.status} = 'active'))`

/**
 * The item's wijk is launched, or it is the unlaunched wijk this request previews (its team or an
 * admin, places.launch.ts): a wijk being prepared shows nothing to the public.
 * Cost, measured with EXPLAIN ANALYZE on PostgreSQL (30,000 items over 10 wijken, a module list
 * of one wijk): the items are still read through content_wijk_newest_idx; since the list names its
 * wijk, the planner turns this into a semi join on that one wijken row, looked up once and
 * materialised (a one-page table scan at 10 wijken, the primary key with more), 0.155 ms against
 * 0.197 ms without it. Lists over many wijken (sitemap, feeds) check it per item by primary key.
 */
function wijkLaunched(preview: WijkPreview | undefined): SQL {
  return sql`exists (select 1 from ${wijken} where ${wijken.id} = ${ci.wijkId} and ${launchedOrPreviewed(preview)})`
}

/**
 * The condition every public read must include. `preview` lets a wijk's team and admins see that
 * wijk's items before its launch; only a page of that wijk, for that actor, passes one.
 */
export function publiclyVisible(now: Instant, preview?: WijkPreview): SQL {
  return and(eq(ci.status, 'published'), or(isNull(ci.expiresAt), gt(ci.expiresAt, now)), ownerActive, wijkLaunched(preview))!
}

/**
 * Newest first, in exactly the order of content_wijk_newest_idx (both keys DESC NULLS LAST): a
 * plain `desc(id)` means NULLS FIRST, which the index does not hold, and PostgreSQL would then
 * sort every matching row of the wijk instead of reading the first few from the index.
 */
export const NEWEST_FIRST = [sql`${ci.publishedAt} desc nulls last`, sql`${ci.id} desc nulls last`] as const

/**
 * One public item by id, or null when it is not (or no longer) public (to this previewer: `preview`).
 * Every item page, contact form and report form asks it: for visitors it is a statement built once
 * (decisions/028), where Drizzle built it anew on each call.
 */
export async function findPublicItem(db: Db, id: number, now: Date, preview?: WijkPreview): Promise<PublicItem | null> {
  const [row] = preview
    ? await publicItemQuery(db, id, now, preview)
    : await builtOnce(db, 'public_item', (on) => publicItemQuery(on, placeholderFor(id, 'id', 'integer')!, instantPlaceholder('now'))).execute({
        id,
        now: now.toISOString(),
      })
  return (row as PublicItem | undefined) ?? null
}

function publicItemQuery(db: Db, id: number | SQL, now: Instant, preview?: WijkPreview) {
  return db
    .select(publicColumns)
    .from(ci)
    .where(and(eq(ci.id, id), publiclyVisible(now, preview)))
    .limit(1)
}

/**
 * The item exactly as the public would see it once published, for the owner's preview (P27).
 * Same projection, without the visibility condition; callers must have authorised the viewer.
 */
export async function previewPublicItem(db: Db, id: number): Promise<PublicItem | null> {
  const [row] = await db.select(publicColumns).from(ci).where(eq(ci.id, id)).limit(1)
  return (row as PublicItem | undefined) ?? null
}

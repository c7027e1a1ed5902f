/**
 * Creating an item of one's own on the owner side, with what a package decides (issue 14): an
 * account has a free number of Etalage items, and more only when its package gives
 * `etalage.extra`. Enforced here, in the service every owner-side creation goes through, so no
 * route can skip it; the policy makes the decision (`etalage.beyondFree`).
 */
import { and, count, eq, inArray } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import type { Actor } from '../../kernel/policy/actor.js'
import { can } from '../../kernel/policy/policy.js'
import { entitlementsOfAccount } from '../../kernel/policy/entitlements.js'
import { users } from '../accounts/accounts.tables.js'
import { contentItems, type ContentType } from '../content/content.tables.js'
import type { ItemColumns } from './my-content.form.js'
import { createItem } from './my-content.service.js'

/**
 * Etalage items (published or draft) an account may have without a package: enough for a local
 * business to show what it is about; a shop that wants its range on the site pays for it.
 */
export const FREE_ETALAGE_ITEMS = 3

export type OwnItemResult = { ok: true; id: number } | { ok: false; refused: 'etalageLimit' }

type OwnDeps = Pick<Deps, 'db' | 'clock' | 'entitlements'>

/** The owner's Etalage items that count towards the free number. */
async function etalageItemsOf(tx: Db, ownerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contentItems)
    .where(and(eq(contentItems.ownerId, ownerId), eq(contentItems.type, 'showcase'), inArray(contentItems.status, ['published', 'draft'])))
  return row?.n ?? 0
}

/**
 * Whether `actor` may add one more Etalage item. Their package is read only when they already
 * have the free number: most people never cost that query.
 */
async function mayAddEtalageItem(tx: Db, deps: OwnDeps, actor: Actor & { user: { id: string } }): Promise<boolean> {
  // The owner's row, locked, serialises two creations at once, so both cannot pass the count.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.user.id)).for('update')
  if ((await etalageItemsOf(tx, actor.user.id)) < FREE_ETALAGE_ITEMS) return true
  const entitlements = await entitlementsOfAccount(deps.entitlements, tx, actor.user.id, deps.clock.now())
  return can(actor, 'etalage.beyondFree', { ownerId: actor.user.id, entitlements })
}

/** A new draft owned by the logged-in `actor`; refused when a package would be needed for it. */
export async function createOwnItem(
  deps: OwnDeps,
  actor: Actor,
  input: { wijkId: number; type: ContentType; columns: ItemColumns; themeIds: number[] },
): Promise<OwnItemResult> {
  const user = actor.user
  if (!user) throw new Error('createOwnItem needs a logged-in actor')
  const owner = { ...actor, user }
  return deps.db.transaction(async (tx) => {
    if (input.type === 'showcase' && !(await mayAddEtalageItem(tx, deps, owner))) return { ok: false, refused: 'etalageLimit' } as const
    const id = await createItem({ db: tx, clock: deps.clock }, { ...input, ownerId: user.id })
    return { ok: true, id } as const
  })
}

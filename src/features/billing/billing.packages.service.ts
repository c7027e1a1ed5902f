/**
 * Saving packages. Every change is audited with the fields that changed; a package's slug is the
 * unique word in its address, so a taken one is refused at the field rather than as a 500. One
 * package at most is the ambassadeur fee: flagging one takes the flag from any other.
 */
import { and, eq, ne } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { packages } from './billing.packages.tables.js'
import { packageBySlug, type Package } from './billing.packages.queries.js'
import type { PackageInput } from './billing.packages.schema.js'

type PackageDeps = Pick<Deps, 'db' | 'clock'>
export type SaveResult = { ok: true; id: number } | { ok: false; reason: 'slugTaken' }

function changedFields(before: Package, after: PackageInput): string[] {
  return (Object.keys(after) as Array<keyof PackageInput>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

/** Takes the ambassadeur-fee flag from every package but `keep` when the saved one carries it. */
async function oneAmbassadeurFee(tx: Db, input: PackageInput, keep: number): Promise<void> {
  if (!input.ambassadeurFee) return
  await tx.update(packages).set({ ambassadeurFee: false }).where(and(eq(packages.ambassadeurFee, true), ne(packages.id, keep)))
  await tx.update(packages).set({ ambassadeurFee: true }).where(eq(packages.id, keep))
}

export async function createPackage(deps: PackageDeps, actorId: string, input: PackageInput): Promise<SaveResult> {
  const now = deps.clock.now()
  // The unique slug decides: a taken one inserts nothing.
  return deps.db.transaction(async (tx) => {
    // Flagged after the insert, once the slug is known to be free: a refusal then changes nothing.
    const [row] = await tx
      .insert(packages)
      .values({ ...input, ambassadeurFee: false, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: packages.slug })
      .returning({ id: packages.id })
    if (!row) return { ok: false, reason: 'slugTaken' } as const
    await oneAmbassadeurFee(tx, input, row.id)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'package.create', targetType: 'package', targetId: String(row.id), details: { slug: input.slug, priceCents: input.priceCents, vatRate: input.vatRate, period: input.period } })
    return { ok: true, id: row.id } as const
  })
}

export async function updatePackage(deps: PackageDeps, actorId: string, before: Package, input: PackageInput): Promise<SaveResult> {
  const other = await packageBySlug(deps.db, input.slug)
  if (other && other.id !== before.id) return { ok: false, reason: 'slugTaken' }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(packages).set({ ...input, ambassadeurFee: input.ambassadeurFee && before.ambassadeurFee, updatedAt: now }).where(eq(packages.id, before.id))
    await oneAmbassadeurFee(tx, input, before.id)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'package.update', targetType: 'package', targetId: String(before.id), details: { fields: changedFields(before, input) } })
  })
  return { ok: true, id: before.id }
}

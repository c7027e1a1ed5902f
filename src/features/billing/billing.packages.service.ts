/**
 * Saving packages. Every change is audited with the fields that changed; a package's slug is the
 * unique word in its address, so a taken one is refused at the field rather than as a 500.
 */
import { eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { packages } from './billing.packages.tables.js'
import { packageBySlug, type Package } from './billing.packages.queries.js'
import type { PackageInput } from './billing.packages.schema.js'

type PackageDeps = Pick<Deps, 'db' | 'clock'>
export type SaveResult = { ok: true; id: number } | { ok: false; reason: 'slugTaken' }

function changedFields(before: Package, after: PackageInput): string[] {
  return (Object.keys(after) as Array<keyof PackageInput>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

export async function createPackage(deps: PackageDeps, actorId: string, input: PackageInput): Promise<SaveResult> {
  const now = deps.clock.now()
  // The unique slug decides: a taken one inserts nothing.
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(packages).values({ ...input, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: packages.id })
    if (!row) return { ok: false, reason: 'slugTaken' } as const
    await recordAudit(tx, now, { actorUserId: actorId, action: 'package.create', targetType: 'package', targetId: String(row.id), details: { slug: input.slug, priceCents: input.priceCents, vatRate: input.vatRate, period: input.period } })
    return { ok: true, id: row.id } as const
  })
}

export async function updatePackage(deps: PackageDeps, actorId: string, before: Package, input: PackageInput): Promise<SaveResult> {
  const other = await packageBySlug(deps.db, input.slug)
  if (other && other.id !== before.id) return { ok: false, reason: 'slugTaken' }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await tx.update(packages).set({ ...input, updatedAt: now }).where(eq(packages.id, before.id))
    await recordAudit(tx, now, { actorUserId: actorId, action: 'package.update', targetType: 'package', targetId: String(before.id), details: { fields: changedFields(before, input) } })
  })
  return { ok: true, id: before.id }
}

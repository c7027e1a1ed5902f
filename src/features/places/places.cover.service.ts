/**
 * Setting and removing a wijk's cover photo. Files are written before the row points at them,
 * and an old cover's files are deleted only after the change is committed and only when no
 * other wijk shows the same picture (keys are content hashes, so two wijken may share one).
 */
import { and, eq, ne } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { deleteImageFiles, storeImage, type ProcessedImage } from '../../kernel/files/images.js'
import { wijken } from './places.tables.js'

type CoverDeps = Pick<Deps, 'db' | 'clock' | 'files'>

interface Previous {
  coverKey: string | null
  coverWidths: number[] | null
}

async function replaceCover(deps: CoverDeps, wijkId: number, actorUserId: string, next: { image: ProcessedImage; alt: string } | null): Promise<void> {
  const now = deps.clock.now()
  if (next) await storeImage(deps.files, next.image)
  const before = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ coverKey: wijken.coverKey, coverWidths: wijken.coverWidths }).from(wijken).where(eq(wijken.id, wijkId)).for('update')
    await tx
      .update(wijken)
      .set({
        coverKey: next?.image.key ?? null,
        coverWidths: next ? next.image.files.map((f) => f.width) : null,
        coverWidth: next?.image.width ?? null,
        coverHeight: next?.image.height ?? null,
        coverAlt: next?.alt ?? null,
        updatedAt: now,
      })
      .where(eq(wijken.id, wijkId))
    await recordAudit(tx, now, { actorUserId, action: next ? 'wijk.cover.set' : 'wijk.cover.remove', targetType: 'wijk', targetId: String(wijkId) })
    return row
  })
  if (before) await dropIfUnused(deps, wijkId, before, next?.image.key ?? null)
}

async function dropIfUnused(deps: CoverDeps, wijkId: number, before: Previous, keptKey: string | null): Promise<void> {
  if (!before.coverKey || before.coverKey === keptKey) return
  const [other] = await deps.db.select({ id: wijken.id }).from(wijken).where(and(eq(wijken.coverKey, before.coverKey), ne(wijken.id, wijkId))).limit(1)
  if (!other) await deleteImageFiles(deps.files, before.coverKey, before.coverWidths ?? [])
}

/** Shows `image` as the wijk's cover, described by `alt`; replaces any earlier one. */
export function setCover(deps: CoverDeps, input: { wijkId: number; image: ProcessedImage; alt: string; actorUserId: string }): Promise<void> {
  return replaceCover(deps, input.wijkId, input.actorUserId, { image: input.image, alt: input.alt })
}

/** The wijk has no cover photo any more. */
export function removeCover(deps: CoverDeps, input: { wijkId: number; actorUserId: string }): Promise<void> {
  return replaceCover(deps, input.wijkId, input.actorUserId, null)
}

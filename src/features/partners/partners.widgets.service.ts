/**
 * Creating, changing and deleting a partner's widgets, each with its audit row in the same
 * transaction (who, which partner, which widget, which fields; the values are not personal).
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { partnerWidgets } from './partners.widgets.tables.js'
import type { WidgetInput } from './partners.widgets.schema.js'

type WidgetDeps = Pick<Deps, 'db' | 'clock'>

export async function createWidget(deps: WidgetDeps, actorUserId: string, partnerId: number, input: WidgetInput): Promise<string> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerWidgets)
      .values({ ...input, partnerId, createdAt: now, updatedAt: now })
      .returning({ id: partnerWidgets.id })
    await recordAudit(tx, now, { actorUserId, action: 'partner.widget.create', targetType: 'partner_widget', targetId: row!.id, details: { partnerId, module: input.module } })
    return row!.id
  })
}

export async function updateWidget(deps: WidgetDeps, actorUserId: string, partnerId: number, widgetId: string, input: WidgetInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(partnerWidgets)
      .set({ ...input, updatedAt: now })
      .where(and(eq(partnerWidgets.id, widgetId), eq(partnerWidgets.partnerId, partnerId)))
      .returning({ id: partnerWidgets.id })
    if (updated.length === 0) return false
    await recordAudit(tx, now, { actorUserId, action: 'partner.widget.update', targetType: 'partner_widget', targetId: widgetId, details: { partnerId, fields: Object.keys(input) } })
    return true
  })
}

export async function deleteWidget(deps: WidgetDeps, actorUserId: string, partnerId: number, widgetId: string): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(partnerWidgets)
      .where(and(eq(partnerWidgets.id, widgetId), eq(partnerWidgets.partnerId, partnerId)))
      .returning({ id: partnerWidgets.id })
    if (deleted.length === 0) return false
    await recordAudit(tx, now, { actorUserId, action: 'partner.widget.delete', targetType: 'partner_widget', targetId: widgetId, details: { partnerId } })
    return true
  })
}

/**
 * What alerts hold about one account holder, for Mijn gegevens and the data export: how often they
 * hear about what they follow, and each follow with its name in their language. Only ever for the
 * user id given (the logged-in user or the export's owner). Cancelling the account deletes both
 * (cancellation.service.ts); erasing it cascades from the users row.
 */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { cities, wijken } from '../places/places.tables.js'
import { listThemes, type Theme } from '../content/content.themes.js'
import { alertFollows } from './alerts.tables.js'
import { findSettings, type FollowKind, type Frequency } from './alerts.queries.js'
import { followLabel } from './alerts.views.js'

export interface MyFollow {
  wijkId: number
  wijkName: string
  cityName: string
  kind: FollowKind
  value: string
  /** What it is about, in the reader's language: "Thema: Burenhulp". */
  label: string
  createdAt: Date
}

export interface MyAlerts {
  /** Null when alerts were never set up (no follow yet). */
  frequency: Frequency | null
  /** Everything published after this went into no mail yet; null without settings. */
  lastSentAt: Date | null
  follows: MyFollow[]
}

export async function myAlerts(db: Db, userId: string, t: T, lang: Lang): Promise<MyAlerts> {
  const [settings, follows] = await Promise.all([
    findSettings(db, userId),
    db
      .select({
        wijkId: alertFollows.wijkId,
        wijkName: wijken.name,
        cityName: cities.name,
        kind: alertFollows.kind,
        value: alertFollows.value,
        createdAt: alertFollows.createdAt,
      })
      .from(alertFollows)
      .innerJoin(wijken, eq(wijken.id, alertFollows.wijkId))
      .innerJoin(cities, eq(cities.id, wijken.cityId))
      .where(eq(alertFollows.userId, userId))
      .orderBy(asc(wijken.name), asc(alertFollows.kind), asc(alertFollows.value)),
  ])
  const themes = new Map<number, Theme[]>()
  for (const f of follows) if (f.kind === 'theme' && !themes.has(f.wijkId)) themes.set(f.wijkId, await listThemes(db, f.wijkId))
  return {
    frequency: settings?.frequency ?? null,
    lastSentAt: settings?.lastSentAt ?? null,
    follows: follows.map((f) => ({ ...f, label: followLabel(t, lang, f, themes.get(f.wijkId) ?? []) })),
  }
}

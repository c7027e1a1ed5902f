/**
 * What alerts hold about one account holder, for Mijn gegevens and the data export: how often they
 * hear about what they follow, and each follow with its name in their language. Only ever for the
 * user id given (the logged-in user or the export's owner). Cancelling the account deletes both
 * (cancelFor below); erasing it would cascade from the users row anyway.
 */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { cities, wijken } from '../places/places.tables.js'
import { listThemes, type Theme } from '../content/content.themes.js'
import { alertFollows, alertSettings } from './alerts.tables.js'
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

export const alertsPrivacy: PrivacyModule<ExportSections> = {
  feature: 'alerts',
  tables: [
    {
      table: alertFollows,
      export: ['alerts'],
      erase: 'delete',
      why: 'Cancelling stops the alerts, and what was followed goes at once, as the alerts page promises. Not archived: a restored account follows nothing.',
    },
    {
      table: alertSettings,
      export: ['alerts'],
      erase: 'delete',
      why: 'How often the person hears about what they follow, and the hash of their unsubscribe link: deleted with the follows when the account is cancelled.',
    },
  ],

  async exportFor({ db, person, t }) {
    const alerts = await myAlerts(db, person.id, t, person.lang)
    return {
      sections: {
        alerts: {
          frequency: alerts.frequency,
          lastSentAt: isoOrNull(alerts.lastSentAt),
          follows: alerts.follows.map((f) => ({
            wijk: { id: f.wijkId, name: f.wijkName, city: f.cityName },
            kind: f.kind,
            value: f.value,
            label: f.label,
            since: iso(f.createdAt),
          })),
        },
      },
    }
  },

  async cancelFor(tx, person) {
    await tx.delete(alertFollows).where(eq(alertFollows.userId, person.id))
    await tx.delete(alertSettings).where(eq(alertSettings.userId, person.id))
  },
}

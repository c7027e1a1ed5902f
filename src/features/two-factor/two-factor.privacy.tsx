/**
 * What Mijn gegevens and the export show of a person's second factors: which are on, passkey
 * names and dates, how many recovery codes are left. Never the TOTP secret, a code, a hash or a
 * passkey's key material. Cancelling removes every factor at once; none is archived, so a restored
 * account sets them up again.
 */
import type { Db } from '../../kernel/db/client.js'
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { listPasskeys } from './two-factor.passkeys.js'
import { recoveryCodeCounts } from './two-factor.recovery.js'
import type { PrivacyModule } from '../../kernel/privacy/privacy.js'
import { iso, isoOrNull, type ExportSections } from '../my-data/export.schema.js'
import { removeSecondFactors, totpStatus } from './two-factor.service.js'
import { passkeys, pendingLogins, recoveryCodes, secondFactorReminders, totpFactors, webauthnChallenges } from './two-factor.tables.js'
import { SETUP_PATH } from './two-factor.emails.js'

export interface SecondFactorFacts {
  app: { enabledAt: Date; lastUsedAt: Date | null } | null
  passkeys: Array<{ name: string; createdAt: Date; lastUsedAt: Date | null }>
  recoveryCodes: { total: number; unused: number; createdAt: Date | null }
}

export async function secondFactorFacts(db: Db, userId: string): Promise<SecondFactorFacts> {
  const [app, keys, codes] = await Promise.all([totpStatus(db, userId), listPasskeys(db, userId), recoveryCodeCounts(db, userId)])
  return {
    app: app?.confirmedAt ? { enabledAt: app.confirmedAt, lastUsedAt: app.lastUsedAt } : null,
    passkeys: keys.map((k) => ({ name: k.name, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt })),
    recoveryCodes: codes,
  }
}

/** The section on Mijn gegevens (id "tweestapsverificatie"). */
export function SecondFactorSection({ t, lang, facts }: { t: T; lang: Lang; facts: SecondFactorFacts }) {
  const on = facts.app !== null || facts.passkeys.length > 0
  const date = (d: Date) => formatDate(d, lang)
  return (
    <section aria-labelledby="tweestapsverificatie-heading" id="tweestapsverificatie">
      <h2 id="tweestapsverificatie-heading">{t('twoFactor.myData.title')}</h2>
      <p>{on ? t('twoFactor.status.on') : t('twoFactor.status.off')}</p>
      {on && (
        <ul>
          {facts.app && <li>{t('twoFactor.myData.app', { date: date(facts.app.enabledAt) })}</li>}
          {facts.passkeys.map((k) => (
            <li>{t('twoFactor.myData.passkey', { name: k.name, date: date(k.createdAt) })}</li>
          ))}
          {facts.recoveryCodes.total > 0 && <li>{t('twoFactor.myData.codes', { unused: facts.recoveryCodes.unused, total: facts.recoveryCodes.total })}</li>}
        </ul>
      )}
      <p class="prose">{t('twoFactor.myData.use')}</p>
      <p>
        <a href={SETUP_PATH}>{t('twoFactor.link')}</a>
      </p>
    </section>
  )
}

const removedAtCancellation = 'Cancelling removes every factor at once (removeSecondFactors); nothing is archived, so a restored account sets up its factors again.'

export const twoFactorPrivacy: PrivacyModule<ExportSections> = {
  feature: 'two-factor',
  tables: [
    { table: totpFactors, export: ['secondFactor'], erase: 'delete', why: `${removedAtCancellation} The export says when the app was linked and last used, never the secret.` },
    { table: recoveryCodes, export: ['secondFactor'], erase: 'delete', why: `${removedAtCancellation} The export counts the codes, never a code or its hash.` },
    { table: passkeys, export: ['secondFactor'], erase: 'delete', why: `${removedAtCancellation} The export names each passkey and its dates, never its key material.` },
    {
      table: pendingLogins,
      export: { none: 'Lives for minutes, between the password and the second step of one login.' },
      erase: 'delete',
      why: removedAtCancellation,
      retention: ['two-factor.pending-logins'],
    },
    {
      table: webauthnChallenges,
      export: { none: 'A single-use random value for one passkey ceremony, gone within minutes.' },
      erase: 'delete',
      why: removedAtCancellation,
      retention: ['two-factor.passkey-challenges'],
    },
    {
      table: secondFactorReminders,
      export: { none: 'Only when the last reminder to set up a second factor was mailed; the requirement itself is shown on Mijn gegevens.' },
      erase: 'delete',
      why: removedAtCancellation,
    },
  ],

  async exportFor({ db, person }) {
    const facts = await secondFactorFacts(db, person.id)
    return {
      sections: {
        // The facts only: never the app's secret, a recovery code or a passkey's key.
        secondFactor: {
          authenticatorApp: facts.app ? { enabledAt: iso(facts.app.enabledAt), lastUsedAt: isoOrNull(facts.app.lastUsedAt) } : null,
          passkeys: facts.passkeys.map((k) => ({ name: k.name, createdAt: iso(k.createdAt), lastUsedAt: isoOrNull(k.lastUsedAt) })),
          recoveryCodes: { ...facts.recoveryCodes, createdAt: isoOrNull(facts.recoveryCodes.createdAt) },
        },
      },
    }
  },

  async cancelFor(tx, person) {
    await removeSecondFactors(tx, person.id)
  },
}

/**
 * What Mijn gegevens and the export show of a person's second factors: which are on, passkey
 * names and dates, how many recovery codes are left. Never the TOTP secret, a code, a hash or a
 * passkey's key material.
 */
import type { Db } from '../../kernel/db/client.js'
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { listPasskeys } from './two-factor.passkeys.js'
import { recoveryCodeCounts } from './two-factor.recovery.js'
import { totpStatus } from './two-factor.service.js'
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

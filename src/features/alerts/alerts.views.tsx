/**
 * Pages of alerts: "Meldingen" under Mijn gegevens (what I follow, how often) and the one-click
 * unsubscribe page reached from a mail without logging in.
 */
import type { FormState } from '../../kernel/ui/components.js'
import { CsrfField, DataTable, ErrorSummary, Select } from '../../kernel/ui/components.js'
import { formatDate, type Lang, type T } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { MODULES, moduleName, isModule } from '../content/content.urls.js'
import { CATEGORIES, categoryLabel } from '../content/content.categories.js'
import type { Theme } from '../content/content.themes.js'
import type { WijkSummary } from '../places/places.queries.js'
import { FREQUENCIES, type Follow, type FollowKind, type Frequency } from './alerts.queries.js'

export const ALERTS_PATH = '/mijn-gegevens/meldingen'

const KIND_LABEL: Record<FollowKind, MessageKey> = { module: 'alerts.kind.module', category: 'alerts.kind.category', theme: 'alerts.kind.theme' }

/** What a follow is about, in the reader's language: "Thema: Burenhulp". */
export function followLabel(t: T, lang: Lang, f: { kind: FollowKind; value: string }, themes: Theme[]): string {
  let name = f.value
  if (f.kind === 'module' && isModule(f.value)) name = moduleName(f.value, lang)
  if (f.kind === 'category') name = categoryLabel(t, f.value)
  if (f.kind === 'theme') {
    const theme = themes.find((th) => th.slug === f.value)
    if (theme) name = lang === 'en' ? theme.nameEn : theme.nameNl
  }
  return t(KIND_LABEL[f.kind], { name })
}

/** The choices of the follow form for one wijk, as "kind:value". */
export function followChoices(t: T, lang: Lang, themes: Theme[]): Array<{ value: string; label: string }> {
  return [
    ...MODULES.map((m) => ({ value: `module:${m}`, label: followLabel(t, lang, { kind: 'module', value: m }, themes) })),
    ...CATEGORIES.map((c) => ({ value: `category:${c}`, label: followLabel(t, lang, { kind: 'category', value: c }, themes) })),
    ...themes.map((th) => ({ value: `theme:${th.slug}`, label: followLabel(t, lang, { kind: 'theme', value: th.slug }, themes) })),
  ]
}

export interface AlertsPageProps {
  t: T
  lang: Lang
  csrfToken: string
  frequency: Frequency
  follows: Array<Follow & { label: string }>
  wijken: WijkSummary[]
  /** The wijk whose choices the follow form shows. */
  wijk: WijkSummary | null
  themes: Theme[]
  failed?: { form: 'follow' | 'frequency'; state: FormState }
}

export function AlertsPage(p: AlertsPageProps) {
  const { t } = p
  const followState = p.failed?.form === 'follow' ? p.failed.state : undefined
  const frequencyState = p.failed?.form === 'frequency' ? p.failed.state : undefined
  const chosenFrequency = frequencyState?.values?.frequency ?? p.frequency
  return (
    <>
      <p>
        <a href="/mijn-gegevens">{t('alerts.back')}</a>
      </p>
      <h1>{t('alerts.title')}</h1>
      <p>{t('alerts.intro')}</p>
      <p class="muted">{t('alerts.privacy')}</p>

      <section aria-labelledby="volgen-heading" id="volgen">
        <h2 id="volgen-heading">{t('alerts.following')}</h2>
        {p.follows.length === 0 ? (
          <p>{t('alerts.following.none')}</p>
        ) : (
          <DataTable head={[t('alerts.col.wijk'), t('alerts.col.what'), t('alerts.col.since'), t('alerts.col.stop')]}>
            {p.follows.map((f) => (
              <tr>
                <td>{f.wijkName}</td>
                <th scope="row">{f.label}</th>
                <td>{formatDate(f.createdAt, p.lang, 'date')}</td>
                <td>
                  <form method="post" action={`${ALERTS_PATH}/${f.id}/stoppen`} class="inline">
                    <CsrfField token={p.csrfToken} />
                    <button type="submit" class="secondary" aria-label={t('alerts.stopLabel', { what: f.label, wijk: f.wijkName })}>
                      {t('alerts.stop')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="toevoegen-heading" id="toevoegen">
        <h2 id="toevoegen-heading">{t('alerts.add')}</h2>
        {p.wijken.length === 0 ? (
          <p>{t('alerts.add.noWijken')}</p>
        ) : (
          <>
            <form method="get" action={ALERTS_PATH} class="inline-form">
              <Select
                name="wijk"
                label={t('alerts.add.wijk')}
                hint={t('alerts.add.wijk.hint')}
                t={t}
                required
                value={p.wijk ? String(p.wijk.id) : ''}
                options={p.wijken.map((w) => ({ value: String(w.id), label: `${w.name} (${w.cityName})` }))}
              />
              <button type="submit" class="secondary">
                {t('alerts.add.showWijk')}
              </button>
            </form>
            {p.wijk && (
              <>
                <ErrorSummary errors={followState?.errors} t={t} />
                <form method="post" action={`${ALERTS_PATH}/volgen`} class="inline-form" novalidate>
                  <CsrfField token={p.csrfToken} />
                  <input type="hidden" name="wijkId" value={String(p.wijk.id)} />
                  <Select
                    name="what"
                    label={t('alerts.add.what', { wijk: p.wijk.name })}
                    hint={t('alerts.add.what.hint')}
                    t={t}
                    required
                    state={followState}
                    options={[{ value: '', label: t('alerts.add.choose') }, ...followChoices(t, p.lang, p.themes)]}
                  />
                  <button type="submit">{t('alerts.add.submit')}</button>
                </form>
              </>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="hoe-vaak-heading" id="hoe-vaak">
        <h2 id="hoe-vaak-heading">{t('alerts.frequency')}</h2>
        {p.follows.length === 0 && <p>{t('alerts.frequency.noFollows')}</p>}
        <ErrorSummary errors={frequencyState?.errors} t={t} />
        <form method="post" action={`${ALERTS_PATH}/frequentie`} class="stack" novalidate>
          <CsrfField token={p.csrfToken} />
          <fieldset id="frequency" aria-describedby={frequencyState?.errors?.frequency ? 'frequency-error' : undefined}>
            <legend class="visually-hidden">{t('alerts.frequency')}</legend>
            {frequencyState?.errors?.frequency && (
              <p class="field-error" id="frequency-error">
                {frequencyState.errors.frequency}
              </p>
            )}
            {FREQUENCIES.map((f) => (
              <div class="check">
                <input type="radio" id={`frequency-${f}`} name="frequency" value={f} checked={chosenFrequency === f} />
                <label for={`frequency-${f}`}>{t(`alerts.frequency.${f}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('alerts.frequency.save')}</button>
        </form>
      </section>
    </>
  )
}

/** The page the unsubscribe link in a mail opens: one button, no login. */
export function UnsubscribePage(p: { t: T; csrfToken: string; action: string; done: boolean }) {
  const { t } = p
  return (
    <>
      <h1>{t('alerts.unsubscribe.title')}</h1>
      {p.done ? (
        <>
          <p>{t('alerts.unsubscribe.done')}</p>
          <p>
            <a href={ALERTS_PATH}>{t('alerts.unsubscribe.again')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('alerts.unsubscribe.ask')}</p>
          <form method="post" action={p.action}>
            <CsrfField token={p.csrfToken} />
            <button type="submit">{t('alerts.unsubscribe.button')}</button>
          </form>
        </>
      )}
    </>
  )
}

export function InvalidLinkPage({ t }: { t: T }) {
  return (
    <>
      <h1>{t('alerts.unsubscribe.invalid.title')}</h1>
      <p>{t('alerts.unsubscribe.invalid')}</p>
      <p>
        <a href={ALERTS_PATH}>{t('alerts.myDataLink')}</a>
      </p>
    </>
  )
}

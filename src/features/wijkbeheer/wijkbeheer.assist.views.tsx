/**
 * Assisted posting (/beheer/wijken/:id/namens): the wijk team's list of people who take part on
 * paper, one person's page with their items, and the forms. Pure views.
 */
import type { T, Lang } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import { Checkbox, CsrfField, DataTable, ErrorSummary, Field, TextArea, type FormState } from '../../kernel/ui/components.js'
import type { ContentType } from '../content/content.tables.js'
import { typeLabel } from '../my-content/my-content.views.js'
import { BackToOverview, type ItemRow } from './wijkbeheer.views.js'
import type { OfflineParticipant } from './wijkbeheer.queries.js'

interface WijkRef {
  id: number
  name: string
}

const statusLabel = (t: T, status: string) => t(`my-content.status.${status}` as MessageKey)

function ParticipantFields(p: { t: T; state?: FormState; withConsent: boolean; today: string }) {
  const { t } = p
  return (
    <>
      <Field name="name" label={t('wijkbeheer.offline.name')} hint={t('wijkbeheer.offline.name.hint')} required maxlength={120} state={p.state} t={t} />
      <TextArea name="howToReach" label={t('wijkbeheer.offline.howToReach')} hint={t('wijkbeheer.offline.howToReach.hint')} required maxlength={300} rows={3} state={p.state} t={t} />
      <Field name="paperConsentOn" type="date" label={t('wijkbeheer.offline.consentOn')} hint={t('wijkbeheer.offline.consentOn.hint')} required state={p.state} value={p.today} t={t} />
      {p.withConsent && <Checkbox name="paperConsent" label={t('wijkbeheer.offline.consent')} hint={t('wijkbeheer.offline.consent.hint')} state={p.state} />}
    </>
  )
}

export function ParticipantsPage(p: { t: T; lang: Lang; csrfToken: string; wijk: WijkRef; participants: Array<OfflineParticipant & { items: number }>; today: string; state?: FormState }) {
  const { t } = p
  const base = `/beheer/wijken/${p.wijk.id}/namens`
  return (
    <>
      <BackToOverview t={t} wijk={p.wijk} />
      <h1>{t('wijkbeheer.offline.title', { wijk: p.wijk.name })}</h1>
      <p>{t('wijkbeheer.offline.intro')}</p>
      {p.participants.length === 0 ? (
        <p>{t('wijkbeheer.offline.none')}</p>
      ) : (
        <DataTable
          caption={t('wijkbeheer.offline.list')}
          head={[
            t('wijkbeheer.offline.name'),
            t('wijkbeheer.offline.consentOn'),
            { label: t('wijkbeheer.offline.items'), class: 'num' },
          ]}
        >
          {p.participants.map((x) => (
            <tr>
              <td>
                <a href={`${base}/${x.id}`}>{x.name}</a>
              </td>
              <td>{formatDate(new Date(`${x.paperConsentOn}T12:00:00Z`), p.lang)}</td>
              <td class="num">{x.items}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('wijkbeheer.offline.register')}</h2>
      <p class="hint">{t('wijkbeheer.offline.private')}</p>
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={base} class="stack">
        <CsrfField token={p.csrfToken} />
        <ParticipantFields t={t} state={p.state} withConsent today={p.today} />
        <div>
          <button type="submit">{t('wijkbeheer.offline.registerButton')}</button>
        </div>
      </form>
    </>
  )
}

export function ParticipantPage(p: {
  t: T
  lang: Lang
  csrfToken: string
  wijk: WijkRef
  participant: OfflineParticipant
  items: ItemRow[]
  types: readonly ContentType[]
  state?: FormState
}) {
  const { t, lang, participant: x } = p
  const base = `/beheer/wijken/${p.wijk.id}/namens/${x.id}`
  const items = `/beheer/wijken/${p.wijk.id}/namens/inhoud`
  const state = p.state ?? { values: { name: x.name, howToReach: x.howToReach, paperConsentOn: x.paperConsentOn } }
  return (
    <>
      <p>
        <a href={`/beheer/wijken/${p.wijk.id}/namens`}>{t('wijkbeheer.offline.back')}</a>
      </p>
      <h1>{t('wijkbeheer.offline.person', { name: x.name })}</h1>
      <dl class="facts">
        <dt>{t('wijkbeheer.offline.howToReach')}</dt>
        <dd class="pre-wrap">{x.howToReach}</dd>
        <dt>{t('wijkbeheer.offline.consentOn')}</dt>
        <dd>{formatDate(new Date(`${x.paperConsentOn}T12:00:00Z`), lang)}</dd>
        <dt>{t('wijkbeheer.offline.recordedAt')}</dt>
        <dd>{formatDate(x.createdAt, lang, 'dateTime')}</dd>
      </dl>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('wijkbeheer.offline.itemsTitle')}</h2>
        {p.items.length === 0 ? (
          <p>{t('wijkbeheer.offline.noItems')}</p>
        ) : (
          <DataTable
            caption={t('wijkbeheer.offline.itemsTitle')}
            head={[
              t('wijkbeheer.col.title'),
              t('wijkbeheer.col.type'),
              t('wijkbeheer.col.status'),
              t('wijkbeheer.offline.actions'),
            ]}
          >
            {p.items.map((i) => (
              <tr>
                <td>{i.href ? <a href={i.href}>{i.title}</a> : i.title}</td>
                <td>{typeLabel(t, i.type)}</td>
                <td>{statusLabel(t, i.status)}</td>
                <td>
                  <ul class="actions">
                    <li>
                      <a href={`${items}/${i.id}`} aria-label={t('wijkbeheer.offline.editLabel', { title: i.title })}>
                        {t('wijkbeheer.offline.edit')}
                      </a>
                    </li>
                    {i.status === 'draft' && (
                      <li>
                        <form method="post" action={`${items}/${i.id}/publiceren`} class="inline">
                          <CsrfField token={p.csrfToken} />
                          <button type="submit" class="linklike" aria-label={t('wijkbeheer.offline.publishLabel', { title: i.title })}>
                            {t('wijkbeheer.offline.publish')}
                          </button>
                        </form>
                      </li>
                    )}
                    {i.status === 'published' && (
                      <li>
                        <form method="post" action={`${items}/${i.id}/depubliceren`} class="inline">
                          <CsrfField token={p.csrfToken} />
                          <button type="submit" class="linklike" aria-label={t('wijkbeheer.offline.unpublishLabel', { title: i.title })}>
                            {t('wijkbeheer.offline.unpublish')}
                          </button>
                        </form>
                      </li>
                    )}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3>{t('wijkbeheer.offline.new')}</h3>
        <ul class="inline-list">
          {p.types.map((type) => (
            <li>
              <a href={`/beheer/wijken/${p.wijk.id}/namens/nieuw?voor=${x.id}&type=${type}`}>{typeLabel(t, type)}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('wijkbeheer.offline.details')}</h2>
        <p class="hint">{t('wijkbeheer.offline.private')}</p>
        <ErrorSummary errors={p.state?.errors} t={t} />
        <form method="post" action={base} class="stack">
          <CsrfField token={p.csrfToken} />
          <ParticipantFields t={t} state={state} withConsent={false} today={x.paperConsentOn} />
          <div>
            <button type="submit">{t('wijkbeheer.offline.save')}</button>
          </div>
        </form>
      </section>
    </>
  )
}

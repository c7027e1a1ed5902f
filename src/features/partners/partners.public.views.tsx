/**
 * What anyone may know about partners (P11, P12): the public list at /partners, the recipients
 * in the register, and the section on Mijn gegevens. Names, purposes and scope only; the contact
 * person never appears here. Pure JSX, props in.
 */
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { MessageKey } from '../../kernel/i18n/catalog.js'
import type { ContentType } from '../content/content.tables.js'
import type { PartnerScope, PublicPartner } from './partners.queries.js'
import { choicesOf, type TypeChoice } from './partners.schema.js'

export const TYPE_KEY: Record<TypeChoice, MessageKey> = {
  activity: 'partners.type.activity',
  organisation: 'partners.type.organisation',
  prikbord: 'partners.type.prikbord',
  news: 'partners.type.news',
  showcase: 'partners.type.showcase',
}

/** A "YYYY-MM-DD" date column in words. Noon UTC, so no time zone moves it to another day. */
export function dayText(value: string, lang: Lang): string {
  return formatDate(new Date(`${value}T12:00:00Z`), lang)
}

export function typesText(t: T, types: readonly ContentType[]): string {
  return choicesOf(types)
    .map((choice) => t(TYPE_KEY[choice]))
    .join(', ')
}

export function scopeText(t: T, scope: PartnerScope): string {
  return [...scope.cities.map((c) => t('partners.public.city', { city: c.name })), ...scope.wijken.map((w) => `${w.name} (${w.cityName})`)].join(', ')
}

const purpose = (p: PublicPartner, lang: Lang) => (lang === 'en' ? p.purposeEn : p.purposeNl)

function PartnerFacts({ t, lang, p }: { t: T; lang: Lang; p: PublicPartner }) {
  return (
    <dl class="facts">
      <dt>{t('partners.public.purpose')}</dt>
      <dd class="pre-wrap">{purpose(p, lang)}</dd>
      <dt>{t('partners.public.places')}</dt>
      <dd>{scopeText(t, p.scope)}</dd>
      <dt>{t('partners.public.types')}</dt>
      <dd>{typesText(t, p.contentTypes)}</dd>
      <dt>{t('partners.public.since')}</dt>
      <dd>{dayText(p.startsOn, lang)}</dd>
      {p.endsOn && (
        <>
          <dt>{t('partners.public.until')}</dt>
          <dd>{dayText(p.endsOn, lang)}</dd>
        </>
      )}
    </dl>
  )
}

export function PublicPartnersPage({ t, lang, partners }: { t: T; lang: Lang; partners: PublicPartner[] }) {
  return (
    <article class="prose">
      <h1>{t('partners.public.title')}</h1>
      <p>{t('partners.public.intro')}</p>
      <p>
        <a href="/deelovereenkomst">{t('partners.public.agreementLink')}</a>
      </p>
      {partners.length === 0 && <p>{t('partners.public.none')}</p>}
      {partners.map((p) => (
        <section aria-labelledby={`partner-${p.id}`}>
          <h2 id={`partner-${p.id}`}>{p.name}</h2>
          <PartnerFacts t={t} lang={lang} p={p} />
        </section>
      ))}
      <p>{t('partners.public.optOut')}</p>
    </article>
  )
}

/** The recipients in the register of processing: every partner in force, as it stands today. */
export function RecipientsSection({ t, lang, partners }: { t: T; lang: Lang; partners: PublicPartner[] }) {
  return (
    <section aria-labelledby="ontvangers">
      <h2 id="ontvangers">{t('partners.register.heading')}</h2>
      <p>{t('partners.register.intro')}</p>
      {partners.length === 0 ? (
        <p>{t('partners.register.none')}</p>
      ) : (
        partners.map((p) => (
          <section aria-labelledby={`ontvanger-${p.id}`}>
            <h3 id={`ontvanger-${p.id}`}>{p.name}</h3>
            <PartnerFacts t={t} lang={lang} p={p} />
          </section>
        ))
      )}
      <p>
        <a href="/partners">{t('partners.register.more')}</a>
      </p>
    </section>
  )
}

/** On Mijn gegevens: which partners can show something of mine now. */
export function MyPartnersSection({ t, lang, partners }: { t: T; lang: Lang; partners: PublicPartner[] }) {
  return (
    <section aria-labelledby="partners-heading" id="partners">
      <h2 id="partners-heading">{t('partners.myData.heading')}</h2>
      {partners.length === 0 ? (
        <p>{t('partners.myData.none')}</p>
      ) : (
        <>
          <p>{t('partners.myData.intro')}</p>
          <ul>
            {partners.map((p) => (
              <li>
                <strong>{p.name}</strong>: {purpose(p, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/partners">{t('partners.register.more')}</a>
      </p>
    </section>
  )
}

/**
 * Public pages of the newsletter: a wijk's newsletter page (sign up, and the archive of sent
 * issues), an archived issue, and the pages behind the mailed links (confirm, unsubscribe). None
 * shows anything about a subscriber: the link pages name only the wijk.
 */
import { raw } from 'hono/html'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, Notice, type FormState } from '../../kernel/ui/components.js'
import { HONEYPOT_FIELD } from './newsletter.schema.js'

export interface ArchiveEntry {
  id: number
  subject: string
  sentAt: Date
  href: string
}

export type SignupMode = { kind: 'visitor' } | { kind: 'account'; subscribed: boolean }

export function WijkNewsletterPage(p: {
  t: T
  lang: Lang
  csrfToken: string
  wijkName: string
  action: string
  mode: SignupMode
  state?: FormState
  limited?: boolean
  archive: ArchiveEntry[]
}) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{t('newsletter.wijk.title', { wijk: p.wijkName })}</h1>
      <p>{t('newsletter.wijk.intro', { wijk: p.wijkName })}</p>
      <section aria-labelledby="aanmelden-kop">
        <h2 id="aanmelden-kop">{t('newsletter.subscribe.heading')}</h2>
        {p.mode.kind === 'account' ? (
          p.mode.subscribed ? (
            <p>
              {t('newsletter.subscribe.accountAlready')} <a href="/mijn-gegevens#nieuwsbrieven">{t('newsletter.subscribe.manage')}</a>
            </p>
          ) : (
            <form method="post" action={p.action} class="stack">
              <CsrfField token={p.csrfToken} />
              <p class="hint">{t('newsletter.subscribe.accountHint')}</p>
              <div>
                <button type="submit">{t('newsletter.subscribe.accountSubmit')}</button>
              </div>
            </form>
          )
        ) : (
          <>
            {p.limited && <Notice kind="error">{t('newsletter.subscribe.limited')}</Notice>}
            <ErrorSummary errors={p.state?.errors} t={t} />
            <form method="post" action={p.action} class="stack" novalidate>
              <CsrfField token={p.csrfToken} />
              <Field t={t} name="firstName" label={t('newsletter.field.firstName')} hint={t('newsletter.field.firstName.hint')} state={p.state} required autocomplete="given-name" maxlength={100} />
              <Field t={t} name="lastName" label={t('newsletter.field.lastName')} hint={t('newsletter.field.lastName.hint')} state={p.state} autocomplete="family-name" maxlength={100} />
              <Field t={t} name="email" type="email" label={t('newsletter.field.email')} hint={t('newsletter.field.email.hint')} state={p.state} required autocomplete="email" maxlength={254} />
              {/* A trap for bots: people never see or reach this field. */}
              <div class="visually-hidden" aria-hidden="true">
                <label for={HONEYPOT_FIELD}>{t('newsletter.honeypot')}</label>
                <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
              </div>
              <p class="hint">{t('newsletter.subscribe.privacy')}</p>
              <div>
                <button type="submit">{t('newsletter.subscribe.submit')}</button>
              </div>
            </form>
          </>
        )}
      </section>
      <section aria-labelledby="archief-kop">
        <h2 id="archief-kop">{t('newsletter.archive.heading')}</h2>
        {p.archive.length === 0 ? (
          <p>{t('newsletter.archive.none')}</p>
        ) : (
          <ul>
            {p.archive.map((n) => (
              <li>
                <a href={n.href}>{n.subject}</a> <span class="muted">({formatDate(n.sentAt, p.lang, 'date')})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

/** One archived issue, exactly as sent minus the subscriber's greeting and links. */
export function ArchivedNewsletterPage(p: { t: T; lang: Lang; wijkName: string; subject: string; sentAt: Date; html: string; backHref: string }) {
  const { t } = p
  return (
    <article class="prose">
      <p>
        <a href={p.backHref}>{t('newsletter.archive.back', { wijk: p.wijkName })}</a>
      </p>
      <h1>{p.subject}</h1>
      <p class="muted">{t('newsletter.archive.sentAt', { date: formatDate(p.sentAt, p.lang, 'date') })}</p>
      {/* Rendered at sending time from sanitised markdown and public content only. */}
      <div class="newsletter-archive">{raw(p.html)}</div>
    </article>
  )
}

/** Behind the confirmation link: a button, so a mail scanner opening the link confirms nothing. */
export function ConfirmPage(p: { t: T; csrfToken: string; wijkName: string; wijkHref: string; confirmed: boolean; action: string }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{t(p.confirmed ? 'newsletter.confirmed.title' : 'newsletter.confirm.title', { wijk: p.wijkName })}</h1>
      {p.confirmed ? (
        <>
          <Notice kind="ok">{t('newsletter.confirm.done', { wijk: p.wijkName })}</Notice>
          <p>{t('newsletter.confirm.unsubscribeLater')}</p>
          <p>
            <a href={p.wijkHref}>{t('newsletter.backToWijk', { wijk: p.wijkName })}</a>
          </p>
        </>
      ) : (
        <form method="post" action={p.action} class="stack">
          <CsrfField token={p.csrfToken} />
          <p>{t('newsletter.confirm.intro', { wijk: p.wijkName })}</p>
          <div>
            <button type="submit">{t('newsletter.confirm.submit')}</button>
          </div>
        </form>
      )}
    </div>
  )
}

/** Behind the one-click unsubscribe link (no login): one button. */
export function UnsubscribePage(p: { t: T; csrfToken: string; wijkName: string; action: string }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{t('newsletter.unsubscribe.title', { wijk: p.wijkName })}</h1>
      <form method="post" action={p.action} class="stack">
        <CsrfField token={p.csrfToken} />
        <p>{t('newsletter.unsubscribe.intro', { wijk: p.wijkName })}</p>
        <div>
          <button type="submit">{t('newsletter.unsubscribe.submit')}</button>
        </div>
      </form>
    </div>
  )
}

export function UnsubscribedPage(p: { t: T }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{p.t('newsletter.unsubscribed.title')}</h1>
      <Notice kind="ok">{t('newsletter.unsubscribed.body')}</Notice>
      <p>
        <a href="/">{t('newsletter.unsubscribed.home')}</a>
      </p>
    </div>
  )
}

/** An unknown or spent link: says what may have happened, nothing more. */
export function InvalidLinkPage(p: { t: T }) {
  return (
    <div class="narrow">
      <h1>{p.t('newsletter.invalidLink.title')}</h1>
      <p>{p.t('newsletter.invalidLink.body')}</p>
    </div>
  )
}

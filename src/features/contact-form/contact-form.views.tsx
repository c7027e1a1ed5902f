import type { T } from '../../kernel/i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, TextArea, Notice, type FormState } from '../../kernel/ui/components.js'
import { HONEYPOT_FIELD } from './contact-form.schema.js'

export interface ContactPageProps {
  t: T
  csrfToken: string
  itemTitle: string
  itemHref: string
  action: string
  state?: FormState
  /** Shown instead of field errors when a rate limit refused the message. */
  limited?: boolean
}

export function ContactPage(p: ContactPageProps) {
  const { t } = p
  return (
    <div class="narrow">
      <p>
        <a href={p.itemHref}>{t('contact-form.back', { title: p.itemTitle })}</a>
      </p>
      <h1>{t('contact-form.heading', { title: p.itemTitle })}</h1>
      <p>{t('contact-form.intro')}</p>
      {p.limited && <Notice kind="error">{t('contact-form.limited')}</Notice>}
      <ErrorSummary errors={p.state?.errors} t={t} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <Field t={t} name="name" label={t('contact-form.field.name')} state={p.state} required autocomplete="name" maxlength={100} />
        <Field
          t={t}
          name="email"
          type="email"
          label={t('contact-form.field.email')}
          hint={t('contact-form.field.email.hint')}
          state={p.state}
          required
          autocomplete="email"
          maxlength={254}
        />
        <TextArea t={t} name="message" label={t('contact-form.field.message')} hint={t('contact-form.field.message.hint')} state={p.state} required maxlength={5000} />
        {/* A trap for bots: people never see or reach this field. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for={HONEYPOT_FIELD}>{t('contact-form.honeypot')}</label>
          <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
        </div>
        <p class="hint">{t('contact-form.privacy')}</p>
        <button type="submit">{t('contact-form.submit')}</button>
      </form>
    </div>
  )
}

export function ContactSentPage(p: { t: T; itemTitle: string; itemHref: string }) {
  const { t } = p
  return (
    <div class="narrow">
      <h1>{t('contact-form.sent.heading')}</h1>
      <Notice kind="ok">{t('contact-form.sent.body', { title: p.itemTitle })}</Notice>
      <p>{t('contact-form.sent.reply')}</p>
      <p>
        <a href={p.itemHref}>{t('contact-form.back', { title: p.itemTitle })}</a>
      </p>
    </div>
  )
}

/** The mails to a complainant: the confirmation with the reference, and our answer. In their language. */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export const AUTHORITY_URL = 'https://autoriteitpersoonsgegevens.nl'

interface ComplaintMail {
  lang: Lang
  name: string
  reference: string
  config: Pick<Config, 'operator' | 'publicBaseUrl'>
}

/** Sent at once; it holds no text of the complaint, so a mistyped address learns nothing from it. */
export function complaintReceivedMail(m: ComplaintMail): RenderedMail {
  const t = translator(m.lang)
  return composeMail({
    template: 'complaints.received',
    lang: m.lang,
    subject: t('complaints.mail.received.subject', { reference: m.reference }),
    greeting: t('complaints.mail.greeting', { name: m.name }),
    paragraphs: [
      t('complaints.mail.received.body', { reference: m.reference }),
      t('complaints.mail.received.term'),
      t('complaints.mail.authority', { url: AUTHORITY_URL }),
    ],
    signature: t('complaints.mail.signature', { operator: m.config.operator.name }),
    footer: [t('complaints.mail.footer', { email: m.config.operator.email })],
  })
}

export function complaintAnswerMail(m: ComplaintMail & { answer: string }): RenderedMail {
  const t = translator(m.lang)
  const answer = m.answer
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return composeMail({
    template: 'complaints.answer',
    lang: m.lang,
    subject: t('complaints.mail.answer.subject', { reference: m.reference }),
    greeting: t('complaints.mail.greeting', { name: m.name }),
    paragraphs: [t('complaints.mail.answer.intro', { reference: m.reference }), ...answer, t('complaints.mail.answer.disagree', { url: AUTHORITY_URL })],
    signature: t('complaints.mail.signature', { operator: m.config.operator.name }),
    footer: [t('complaints.mail.footer', { email: m.config.operator.email })],
  })
}

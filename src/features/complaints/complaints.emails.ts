/** The mails to a complainant: the confirmation with the reference, and our answer. In their language. */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export const AUTHORITY_URL = 'https://autoriteitpersoonsgegevens.nl'

interface ComplaintMail {
  lang: Lang
  name: string
  reference: string
  config: Pick<Config, 'operator' | 'publicBaseUrl'>
}

/** Greeting, signature and why this mail came (the footer). */
function frame(m: ComplaintMail) {
  return mailFrame(m.config.operator.name, { lang: m.lang, firstName: m.name }, (t) => [t('complaints.mail.footer', { email: m.config.operator.email })])
}

/** Sent at once; it holds no text of the complaint, so a mistyped address learns nothing from it. */
export function complaintReceivedMail(m: ComplaintMail): RenderedMail {
  const { t, base } = frame(m)
  return composeMail({
    ...base,
    template: 'complaints.received',
    subject: t('complaints.mail.received.subject', { reference: m.reference }),
    paragraphs: [
      t('complaints.mail.received.body', { reference: m.reference }),
      t('complaints.mail.received.term'),
      t('complaints.mail.authority', { url: AUTHORITY_URL }),
    ],
  })
}

export function complaintAnswerMail(m: ComplaintMail & { answer: string }): RenderedMail {
  const { t, base } = frame(m)
  return composeMail({
    ...base,
    template: 'complaints.answer',
    subject: t('complaints.mail.answer.subject', { reference: m.reference }),
    paragraphs: [t('complaints.mail.answer.intro', { reference: m.reference }), ...paragraphsOf(m.answer), t('complaints.mail.answer.disagree', { url: AUTHORITY_URL })],
  })
}

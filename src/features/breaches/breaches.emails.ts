/**
 * The mail that tells an account holder about a breach (P22, AVG art. 34), in their language. It
 * answers what the AP asks such a message to answer: what happened, which data, what we did,
 * what they can do themselves, and whom to contact. The facts are quoted as the operator wrote
 * them in the register; the sentences around them are in the recipient's language.
 */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export interface BreachMailFacts {
  id: number
  whatHappened: string
  dataKinds: string
  measuresTaken: string
  measuresProposed: string
  advice: string
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

export function breachNoticeMail(config: Pick<Config, 'operator' | 'publicBaseUrl'>, breach: BreachMailFacts, to: { lang: Lang; firstName: string }): RenderedMail {
  const t = translator(to.lang)
  const site = t('site.name')
  const reference = `D-${breach.id}`
  return composeMail({
    template: 'breaches.notice',
    lang: to.lang,
    subject: t('breaches.mail.subject', { site }),
    greeting: t('breaches.mail.greeting', { name: to.firstName }),
    paragraphs: [
      t('breaches.mail.intro', { site, operator: config.operator.name }),
      t('breaches.mail.whatHappened'),
      ...paragraphs(breach.whatHappened),
      t('breaches.mail.data'),
      ...paragraphs(breach.dataKinds),
      t('breaches.mail.measures'),
      ...(breach.measuresTaken ? paragraphs(breach.measuresTaken) : [t('breaches.mail.measuresPending')]),
      ...(breach.measuresProposed ? [t('breaches.mail.measuresProposed'), ...paragraphs(breach.measuresProposed)] : []),
      t('breaches.mail.advice'),
      ...paragraphs(breach.advice),
      t('breaches.mail.adviceGeneral'),
      t('breaches.mail.contact', { email: config.operator.email, reference }),
    ],
    signature: t('breaches.mail.signature', { operator: config.operator.name }),
    footer: [t('breaches.mail.footer', { site })],
  })
}

/**
 * The mail that tells an account holder about a breach (P22, AVG art. 34), in their language. It
 * answers what the AP asks such a message to answer: what happened, which data, what we did,
 * what they can do themselves, and whom to contact. The facts are quoted as the operator wrote
 * them in the register; the sentences around them are in the recipient's language.
 */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

export interface BreachMailFacts {
  id: number
  whatHappened: string
  dataKinds: string
  measuresTaken: string
  measuresProposed: string
  advice: string
}


export function breachNoticeMail(config: Pick<Config, 'operator' | 'publicBaseUrl'>, breach: BreachMailFacts, to: { lang: Lang; firstName: string }): RenderedMail {
  const { t, site, base } = mailFrame(config.operator.name, to, (t, site) => [t('breaches.mail.footer', { site })])
  const reference = `D-${breach.id}`
  return composeMail({
    ...base,
    template: 'breaches.notice',
    subject: t('breaches.mail.subject', { site }),
    paragraphs: [
      t('breaches.mail.intro', { site, operator: config.operator.name }),
      t('breaches.mail.whatHappened'),
      ...paragraphsOf(breach.whatHappened),
      t('breaches.mail.data'),
      ...paragraphsOf(breach.dataKinds),
      t('breaches.mail.measures'),
      ...(breach.measuresTaken ? paragraphsOf(breach.measuresTaken) : [t('breaches.mail.measuresPending')]),
      ...(breach.measuresProposed ? [t('breaches.mail.measuresProposed'), ...paragraphsOf(breach.measuresProposed)] : []),
      t('breaches.mail.advice'),
      ...paragraphsOf(breach.advice),
      t('breaches.mail.adviceGeneral'),
      t('breaches.mail.contact', { email: config.operator.email, reference }),
    ],
  })
}

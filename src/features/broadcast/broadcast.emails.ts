/**
 * The broadcast as each recipient gets it: the team's own words, framed in the recipient's
 * language (greeting, who sends it and why they get it). The message itself is quoted as written.
 */
import type { Config } from '../../config/env.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import { mailFrame, paragraphsOf } from '../../kernel/mail/frame.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'


export function broadcastMail(
  config: Pick<Config, 'publicBaseUrl'>,
  message: { subject: string; body: string; wijkName: string },
  to: { lang: Lang; firstName: string },
): RenderedMail {
  // The operator is not who speaks here: the wijk team signs below (broadcast.mail.signature).
  const { t, base } = mailFrame('', to, (t) => [t('broadcast.mail.why', { wijk: message.wijkName })])
  return composeMail({
    ...base,
    template: 'broadcast.message',
    subject: t('broadcast.mail.subject', { wijk: message.wijkName, subject: message.subject }),
    paragraphs: [t('broadcast.mail.intro', { wijk: message.wijkName }), ...paragraphsOf(message.body)],
    action: { label: t('broadcast.mail.myContent'), url: `${config.publicBaseUrl}/mijn-content` },
    signature: t('broadcast.mail.signature', { wijk: message.wijkName }),
  })
}

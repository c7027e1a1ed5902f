/**
 * The broadcast as each recipient gets it: the team's own words, framed in the recipient's
 * language (greeting, who sends it and why they get it). The message itself is quoted as written.
 */
import type { Config } from '../../config/env.js'
import { translator, type Lang } from '../../kernel/i18n/i18n.js'
import { composeMail } from '../../kernel/mail/compose.js'
import type { RenderedMail } from '../../kernel/mail/outbox.js'

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

export function broadcastMail(
  config: Pick<Config, 'publicBaseUrl'>,
  message: { subject: string; body: string; wijkName: string },
  to: { lang: Lang; firstName: string },
): RenderedMail {
  const t = translator(to.lang)
  return composeMail({
    template: 'broadcast.message',
    lang: to.lang,
    subject: t('broadcast.mail.subject', { wijk: message.wijkName, subject: message.subject }),
    greeting: t('broadcast.mail.greeting', { name: to.firstName }),
    paragraphs: [t('broadcast.mail.intro', { wijk: message.wijkName }), ...paragraphs(message.body)],
    action: { label: t('broadcast.mail.myContent'), url: `${config.publicBaseUrl}/mijn-content` },
    signature: t('broadcast.mail.signature', { wijk: message.wijkName }),
    footer: [t('broadcast.mail.why', { wijk: message.wijkName })],
  })
}

import type { Deps } from '../../kernel/context.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { randomToken } from '../../kernel/auth/tokens.js'
import type { ContactRecipient } from './contact-form.queries.js'
import { contactMessageMail } from './contact-form.emails.js'
import type { ContactInput } from './contact-form.schema.js'

/**
 * Queues the visitor's message for the recipient, Reply-To the visitor. The message lives only
 * in the outbox, which the kernel purges 30 days after delivery (kernel/retention.ts).
 */
export async function sendContactMessage(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>,
  input: { itemId: number; itemTitle: string; itemUrl: string; wijkName: string; recipient: ContactRecipient; visitor: ContactInput },
): Promise<void> {
  const { db, clock, config } = deps
  const now = clock.now()
  const mail = contactMessageMail(config, {
    lang: input.recipient.lang,
    recipientName: input.recipient.name,
    itemTitle: input.itemTitle,
    itemUrl: input.itemUrl,
    wijkName: input.wijkName,
    visitorName: input.visitor.name,
    visitorEmail: input.visitor.email,
    message: input.visitor.message,
  })
  await db.transaction(async (tx) => {
    // Each submission is its own message; the random part keeps two identical ones apart.
    await queueMail(tx, now, {
      key: `contact:${input.itemId}:${randomToken()}`,
      to: input.recipient.email,
      userId: input.recipient.userId,
      replyTo: input.visitor.email,
      ...mail,
    })
  })
  deps.wakeJobs()
}

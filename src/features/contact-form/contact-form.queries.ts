import { eq } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { contentItems } from '../content/content.tables.js'
import { messageRecipientEmail } from '../content/content.public.js'
import { users } from '../accounts/accounts.tables.js'

export interface ContactRecipient {
  /** Private: the server side only, never rendered to the visitor. */
  email: string
  name: string | null
  lang: Lang
  /** The owner's account, when the mail goes to the owner's own address. */
  userId: string | null
}

/**
 * Who receives a contact message for an item, in the owner's language. The address is the
 * projection's `messageRecipientEmail`, the same rule that decides `acceptsMessages` on the item
 * page, so the page offers the form exactly when this finds someone. Reads private columns on
 * purpose: the address goes into the outbox and nowhere else. Callers must have checked that the
 * item is public.
 */
export async function findContactRecipient(db: Db, itemId: number): Promise<ContactRecipient | null> {
  const [row] = await db
    .select({
      email: messageRecipientEmail,
      contactEmail: contentItems.contactEmail,
      contactName: contentItems.contactName,
      ownerId: users.id,
      ownerFirstName: users.firstName,
      ownerLang: users.lang,
    })
    .from(contentItems)
    .leftJoin(users, eq(users.id, contentItems.ownerId))
    .where(eq(contentItems.id, itemId))
    .limit(1)
  if (!row?.email) return null
  const lang: Lang = row.ownerLang ?? 'nl'
  if (row.contactEmail) return { email: row.email, name: row.contactName, lang, userId: null }
  return { email: row.email, name: row.ownerFirstName, lang, userId: row.ownerId }
}

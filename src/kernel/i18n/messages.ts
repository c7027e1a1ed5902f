/** All messages, gathered from the kernel and each feature. */
import { commonMessages } from './common.messages.js'
import { accountsMessages } from '../../features/accounts/accounts.messages.js'
import { documentsMessages } from '../../features/documents/documents.messages.js'
import { placesMessages } from '../../features/places/places.messages.js'
import { beheerMessages } from '../../features/beheer/beheer.messages.js'
import { myContentMessages } from '../../features/my-content/my-content.messages.js'
import { wijkSiteMessages } from '../../features/wijk-site/wijk-site.messages.js'
import { searchMessages } from '../../features/search/search.messages.js'
import { contactFormMessages } from '../../features/contact-form/contact-form.messages.js'

export const messages = {
  ...commonMessages,
  ...accountsMessages,
  ...documentsMessages,
  ...placesMessages,
  ...beheerMessages,
  ...myContentMessages,
  ...wijkSiteMessages,
  ...searchMessages,
  ...contactFormMessages,
}

export type MessageKey = keyof typeof messages

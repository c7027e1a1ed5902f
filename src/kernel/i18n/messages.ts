/** All messages, gathered from the kernel and each feature. */
import { commonMessages } from './common.messages.js'
import { accountsMessages } from '../../features/accounts/accounts.messages.js'
import { documentsMessages } from '../../features/documents/documents.messages.js'
import { placesMessages } from '../../features/places/places.messages.js'
import { beheerMessages } from '../../features/beheer/beheer.messages.js'

export const messages = {
  ...commonMessages,
  ...accountsMessages,
  ...documentsMessages,
  ...placesMessages,
  ...beheerMessages,
}

export type MessageKey = keyof typeof messages

import { defineMessages } from '../../kernel/i18n/i18n.js'

export const accountsMessages = defineMessages({
  'accounts.title': { nl: 'accounts', en: 'accounts' },
})

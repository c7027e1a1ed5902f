import { defineMessages } from '../../kernel/i18n/i18n.js'

export const searchMessages = defineMessages({
  'search.title': { nl: 'search', en: 'search' },
})

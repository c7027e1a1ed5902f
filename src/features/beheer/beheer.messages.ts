import { defineMessages } from '../../kernel/i18n/i18n.js'

export const beheerMessages = defineMessages({
  'beheer.title': { nl: 'beheer', en: 'beheer' },
})

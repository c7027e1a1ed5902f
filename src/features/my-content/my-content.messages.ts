import { defineMessages } from '../../kernel/i18n/i18n.js'

export const myContentMessages = defineMessages({
  'my-content.title': { nl: 'my-content', en: 'my-content' },
})

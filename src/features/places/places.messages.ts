import { defineMessages } from '../../kernel/i18n/i18n.js'

export const placesMessages = defineMessages({
  'places.title': { nl: 'places', en: 'places' },
})

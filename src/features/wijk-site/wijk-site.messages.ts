import { defineMessages } from '../../kernel/i18n/i18n.js'

export const wijkSiteMessages = defineMessages({
  'wijk-site.title': { nl: 'wijk-site', en: 'wijk-site' },
})

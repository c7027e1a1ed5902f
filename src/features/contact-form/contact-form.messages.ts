import { defineMessages } from '../../kernel/i18n/i18n.js'

export const contactFormMessages = defineMessages({
  'contact-form.title': { nl: 'contact-form', en: 'contact-form' },
})

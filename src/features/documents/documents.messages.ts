import { defineMessages } from '../../kernel/i18n/i18n.js'

export const documentsMessages = defineMessages({
  'documents.title': { nl: 'documents', en: 'documents' },
})

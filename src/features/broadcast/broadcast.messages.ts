import { defineMessages } from '../../kernel/i18n/i18n.js'

export const broadcastMessages = defineMessages({})

/**
 * Audit actions in which an administrator, ambassadeur or wijkbeheerder viewed, changed or
 * exported someone's personal data. The person sees each such row (recorded with recordAudit and
 * their subjectUserId) in the access log on Mijn gegevens, described by the words below.
 * Add an entry here whenever a new route gives such access, and record it there.
 */
export const ACCESS_ACTIONS = {
  'role.appoint': { nl: 'gaf je een rol', en: 'gave you a role' },
  'role.revoke': { nl: 'nam een rol van je af', en: 'took a role away from you' },
  'complaint.view': { nl: 'las je klacht over privacy', en: 'read your privacy complaint' },
  'complaint.status': { nl: 'wijzigde de status van je klacht over privacy', en: 'changed the status of your privacy complaint' },
  'complaint.answer': { nl: 'beantwoordde je klacht over privacy', en: 'answered your privacy complaint' },
  'support.view': { nl: 'bekeek je hulpvraag (met je naam en e-mailadres)', en: 'viewed your help request (with your name and email address)' },
  'support.answer': { nl: 'beantwoordde je hulpvraag', en: 'answered your help request' },
  'account.cancel.lookup': { nl: 'zocht je account op om het op jouw verzoek op te zeggen', en: 'looked up your account to cancel it at your request' },
  'account.cancel.onBehalf': { nl: 'zegde je account op, op jouw verzoek', en: 'cancelled your account at your request' },
  'archive.restore': { nl: 'zette je account terug uit het archief', en: 'restored your account from the archive' },
} satisfies Record<string, { nl: string; en: string }>

export type AccessAction = keyof typeof ACCESS_ACTIONS

export function isAccessAction(action: string): action is AccessAction {
  return Object.hasOwn(ACCESS_ACTIONS, action)
}

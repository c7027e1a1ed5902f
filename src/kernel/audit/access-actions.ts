/**
 * Audit actions in which an administrator, ambassadeur or wijkbeheerder viewed, changed or
 * exported someone's personal data. The person sees each such row (recorded with recordAudit and
 * their subjectUserId) in the access log on Mijn gegevens, described by the words below.
 * Add an entry here whenever a new route gives such access, and record it there.
 */
export const ACCESS_ACTIONS = {
  'role.appoint': { nl: 'gaf je een rol', en: 'gave you a role' },
  'role.revoke': { nl: 'nam een rol van je af', en: 'took a role away from you' },
} satisfies Record<string, { nl: string; en: string }>

export type AccessAction = keyof typeof ACCESS_ACTIONS

export function isAccessAction(action: string): action is AccessAction {
  return Object.hasOwn(ACCESS_ACTIONS, action)
}

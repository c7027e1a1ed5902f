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
  'wijk.users.view': { nl: 'zag je voornaam, achternaam en e-mailadres in de bewonerslijst van je wijk', en: 'saw your first name, last name and email address in the residents list of your neighbourhood' },
  'moderation.view': { nl: 'opende je bericht om het te bewerken (met contactgegevens die niet openbaar zijn)', en: 'opened your item to edit it (with contact details that are not public)' },
  'moderation.edit': { nl: 'wijzigde je bericht', en: 'changed your item' },
  'moderation.hide': { nl: 'verborg je bericht', en: 'hid your item' },
  'moderation.unhide': { nl: 'publiceerde je bericht opnieuw', en: 'published your item again' },
  'moderation.decide': { nl: 'besloot over meldingen over je bericht', en: 'decided on reports about your item' },
  'newsletter.export': { nl: 'exporteerde je naam en e-mailadres als abonnee van de wijknieuwsbrief, om die via Mailchimp te versturen', en: 'exported your name and email address as a subscriber of the wijk newsletter, to send it through Mailchimp' },
  'billing.application.view': { nl: 'bekeek je aanvraag voor een pakket (met de gegevens van je organisatie en je contactpersoon)', en: "viewed your package application (with your organisation's details and contact person)" },
  'billing.application.approve': { nl: 'keurde je aanvraag voor een pakket goed', en: 'approved your package application' },
  'billing.application.decline': { nl: 'wees je aanvraag voor een pakket af', en: 'declined your package application' },
} satisfies Record<string, { nl: string; en: string }>

export type AccessAction = keyof typeof ACCESS_ACTIONS

export function isAccessAction(action: string): action is AccessAction {
  return Object.hasOwn(ACCESS_ACTIONS, action)
}

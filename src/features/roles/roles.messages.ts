/** Role appointments; gathered into the message catalogue through beheer.messages.ts. */
import { defineMessages } from '../../kernel/i18n/i18n.js'

export const rolesMessages = defineMessages({
  'roles.role.admin': { nl: 'Platformbeheerder', en: 'Platform administrator' },
  'roles.role.ambassadeur': { nl: 'Ambassadeur', en: 'Ambassador' },
  'roles.role.wijkbeheerder': { nl: 'Wijkbeheerder', en: 'Neighbourhood manager' },
  'roles.title': { nl: 'Rollen', en: 'Roles' },
  'roles.intro': {
    nl: 'Wie beheert het platform en de wijken. Een rol geef je aan iemand die al een account heeft.',
    en: 'Who manages the platform and the neighbourhoods. You give a role to someone who already has an account.',
  },
  'roles.current': { nl: 'Huidige rollen', en: 'Current roles' },
  'roles.none': { nl: 'Er zijn nog geen rollen toegekend.', en: 'No roles have been given yet.' },
  'roles.col.name': { nl: 'Naam', en: 'Name' },
  'roles.col.email': { nl: 'E-mail', en: 'Email' },
  'roles.col.role': { nl: 'Rol', en: 'Role' },
  'roles.col.wijk': { nl: 'Wijk', en: 'Neighbourhood' },
  'roles.col.actions': { nl: 'Acties', en: 'Actions' },
  'roles.platformWide': { nl: 'Hele platform', en: 'Whole platform' },
  'roles.revoke': { nl: 'Intrekken', en: 'Revoke' },
  'roles.revokeLabel': { nl: 'Rol van {name} intrekken: {role}', en: 'Revoke the role of {name}: {role}' },
  'roles.appoint.title': { nl: 'Iemand benoemen', en: 'Appoint someone' },
  'roles.appoint.email': { nl: 'E-mailadres van het account', en: 'Email address of the account' },
  'roles.appoint.role': { nl: 'Rol', en: 'Role' },
  'roles.appoint.wijk': { nl: 'Wijk', en: 'Neighbourhood' },
  'roles.appoint.wijkHint': { nl: 'Niet nodig voor een platformbeheerder.', en: 'Not needed for a platform administrator.' },
  'roles.appoint.noWijk': { nl: '— geen (platformbeheerder) —', en: '— none (platform administrator) —' },
  'roles.appoint.submit': { nl: 'Benoemen', en: 'Appoint' },
  'roles.error.noAccount': {
    nl: 'Er is geen actief account met dit e-mailadres. Vraag de persoon eerst een account te maken.',
    en: 'There is no active account with this email address. Ask the person to sign up first.',
  },
  'roles.error.duplicate': { nl: 'Deze persoon heeft deze rol al.', en: 'This person already has this role.' },
  'roles.error.wijkRequired': { nl: 'Kies de wijk voor deze rol.', en: 'Choose the neighbourhood for this role.' },
  'roles.error.lastAdmin': {
    nl: 'Je bent de laatste platformbeheerder. Benoem eerst iemand anders, dan kun je je eigen rol intrekken.',
    en: 'You are the last platform administrator. Appoint someone else first; then you can revoke your own role.',
  },
  'flash.roles.appointed': { nl: 'De rol is toegekend. De persoon krijgt hierover een e-mail.', en: 'The role has been given. The person will get an email about it.' },
  'flash.roles.revoked': { nl: 'De rol is ingetrokken.', en: 'The role has been revoked.' },
  'roles.wijkbeheerders.title': { nl: 'Wijkbeheerders van {wijk}', en: 'Neighbourhood managers of {wijk}' },
  'roles.wijkbeheerders.intro': {
    nl: 'Wijkbeheerders helpen bewoners en organisaties met hun inhoud in deze wijk en modereren die. Je benoemt iemand die al een account heeft.',
    en: 'Neighbourhood managers help residents and organisations with their content in this neighbourhood and moderate it. You appoint someone who already has an account.',
  },
  'roles.wijkbeheerders.none': { nl: 'Deze wijk heeft nog geen wijkbeheerders.', en: 'This neighbourhood has no managers yet.' },
  // Mail to the person appointed or whose role ended (in their own language)
  'roles.mail.greeting': { nl: 'Beste {name},', en: 'Dear {name},' },
  'roles.mail.appointed.subject': { nl: 'Je bent benoemd tot {role}', en: 'You have been appointed {role}' },
  'roles.mail.appointed.wijk': {
    nl: 'Je bent op WijkConnect benoemd tot {role} van {wijk}. Als je inlogt, vind je je nieuwe mogelijkheden onder Beheer.',
    en: 'You have been appointed {role} of {wijk} on WijkConnect. When you log in, you will find what you can now do under Management.',
  },
  'roles.mail.appointed.platform': {
    nl: 'Je bent op WijkConnect benoemd tot {role}. Als je inlogt, vind je je nieuwe mogelijkheden onder Beheer.',
    en: 'You have been appointed {role} on WijkConnect. When you log in, you will find what you can now do under Management.',
  },
  'roles.mail.appointed.button': { nl: 'Naar Beheer', en: 'Go to Management' },
  'roles.mail.revoked.subject': { nl: 'Je rol als {role} is beëindigd', en: 'Your role as {role} has ended' },
  'roles.mail.revoked.wijk': { nl: 'Je rol als {role} van {wijk} op WijkConnect is beëindigd. Je account blijft gewoon bestaan.', en: 'Your role as {role} of {wijk} on WijkConnect has ended. Your account stays as it is.' },
  'roles.mail.revoked.platform': { nl: 'Je rol als {role} op WijkConnect is beëindigd. Je account blijft gewoon bestaan.', en: 'Your role as {role} on WijkConnect has ended. Your account stays as it is.' },
  'roles.mail.why': {
    nl: 'Je krijgt deze e-mail omdat een beheerder je rol op WijkConnect heeft gewijzigd. Klopt dit niet? Neem dan contact op via {contact}.',
    en: 'You receive this email because an administrator changed your role on WijkConnect. Is this not right? Please get in touch via {contact}.',
  },
  'roles.mail.signature': { nl: 'Met vriendelijke groet,\n{operator}', en: 'Kind regards,\n{operator}' },
})

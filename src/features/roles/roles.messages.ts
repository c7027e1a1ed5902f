/** Role appointments; gathered into the message catalogue through beheer.messages.ts. */
import { defineMessages } from '../../kernel/i18n/define.js'

export const rolesMessages = defineMessages({
  'roles.role.admin': { nl: 'Platformbeheerder', en: 'Platform administrator' },
  'roles.role.ambassadeur': { nl: 'Ambassadeur', en: 'Ambassador' },
  'roles.role.wijkbeheerder': { nl: 'Wijkbeheerder', en: 'Neighbourhood manager' },
  'roles.title': { nl: 'Rollen', en: 'Roles' },
  'roles.intro': {
    nl: 'Wie beheert het platform en de wijken. Heeft iemand nog geen account, dan sturen we een uitnodiging.',
    en: 'Who manages the platform and the neighbourhoods. Someone without an account gets an invitation by email.',
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
  'roles.appoint.email': { nl: 'E-mailadres', en: 'Email address' },
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
    nl: 'Wijkbeheerders helpen bewoners en organisaties met hun inhoud in deze wijk en modereren die. Heeft iemand nog geen account, dan sturen we een uitnodiging.',
    en: 'Neighbourhood managers help residents and organisations with their content in this neighbourhood and moderate it. Someone without an account gets an invitation by email.',
  },
  'roles.wijkbeheerders.none': { nl: 'Deze wijk heeft nog geen wijkbeheerders.', en: 'This neighbourhood has no managers yet.' },
  // Invitations for an address without an account (issue 5)
  'roles.error.invitationPending': {
    nl: 'Dit e-mailadres heeft al een openstaande uitnodiging voor deze rol. Je kunt die hieronder intrekken.',
    en: 'This email address already has an open invitation for this role. You can cancel it below.',
  },
  'flash.roles.invited': {
    nl: 'Er is nog geen account met dit e-mailadres. We hebben een uitnodiging gestuurd; de rol gaat in zodra de persoon die aanneemt.',
    en: 'There is no account with this email address yet. We have sent an invitation; the role starts once the person accepts it.',
  },
  'flash.roles.invitationRevoked': { nl: 'De uitnodiging is ingetrokken.', en: 'The invitation has been cancelled.' },
  'flash.roles.invitationAccepted': { nl: 'Je hebt de uitnodiging aangenomen. Je nieuwe rol staat hieronder.', en: 'You have accepted the invitation. Your new role is shown below.' },
  'roles.invitations.title': { nl: 'Openstaande uitnodigingen', en: 'Open invitations' },
  'roles.invitations.intro': {
    nl: 'Deze mensen hebben nog geen account. Ze krijgen de rol als ze met hetzelfde e-mailadres een account maken en de uitnodiging aannemen.',
    en: 'These people have no account yet. They get the role once they sign up with the same email address and accept the invitation.',
  },
  'roles.invitations.col.validUntil': { nl: 'Geldig tot', en: 'Valid until' },
  'roles.invitations.cancel': { nl: 'Intrekken', en: 'Cancel' },
  'roles.invitations.cancelLabel': { nl: 'Uitnodiging voor {email} intrekken', en: 'Cancel the invitation for {email}' },
  'roles.invitation.title': { nl: 'Uitnodiging voor een rol', en: 'Invitation to a role' },
  'roles.invitation.offerWijk': {
    nl: 'Je bent uitgenodigd om {role} van {wijk} te worden op WijkConnect.',
    en: 'You have been invited to become {role} of {wijk} on WijkConnect.',
  },
  'roles.invitation.offerPlatform': { nl: 'Je bent uitgenodigd om {role} te worden op WijkConnect.', en: 'You have been invited to become {role} on WijkConnect.' },
  'roles.invitation.what': {
    nl: 'Als je de uitnodiging aanneemt, vind je je nieuwe mogelijkheden onder Beheer. Een beheerder kan de rol later weer beëindigen.',
    en: 'Once you accept, you will find what you can now do under Management. An administrator can end the role later.',
  },
  'roles.invitation.accept': { nl: 'Uitnodiging aannemen', en: 'Accept the invitation' },
  'roles.invitation.invalidTitle': { nl: 'Deze uitnodiging werkt niet meer', en: 'This invitation no longer works' },
  'roles.invitation.invalid': {
    nl: 'De link is verlopen, al gebruikt of ingetrokken. Vraag degene die je uitnodigde om een nieuwe uitnodiging.',
    en: 'The link has expired, has been used or was cancelled. Ask the person who invited you for a new invitation.',
  },
  'roles.invitation.otherAccountTitle': { nl: 'Deze uitnodiging is voor een ander account', en: 'This invitation is for another account' },
  'roles.invitation.otherAccount': {
    nl: 'De uitnodiging is verstuurd naar een ander e-mailadres dan dat van het account waarmee je bent ingelogd. Log uit en log in (of maak een account) met het e-mailadres waarop je de uitnodiging kreeg.',
    en: 'The invitation was sent to another email address than the one of the account you are logged in with. Log out and log in (or sign up) with the address that received the invitation.',
  },
  'roles.invitation.toBeheer': { nl: 'Naar Beheer', en: 'Go to Management' },
  // Mail to an invited address (always Dutch: there is no account whose language we know)
  'roles.mail.invite.subject': { nl: 'Uitnodiging: word {role} op WijkConnect', en: 'Invitation: become {role} on WijkConnect' },
  'roles.mail.invite.subjectWijk': { nl: 'Uitnodiging: word {role} van {wijk}', en: 'Invitation: become {role} of {wijk}' },
  'roles.mail.invite.wijk': {
    nl: '{name} nodigt je uit om {role} van {wijk} te worden op WijkConnect.',
    en: '{name} invites you to become {role} of {wijk} on WijkConnect.',
  },
  'roles.mail.invite.platform': { nl: '{name} nodigt je uit om {role} te worden op WijkConnect.', en: '{name} invites you to become {role} on WijkConnect.' },
  'roles.mail.invite.account': {
    nl: 'Heb je nog geen account? Maak er dan eerst een met dit e-mailadres en open daarna de link opnieuw. Met een ander e-mailadres werkt de uitnodiging niet.',
    en: 'No account yet? Then first sign up with this email address and open the link again. The invitation does not work with another address.',
  },
  'roles.mail.invite.expiry': { nl: 'De link is {days, plural, one {# dag} other {# dagen}} geldig.', en: 'The link is valid for {days, plural, one {# day} other {# days}}.' },
  'roles.mail.invite.notYou': { nl: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.', en: 'Not expecting this email? Then you can ignore it.' },
  'roles.mail.invite.button': { nl: 'Uitnodiging bekijken', en: 'View the invitation' },
  'roles.mail.invite.why': {
    nl: 'Je krijgt deze e-mail omdat een beheerder van WijkConnect dit e-mailadres heeft uitgenodigd. Klopt dit niet? Neem dan contact op via {contact}.',
    en: 'You receive this email because an administrator of WijkConnect invited this address. Is this not right? Please get in touch via {contact}.',
  },
  // Mail to the person appointed or whose role ended (in their own language)
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
})

import { defineMessages } from '../../kernel/i18n/define.js'

export const cancellationMessages = defineMessages({
  // Cancelling your own account.
  'cancellation.title': { nl: 'Account opzeggen', en: 'Cancel your account' },
  'cancellation.back': { nl: 'Terug naar Hulp nodig', en: 'Back to Need help' },
  'cancellation.intro': {
    nl: 'Jammer dat je weggaat. Lees eerst wat er gebeurt; daarna bevestig je met je wachtwoord.',
    en: 'We are sorry to see you go. First read what happens; then confirm with your password.',
  },
  'cancellation.what.heading': { nl: 'Wat er gebeurt als je opzegt', en: 'What happens when you cancel' },
  'cancellation.what.now.title': { nl: 'Meteen', en: 'At once' },
  'cancellation.what.now': {
    nl: 'Je wordt uitgelogd en kunt niet meer inloggen. Alles wat je plaatste verdwijnt van de site: van de pagina’s, uit de zoekresultaten, uit de agenda-abonnementen en nieuwsfeeds en uit de sitemap. Nieuwsbrieven krijg je niet meer. Je krijgt een bevestiging per e-mail.',
    en: 'You are logged out and can no longer log in. Everything you placed disappears from the site: from its pages, search results, calendar subscriptions and news feeds, and from the sitemap. You no longer receive newsletters. You get a confirmation by email.',
  },
  'cancellation.what.erase.title': { nl: 'Binnen 48 uur', en: 'Within 48 hours' },
  'cancellation.what.erase': {
    nl: 'We verwijderen je account, je content, je afbeeldingen, je inlogsessies en je inschrijvingen uit onze actieve database.',
    en: 'We delete your account, your content, your images, your login sessions and your subscriptions from our live database.',
  },
  'cancellation.what.archive.title': { nl: 'Vijf jaar een versleutelde kopie', en: 'An encrypted copy for five years' },
  'cancellation.what.archive': {
    nl: 'Daarvoor maken we een versleutelde kopie, apart van de rest. We gebruiken die alleen om je account terug te zetten als je daar zelf om vraagt. Na vijf jaar vernietigen we de kopie automatisch.',
    en: 'Before that, we make an encrypted copy, kept apart from everything else. We use it only to restore your account if you ask for it yourself. After five years the copy is destroyed automatically.',
  },
  'cancellation.what.shared': {
    nl: 'Content die je samen met iemand anders beheerde maar die van die ander is, blijft bij die ander staan.',
    en: 'Content you co-managed but that belongs to someone else stays with them.',
  },
  'cancellation.alternatives.heading': { nl: 'Liever iets anders?', en: 'Rather something else?' },
  'cancellation.alternatives.data': { nl: 'Je gegevens aanpassen, of eerst een kopie downloaden:', en: 'Change your details, or download a copy first:' },
  'cancellation.alternatives.question': { nl: 'Twijfel je, of heb je een vraag?', en: 'In doubt, or do you have a question?' },
  'cancellation.alternatives.ask': { nl: 'Stel een vraag', en: 'Ask a question' },
  'cancellation.confirm.heading': { nl: 'Opzeggen bevestigen', en: 'Confirm cancellation' },
  'cancellation.field.password': { nl: 'Je wachtwoord', en: 'Your password' },
  'cancellation.field.password.hint': { nl: 'Zo weten we zeker dat jij het bent.', en: 'So we know for sure it is you.' },
  'cancellation.submit': { nl: 'Ja, zeg mijn account op', en: 'Yes, cancel my account' },
  'cancellation.error.password': { nl: 'Dit wachtwoord klopt niet.', en: 'This password is not correct.' },
  'cancellation.rateLimited': {
    nl: 'Te veel pogingen met een verkeerd wachtwoord. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.',
    en: 'Too many attempts with a wrong password. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  'cancellation.lastAdmin': {
    nl: 'Je bent de enige platformbeheerder. Benoem eerst iemand anders tot platformbeheerder; anders kan niemand meer hulpvragen afhandelen of accounts terugzetten.',
    en: 'You are the only platform administrator. First appoint someone else as platform administrator; otherwise nobody can handle help requests or restore accounts.',
  },

  // Goodbye.
  'cancellation.done.title': { nl: 'Je account is opgezegd', en: 'Your account has been cancelled' },
  'cancellation.done.body': {
    nl: 'Je bent uitgelogd en alles wat je plaatste is van de site verdwenen. Binnen 48 uur verwijderen we je gegevens uit onze actieve database. De bevestiging staat in je mailbox.',
    en: 'You have been logged out and everything you placed has disappeared from the site. Within 48 hours we delete your data from our live database. The confirmation is in your mailbox.',
  },
  'cancellation.done.return': {
    nl: 'Wil je binnen vijf jaar toch terugkomen? Mail dan naar {email}; dan zetten we je account terug.',
    en: 'Want to come back within five years after all? Email {email}; we will restore your account.',
  },
  'cancellation.done.thanks': { nl: 'Bedankt dat je meedeed in je wijk.', en: 'Thank you for taking part in your neighbourhood.' },

  // Beheer: cancelling on someone's behalf.
  'cancellation.admin.title': { nl: 'Account opzeggen namens iemand', en: 'Cancel an account on someone’s behalf' },
  'cancellation.admin.back': { nl: 'Terug naar de hulpvragen', en: 'Back to the help requests' },
  'cancellation.admin.intro': {
    nl: 'Voor wie per e-mail, brief of telefoon vraagt om opzegging. Ga eerst na dat het verzoek echt van de accounthouder komt, bijvoorbeeld omdat het van het e-mailadres van het account komt.',
    en: 'For someone who asks for cancellation by email, letter or phone. First make sure the request really comes from the account holder, for example because it comes from the account’s email address.',
  },
  'cancellation.admin.field.email': { nl: 'E-mailadres van het account', en: 'Email address of the account' },
  'cancellation.admin.find': { nl: 'Account zoeken', en: 'Find account' },
  'cancellation.admin.notFound': { nl: 'Er is geen actief account met dit e-mailadres.', en: 'There is no active account with this email address.' },
  'cancellation.admin.self': {
    nl: 'Dit is je eigen account. Je eigen account zeg je op via Hulp nodig, met je wachtwoord.',
    en: 'This is your own account. You cancel your own account through Need help, with your password.',
  },
  'cancellation.admin.found.heading': { nl: 'Dit account opzeggen', en: 'Cancel this account' },
  'cancellation.admin.name': { nl: 'Naam', en: 'Name' },
  'cancellation.admin.email': { nl: 'E-mailadres', en: 'Email address' },
  'cancellation.admin.since': { nl: 'Account sinds', en: 'Account since' },
  'cancellation.admin.items': { nl: 'Geplaatste items', en: 'Items placed' },
  'cancellation.admin.explain': {
    nl: 'Daarna gebeurt hetzelfde als wanneer de persoon zelf opzegt: alles verdwijnt meteen van de site, binnen 48 uur uit de actieve database, en de persoon krijgt een bevestiging per e-mail. Dit komt in het toegangslogboek van de persoon.',
    en: 'Then the same happens as when the person cancels themselves: everything disappears from the site at once and from the live database within 48 hours, and the person gets a confirmation by email. This is recorded in the person’s access log.',
  },
  'cancellation.admin.field.reason': { nl: 'Hoe en wanneer kwam het verzoek binnen?', en: 'How and when did the request come in?' },
  'cancellation.admin.field.reason.hint': {
    nl: 'Bijvoorbeeld: e-mail vanaf het adres van het account op 3 maart. Dit wordt bewaard als hulpvraag van de soort opzegging.',
    en: 'For example: email from the account’s address on 3 March. This is kept as a help request of the kind cancellation.',
  },
  'cancellation.admin.confirm': { nl: 'Account opzeggen', en: 'Cancel account' },
  'cancellation.admin.lastAdmin': {
    nl: 'Dit is de enige platformbeheerder. Benoem eerst iemand anders tot platformbeheerder.',
    en: 'This is the only platform administrator. First appoint someone else as platform administrator.',
  },
  'flash.cancellation.onBehalf': {
    nl: 'Het account is opgezegd. De persoon krijgt een bevestiging per e-mail.',
    en: 'The account has been cancelled. The person gets a confirmation by email.',
  },

  // Beheer: the archive.
  'cancellation.archive.title': { nl: 'Archief van opgezegde accounts', en: 'Archive of cancelled accounts' },
  'cancellation.archive.intro': {
    nl: 'Van elk opgezegd account bewaren we vijf jaar een versleutelde kopie, alleen om het op verzoek van de persoon terug te zetten. Je zoekt op e-mailadres: het archief bewaart dat adres niet leesbaar, alleen een versleutelde vingerafdruk ervan. Wat er in een kopie staat, zie je pas na terugzetten.',
    en: 'Of every cancelled account we keep an encrypted copy for five years, only to restore it at the person’s request. You search by email address: the archive does not keep that address readable, only an encrypted fingerprint of it. What a copy holds is shown only after restoring.',
  },
  'cancellation.archive.field.email': { nl: 'E-mailadres van het opgezegde account', en: 'Email address of the cancelled account' },
  'cancellation.archive.search': { nl: 'Archief zoeken', en: 'Search archive' },
  'cancellation.archive.results': { nl: 'Gevonden', en: 'Found' },
  'cancellation.archive.none': { nl: 'Er is geen archief voor dit e-mailadres.', en: 'There is no archive for this email address.' },
  'cancellation.archive.pending': {
    nl: 'Een account met dit adres is opgezegd en wordt binnen 48 uur gearchiveerd. Probeer het daarna opnieuw.',
    en: 'An account with this address has been cancelled and will be archived within 48 hours. Try again after that.',
  },
  'cancellation.archive.caption': { nl: 'Archieven van dit e-mailadres', en: 'Archives of this email address' },
  'cancellation.archive.col.id': { nl: 'Archief', en: 'Archive' },
  'cancellation.archive.col.cancelled': { nl: 'Opgezegd op', en: 'Cancelled on' },
  'cancellation.archive.col.archived': { nl: 'Gearchiveerd op', en: 'Archived on' },
  'cancellation.archive.col.purge': { nl: 'Wordt vernietigd op', en: 'Destroyed on' },
  'cancellation.archive.col.action': { nl: 'Terugzetten', en: 'Restore' },
  'cancellation.archive.restore': { nl: 'Terugzetten', en: 'Restore' },
  'cancellation.archive.restore.label': { nl: 'Archief {id} terugzetten', en: 'Restore archive {id}' },
  'cancellation.archive.restore.explain': {
    nl: 'Terugzetten maakt het account weer actief onder hetzelfde account-id. De persoon kiest een nieuw wachtwoord via een link per e-mail. Alles wat hij of zij plaatste komt terug als concept (wat een wijkbeheerder had verborgen, blijft verborgen); rollen komen niet terug. Daarna wordt het archief verwijderd.',
    en: 'Restoring makes the account active again under the same account id. The person chooses a new password through a link sent by email. Everything they placed comes back as a draft (what a wijk manager had hidden stays hidden); roles do not come back. The archive is then deleted.',
  },
  'cancellation.archive.emailTaken': {
    nl: 'Terugzetten kan niet: dit e-mailadres hoort nu bij een ander account. Dat account moet eerst een ander adres krijgen of opgezegd zijn.',
    en: 'Cannot restore: this email address now belongs to another account. That account must first get another address or be cancelled.',
  },
  'cancellation.archive.keyMissing': {
    nl: 'Terugzetten kan niet: de sleutel “{keyId}” van dit archief is niet ingesteld. Zet hem in ARCHIVE_PREVIOUS_KEYS.',
    en: 'Cannot restore: the key “{keyId}” of this archive is not configured. Add it to ARCHIVE_PREVIOUS_KEYS.',
  },
  'cancellation.archive.undecryptable': {
    nl: 'Terugzetten kan niet: dit archief laat zich niet ontsleutelen met de ingestelde sleutel. Het is met een andere sleutel onder dezelfde naam gemaakt, of beschadigd.',
    en: 'Cannot restore: this archive does not decrypt with the configured key. It was made with another key under the same name, or it is damaged.',
  },
  'cancellation.archive.notFound': { nl: 'Dit archief bestaat niet (meer).', en: 'This archive does not exist (any more).' },
  'cancellation.archive.unknownKeys': {
    nl: '{count, plural, one {# archief is} other {# archieven zijn}} versleuteld met een sleutel die niet meer is ingesteld. {count, plural, one {Dat kan} other {Die kunnen}} niet worden teruggezet tot de sleutel in ARCHIVE_PREVIOUS_KEYS staat.',
    en: '{count, plural, one {# archive is} other {# archives are}} encrypted with a key that is no longer configured. {count, plural, one {It cannot} other {They cannot}} be restored until that key is in ARCHIVE_PREVIOUS_KEYS.',
  },
  'flash.cancellation.restored': {
    nl: 'Het account is teruggezet. De persoon krijgt een e-mail om een nieuw wachtwoord te kiezen.',
    en: 'The account has been restored. The person gets an email to choose a new password.',
  },

  // Mail.
  'cancellation.mail.cancelled.subject': { nl: 'Je account op {site} is opgezegd', en: 'Your account on {site} has been cancelled' },
  'cancellation.mail.cancelled.body': { nl: 'Je hebt je account op {site} opgezegd. Dit is de bevestiging.', en: 'You cancelled your account on {site}. This is the confirmation.' },
  'cancellation.mail.cancelled.byAdmin': {
    nl: 'Op jouw verzoek hebben we je account op {site} opgezegd. Dit is de bevestiging.',
    en: 'At your request we cancelled your account on {site}. This is the confirmation.',
  },
  'cancellation.mail.cancelled.now': {
    nl: 'Je kunt niet meer inloggen, en alles wat je plaatste is van de site verdwenen. Nieuwsbrieven krijg je niet meer.',
    en: 'You can no longer log in, and everything you placed has disappeared from the site. You no longer receive newsletters.',
  },
  'cancellation.mail.cancelled.erase': {
    nl: 'Binnen 48 uur verwijderen we je account, je content, je afbeeldingen en je inlogsessies uit onze actieve database.',
    en: 'Within 48 hours we delete your account, your content, your images and your login sessions from our live database.',
  },
  'cancellation.mail.cancelled.archive': {
    nl: 'We bewaren een versleutelde kopie tot {date}, alleen om je account terug te zetten als je daarom vraagt; mail dan naar {email}. Daarna vernietigen we de kopie automatisch.',
    en: 'We keep an encrypted copy until {date}, only to restore your account if you ask for it; email {email}. After that the copy is destroyed automatically.',
  },
  'cancellation.mail.cancelled.notYou': {
    nl: 'Heb je hier niet om gevraagd? Mail dan meteen naar {email}.',
    en: 'Did you not ask for this? Email {email} straight away.',
  },
  'cancellation.mail.restored.subject': { nl: 'Je account op {site} is teruggezet', en: 'Your account on {site} has been restored' },
  'cancellation.mail.restored.body': {
    nl: 'Op jouw verzoek hebben we je account op {site} teruggezet uit ons archief.',
    en: 'At your request we restored your account on {site} from our archive.',
  },
  'cancellation.mail.restored.drafts': {
    nl: 'Alles wat je plaatste staat weer in Mijn content, als concept: niets is openbaar tot je het zelf opnieuw publiceert.',
    en: 'Everything you placed is back in My content, as a draft: nothing is public until you publish it again yourself.',
  },
  'cancellation.mail.restored.link': {
    nl: 'Kies eerst een nieuw wachtwoord met de knop hieronder. De link werkt {hours} uur; is hij verlopen, vraag dan een nieuwe aan via {forgotUrl}',
    en: 'First choose a new password with the button below. The link works for {hours, plural, one {# hour} other {# hours}}; if it has expired, ask for a new one at {forgotUrl}',
  },
})

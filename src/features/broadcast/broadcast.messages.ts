import { defineMessages } from '../../kernel/i18n/define.js'

export const broadcastMessages = defineMessages({
  'broadcast.title': { nl: 'Bericht aan de plaatsers in {wijk}', en: 'Message to the posters in {wijk}' },
  'broadcast.intro': {
    nl: 'Stuur één bericht aan iedereen die nu iets op de wijksite heeft staan: de eigenaar van elk bericht en de mensen die het mee beheren. Bijvoorbeeld: “Wie kan deze week helpen bij de buurtschoonmaak?” Iedereen krijgt het één keer, ook wie meerdere berichten heeft.',
    en: 'Send one message to everyone who currently has something on the neighbourhood site: the owner of each item and the people who co-manage it. For example: “Who can help with the neighbourhood clean-up this week?” Everyone gets it once, even with several items.',
  },
  'broadcast.audience': {
    nl: 'Dit bericht gaat nu naar {n, plural, one {# persoon} other {# personen}}.',
    en: 'This message will now go to {n, plural, one {# person} other {# people}}.',
  },
  'broadcast.subject': { nl: 'Onderwerp', en: 'Subject' },
  'broadcast.body': { nl: 'Bericht', en: 'Message' },
  'broadcast.body.hint': {
    nl: 'Gewone tekst; een lege regel begint een nieuwe alinea. Wij zetten er een aanhef in de taal van de ontvanger boven en leggen uit waarom ze dit krijgen.',
    en: 'Plain text; an empty line starts a new paragraph. We add a greeting in the recipient’s language and explain why they get it.',
  },
  'broadcast.send': { nl: 'Versturen', en: 'Send' },
  'broadcast.earlier': { nl: 'Eerder verstuurd', en: 'Sent earlier' },
  'broadcast.earlier.none': { nl: 'Er is nog geen bericht verstuurd.', en: 'No message has been sent yet.' },
  'broadcast.col.date': { nl: 'Datum', en: 'Date' },
  'broadcast.col.delivered': { nl: 'Verstuurd', en: 'Sent' },
  'broadcast.back': { nl: 'Terug naar berichten', en: 'Back to messages' },
  'broadcast.detail.title': { nl: 'Bericht: {subject}', en: 'Message: {subject}' },
  'broadcast.detail.created': { nl: 'Gestart op {date}.', en: 'Started on {date}.' },
  'broadcast.detail.message': { nl: 'Het bericht', en: 'The message' },
  'broadcast.progress': { nl: 'Voortgang', en: 'Progress' },
  'broadcast.progress.label': { nl: 'Verstuurd: {sent} van {total} ({percent}%)', en: 'Sent: {sent} of {total} ({percent}%)' },
  'broadcast.progress.busy': { nl: 'Het versturen is bezig.', en: 'Sending is in progress.' },
  'broadcast.progress.refresh': { nl: 'Ververs deze pagina', en: 'Refresh this page' },
  'broadcast.progress.done': { nl: 'Iedereen heeft het bericht gekregen.', en: 'Everyone has received the message.' },
  'broadcast.progress.nobody': { nl: 'Er stond niemand op de lijst: er was geen bericht met een eigenaar op de site.', en: 'Nobody was on the list: there was no item with an owner on the site.' },
  'broadcast.record': { nl: 'Wie het kreeg, en wanneer', en: 'Who received it, and when' },
  'broadcast.record.hint': {
    nl: 'Je ziet de voornaam en de berichten in deze wijk waarlangs iemand het kreeg; e-mailadressen blijven verborgen.',
    en: 'You see the first name and the items in this neighbourhood through which someone received it; email addresses stay hidden.',
  },
  'broadcast.col.recipient': { nl: 'Ontvanger', en: 'Recipient' },
  'broadcast.col.via': { nl: 'Via', en: 'Through' },
  'broadcast.col.queued': { nl: 'Klaargezet', en: 'Queued' },
  'broadcast.col.sent': { nl: 'Verstuurd', en: 'Sent' },
  'broadcast.waiting': { nl: 'wacht nog', en: 'waiting' },
  'broadcast.erased': { nl: 'account verwijderd', en: 'account erased' },
  'broadcast.previous': { nl: 'Vorige', en: 'Previous' },
  'broadcast.next': { nl: 'Volgende', en: 'Next' },
  'flash.broadcast.started': { nl: 'Het bericht wordt verstuurd.', en: 'The message is being sent.' },

  // The mail, in the recipient's language around the team's own words.
  'broadcast.mail.subject': { nl: '{wijk}: {subject}', en: '{wijk}: {subject}' },
  'broadcast.mail.intro': {
    nl: 'De wijkbeheerders van {wijk} sturen dit bericht aan iedereen die iets op de wijksite heeft staan:',
    en: 'The neighbourhood managers of {wijk} send this message to everyone who has something on the neighbourhood site:',
  },
  'broadcast.mail.myContent': { nl: 'Naar mijn content', en: 'Go to my content' },
  'broadcast.mail.signature': { nl: 'Groet van het wijkteam van {wijk}', en: 'Best wishes from the {wijk} neighbourhood team' },
  'broadcast.mail.why': {
    nl: 'Je krijgt dit omdat je een bericht op de site van {wijk} hebt staan of mee beheert. Staat er niets meer van je op de site, dan krijg je deze berichten niet meer.',
    en: 'You get this because you have, or co-manage, an item on the {wijk} site. Once nothing of yours is on the site, you no longer get these messages.',
  },
})

import { defineMessages } from '../../kernel/i18n/define.js'

export const helpMessages = defineMessages({
  // The "Hulp nodig" page.
  'help.title': { nl: 'Hulp nodig?', en: 'Need help?' },
  'help.intro': { nl: 'Waarmee kunnen we je helpen? Kies wat het beste past.', en: 'What can we help you with? Choose what fits best.' },
  'help.choice.question': { nl: 'Een vraag stellen', en: 'Ask a question' },
  'help.choice.question.hint': {
    nl: 'Over je account, over de site of over hoe iets werkt. De beheerders van het platform lezen je vraag en antwoorden per e-mail.',
    en: 'About your account, the site or how something works. The platform administrators read your question and answer by email.',
  },
  'help.choice.problem': { nl: 'Een probleem met content melden', en: 'Report a problem with content' },
  'help.choice.problem.hint': {
    nl: 'Klopt er iets niet aan een activiteit, bericht, organisatie of aanbod, of hoort het niet op de site? De wijkbeheerders van die wijk en de platformbeheerders krijgen je melding.',
    en: 'Is something wrong with an activity, post, organisation or offer, or does it not belong on the site? The wijk managers of that wijk and the platform administrators get your report.',
  },
  'help.choice.cancel': { nl: 'Mijn account opzeggen', en: 'Cancel my account' },
  'help.choice.cancel.hint': {
    nl: 'Je account en alles wat je plaatste verdwijnen meteen van de site. We leggen eerst uit wat er precies gebeurt.',
    en: 'Your account and everything you placed disappear from the site at once. We first explain exactly what happens.',
  },
  'help.complaint': {
    nl: 'Een klacht over hoe we met je persoonsgegevens omgaan? Gebruik dan het formulier voor een klacht over privacy.',
    en: 'A complaint about how we handle your personal data? Then use the form for a privacy complaint.',
  },
  'help.complaint.link': { nl: 'Klacht over privacy', en: 'Privacy complaint' },
  'help.back': { nl: 'Terug naar Hulp nodig', en: 'Back to Need help' },

  // Asking a question.
  'help.question.title': { nl: 'Een vraag stellen', en: 'Ask a question' },
  'help.question.intro': {
    nl: 'Je vraag gaat naar de beheerders van het platform. We antwoorden per e-mail aan {email}.',
    en: 'Your question goes to the platform administrators. We answer by email to {email}.',
  },
  'help.field.message': { nl: 'Je vraag', en: 'Your question' },
  'help.field.message.hint': {
    nl: 'Schrijf zo precies mogelijk wat je wilt weten. Zet er geen wachtwoord of andere geheimen in.',
    en: 'Write as precisely as you can what you want to know. Do not include a password or other secrets.',
  },
  'help.question.submit': { nl: 'Vraag versturen', en: 'Send question' },

  // Reporting a problem with content.
  'help.problem.title': { nl: 'Een probleem met content melden', en: 'Report a problem with content' },
  'help.problem.intro': {
    nl: 'Geef aan om welke pagina het gaat: plak het adres uit de adresbalk van je browser, of kies het item uit de lijst van een wijk.',
    en: 'Tell us which page it is about: paste the address from your browser’s address bar, or choose the item from the list of a wijk.',
  },
  'help.problem.wijk': { nl: 'Wijk', en: 'Wijk' },
  'help.problem.wijk.show': { nl: 'Toon de items van deze wijk', en: 'Show the items of this wijk' },
  'help.field.address': { nl: 'Adres van de pagina', en: 'Address of the page' },
  'help.field.address.hint': { nl: 'Bijvoorbeeld {example}', en: 'For example {example}' },
  'help.field.item.legend': { nl: 'Of kies het item uit de lijst van een wijk', en: 'Or choose the item from the list of a wijk' },
  'help.field.item': { nl: 'Item', en: 'Item' },
  'help.field.item.hint': {
    nl: 'Wat er nu op de site van {wijk} staat, het nieuwste bovenaan. Staat het er niet bij? Plak dan het adres hierboven.',
    en: 'What is on the site of {wijk} now, newest first. Not in the list? Then paste the address above.',
  },
  'help.field.item.empty': { nl: 'Op de site van {wijk} staat nu niets.', en: 'There is nothing on the site of {wijk} now.' },
  'help.field.item.none': { nl: '— kies een item —', en: '— choose an item —' },
  'help.field.problem': { nl: 'Wat is er mis?', en: 'What is wrong?' },
  'help.field.problem.hint': { nl: 'Bijvoorbeeld: de datum klopt niet, of dit aanbod is oneerlijk of beledigend.', en: 'For example: the date is wrong, or this offer is unfair or offensive.' },
  'help.problem.submit': { nl: 'Melding versturen', en: 'Send report' },
  'help.problem.error.which': {
    nl: 'Geef het adres van de pagina, of kies een item uit de lijst.',
    en: 'Give the address of the page, or choose an item from the list.',
  },
  'help.problem.error.address': {
    nl: 'We vinden geen openbare pagina van een item op dit adres. Kopieer het adres uit de adresbalk, of kies het item uit de lijst.',
    en: 'We cannot find a public item page at this address. Copy the address from the address bar, or choose the item from the list.',
  },
  'help.problem.error.item': { nl: 'Dit item staat niet (meer) op de site. Kies een ander item.', en: 'This item is not (or no longer) on the site. Choose another item.' },
  'help.rateLimited': {
    nl: 'Je hebt veel berichten achter elkaar verstuurd. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw; je tekst staat nog in het formulier.',
    en: 'You sent many messages in a row. Try again in {minutes, plural, one {# minute} other {# minutes}}; your text is still in the form.',
  },

  // Sent.
  'help.sent.title': { nl: 'Je bericht is verstuurd', en: 'Your message has been sent' },
  'help.sent.body': {
    nl: 'Bedankt. We hebben je bericht ontvangen en antwoorden per e-mail, meestal binnen een paar werkdagen.',
    en: 'Thank you. We have received your message and will answer by email, usually within a few working days.',
  },
  'help.sent.more': { nl: 'Nog iets anders?', en: 'Anything else?' },

  // Kinds and states.
  'help.kind.question': { nl: 'Vraag', en: 'Question' },
  'help.kind.content-problem': { nl: 'Probleem met content', en: 'Problem with content' },
  'help.kind.cancellation': { nl: 'Opzegging', en: 'Cancellation' },
  'help.status.open': { nl: 'Open', en: 'Open' },
  'help.status.closed': { nl: 'Gesloten', en: 'Closed' },

  // Beheer: the list.
  'help.admin.title': { nl: 'Hulpvragen', en: 'Help requests' },
  'help.admin.intro': {
    nl: 'Vragen en meldingen van accounthouders. Platformbeheerders zien alles; ambassadeurs en wijkbeheerders zien de meldingen over content van hun eigen wijk.',
    en: 'Questions and reports from account holders. Platform administrators see everything; ambassadeurs and wijk managers see the reports about content of their own wijk.',
  },
  'help.admin.tabs': { nl: 'Welke hulpvragen', en: 'Which help requests' },
  'help.admin.open': { nl: 'Open', en: 'Open' },
  'help.admin.closed': { nl: 'Gesloten', en: 'Closed' },
  'help.admin.empty.open': { nl: 'Er zijn geen open hulpvragen.', en: 'There are no open help requests.' },
  'help.admin.empty.closed': { nl: 'Er zijn geen gesloten hulpvragen.', en: 'There are no closed help requests.' },
  'help.admin.caption.open': { nl: 'Open hulpvragen, nieuwste eerst', en: 'Open help requests, newest first' },
  'help.admin.caption.closed': { nl: 'Gesloten hulpvragen, nieuwste eerst', en: 'Closed help requests, newest first' },
  'help.admin.col.number': { nl: 'Nummer', en: 'Number' },
  'help.admin.col.kind': { nl: 'Soort', en: 'Kind' },
  'help.admin.col.about': { nl: 'Over', en: 'About' },
  'help.admin.col.received': { nl: 'Ontvangen', en: 'Received' },
  'help.admin.open.label': { nl: 'Hulpvraag {id} openen', en: 'Open help request {id}' },
  'help.admin.cancelOnBehalf': { nl: 'Een account opzeggen namens iemand', en: 'Cancel an account on someone’s behalf' },
  'help.admin.archive': { nl: 'Archief van opgezegde accounts', en: 'Archive of cancelled accounts' },
  'help.admin.more': { nl: 'Ook nodig', en: 'Also needed' },

  // Beheer: one request.
  'help.detail.title': { nl: 'Hulpvraag {id}', en: 'Help request {id}' },
  'help.detail.back': { nl: 'Terug naar de hulpvragen', en: 'Back to the help requests' },
  'help.detail.kind': { nl: 'Soort', en: 'Kind' },
  'help.detail.status': { nl: 'Status', en: 'Status' },
  'help.detail.received': { nl: 'Ontvangen', en: 'Received' },
  'help.detail.closedAt': { nl: 'Gesloten op', en: 'Closed on' },
  'help.detail.wijk': { nl: 'Wijk', en: 'Wijk' },
  'help.detail.item': { nl: 'Item', en: 'Item' },
  'help.detail.item.gone': { nl: 'Niet meer op de site', en: 'No longer on the site' },
  'help.detail.item.notPublic': { nl: '(niet openbaar)', en: '(not public)' },
  'help.detail.from': { nl: 'Van', en: 'From' },
  'help.detail.from.gone': { nl: 'Dit account bestaat niet meer.', en: 'This account no longer exists.' },
  'help.detail.from.note': {
    nl: 'Dat je deze naam en dit e-mailadres bekijkt, staat in het toegangslogboek van deze persoon.',
    en: 'That you view this name and email address is recorded in this person’s access log.',
  },
  'help.detail.message': { nl: 'Bericht', en: 'Message' },
  'help.detail.answer': { nl: 'Verstuurd antwoord', en: 'Answer sent' },
  'help.answer.heading': { nl: 'Antwoorden', en: 'Answer' },
  'help.field.answer': { nl: 'Je antwoord', en: 'Your answer' },
  'help.field.answer.hint': {
    nl: 'Gaat per e-mail naar de vraagsteller; het bericht hierboven staat er geciteerd in. Een nieuw antwoord vervangt het vorige hier.',
    en: 'Goes by email to the person who asked, quoting the message above. A new answer replaces the previous one here.',
  },
  'help.answer.submit': { nl: 'Antwoord versturen', en: 'Send answer' },
  'help.answer.noRequester': {
    nl: 'Beantwoorden kan niet: het account van de vraagsteller bestaat niet meer.',
    en: 'Answering is not possible: the account of the person who asked no longer exists.',
  },
  'help.close.heading': { nl: 'Afronden', en: 'Finish' },
  'help.close.submit': { nl: 'Hulpvraag sluiten', en: 'Close help request' },
  'help.close.done': { nl: 'Deze hulpvraag is gesloten.', en: 'This help request is closed.' },

  // Flash messages.
  'flash.help.answered': { nl: 'Je antwoord is verstuurd.', en: 'Your answer has been sent.' },
  'flash.help.closed': { nl: 'De hulpvraag is gesloten.', en: 'The help request has been closed.' },

  // Mail.
  'help.mail.new.subject': { nl: 'Nieuwe hulpvraag {id}: {kind}', en: 'New help request {id}: {kind}' },
  'help.mail.new.body': { nl: 'Er is een nieuwe hulpvraag binnengekomen via {site} ({kind}).', en: 'A new help request came in through {site} ({kind}).' },
  'help.mail.new.item': { nl: 'Het gaat om “{title}” in {wijk}.', en: 'It is about “{title}” in {wijk}.' },
  'help.mail.new.where': {
    nl: 'Je leest en beantwoordt hem in het beheer. Wie hem stuurde en wat er staat, zie je daar, niet in deze e-mail.',
    en: 'You read and answer it in the management area. Who sent it and what it says is shown there, not in this email.',
  },
  'help.mail.new.action': { nl: 'Hulpvraag bekijken', en: 'View help request' },
  'help.mail.new.footer': {
    nl: 'Je krijgt deze e-mail omdat je beheerder bent op {site}.',
    en: 'You receive this email because you are a manager on {site}.',
  },
  'help.mail.answer.subject': { nl: 'Antwoord op je hulpvraag', en: 'Answer to your help request' },
  'help.mail.answer.intro': { nl: 'Op {date} stuurde je ons via {site} dit bericht:', en: 'On {date} you sent us this message through {site}:' },
  'help.mail.answer.ours': { nl: 'Ons antwoord:', en: 'Our answer:' },
  'help.mail.answer.more': {
    nl: 'Nog een vraag, of is dit niet genoeg? Kies dan op de site opnieuw “Hulp nodig”.',
    en: 'Another question, or is this not enough? Then choose “Need help” on the site again.',
  },
})

import { defineMessages } from '../../kernel/i18n/define.js'

export const contactFormMessages = defineMessages({
  'contact-form.title': { nl: 'Contact over “{title}”', en: 'Contact about “{title}”' },
  'contact-form.heading': { nl: 'Stuur een bericht over “{title}”', en: 'Send a message about “{title}”' },
  'contact-form.intro': {
    nl: 'Je bericht gaat per e-mail naar de contactpersoon van dit item. Het adres van de contactpersoon blijft voor jou verborgen; een antwoord komt bij jouw e-mailadres.',
    en: "Your message is emailed to this item's contact person. Their address stays hidden from you; a reply comes to your email address.",
  },
  'contact-form.back': { nl: 'Terug naar “{title}”', en: 'Back to “{title}”' },
  'contact-form.field.name': { nl: 'Je naam', en: 'Your name' },
  'contact-form.field.email': { nl: 'Je e-mailadres', en: 'Your email address' },
  'contact-form.field.email.hint': {
    nl: 'De ontvanger ziet dit adres en kan je daarop antwoorden.',
    en: 'The recipient sees this address and can reply to it.',
  },
  'contact-form.field.message': { nl: 'Je bericht', en: 'Your message' },
  'contact-form.field.message.hint': { nl: 'Ten hoogste 5000 tekens.', en: 'At most 5000 characters.' },
  'contact-form.honeypot': { nl: 'Laat leeg', en: 'Leave empty' },
  'contact-form.privacy': {
    nl: 'We bewaren je bericht alleen om het te bezorgen en wissen het 30 dagen daarna.',
    en: 'We keep your message only to deliver it, and delete it 30 days afterwards.',
  },
  'contact-form.submit': { nl: 'Verstuur bericht', en: 'Send message' },
  'contact-form.limited': {
    nl: 'Er zijn net te veel berichten verstuurd. Probeer het later nog eens; je tekst staat hieronder nog.',
    en: 'Too many messages were sent just now. Please try again later; your text is still below.',
  },
  'contact-form.error.singleLine': { nl: 'Gebruik één regel, zonder enter.', en: 'Use a single line, without line breaks.' },
  'contact-form.sent.heading': { nl: 'Je bericht is verstuurd', en: 'Your message has been sent' },
  'contact-form.sent.body': {
    nl: 'Je bericht over “{title}” is onderweg naar de contactpersoon.',
    en: 'Your message about “{title}” is on its way to the contact person.',
  },
  'contact-form.sent.reply': {
    nl: 'Antwoordt de contactpersoon, dan krijg je dat per e-mail.',
    en: 'If the contact person replies, you will receive it by email.',
  },
  'contact-form.mail.subject': { nl: 'Bericht via {site} over “{title}”', en: 'Message via {site} about “{title}”' },
  'contact-form.mail.intro': {
    nl: '{name} <{email}> stuurde je een bericht via het contactformulier bij “{title}” op de {site}-site van {wijk}.',
    en: '{name} <{email}> sent you a message through the contact form of “{title}” on the {site} site of {wijk}.',
  },
  'contact-form.mail.messageHeading': { nl: 'Het bericht:', en: 'The message:' },
  'contact-form.mail.reply': {
    nl: 'Beantwoord je deze mail, dan gaat je antwoord rechtstreeks naar {name}. Je eigen e-mailadres is niet aan de afzender getoond; dat ziet die pas als je antwoordt.',
    en: "If you reply to this mail, your answer goes straight to {name}. Your own address was not shown to the sender; they only see it once you reply.",
  },
  'contact-form.mail.itemLink': { nl: 'Bekijk het item', en: 'View the item' },
  'contact-form.mail.footer': {
    nl: 'Je krijgt deze mail omdat je contactpersoon of eigenaar bent van dit item op {site}.',
    en: 'You receive this mail because you are the contact person or owner of this item on {site}.',
  },
})

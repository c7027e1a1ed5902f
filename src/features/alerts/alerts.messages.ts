import { defineMessages } from '../../kernel/i18n/define.js'

export const alertsMessages = defineMessages({
  'alerts.title': { nl: 'Meldingen over nieuwe berichten', en: 'Alerts about new posts' },
  'alerts.intro': {
    nl: 'Volg onderdelen, thema’s of Prikbord-categorieën van een wijk, en krijg een mail als er iets nieuws bij komt. Eén mail per keer met alles bij elkaar, nooit hetzelfde bericht twee keer.',
    en: 'Follow sections, themes or notice board categories of a wijk, and get an email when something new appears. One email at a time with everything together, never the same post twice.',
  },
  'alerts.myDataLink': { nl: 'Meldingen over nieuwe berichten instellen', en: 'Set up alerts about new posts' },
  'alerts.back': { nl: 'Terug naar Mijn gegevens', en: 'Back to My data' },

  'alerts.frequency': { nl: 'Hoe vaak wil je een mail?', en: 'How often do you want an email?' },
  'alerts.frequency.immediate': { nl: 'Meteen (hooguit één mail per tien minuten)', en: 'Right away (at most one email every ten minutes)' },
  'alerts.frequency.daily': { nl: 'Eén keer per dag, om 07:00', en: 'Once a day, at 07:00' },
  'alerts.frequency.weekly': { nl: 'Eén keer per week, op maandag om 07:00', en: 'Once a week, on Monday at 07:00' },
  'alerts.frequency.never': { nl: 'Nooit (ik volg wel, maar wil geen mail)', en: 'Never (I keep following, but want no email)' },
  'alerts.frequency.save': { nl: 'Opslaan', en: 'Save' },
  'alerts.frequency.error': { nl: 'Kies hoe vaak je een mail wilt.', en: 'Choose how often you want an email.' },
  'alerts.frequency.noFollows': {
    nl: 'Je volgt nog niets. Zodra je iets volgt, krijg je standaard één mail per week.',
    en: 'You are not following anything yet. Once you do, you get one email a week by default.',
  },

  'alerts.following': { nl: 'Wat ik volg', en: 'What I follow' },
  'alerts.following.none': { nl: 'Je volgt nog niets.', en: 'You are not following anything yet.' },
  'alerts.col.wijk': { nl: 'Wijk', en: 'Wijk' },
  'alerts.col.what': { nl: 'Wat', en: 'What' },
  'alerts.col.since': { nl: 'Sinds', en: 'Since' },
  'alerts.col.stop': { nl: 'Stoppen', en: 'Stop' },
  'alerts.stop': { nl: 'Niet meer volgen', en: 'Stop following' },
  'alerts.stopLabel': { nl: 'Niet meer volgen: {what} in {wijk}', en: 'Stop following: {what} in {wijk}' },

  'alerts.kind.module': { nl: 'Onderdeel: {name}', en: 'Section: {name}' },
  'alerts.kind.category': { nl: 'Prikbord: {name}', en: 'Notice board: {name}' },
  'alerts.kind.theme': { nl: 'Thema: {name}', en: 'Theme: {name}' },

  'alerts.add': { nl: 'Iets nieuws volgen', en: 'Follow something new' },
  'alerts.add.wijk': { nl: 'Wijk', en: 'Wijk' },
  'alerts.add.wijk.hint': { nl: 'Kies eerst de wijk; daarna zie je wat je er kunt volgen.', en: 'Choose the wijk first; then you see what you can follow there.' },
  'alerts.add.showWijk': { nl: 'Toon wat ik kan volgen', en: 'Show what I can follow' },
  'alerts.add.what': { nl: 'Wat wil je volgen in {wijk}?', en: 'What do you want to follow in {wijk}?' },
  'alerts.add.what.hint': {
    nl: 'Bijvoorbeeld “Thema: Burenhulp” voor alles over burenhulp, of “Prikbord: Klussen” voor nieuwe vragen en aanbod voor klussen.',
    en: 'For example “Theme: Helping neighbours” for everything about helping neighbours, or “Notice board: Odd jobs” for new requests and offers for odd jobs.',
  },
  'alerts.add.submit': { nl: 'Volgen', en: 'Follow' },
  'alerts.add.choose': { nl: '(kies)', en: '(choose)' },
  'alerts.add.error': { nl: 'Kies iets uit de lijst om te volgen.', en: 'Choose something from the list to follow.' },
  'alerts.add.noWijken': { nl: 'Er zijn nog geen wijken.', en: 'There are no wijken yet.' },

  'alerts.privacy': {
    nl: 'Wat je volgt is niet openbaar. We gebruiken het alleen om je deze mails te sturen. Als je je account opzegt, verdwijnt het meteen mee.',
    en: 'What you follow is not public. We use it only to send you these emails. If you cancel your account, it goes with it at once.',
  },

  'flash.alerts.followed': { nl: 'Je volgt dit nu.', en: 'You are now following this.' },
  'flash.alerts.unfollowed': { nl: 'Je volgt dit niet meer.', en: 'You are no longer following this.' },
  'flash.alerts.frequencySaved': { nl: 'Opgeslagen: zo vaak krijg je een mail.', en: 'Saved: this is how often you get an email.' },
  'flash.alerts.unsubscribed': { nl: 'Je krijgt geen meldingen meer.', en: 'You will not receive alerts any more.' },

  // One-click unsubscribe (no login needed).
  'alerts.unsubscribe.title': { nl: 'Afmelden voor meldingen', en: 'Unsubscribe from alerts' },
  'alerts.unsubscribe.ask': {
    nl: 'Wil je geen mails meer over nieuwe berichten? Eén klik op de knop is genoeg; inloggen is niet nodig.',
    en: 'Do you want no more emails about new posts? One click on the button is enough; no need to log in.',
  },
  'alerts.unsubscribe.button': { nl: 'Afmelden', en: 'Unsubscribe' },
  'alerts.unsubscribe.done': {
    nl: 'Je krijgt geen meldingen meer. Wat je volgde blijft bewaard, zodat je het later weer kunt aanzetten.',
    en: 'You will not receive alerts any more. What you followed is kept, so you can switch it back on later.',
  },
  'alerts.unsubscribe.again': { nl: 'Weer aanzetten of aanpassen kan in Mijn gegevens.', en: 'You can switch it back on or change it in My data.' },
  'alerts.unsubscribe.invalid.title': { nl: 'Deze afmeldlink werkt niet', en: 'This unsubscribe link does not work' },
  'alerts.unsubscribe.invalid': {
    nl: 'De link is onvolledig of hoort bij een account dat niet meer bestaat. Meldingen zet je ook uit in Mijn gegevens.',
    en: 'The link is incomplete or belongs to an account that no longer exists. You can also switch alerts off in My data.',
  },
  'alerts.unsubscribe.limited': { nl: 'Te veel ongeldige links geprobeerd. Probeer het over een uur opnieuw.', en: 'Too many invalid links tried. Please try again in an hour.' },
  'alerts.unsubscribe.oneClickDone': { nl: 'Afgemeld.', en: 'Unsubscribed.' },

  // The digest mail.
  'alerts.mail.subject.immediate': { nl: 'Nieuw in je wijk ({count}) – {site}', en: 'New in your wijk ({count}) – {site}' },
  'alerts.mail.subject.daily': { nl: 'Vandaag nieuw in je wijk ({count}) – {site}', en: 'New in your wijk today ({count}) – {site}' },
  'alerts.mail.subject.weekly': { nl: 'Deze week nieuw in je wijk ({count}) – {site}', en: 'New in your wijk this week ({count}) – {site}' },
  'alerts.mail.intro': { nl: 'Er is nieuws bij wat je volgt ({count}):', en: 'There is something new in what you follow ({count}):' },
  'alerts.mail.where': { nl: '{module}, {wijk}', en: '{module}, {wijk}' },
  'alerts.mail.more': { nl: 'Er is nog meer nieuw; kijk op de site van je wijk.', en: 'There is more that is new; have a look at your wijk’s site.' },
  'alerts.mail.settings': { nl: 'Wat ik volg aanpassen', en: 'Change what I follow' },
  'alerts.mail.why': { nl: 'Je krijgt deze mail omdat je berichten volgt op {site}.', en: 'You get this email because you follow posts on {site}.' },
  'alerts.mail.unsubscribe': { nl: 'Geen meldingen meer? Meld je met één klik af:', en: 'No more alerts? Unsubscribe with one click:' },
})

import { defineMessages } from '../../kernel/i18n/define.js'

/** Subscribing to the Agenda in one's own calendar app, and the help page for it. */
export const wijkSiteIcalMessages = defineMessages({
  'wijk-site.subscribe.title': { nl: 'Abonneren', en: 'Subscribe' },
  'wijk-site.subscribe.intro': {
    nl: 'Zet deze agenda in je eigen kalender. Nieuwe en gewijzigde activiteiten komen er daarna vanzelf bij.',
    en: 'Put this calendar in your own calendar app. New and changed activities then appear there by themselves.',
  },
  'wijk-site.subscribe.all': { nl: 'Abonneren op de hele agenda', en: 'Subscribe to the whole calendar' },
  'wijk-site.subscribe.theme': { nl: 'Abonneren op alleen {theme}', en: 'Subscribe to {theme} only' },
  'wijk-site.subscribe.help': { nl: 'Hoe werkt abonneren? (Google, Outlook, Apple)', en: 'How does subscribing work? (Google, Outlook, Apple)' },

  'wijk-site.subscribe.page.title': { nl: 'Abonneren op de agenda van {wijk}', en: 'Subscribe to the calendar of {wijk}' },
  'wijk-site.subscribe.page.intro': {
    nl: 'Met een abonnement toont je eigen kalender de activiteiten uit deze agenda, naast je eigen afspraken. Je kalender kijkt zelf af en toe of er iets veranderd is; je hoeft niets bij te houden. Jij kunt er niets in wijzigen en wij zien niet wie er geabonneerd is.',
    en: 'With a subscription your own calendar shows the activities of this calendar next to your own appointments. Your calendar checks for changes by itself now and then; there is nothing to keep up. You cannot change anything in it, and we do not see who subscribed.',
  },
  'wijk-site.subscribe.address': { nl: 'Adres van de agenda', en: 'Address of the calendar' },
  'wijk-site.subscribe.address.hint': { nl: 'Kopieer dit adres als je kalender erom vraagt.', en: 'Copy this address when your calendar asks for it.' },
  'wijk-site.subscribe.themeAddress': { nl: 'Adres voor alleen {theme}', en: 'Address for {theme} only' },
  'wijk-site.subscribe.open': { nl: 'Open in mijn kalender', en: 'Open in my calendar' },
  'wijk-site.subscribe.google': { nl: 'Google Agenda', en: 'Google Calendar' },
  'wijk-site.subscribe.google.steps': {
    nl: 'Open Google Agenda op een computer.|Klik links naast "Andere agenda’s" op het plusteken en kies "Via URL".|Plak het adres hierboven en kies "Agenda toevoegen".|Op je telefoon staat de agenda daarna ook in de Google Agenda-app. Google haalt wijzigingen zelf op; dat kan een paar uur duren.',
    en: 'Open Google Calendar on a computer.|On the left, next to "Other calendars", click the plus sign and choose "From URL".|Paste the address above and choose "Add calendar".|The calendar then also shows in the Google Calendar app on your phone. Google fetches changes by itself; this can take a few hours.',
  },
  'wijk-site.subscribe.outlook': { nl: 'Outlook', en: 'Outlook' },
  'wijk-site.subscribe.outlook.steps': {
    nl: 'In Outlook op het web: ga naar de agenda en kies "Agenda toevoegen".|Kies "Abonneren vanaf het web", plak het adres hierboven, geef de agenda een naam en kies "Importeren".|In Outlook op je computer kun je ook de knop "Open in mijn kalender" hierboven gebruiken.',
    en: 'In Outlook on the web: go to the calendar and choose "Add calendar".|Choose "Subscribe from web", paste the address above, give the calendar a name and choose "Import".|In Outlook on your computer you can also use the "Open in my calendar" button above.',
  },
  'wijk-site.subscribe.apple': { nl: 'Apple Agenda (iPhone, iPad, Mac)', en: 'Apple Calendar (iPhone, iPad, Mac)' },
  'wijk-site.subscribe.apple.steps': {
    nl: 'Op een iPhone of iPad: tik op "Open in mijn kalender" hierboven en bevestig met "Abonneer".|Op een Mac: kies in Agenda "Archief" en dan "Nieuw agenda-abonnement", plak het adres hierboven en kies "Abonneer".|Stel bij "Vernieuw automatisch" gerust elke dag of elk uur in.',
    en: 'On an iPhone or iPad: tap "Open in my calendar" above and confirm with "Subscribe".|On a Mac: in Calendar choose "File" and then "New Calendar Subscription", paste the address above and choose "Subscribe".|Feel free to set "Auto-refresh" to every day or every hour.',
  },
  'wijk-site.subscribe.once.title': { nl: 'Eén activiteit in je agenda', en: 'One activity in your calendar' },
  'wijk-site.subscribe.once': {
    nl: 'Wil je maar één activiteit? Kies dan op de pagina van die activiteit "Zet in mijn agenda". Je kalender bewaart daarvan een kopie, met alle keren dat hij terugkomt. Verandert er later iets, dan past je kalender die kopie niet vanzelf aan; wil je bijblijven, neem dan een abonnement.',
    en: 'Only want one activity? Choose "Add to my calendar" on that activity’s page. Your calendar keeps a copy of it, with every time it comes back. If something changes later, your calendar does not update that copy by itself; to stay up to date, subscribe instead.',
  },
  'wijk-site.subscribe.back': { nl: 'Terug naar de agenda', en: 'Back to the calendar' },
})

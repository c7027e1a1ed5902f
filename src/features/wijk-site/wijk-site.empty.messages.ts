import { defineMessages } from '../../kernel/i18n/define.js'

/** "Deze week" on the wijk home, and what an empty list of the wijk site invites you to do next. */
export const wijkSiteEmptyMessages = defineMessages({
  'wijk-site.thisWeek.title': { nl: 'Deze week', en: 'This week' },
  'wijk-site.thisWeek.all': { nl: 'Alles van deze week', en: 'Everything this week' },
  'wijk-site.thisWeek.none': { nl: 'Deze week staat er nog niets in de agenda.', en: 'Nothing is in the calendar this week yet.' },
  'wijk-site.thisWeek.add': { nl: 'Zet een activiteit in de agenda', en: 'Put an activity in the calendar' },
  'wijk-site.next.agenda': { nl: 'Organiseer je iets in de wijk? Zet het in de agenda', en: 'Organising something in the neighbourhood? Put it in the calendar' },
  'wijk-site.next.organisaties': { nl: 'Zet je vereniging, stichting of initiatief in de gids', en: 'Add your club, foundation or initiative to the guide' },
  'wijk-site.next.prikbord': { nl: 'Vraag of bied hulp aan op het prikbord', en: 'Ask for or offer help on the notice board' },
  'wijk-site.next.nieuws': { nl: 'Weet je iets wat de buren moeten weten? Schrijf het eerste bericht', en: 'Know something the neighbours should hear? Write the first item' },
  'wijk-site.next.etalage': { nl: 'Heb je een winkel of dienst in de wijk? Zet hem in de etalage', en: 'Do you run a shop or service in the neighbourhood? Put it in the shop window' },
  'wijk-site.next.team': {
    nl: 'Als wijkteam kun je het eerste bericht plaatsen, of bewoners en organisaties vragen dat te doen.',
    en: 'As the neighbourhood team you can post the first item, or ask residents and organisations to do so.',
  },
  'wijk-site.next.showAll': { nl: 'Toon alles, zonder filter', en: 'Show everything, without a filter' },
})

import { defineMessages } from '../../kernel/i18n/define.js'

export const searchMessages = defineMessages({
  'search.title': { nl: 'Zoeken', en: 'Search' },
  'search.titleWithQuery': { nl: 'Zoeken naar “{q}”', en: 'Search for “{q}”' },
  'search.heading': { nl: 'Zoeken in {wijk}', en: 'Search {wijk}' },
  'search.field.q': { nl: 'Waar zoek je naar?', en: 'What are you looking for?' },
  'search.submit': { nl: 'Zoeken', en: 'Search' },
  'search.none': { nl: 'Niets gevonden voor “{q}”. Probeer een ander woord.', en: 'Nothing found for “{q}”. Try another word.' },
  'search.none.next': {
    nl: 'Probeer een ander of korter woord (zoals “koffie” in plaats van “koffieochtend”), of blader door de onderdelen van de wijk in het menu hierboven.',
    en: 'Try another or shorter word (such as “coffee” instead of “coffee morning”), or browse the sections of the neighbourhood in the menu above.',
  },
  'search.count': { nl: '{count, plural, one {# resultaat} other {# resultaten}} voor “{q}”', en: '{count, plural, one {# result} other {# results}} for “{q}”' },
  'search.countCapped': {
    nl: 'Minstens {count, plural, other {#}} resultaten voor “{q}”. Hieronder de {count, plural, other {#}} nieuwste, de beste eerst; met meer woorden zoek je gerichter.',
    en: 'At least {count, plural, other {#}} results for “{q}”. Below are the {count, plural, other {#}} newest, best first; more words make the search narrower.',
  },
  'search.pagination': { nl: 'Pagina’s met resultaten', en: 'Result pages' },
  'search.prev': { nl: 'Vorige', en: 'Previous' },
  'search.next': { nl: 'Volgende', en: 'Next' },
  'search.pageOf': { nl: 'Pagina {page} van {pages}', en: 'Page {page} of {pages}' },
  'search.type.activity': { nl: 'Agenda', en: 'Calendar' },
  'search.type.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'search.type.request': { nl: 'Prikbord: vraag', en: 'Notice board: request' },
  'search.type.offer': { nl: 'Prikbord: aanbod', en: 'Notice board: offer' },
  'search.type.news': { nl: 'Nieuws', en: 'News' },
  'search.type.showcase': { nl: 'Etalage', en: 'Showcase' },
})
